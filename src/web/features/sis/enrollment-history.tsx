import { Loader, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatMoment } from "./format.js";
import { sisApi, sisKeys, type Via } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

/** Enrollment History: every change to the enrollment, newest first; it is a record, never edited. */
export function EnrollmentHistory({ via, enrollmentId }: { via: Via; enrollmentId: string }) {
  const history = useQuery({ queryKey: sisKeys.section(enrollmentId, `history-${via}`), queryFn: () => sisApi.history(via, enrollmentId) });
  if (history.isPending) return <Loader aria-label="Loading the enrollment history" />;
  if (!history.data) return <TabProblem error={history.error} />;
  if (history.data.entries.length === 0) return <Text c="dimmed">No changes recorded.</Text>;
  return (
    <Table withTableBorder striped aria-label="Enrollment history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={190}>When</Table.Th>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
          <Table.Th>Changed by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.data.entries.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td>{formatMoment(h.changedAt)}</Table.Td>
            <Table.Td>{h.field}</Table.Td>
            {h.withheld ? (
              <Table.Td colSpan={2} c="dimmed" fs="italic">
                Values withheld: you do not have the right to read this field
              </Table.Td>
            ) : (
              <>
                <Table.Td c="dimmed">{h.oldValue ?? "—"}</Table.Td>
                <Table.Td>{h.newValue ?? "—"}</Table.Td>
              </>
            )}
            <Table.Td>{h.changedBy}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
