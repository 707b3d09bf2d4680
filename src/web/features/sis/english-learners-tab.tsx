import { Badge, Loader, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/empty-state.js";
import { formatDay } from "./format.js";
import { ProtectedNotice } from "./protected-notice.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

/** Program Participation > English Learners (EL): federally protected, so reading it is logged. */
export function EnglishLearnersTab({ personId }: { personId: string }) {
  const el = useQuery({ queryKey: sisKeys.tab(personId, "english-learners"), queryFn: () => sisApi.englishLearners(personId) });
  if (el.isPending) return <Loader aria-label="Loading English Learner records" />;
  if (!el.data) return <TabProblem error={el.error} />;
  return (
    <>
      <ProtectedNotice what="English Learner status" />
      {el.data.records.length === 0 ? (
        <EmptyState title="Not an English Learner" message="This student has no English Learner (EL) records." />
      ) : (
        <Table withTableBorder aria-label="English Learner records" maw={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status</Table.Th>
              <Table.Th>Identified</Table.Th>
              <Table.Th>Exited</Table.Th>
              <Table.Th>Proficiency level</Table.Th>
              <Table.Th>Program</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {el.data.records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Badge variant="light" color={r.status === "EL" ? "blue" : "gray"} tt="none">
                    {r.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDay(r.identifiedDate)}</Table.Td>
                <Table.Td>{formatDay(r.exitDate)}</Table.Td>
                <Table.Td>{r.proficiencyLevel ?? "—"}</Table.Td>
                <Table.Td>{r.programType ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
