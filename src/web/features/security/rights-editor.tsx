import { Alert, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMemo, useState, type ReactNode } from "react";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { changedEntries, describeChange, entriesFromList, entriesToList, type EntryDto } from "./rights-diff.js";
import { filterPaths, type EditorEntry, type Tree } from "./rights-tree.js";
import { RightsTreeView } from "./rights-tree-view.js";
import { SaveRightsDialog } from "./save-rights-dialog.js";
import type { RightsConflict, RightsPreview } from "./security-api.js";
import "./security.css";

type Props = {
  tree: Tree;
  /** the grantee's entries as last loaded, and the version they carry */
  entries: EntryDto[];
  version: number;
  readOnly: boolean;
  /** e.g. 'group "Counselors"' or 'Terry Teacher' — used in messages */
  granteeLabel: string;
  /** who gains or loses what (groups); absent for one user's own rights, where the tree says it all */
  preview?(entries: EntryDto[]): Promise<RightsPreview>;
  save(entries: EntryDto[], version: number): Promise<unknown>;
  /** called after a save so the page reloads the grantee */
  onSaved(): void;
  intro?: ReactNode;
};

/** Applies the edits made since `base` on top of `current` (another administrator's newer state). */
function rebase(tree: Tree, base: Map<string, EditorEntry>, mine: Map<string, EditorEntry>, current: Map<string, EditorEntry>) {
  const next = new Map(current);
  for (const c of changedEntries(tree, base, mine)) {
    if (c.after) next.set(c.path, c.after);
    else next.delete(c.path);
  }
  return next;
}

/** The tool rights editor of a group or one user: tree, filter, preview of the effect, one save, conflicts shown. */
export function RightsEditor({ tree, entries, version, readOnly, granteeLabel, preview, save, onSaved, intro }: Props) {
  const initial = useMemo(() => entriesFromList(entries), [entries]);
  const [base, setBase] = useState(initial);
  const [baseVersion, setBaseVersion] = useState(version);
  const [edited, setEdited] = useState(initial);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState("");
  const [reviewing, setReviewing] = useState(false);
  const [conflict, setConflict] = useState<RightsConflict | null>(null);
  const [error, setError] = useState<unknown>(null);

  // a reload after a save (or someone else's) brings new props: start again from them
  const [seen, setSeen] = useState({ entries, version });
  if (seen.entries !== entries || seen.version !== version) {
    setSeen({ entries, version });
    setBase(initial);
    setBaseVersion(version);
    setEdited(initial);
  }

  const visible = useMemo(() => filterPaths(tree, filter), [tree, filter]);
  const changes = useMemo(() => changedEntries(tree, base, edited), [tree, base, edited]);
  const changedPaths = useMemo(() => new Set(changes.map((c) => c.path)), [changes]);
  const toggle = (path: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const doSave = async () => {
    setError(null);
    try {
      await save(entriesToList(tree, edited), baseVersion);
      setReviewing(false);
      setConflict(null);
      notifications.show({ color: "green", message: `Saved the tool rights of ${granteeLabel}.` });
      onSaved();
    } catch (e) {
      setReviewing(false);
      if (isApiError(e) && e.code === "version-conflict") setConflict(e.body as unknown as RightsConflict);
      else setError(e);
    }
  };

  const keepMine = () => {
    if (!conflict) return;
    const theirs = entriesFromList(conflict.current.entries);
    setEdited(rebase(tree, base, edited, theirs));
    setBase(theirs);
    setBaseVersion(conflict.current.version);
    setConflict(null);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = entriesFromList(conflict.current.entries);
    setBase(theirs);
    setEdited(theirs);
    setBaseVersion(conflict.current.version);
    setConflict(null);
  };

  return (
    <Stack gap="sm">
      {intro}
      {conflict && (
        <Alert color="orange" title="Someone else saved these rights while you were editing" role="alert" data-testid="rights-conflict">
          <Text size="sm">
            {conflict.current.updatedBy ? <strong>{conflict.current.updatedBy}</strong> : "Another administrator"}
            {conflict.current.updatedAt ? ` saved at ${new Date(conflict.current.updatedAt).toLocaleString()}` : " saved first"}. Nothing was
            overwritten: your edits are still here, not saved. Their change:
          </Text>
          <Stack gap={2} my="xs">
            {changedEntries(tree, base, entriesFromList(conflict.current.entries)).map((c) => (
              <Text size="sm" key={c.path} ff="monospace">
                {describeChange(c)}
              </Text>
            ))}
          </Stack>
          <Group gap="sm">
            <Button size="xs" onClick={keepMine}>
              Put my edits on top of theirs
            </Button>
            <Button size="xs" variant="default" onClick={takeTheirs}>
              Discard mine, show theirs
            </Button>
          </Group>
        </Alert>
      )}
      <ProblemAlert error={error} title="The rights were not saved" />
      <Paper withBorder p="sm" radius="md" style={{ position: "sticky", top: 60, zIndex: 5 }}>
        <Group justify="space-between" gap="xs">
          <Group gap={4}>
            <TextInput
              aria-label="Filter tools"
              placeholder="Filter tools, e.g. health"
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={240}
              size="xs"
              mr="xs"
            />
            <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set(tree.nodes.keys()))}>
              Expand all
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set())}>
              Collapse all
            </Button>
          </Group>
          <Group gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite" style={{ whiteSpace: "nowrap" }}>
              {changes.length === 0 ? "No unsaved changes" : `${changes.length} unsaved ${changes.length === 1 ? "change" : "changes"}`}
            </Text>
            <Button size="xs" variant="default" disabled={changes.length === 0} onClick={() => setEdited(base)}>
              Undo changes
            </Button>
            {!readOnly && (
              <Button size="xs" disabled={changes.length === 0 || conflict !== null} onClick={() => setReviewing(true)}>
                Review and save…
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
      {visible?.size === 0 && (
        <Text size="sm" c="dimmed">
          No tool matches "{filter.trim()}".
        </Text>
      )}
      <RightsTreeView
        tree={tree}
        entries={edited}
        onChange={setEdited}
        readOnly={readOnly}
        expanded={expanded}
        onToggleExpanded={toggle}
        visible={visible}
        changed={changedPaths}
      />
      {reviewing && (
        <SaveRightsDialog
          tree={tree}
          before={base}
          after={edited}
          granteeLabel={granteeLabel}
          preview={preview ? () => preview(entriesToList(tree, edited)) : undefined}
          onCancel={() => setReviewing(false)}
          onConfirm={doSave}
        />
      )}
    </Stack>
  );
}
