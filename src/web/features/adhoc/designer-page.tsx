import { Anchor, Badge, Button, Grid, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { isApiError } from "../../api.js";
import { ConfirmButton } from "../../components/confirm-button.js";
import { PageHeader } from "../../components/page-header.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { adhocApi, adhocKeys, type Definition, type FieldGroup, type Filter } from "./adhoc-api.js";
import { ConditionsEditor } from "./conditions-editor.js";
import { ConflictAlert } from "./conflict-alert.js";
import { allShownInline, indexFields, problemsByPath, sameDefinition, toApiDefinition } from "./definition.js";
import { ExportButton } from "./export-button.js";
import { FieldPicker } from "./field-picker.js";
import { PreviewPanel, type PreviewResult } from "./preview-panel.js";
import { SelectedFields } from "./selected-fields.js";
import { ShareDialog } from "./share-dialog.js";
import { SortEditor } from "./sort-editor.js";
import { useDesignerRights } from "./use-designer-rights.js";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const isVersionConflict = (error: unknown) => isApiError(error) && error.code === "version-conflict";

/** Closing or reloading the tab with an unsaved design asks first. */
function useWarnBeforeLeaving(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}

export type Draft = { name: string; definition: Definition };

type Props = {
  groups: FieldGroup[];
  /** The saved filter being edited (the user's own), or null for a new one. */
  filter: Filter | null;
  initial: Draft;
  /** A preview run before the filter was first saved, carried over to its own page. */
  initialPreview?: PreviewResult | null;
};

/** Pick fields, add conditions and sort, preview the first rows, then save, share or export. */
export function DesignerPage({ groups, filter: opened, initial, initialPreview }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rights = useDesignerRights();
  const known = useMemo(() => indexFields(groups), [groups]);
  const [filter, setFilter] = useState(opened);
  const [draft, setDraft] = useState<Draft>(initial);
  const [problem, setProblem] = useState<unknown>(null);
  const [sharing, setSharing] = useState(false);
  const [result, setResult] = useState<PreviewResult | null>(initialPreview ?? null);
  const [exportError, setExportError] = useState<unknown>(null);
  const def = draft.definition;
  const setDef = (patch: Partial<Definition>) => setDraft((d) => ({ ...d, definition: { ...d.definition, ...patch } }));
  const problems = useMemo(() => problemsByPath(problem), [problem]);
  const dirty = !filter || filter.name !== draft.name.trim() || !sameDefinition(filter.definition, def);
  useWarnBeforeLeaving(dirty && def.fields.length > 0);

  const preview = useMutation({
    mutationFn: (d: Definition) => adhocApi.preview(toApiDefinition(d, known)),
    onMutate: () => setProblem(null),
    onSuccess: (data, d) => setResult({ preview: data, definition: d }),
    onError: setProblem,
  });
  const save = useMutation({
    mutationFn: (version?: number) =>
      filter ? adhocApi.update(filter.id, draft.name, toApiDefinition(def, known), version ?? filter.version) : adhocApi.create(draft.name, toApiDefinition(def, known)),
    onMutate: () => setProblem(null),
    onError: setProblem,
    onSuccess: (saved) => {
      queryClient.setQueryData(adhocKeys.filter(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: adhocKeys.filters, exact: true });
      notifications.show({ color: "green", title: filter ? "Filter saved" : "Filter created", message: `"${saved.name}" is in your saved filters.` });
      // The saved filter opens at its own address; the preview just run goes along.
      if (!filter) navigate(`/adhoc/filters/${saved.id}`, { replace: true, state: { preview: result } });
      setFilter(saved);
      setDraft({ name: saved.name, definition: saved.definition });
    },
  });
  const remove = async () => {
    await adhocApi.remove(filter!.id);
    notifications.show({ color: "green", title: "Filter deleted", message: `"${filter!.name}" is gone, also for the groups it was shared with.` });
    navigate("/adhoc");
    // After leaving: the deleted filter's own query is no longer watched, so it is not asked for again.
    queryClient.removeQueries({ queryKey: adhocKeys.filter(filter!.id) });
    void queryClient.invalidateQueries({ queryKey: adhocKeys.filters });
  };

  const toggleField = (id: string, on: boolean) => setDef({ fields: on ? [...def.fields, id] : def.fields.filter((f) => f !== id) });
  const canSave = filter ? filter.actions.canSave : rights.canCreate;
  const saveError = save.error && !isVersionConflict(save.error) && !allShownInline(save.error) ? save.error : null;

  return (
    <>
      <Text size="sm" mb={4}>
        <Anchor component={Link} to="/adhoc">
          Ad hoc reports
        </Anchor>{" "}
        ›
      </Text>
      <PageHeader
        title={filter ? filter.name : "New filter"}
        description={
          filter
            ? `Your saved filter, last changed ${when.format(new Date(filter.updatedAt))}. Rows are the enrollments of students in calendars you have rights to.`
            : "Rows are the enrollments of students in calendars you have rights to. Pick the columns, narrow the rows with conditions, sort, and preview before you save or export."
        }
        actions={
          <Group gap="sm">
            {filter?.actions.canShare && (
              <Button variant="default" onClick={() => setSharing(true)}>
                Share…
              </Button>
            )}
            {filter?.actions.canDelete && (
              <ConfirmButton
                variant="default"
                color="red"
                title={`Delete "${filter.name}"?`}
                message={filter.sharedWith.length ? `It is shared with ${filter.sharedWith.length} group(s); they lose it too. This cannot be undone.` : "This cannot be undone."}
                confirmLabel="Delete filter"
                onConfirm={remove}
              >
                Delete
              </ConfirmButton>
            )}
            <ExportButton
              savedId={filter && !dirty ? filter.id : null}
              definition={toApiDefinition(def, known)}
              name={draft.name || filter?.name || "adhoc"}
              disabled={def.fields.length === 0}
              disabledReason="Pick at least one field first."
              onStart={() => setExportError(null)}
              onError={(e) => {
                setProblem(e);
                setExportError(e);
              }}
            />
            {canSave && (
              <Button onClick={() => save.mutate(undefined)} loading={save.isPending} disabled={filter !== null && !dirty}>
                {filter ? "Save changes" : "Save filter"}
              </Button>
            )}
          </Group>
        }
      />
      <ConflictAlert
        error={save.error}
        onLoadTheirs={(current) => {
          setFilter(current);
          setDraft({ name: current.name, definition: current.definition });
          save.reset();
        }}
        onOverwrite={(version) => save.mutate(version)}
      />
      <ProblemAlert error={saveError} title="The filter was not saved" />
      <ProblemAlert error={exportError} title="The export did not run" />
      <Group align="flex-end" gap="md" mb="md">
        <TextInput
          label="Filter name"
          placeholder="e.g. Special Ed service minutes by school"
          value={draft.name}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.currentTarget.value }))}
          error={problems.get("name")}
          w={420}
          maxLength={120}
          readOnly={!canSave}
        />
        {filter && (
          <Group gap={6} pb={6}>
            <Badge variant="light" color={filter.sharedWith.length ? "teal" : "gray"}>
              {filter.sharedWith.length ? `Shared with ${filter.sharedWith.length} ${filter.sharedWith.length === 1 ? "group" : "groups"}` : "Not shared"}
            </Badge>
            {dirty && (
              <Badge variant="light" color="yellow">
                Unsaved changes
              </Badge>
            )}
          </Group>
        )}
        {!canSave && (
          <Text size="sm" c="dimmed" pb={6}>
            You may preview and export, but saving filters needs Add rights on the Filter Designer.
          </Text>
        )}
      </Group>
      <Grid gutter="md" mb="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <FieldPicker groups={groups} selected={def.fields} onToggle={toggleField} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <SelectedFields fields={def.fields} known={known} problems={problems} onChange={(fields) => setDef({ fields })} />
            <ConditionsEditor conditions={def.conditions} groups={groups} known={known} problems={problems} onChange={(conditions) => setDef({ conditions })} />
            <SortEditor sort={def.sort} groups={groups} known={known} columns={def.fields} problems={problems} onChange={(sort) => setDef({ sort })} />
          </Stack>
        </Grid.Col>
      </Grid>
      <PreviewPanel
        result={result}
        error={preview.error}
        running={preview.isPending}
        stale={result !== null && !sameDefinition(result.definition, def)}
        hasFields={def.fields.length > 0}
        onRun={() => preview.mutate(def)}
      />
      {sharing && filter && <ShareDialog filter={filter} onClose={() => setSharing(false)} onShared={setFilter} />}
    </>
  );
}
