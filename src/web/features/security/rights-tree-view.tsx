import { ActionIcon, Badge, Button, Checkbox, Group, Switch, Table, Text, Tooltip } from "@mantine/core";
import { useMemo, useState, type ReactNode } from "react";
import type { RightLetter } from "../../../domain/rights/rights.js";
import { describeWindow } from "./rights-diff.js";
import { letterStates, resolve, setDeny, setUntil, toggleLetter, type Entries, type EditorEntry, type LetterState, type Tree, type TreeNode } from "./rights-tree.js";

const LETTERS: RightLetter[] = ["R", "W", "A", "D"];
const LETTER_NAMES: Record<RightLetter, string> = { R: "Read", W: "Write", A: "Add", D: "Delete" };

type Props = {
  tree: Tree;
  entries: Entries;
  onChange(next: Map<string, EditorEntry>): void;
  readOnly: boolean;
  expanded: Set<string>;
  onToggleExpanded(path: string): void;
  /** paths to show while filtering (null: no filter, follow `expanded`) */
  visible: Set<string> | null;
  /** tools whose own entry differs from the saved one: their rows are marked */
  changed?: ReadonlySet<string>;
};

function NodeFlags({ node }: { node: TreeNode }) {
  return (
    <>
      {node.federallyProtected && (
        <Tooltip label="Federally protected student data (FERPA/HIPAA): give it only to those who need it">
          <Badge size="xs" color="grape" variant="light">
            Protected
          </Badge>
        </Tooltip>
      )}
      {node.dangerous && (
        <Tooltip label={`${node.dangerous.right} here: ${node.dangerous.reason}`} multiline w={340}>
          <Badge size="xs" color="red" variant="light">
            Caution: {node.dangerous.right}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}

function LetterBox({ state, label, disabled, onChange }: { state: LetterState; label: string; disabled: boolean; onChange(checked: boolean): void }) {
  return (
    <Checkbox
      aria-label={label}
      checked={state === "checked"}
      indeterminate={state === "partial"}
      disabled={disabled}
      // a partial box becomes fully checked on click, as people expect
      onChange={() => onChange(state !== "checked")}
      size="sm"
    />
  );
}

/** The catalog as rows: expandable, R/W/A/D per tool (one box for Campus Instruction), deny and until per entry. */
export function RightsTreeView({ tree, entries, onChange, readOnly, expanded, onToggleExpanded, visible, changed }: Props) {
  const states = useMemo(() => letterStates(tree, entries), [tree, entries]);
  // a date box on every row would drown the tree: rows without a date show a small button
  const [datePaths, setDatePaths] = useState<Set<string>>(() => new Set());
  const rows: ReactNode[] = [];
  const walk = (path: string, depth: number) => {
    if (visible && !visible.has(path)) return;
    const node = tree.nodes.get(path)!;
    const own = entries.get(path);
    const r = resolve(tree, entries, path);
    const open = visible ? true : expanded.has(path);
    const st = states.get(path)!;
    const lockedByDeny = r.denied && r.deniedBy !== path;
    rows.push(
      <Table.Tr key={path} data-testid="rights-row" data-path={path} data-changed={changed?.has(path) || undefined} className="gh-rights-row">
        <Table.Td style={{ paddingLeft: 8 + depth * 20 }}>
          <Group gap={6} wrap="nowrap">
            {node.children.length > 0 ? (
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={`${open ? "Collapse" : "Expand"} ${path}`}
                aria-expanded={open}
                onClick={() => onToggleExpanded(path)}
                disabled={visible !== null}
              >
                {open ? "▾" : "▸"}
              </ActionIcon>
            ) : (
              <span style={{ width: 22, display: "inline-block" }} />
            )}
            <Text size="sm" fw={depth === 0 ? 600 : 400}>
              {node.label}
            </Text>
            <NodeFlags node={node} />
            {own && !own.deny && (
              <Badge size="xs" variant="outline" color="gray" tt="none" title="This tool has its own entry; tools inside it follow it unless set differently">
                set here
              </Badge>
            )}
            {own?.deny && (
              <Badge size="xs" color="red" tt="none" title="Denied here and everywhere inside, whatever other groups give">
                denied
              </Badge>
            )}
            {lockedByDeny && (
              <Text size="xs" c="red.8">
                denied above
              </Text>
            )}
            {own?.others?.map((o) => (
              <Text key={`${o.from}:${o.until}`} size="xs" c="dimmed" title="Another entry of this tool, for other dates: kept as it is when you save">
                {o.from && own.until === o.from ? "then" : "also"} {describeWindow(o)}
              </Text>
            ))}
            {changed?.has(path) && (
              <Badge size="xs" color="yellow" variant="light" tt="none">
                unsaved
              </Badge>
            )}
          </Group>
        </Table.Td>
        {node.allOrNothing ? (
          <Table.Td colSpan={4}>
            <LetterBox
              state={st.D === "partial" || st.R === "partial" ? "partial" : st.D}
              label={`Full access on ${path}`}
              disabled={readOnly || r.denied}
              onChange={(checked) => onChange(toggleLetter(tree, entries, path, "R", checked))}
            />
          </Table.Td>
        ) : (
          LETTERS.map((l) => (
            <Table.Td key={l}>
              <LetterBox
                state={st[l]}
                label={`${LETTER_NAMES[l]} (${l}) on ${path}`}
                disabled={readOnly || r.denied}
                onChange={(checked) => onChange(toggleLetter(tree, entries, path, l, checked))}
              />
            </Table.Td>
          ))
        )}
        <Table.Td>
          <Switch
            size="xs"
            color="red"
            aria-label={`Deny ${path}`}
            checked={own?.deny === true}
            disabled={readOnly || lockedByDeny}
            title={lockedByDeny ? `Denied by the entry on ${r.deniedBy}` : undefined}
            onChange={(e) => onChange(setDeny(entries, path, e.currentTarget.checked))}
          />
        </Table.Td>
        <Table.Td>
          {own?.until || datePaths.has(path) ? (
            <input
              type="date"
              aria-label={`Until date on ${path}`}
              value={own?.until ?? ""}
              disabled={readOnly}
              onChange={(e) => onChange(setUntil(tree, entries, path, e.currentTarget.value || null))}
              style={{ font: "inherit", fontSize: 12, border: "1px solid var(--mantine-color-gray-4)", borderRadius: 4, padding: "1px 4px" }}
            />
          ) : (
            !readOnly && (
              <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Set an until date on ${path}`} onClick={() => setDatePaths((s) => new Set(s).add(path))}>
                + date
              </Button>
            )
          )}
        </Table.Td>
      </Table.Tr>,
    );
    if (open) for (const c of node.children) walk(c, depth + 1);
  };
  for (const root of tree.roots) walk(root, 0);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table stickyHeader aria-label="Tool rights" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tool</Table.Th>
            {LETTERS.map((l) => (
              <Table.Th key={l} w={44} title={LETTER_NAMES[l]}>
                {l}
              </Table.Th>
            ))}
            <Table.Th w={64}>Deny</Table.Th>
            <Table.Th w={140}>Until</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
