import { Alert, Badge, Button, Checkbox, Group, List, Loader, Modal, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ProblemAlert } from "../../components/problem-alert.js";
import { changedEntries, describeChange, describeRights, riskyGrants } from "./rights-diff.js";
import type { Entries, Tree } from "./rights-tree.js";
import type { RightsPreview } from "./security-api.js";

type Props = {
  tree: Tree;
  before: Entries;
  after: Entries;
  granteeLabel: string;
  preview?: () => Promise<RightsPreview>;
  onCancel(): void;
  onConfirm(): Promise<void>;
};

function EffectTable({ title, rows, color }: { title: string; rows: RightsPreview["gains"]; color: string }) {
  if (rows.length === 0) return null;
  return (
    <div>
      <Title order={4} size="h6" mb={4}>
        {title}
      </Title>
      <Table withTableBorder verticalSpacing={2} fz="sm" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>User</Table.Th>
            <Table.Th>Tool (and what is inside it)</Table.Th>
            <Table.Th w={80}>Now</Table.Th>
            <Table.Th w={110} style={{ whiteSpace: "nowrap" }}>
              After saving
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.flatMap((u) =>
            u.changes.map((c, i) => (
              <Table.Tr key={`${u.userId}:${c.toolPath}`}>
                {i === 0 && (
                  <Table.Td rowSpan={u.changes.length} style={{ verticalAlign: "top", wordBreak: "break-all" }}>
                    {u.username}
                  </Table.Td>
                )}
                <Table.Td>{c.toolPath}</Table.Td>
                <Table.Td>{describeRights(c.before)}</Table.Td>
                <Table.Td>
                  <Badge color={color} variant="light">
                    {describeRights(c.after)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Before one audited save: what changes, whose effective rights go up or down, and a confirmation for risky grants. */
export function SaveRightsDialog({ tree, before, after, granteeLabel, preview, onCancel, onConfirm }: Props) {
  const changes = useMemo(() => changedEntries(tree, before, after), [tree, before, after]);
  const risky = useMemo(() => riskyGrants(tree, before, after), [tree, before, after]);
  const effect = useQuery({
    queryKey: ["security", "preview", granteeLabel, changes.map(describeChange)],
    queryFn: () => preview!(),
    enabled: preview !== undefined,
    retry: false,
  });
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  const affected = (effect.data?.gains.length ?? 0) + (effect.data?.losses.length ?? 0);
  return (
    <Modal opened onClose={() => !busy && onCancel()} title={`Save the tool rights of ${granteeLabel}?`} size="xl" centered>
      <Stack gap="md">
        <div>
          <Title order={4} size="h6" mb={4}>
            {changes.length === 1 ? "1 change" : `${changes.length} changes`}
          </Title>
          <List size="sm" spacing={2} data-testid="rights-changes">
            {changes.map((c) => (
              <List.Item key={c.path}>{describeChange(c)}</List.Item>
            ))}
          </List>
        </div>
        {risky.length > 0 && (
          <Alert color="red" variant="light" title="These grants need care">
            <List size="sm" spacing={2}>
              {risky.map((r) => (
                <List.Item key={`${r.kind}:${r.path}`}>
                  <strong>{r.path}</strong> gets {describeRights(r.rights)}: {r.reason}
                </List.Item>
              ))}
            </List>
            <Checkbox
              mt="sm"
              label="I have checked that this group or user needs these rights"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
          </Alert>
        )}
        {preview && (
        <div>
          <Title order={4} size="h6" mb={4}>
            Effect on people
          </Title>
          {effect.isPending && <Loader size="sm" aria-label="Working out who gains or loses rights" />}
          <ProblemAlert error={effect.error} title="The effect could not be worked out" />
          {effect.data && affected === 0 && (
            <Text size="sm" c="dimmed">
              Nobody's effective rights change (no members are affected, or other grants already give the same).
            </Text>
          )}
          {effect.data && (
            <ScrollArea.Autosize mah={240}>
              <Stack gap="sm">
                <EffectTable title="Who gains rights" rows={effect.data.gains} color="green" />
                <EffectTable title="Who loses rights" rows={effect.data.losses} color="orange" />
              </Stack>
            </ScrollArea.Autosize>
          )}
        </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Keep editing
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={risky.length > 0 && !understood}>
            Save rights
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
