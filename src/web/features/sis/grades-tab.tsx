import { Badge, Loader, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/empty-state.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

const LETTER_COLORS: Record<string, string> = { A: "green", B: "teal", C: "yellow", D: "orange", F: "red" };

/** Student Information > General > Grades: posted grades in the calendars the user may see. */
export function GradesTab({ personId }: { personId: string }) {
  const grades = useQuery({ queryKey: sisKeys.tab(personId, "grades"), queryFn: () => sisApi.grades(personId) });
  if (grades.isPending) return <Loader aria-label="Loading grades" />;
  if (!grades.data) return <TabProblem error={grades.error} />;
  if (grades.data.grades.length === 0) return <EmptyState title="No grades posted" message="No grades are posted in the calendars you have rights to." />;
  return (
    <Table withTableBorder striped aria-label="Grades" maw={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Course</Table.Th>
          <Table.Th>Term</Table.Th>
          <Table.Th ta="right">Score</Table.Th>
          <Table.Th>Grade</Table.Th>
          <Table.Th>Calendar</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grades.data.grades.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>{g.course}</Table.Td>
            <Table.Td>{g.term}</Table.Td>
            <Table.Td ta="right">{g.score.toFixed(1)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={LETTER_COLORS[g.letter[0] ?? ""] ?? "gray"}>
                {g.letter}
              </Badge>
            </Table.Td>
            <Table.Td>{g.calendar}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
