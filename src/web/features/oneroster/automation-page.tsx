import { Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.js";
import { RoleNotice, SecurityProblem } from "../security/role-notice.js";
import { keys, securityApi } from "../security/security-api.js";
import { CHANGES, useCapabilities } from "../security/use-capabilities.js";
import { onerosterApi, onerosterKeys, type Mapping } from "./oneroster-api.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const ACTION_COLORS: Record<string, string> = { "account-created": "green", "group-added": "blue", "account-disabled": "red", "account-enabled": "teal", skipped: "yellow" };

function MappingsEditor({ initial, canManage }: { initial: Mapping[]; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Mapping[]>(initial);
  const groups = useQuery({ queryKey: keys.groups(""), queryFn: () => securityApi.groups("") });
  const save = useMutation({
    mutationFn: () => onerosterApi.saveMappings(rows.filter((r) => r.key && r.groupId)),
    onSuccess: (saved) => {
      queryClient.setQueryData(onerosterKeys.mappings, saved);
      setRows(saved.mappings);
      notifications.show({ color: "green", message: "The automation's mappings are saved." });
    },
  });
  const options = (groups.data ?? []).map((g) => ({ value: g.id, label: g.name }));
  const set = (i: number, change: Partial<Mapping>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Card withBorder padding="md" maw={960}>
      <Text fw={600}>Mappings</Text>
      <Text size="sm" c="dimmed" mb="sm">
        A school's staff go into its calendar-only groups (groups with calendar rights and no tool rights: the seed's rule); a role or title (teacher, aide, administrator) puts them in role groups.
      </Text>
      <SecurityProblem error={save.error} />
      <Table withTableBorder aria-label="Mappings">
        <Table.Thead><Table.Tr><Table.Th>Kind</Table.Th><Table.Th>School or role/title</Table.Th><Table.Th>Group</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td><Select aria-label={`Kind ${i + 1}`} data={[{ value: "school", label: "School" }, { value: "role", label: "Role or title" }]} value={r.kind} onChange={(v) => set(i, { kind: (v ?? "school") as Mapping["kind"] })} disabled={!canManage} allowDeselect={false} /></Table.Td>
              <Table.Td><TextInput aria-label={`Key ${i + 1}`} value={r.key} onChange={(e) => set(i, { key: e.currentTarget.value })} disabled={!canManage} /></Table.Td>
              <Table.Td><Select aria-label={`Group ${i + 1}`} data={options} value={r.groupId || null} onChange={(v) => set(i, { groupId: v ?? "" })} searchable disabled={!canManage} /></Table.Td>
              <Table.Td>{canManage && <Button variant="subtle" color="red" size="xs" onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</Button>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && (
        <Group mt="sm">
          <Button variant="default" onClick={() => setRows([...rows, { kind: "school", key: "", groupId: "" }])}>Add mapping</Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>Save mappings</Button>
        </Group>
      )}
    </Card>
  );
}

/** Staff account automation: the mappings it uses, and every run with every action. */
export function StaffAutomationPage() {
  const canManage = useCapabilities().can(CHANGES.automationMappings);
  const mappings = useQuery({ queryKey: onerosterKeys.mappings, queryFn: onerosterApi.mappings });
  const runs = useQuery({ queryKey: onerosterKeys.runs, queryFn: onerosterApi.runs });
  return (
    <>
      <PageHeader
        title="Staff account automation"
        description="While Enable Automatic Creation of Staff Accounts is on (Account Security Preferences), a school assignment creates the account and places it in groups; the end of the last assignment disables it."
      />
      <RoleNotice changes={[CHANGES.automationMappings]} />
      <SecurityProblem error={mappings.error ?? runs.error} />
      <Stack gap="lg">
        {mappings.isPending ? <Loader aria-label="Loading the mappings" /> : mappings.data && <MappingsEditor initial={mappings.data.mappings} canManage={canManage} />}
        <Card withBorder padding="md" maw={960}>
          <Text fw={600} mb="xs">Run history</Text>
          {runs.data?.runs.length === 0 && <Text size="sm" c="dimmed">The automation has not run yet.</Text>}
          <Table withTableBorder aria-label="Run history">
            <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Source</Table.Th><Table.Th>Username</Table.Th><Table.Th>Action</Table.Th><Table.Th>Detail</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(runs.data?.runs ?? []).flatMap((run) =>
                run.actions.map((a, i) => (
                  <Table.Tr key={`${run.id}-${i}`}>
                    <Table.Td>{i === 0 ? when.format(new Date(run.ranAt)) : ""}</Table.Td>
                    <Table.Td>{i === 0 ? `${run.source}${run.actorName ? ` (${run.actorName})` : ""}` : ""}</Table.Td>
                    <Table.Td>{a.username}</Table.Td>
                    <Table.Td><Badge color={ACTION_COLORS[a.action] ?? "gray"} variant="light">{a.action}</Badge></Table.Td>
                    <Table.Td>{a.detail}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
    </>
  );
}
