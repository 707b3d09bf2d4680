import { Badge, Group, Loader, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/empty-state.js";
import { formatDay } from "./format.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Student Information > General > Attendance: absences and tardies in the calendars the user may see. */
export function AttendanceTab({ personId }: { personId: string }) {
  const attendance = useQuery({ queryKey: sisKeys.tab(personId, "attendance"), queryFn: () => sisApi.attendance(personId) });
  if (attendance.isPending) return <Loader aria-label="Loading attendance" />;
  if (!attendance.data) return <TabProblem error={attendance.error} />;
  const records = attendance.data.records;
  if (records.length === 0) return <EmptyState title="No absences or tardies" message="Nothing is recorded in the calendars you have rights to." />;
  const count = (status: string, excuse?: string) => records.filter((r) => r.status === status && (!excuse || r.excuse === excuse)).length;
  return (
    <>
      <Group gap="xs" mb="sm" aria-label="Attendance totals">
        <Badge color="red" variant="light" tt="none">
          {plural(count("absent"), "absence")} ({count("absent", "unexcused")} unexcused)
        </Badge>
        <Badge color="orange" variant="light" tt="none">
          {plural(count("tardy"), "tardy", "tardies")}
        </Badge>
      </Group>
      <Table withTableBorder striped aria-label="Attendance" maw={960}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Excuse</Table.Th>
            <Table.Th>Calendar</Table.Th>
            <Table.Th>Comments</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDay(r.date)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={r.status === "absent" ? "red" : "orange"} tt="none">
                  {r.status === "absent" ? "Absent" : r.status === "tardy" ? "Tardy" : r.status}
                </Badge>
              </Table.Td>
              <Table.Td>{r.excuse === "excused" ? "Excused" : r.excuse === "unexcused" ? "Unexcused" : r.excuse}</Table.Td>
              <Table.Td>{r.calendar}</Table.Td>
              <Table.Td>{r.comments ?? <Text span c="dimmed">—</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
