import { Badge, Loader, Paper, SimpleGrid, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { DateField } from "./date-field.js";
import { fieldError } from "./field-errors.js";
import { formatDay } from "./format.js";
import { FormProblem } from "./form-problem.js";
import { ProtectedNotice } from "./protected-notice.js";
import { RecordToolbar } from "./record-toolbar.js";
import { sisApi, sisKeys, type Condition, type ConditionInput } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

const EMPTY: ConditionInput = { condition: "", startDate: "", endDate: null, instructions: null };
const FIELDS = ["condition", "startDate", "endDate", "instructions"].map((f) => `body.${f}`);
const inputOf = (c: Condition): ConditionInput => ({ condition: c.condition, startDate: c.startDate, endDate: c.endDate, instructions: c.instructions });

/** Student Information > Health > Conditions (HIPAA): the list, and the chosen condition's fields. */
export function HealthConditionsTab({ personId, tool }: { personId: string; tool: string }) {
  const queryClient = useQueryClient();
  const key = sisKeys.tab(personId, "health");
  const list = useQuery({ queryKey: key, queryFn: () => sisApi.conditions(personId) });
  // "new" while a condition is being added; otherwise the chosen condition's id (the first by default)
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [draft, setDraft] = useState<ConditionInput | null>(null);

  const conditions = list.data?.conditions ?? [];
  const chosen = chosenId === "new" ? null : (conditions.find((c) => c.id === chosenId) ?? conditions[0] ?? null);
  const adding = chosenId === "new";
  const values = draft ?? (adding ? EMPTY : chosen ? inputOf(chosen) : EMPTY);
  const choose = (id: string | null) => {
    setChosenId(id);
    setDraft(null);
    save.reset();
  };

  const save = useMutation({
    mutationFn: () => (adding ? sisApi.addCondition(personId, values) : sisApi.changeCondition(chosen!.id, { ...values, version: chosen!.version })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: key });
      choose(saved.id);
      notifications.show({ color: "green", message: adding ? `${saved.condition} added.` : `${saved.condition} saved.` });
    },
  });
  const remove = async () => {
    try {
      await sisApi.deleteCondition(chosen!.id);
      notifications.show({ color: "green", message: `${chosen!.condition} deleted.` });
      choose(null);
    } catch (error) {
      notifications.show({ color: "red", title: "Not deleted", message: (error as Error).message });
    }
    await queryClient.invalidateQueries({ queryKey: key });
  };

  if (list.isPending) return <Loader aria-label="Loading health conditions" />;
  if (!list.data) return <TabProblem error={list.error} />;
  const actions = list.data.actions;
  const editable = adding ? actions.canCreate : Boolean(chosen) && actions.canSave;
  const set = (patch: Partial<ConditionInput>) => setDraft({ ...values, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editable) save.mutate();
  };
  const reload = () => {
    choose(chosen?.id ?? null);
    void list.refetch();
  };

  return (
    <>
      <ProtectedNotice what="Health information" />
      <RecordToolbar
        actions={{ ...actions, canSave: adding ? actions.canCreate : actions.canSave }}
        tool={tool}
        save={{ onClick: () => save.mutate(), loading: save.isPending, disabled: !adding && !chosen }}
        create={{ label: "New", onClick: () => choose("new"), disabled: adding }}
        remove={{
          confirmTitle: "Delete this health condition?",
          confirmMessage: `${chosen?.condition ?? "The condition"} will be removed from this student's health record. The deletion is audited.`,
          onConfirm: remove,
          disabled: adding || !chosen,
        }}
      />
      {conditions.length === 0 && !adding ? (
        <Text c="dimmed" mb="md">
          No health conditions are recorded for this student.
        </Text>
      ) : (
        <Table withTableBorder mb="md" aria-label="Health conditions" maw={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Condition</Table.Th>
              <Table.Th>Start</Table.Th>
              <Table.Th>End</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conditions.map((c) => (
              <Table.Tr key={c.id} onClick={() => choose(c.id)} style={{ cursor: "pointer" }} bg={c.id === chosen?.id ? "indigo.0" : undefined} aria-selected={c.id === chosen?.id} data-testid="condition-row">
                <Table.Td fw={500}>{c.condition}</Table.Td>
                <Table.Td>{formatDay(c.startDate)}</Table.Td>
                <Table.Td>{c.endDate ? formatDay(c.endDate) : <Badge size="sm" variant="light" tt="none">Current</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(chosen || adding) && (
        <Paper withBorder radius="md" p="md" maw={960} component="form" onSubmit={submit} aria-label="Health condition">
          <Title order={3} size="h5" mb="sm">
            {adding ? "New health condition" : chosen!.condition}
          </Title>
          <FormProblem error={save.error} fieldPaths={FIELDS} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label="Condition" value={values.condition} onChange={(e) => set({ condition: e.currentTarget.value })} readOnly={!editable} variant={editable ? "default" : "filled"} error={fieldError(save.error, "body.condition")} withAsterisk={editable} />
            <DateField label="Start date" value={values.startDate} onChange={(v) => set({ startDate: v ?? "" })} editable={editable} error={fieldError(save.error, "body.startDate")} withAsterisk={editable} />
            <DateField label="End date" value={values.endDate ?? null} onChange={(v) => set({ endDate: v })} editable={editable} error={fieldError(save.error, "body.endDate")} />
          </SimpleGrid>
          <Textarea mt="md" label="Instructions for staff" autosize minRows={2} value={values.instructions ?? ""} onChange={(e) => set({ instructions: e.currentTarget.value || null })} readOnly={!editable} variant={editable ? "default" : "filled"} error={fieldError(save.error, "body.instructions")} placeholder={editable ? "e.g. Inhaler in the nurse's office" : "—"} />
        </Paper>
      )}
    </>
  );
}
