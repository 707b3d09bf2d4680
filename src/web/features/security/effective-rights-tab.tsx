import { ActionIcon, Badge, Button, Code, Group, Loader, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { SecurityProblem } from "./role-notice.js";
import { filterPaths, type Tree } from "./rights-tree.js";
import { keys, securityApi } from "./security-api.js";

const LEVEL_COLOR: Record<string, string> = { "": "gray", R: "blue", RW: "cyan", RWA: "indigo", RWAD: "red" };

function WhyDialog({ userId, tool, onClose }: { userId: string; tool: string; onClose(): void }) {
  const explain = useQuery({ queryKey: ["security", "explain", userId, tool], queryFn: () => securityApi.explain(userId, tool) });
  return (
    <Modal opened onClose={onClose} title={`Why: ${tool}`} size="xl" centered>
      {explain.isPending && <Loader size="sm" aria-label="Working out why" />}
      <SecurityProblem error={explain.error} />
      {explain.data && (
        <Code block data-testid="explanation" style={{ whiteSpace: "pre-wrap" }}>
          {explain.data.lines.join("\n")}
        </Code>
      )}
    </Modal>
  );
}

/** The whole catalog as this user sees it right now, with "why" on any tool. */
export function EffectiveRightsTab({ userId, tree }: { userId: string; tree: Tree }) {
  const effective = useQuery({ queryKey: keys.effective(userId), queryFn: () => securityApi.effectiveRights(userId) });
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState("");
  const [why, setWhy] = useState<string | null>(null);
  const visible = useMemo(() => filterPaths(tree, filter), [tree, filter]);
  const rights = useMemo(() => Object.fromEntries((effective.data?.tools ?? []).map((t) => [t.path, t.rights])), [effective.data]);

  const rows: ReactNode[] = [];
  const walk = (path: string, depth: number) => {
    if (visible && !visible.has(path)) return;
    const node = tree.nodes.get(path)!;
    const open = visible !== null || expanded.has(path);
    const r = rights[path] ?? "";
    rows.push(
      <Table.Tr key={path} data-testid="effective-row" data-path={path}>
        <Table.Td style={{ paddingLeft: 8 + depth * 20 }}>
          <Group gap={6} wrap="nowrap">
            {node.children.length > 0 ? (
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={`${open ? "Collapse" : "Expand"} ${path}`}
                aria-expanded={open}
                disabled={visible !== null}
                onClick={() =>
                  setExpanded((s) => {
                    const next = new Set(s);
                    if (next.has(path)) next.delete(path);
                    else next.add(path);
                    return next;
                  })
                }
              >
                {open ? "▾" : "▸"}
              </ActionIcon>
            ) : (
              <span style={{ width: 22, display: "inline-block" }} />
            )}
            <Text size="sm" fw={depth === 0 ? 600 : 400}>
              {node.label}
            </Text>
            {node.federallyProtected && (
              <Badge size="xs" color="grape" variant="light">
                Protected
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Badge color={LEVEL_COLOR[r]} variant={r ? "filled" : "light"} aria-label={`Rights on ${path}: ${r || "none"}`}>
            {r || "none"}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Button size="compact-xs" variant="subtle" onClick={() => setWhy(path)} aria-label={`Why ${path}`}>
            Why?
          </Button>
        </Table.Td>
      </Table.Tr>,
    );
    if (open) for (const c of node.children) walk(c, depth + 1);
  };
  for (const root of tree.roots) walk(root, 0);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={820}>
        What this person can do in each tool now: the largest right of their groups and individual rights, after any deny. In a calendar, calendar
        rights may cap it further. Use "Why?" to see which group or entry gives or takes each right.
      </Text>
      <Group gap="sm">
        <TextInput aria-label="Filter tools" placeholder="Filter tools" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} size="xs" w={280} />
        <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set(tree.nodes.keys()))}>
          Expand all
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set())}>
          Collapse all
        </Button>
      </Group>
      <SecurityProblem error={effective.error} />
      {effective.isPending && <Loader size="sm" aria-label="Loading effective rights" />}
      {effective.data && (
        <Table aria-label="Effective rights" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tool</Table.Th>
              <Table.Th w={110}>Rights</Table.Th>
              <Table.Th w={80}>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
      )}
      {why && <WhyDialog userId={userId} tool={why} onClose={() => setWhy(null)} />}
    </Stack>
  );
}
