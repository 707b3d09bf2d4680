import { Alert, Badge, Group, Loader, Select, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmButton } from "../../components/confirm-button.js";
import { isApiError } from "../../api.js";
import { SecurityProblem } from "../security/role-notice.js";
import { governanceApi, governanceKeys, type RightsVersionDiff } from "./governance-api.js";
import { ToolDifferencesTable } from "./tool-differences-table.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function DiffTables({ diff }: { diff: RightsVersionDiff }) {
  if (diff.tools.length === 0 && diff.calendars.length === 0) return <Text>These two versions give the same rights.</Text>;
  const grant = (g: { modify: boolean } | null) => (g === null ? "no grant" : g.modify ? "with modify" : "read-only");
  return (
    <>
      {diff.tools.length > 0 && <ToolDifferencesTable rows={diff.tools} label={`Tool rights changed from version ${diff.from.number} to ${diff.to.number}`} headA={`Version ${diff.from.number}`} headB={`Version ${diff.to.number}`} />}
      {diff.calendars.length > 0 && (
        <Table aria-label={`Calendar rights changed from version ${diff.from.number} to ${diff.to.number}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Calendar</Table.Th>
              <Table.Th w={160}>Version {diff.from.number}</Table.Th>
              <Table.Th w={160}>Version {diff.to.number}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {diff.calendars.map((g) => (
              <Table.Tr key={`${g.school}/${g.year}/${g.calendar}`}>
                <Table.Td>{[g.school, g.year, g.calendar].map((x) => (x === "*" ? "all" : x)).join(" / ")}</Table.Td>
                <Table.Td>{grant(g.a)}</Table.Td>
                <Table.Td>{grant(g.b)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/**
 * Every saved version of the group's rights: who saved it and why, the difference between any
 * two, and restoring one (a new change, with the usual conflict check).
 */
export function RightsHistoryTab({ group, readOnly, onRestored }: { group: { id: string; name: string; version: number }; readOnly: boolean; onRestored(): void }) {
  const history = useQuery({ queryKey: governanceKeys.history(group.id), queryFn: () => governanceApi.history(group.id) });
  const versions = history.data ?? [];
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const latest = versions[0]?.number;
  const toN = Number(to ?? latest ?? 0);
  const fromN = Number(from ?? versions[1]?.number ?? 0);
  const diff = useQuery({ queryKey: governanceKeys.diff(group.id, fromN, toN), queryFn: () => governanceApi.diff(group.id, fromN, toN), enabled: fromN > 0 && toN > 0 && fromN !== toN });
  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number} · ${when.format(new Date(v.savedAt))}` }));
  const restore = async (number: number) => {
    try {
      const r = await governanceApi.restore(group.id, number, group.version);
      notifications.show({ color: "green", message: `Restored version ${number} of ${group.name}; saved as version ${r.savedAs}.` });
      onRestored();
      void history.refetch();
    } catch (e) {
      const message = isApiError(e) ? e.detail : "The restore failed.";
      notifications.show({ color: "red", message, autoClose: false });
      throw e;
    }
  };
  if (history.isPending) return <Loader aria-label="Loading the history" />;
  return (
    <>
      <SecurityProblem error={history.error} />
      {readOnly && (
        <Alert variant="light" color="gray" mb="md">
          View only: restoring a version needs the Student Information System product security role.
        </Alert>
      )}
      <Table aria-label="Saved versions" mb="lg">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Version</Table.Th>
            <Table.Th>Saved</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th w={150}>Contents</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.number} data-testid="history-row">
              <Table.Td>
                {v.number} {v.number === latest && <Badge size="xs">current</Badge>}
              </Table.Td>
              <Table.Td>{when.format(new Date(v.savedAt))}</Table.Td>
              <Table.Td>{v.savedBy ?? "policy or system"}</Table.Td>
              <Table.Td>{v.reason}</Table.Td>
              <Table.Td>
                {v.entryCount} rights, {v.calendarGrantCount} calendars
              </Table.Td>
              <Table.Td>
                {v.number !== latest && !readOnly && (
                  <ConfirmButton
                    size="xs"
                    variant="default"
                    confirmColor="blue"
                    confirmLabel={`Restore version ${v.number}`}
                    title={`Restore version ${v.number} of ${group.name}?`}
                    message={`The group's tool rights and calendar rights become those of version ${v.number}. Members keep their membership; their rights change at once. This is a new change: it is audited and can itself be undone from this list.`}
                    onConfirm={() => restore(v.number)}
                  >
                    Restore
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {versions.length > 1 && (
        <>
          <Title order={3} size="h4" mb="xs">
            Compare two versions
          </Title>
          <Group mb="md">
            <Select label="From" data={options} value={String(fromN)} onChange={setFrom} w={280} allowDeselect={false} />
            <Select label="To" data={options} value={String(toN)} onChange={setTo} w={280} allowDeselect={false} />
          </Group>
          <SecurityProblem error={diff.error} />
          {diff.data && <DiffTables diff={diff.data} />}
        </>
      )}
    </>
  );
}
