import { Loader, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/empty-state.js";
import { formatDay } from "./format.js";
import { ProtectedNotice } from "./protected-notice.js";
import { sisApi, sisKeys } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

/** FRAM > Eligibility > Eligibility: free and reduced meal eligibility, federally protected. */
export function FramTab({ personId }: { personId: string }) {
  const fram = useQuery({ queryKey: sisKeys.tab(personId, "fram"), queryFn: () => sisApi.fram(personId) });
  if (fram.isPending) return <Loader aria-label="Loading meal eligibility" />;
  if (!fram.data) return <TabProblem error={fram.error} />;
  return (
    <>
      <ProtectedNotice what="Meal eligibility" />
      {fram.data.records.length === 0 ? (
        <EmptyState title="No eligibility on file" message="This student has no free or reduced meal eligibility records." />
      ) : (
        <Table withTableBorder aria-label="Meal eligibility" maw={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>School year</Table.Th>
              <Table.Th>Eligibility</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Start date</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fram.data.records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td>{r.eligibility}</Table.Td>
                <Table.Td>{r.source}</Table.Td>
                <Table.Td>{formatDay(r.startDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
