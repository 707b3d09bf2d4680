import { ActionIcon, Badge, Button, Checkbox, Group, Switch, Table, Text, Tooltip } from "@mantine/core";
import { cloneElement, useMemo, useState, type KeyboardEvent, type ReactElement } from "react";
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
      {node.districtProtected && (
        <Tooltip label="Protected by the district (beyond the seed's FERPA/HIPAA list): give it only to those who need it">
          <Badge size="xs" color="grape" variant="light">
            Protected (district)
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
      tabIndex={-1}
      data-cell=""
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
  // The WAI-ARIA treegrid: the tree is one Tab stop (the row last focused); arrows move inside it.
  const [active, setActive] = useState<string | null>(null);
  const shown: string[] = [];
  const rows: ReactElement<{ tabIndex: number }>[] = [];
  const walk = (path: string, depth: number) => {
    if (visible && !visible.has(path)) return;
    const node = tree.nodes.get(path)!;
    const own = entries.get(path);
    const r = resolve(tree, entries, path);
    const open = visible ? true : expanded.has(path);
    const st = states.get(path)!;
    const lockedByDeny = r.denied && r.deniedBy !== path;
    shown.push(path);
    rows.push(
      <Table.Tr
        key={path}
        data-testid="rights-row"
        data-path={path}
        data-changed={changed?.has(path) || undefined}
        className="gh-rights-row"
        aria-level={depth + 1}
        aria-expanded={node.children.length > 0 ? open : undefined}
        aria-label={node.label}
        tabIndex={path === active ? 0 : -1}
        onFocus={() => setActive(path)}
      >
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
                tabIndex={-1}
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
            tabIndex={-1}
            data-cell=""
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
              tabIndex={-1}
              data-cell=""
              value={own?.until ?? ""}
              disabled={readOnly}
              onChange={(e) => onChange(setUntil(tree, entries, path, e.currentTarget.value || null))}
              style={{ font: "inherit", fontSize: 12, border: "1px solid var(--mantine-color-gray-4)", borderRadius: 4, padding: "1px 4px" }}
            />
          ) : (
            !readOnly && (
              <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Set an until date on ${path}`} tabIndex={-1} data-cell="" onClick={() => setDatePaths((s) => new Set(s).add(path))}>
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
  if (!(active && shown.includes(active)) && rows[0]) rows[0] = cloneElement(rows[0], { tabIndex: 0 });

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLTableRowElement>("tr[data-path]");
    if (!row) return;
    const all = [...e.currentTarget.querySelectorAll<HTMLTableRowElement>("tr[data-path]")];
    const at = all.indexOf(row);
    const path = row.dataset.path!;
    const onRow = target === row;
    const cells = [...row.querySelectorAll<HTMLElement>("[data-cell]")].filter((el) => !(el as HTMLInputElement).disabled);
    const cell = cells.indexOf(target);
    const canToggle = (tree.nodes.get(path)?.children.length ?? 0) > 0 && visible === null;
    const open = row.getAttribute("aria-expanded") === "true";
    const level = Number(row.getAttribute("aria-level"));
    const key = e.key === " " ? "Space" : e.key;
    if (key === "ArrowDown") all[at + 1]?.focus();
    else if (key === "ArrowUp") all[at - 1]?.focus();
    else if (key === "Home") all[0]?.focus();
    else if (key === "End") all[all.length - 1]?.focus();
    else if (key === "ArrowRight" && onRow) {
      if (canToggle && !open) onToggleExpanded(path);
      else cells[0]?.focus();
    } else if (key === "ArrowRight") cells[cell + 1]?.focus();
    else if (key === "ArrowLeft" && onRow) {
      if (canToggle && open) onToggleExpanded(path);
      else all.slice(0, at).reverse().find((r) => Number(r.getAttribute("aria-level")) < level)?.focus();
    } else if (key === "ArrowLeft") (cell > 0 ? cells[cell - 1] : row)?.focus();
    else if ((key === "Enter" || key === "Space") && onRow && canToggle) onToggleExpanded(path);
    else if (key === "Enter" && !onRow) target.click();
    else return;
    e.preventDefault();
  };

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table stickyHeader role="treegrid" aria-label="Tool rights" verticalSpacing={4}>
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
        <Table.Tbody onKeyDown={onKeyDown}>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
