import { ActionIcon, Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { SecurityProblem } from "./role-notice.js";
import { filterPaths, type Tree } from "./rights-tree.js";
import { subtreeSummary } from "./rights-summary.js";
import { keys, securityApi, type CalendarRef, type RightsLens } from "./security-api.js";
import { WhyDialog } from "./why-dialog.js";

const LEVEL_COLOR: Record<string, string> = { "": "gray", R: "blue", RW: "cyan", RWA: "indigo", RWAD: "red" };

/** The whole catalog as this user sees it right now, with "why" on any tool. */
export function EffectiveRightsTab({ userId, tree }: { userId: string; tree: Tree }) {
  const [calendarKey, setCalendarKey] = useState<string | null>(null);
  const [asOf, setAsOf] = useState("");
  // the calendar list needs the Calendar Rights tool; without it the tab shows rights outside calendars only
  const calendars = useQuery({ queryKey: keys.calendars, queryFn: securityApi.calendars, retry: false, staleTime: 60_000 });
  const calendarOptions = (calendars.data ?? []).map((c) => ({ value: JSON.stringify(c), label: `${c.calendar} (${c.school}, ${c.year})` }));
  const lens: RightsLens = { calendar: calendarKey ? (JSON.parse(calendarKey) as CalendarRef) : null, asOf: asOf || null };
  const effective = useQuery({ queryKey: [...keys.effective(userId), lens], queryFn: () => securityApi.effectiveRights(userId, lens), placeholderData: keepPreviousData });
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
    const own = rights[path] ?? "";
    // a collapsed parent stands for its whole subtree: "partial R" rather than its own "none"
    const summary = !open && node.children.length > 0 ? subtreeSummary(tree, rights, path) : null;
    const r = summary ? summary.max : own;
    const shown = summary ? summary.text : own || "none";
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
            {(node.federallyProtected || node.districtProtected) && (
              <Badge size="xs" color="grape" variant="light">
                {node.federallyProtected ? "Protected" : "Protected (district)"}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Badge color={LEVEL_COLOR[r]} variant={r && !summary?.partial ? "filled" : "light"} aria-label={`Rights on ${path}: ${shown}${summary?.partial ? " (differs inside; expand to see each tool)" : ""}`} tt="none">
            {shown}
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
        What this person can do in each tool: the largest right of their groups and individual rights, after any deny. Pick a calendar to see
        what their calendar rights leave of it there (no matching grant: nothing; a grant without Modify: read only), or a day to see it then.
        Use "Why?" to see which group or entry gives or takes each right.
      </Text>
      <Group gap="sm" align="flex-end">
        {calendarOptions.length > 0 && (
          <Select
            label="In calendar"
            placeholder="Outside any calendar"
            data={calendarOptions}
            value={calendarKey}
            onChange={setCalendarKey}
            clearable
            searchable
            size="xs"
            w={300}
          />
        )}
        <TextInput type="date" label="On day" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} size="xs" w={150} />
        <TextInput aria-label="Filter tools" placeholder="Filter tools, e.g. transcript" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} size="xs" w={240} />
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
      {why && <WhyDialog userId={userId} tool={why} lens={lens} onClose={() => setWhy(null)} />}
    </Stack>
  );
}
