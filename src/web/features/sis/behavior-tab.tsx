import { Loader, Paper, Select, SimpleGrid, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { DateField } from "./date-field.js";
import { fieldError } from "./field-errors.js";
import { formatDay } from "./format.js";
import { FormProblem } from "./form-problem.js";
import { RecordToolbar } from "./record-toolbar.js";
import { sisApi, sisKeys, type BehaviorEvent, type BehaviorInput } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

type Draft = { calendarId: string | null; eventDate: string; eventType: string; resolution: string | null; details: string | null };
const FIELDS = ["calendarId", "eventDate", "eventType", "resolution", "details"].map((f) => `body.${f}`);
const draftOf = (e: BehaviorEvent): Draft => ({ calendarId: e.calendarId, eventDate: e.eventDate, eventType: e.eventType, resolution: e.resolution, details: e.details });
/** A read-only choice shows no dropdown arrow: nothing opens. */
const NO_ARROW = { rightSection: <span /> };
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const RESOLUTIONS = ["Warning", "Parent contact", "Detention", "Suspension"];

/**
 * Student Information > General > Behavior: events in the calendars the user may see. Each event
 * carries its own actions (the right in its calendar); New files one in a calendar with A.
 */
export function BehaviorTab({ personId, tool }: { personId: string; tool: string }) {
  const queryClient = useQueryClient();
  const key = sisKeys.tab(personId, "behavior");
  const list = useQuery({ queryKey: key, queryFn: () => sisApi.behavior(personId) });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const data = list.data;
  const events = data?.events ?? [];
  const adding = chosenId === "new";
  const chosen = adding ? null : (events.find((e) => e.id === chosenId) ?? events[0] ?? null);
  const blank: Draft = { calendarId: data?.calendars[0]?.id ?? null, eventDate: localToday(), eventType: "", resolution: null, details: null };
  const values = draft ?? (adding ? blank : chosen ? draftOf(chosen) : blank);
  const choose = (id: string | null) => {
    setChosenId(id);
    setDraft(null);
    save.reset();
  };

  const save = useMutation({
    mutationFn: async () => {
      const body = { eventDate: values.eventDate, eventType: values.eventType, resolution: values.resolution, details: values.details };
      if (adding) return sisApi.addBehavior(personId, { ...body, calendarId: values.calendarId ?? "" } satisfies BehaviorInput);
      return sisApi.changeBehavior(chosen!.id, { ...body, version: chosen!.version });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: key });
      choose(saved.id);
      notifications.show({ color: "green", message: adding ? "Behavior event filed." : "Behavior event saved." });
    },
  });
  const remove = async () => {
    try {
      await sisApi.deleteBehavior(chosen!.id);
      notifications.show({ color: "green", message: "Behavior event deleted." });
      choose(null);
    } catch (error) {
      notifications.show({ color: "red", title: "Not deleted", message: (error as Error).message });
    }
    await queryClient.invalidateQueries({ queryKey: key });
  };

  if (list.isPending) return <Loader aria-label="Loading behavior events" />;
  if (!data) return <TabProblem error={list.error} />;
  // a chosen event's own actions (its calendar) decide Save and Delete; New needs A in some calendar
  const recordActions = chosen?.actions ?? data.actions;
  const canCreate = data.calendars.length > 0;
  const editable = adding ? canCreate : Boolean(chosen?.actions.canSave);
  const set = (patch: Partial<Draft>) => setDraft({ ...values, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editable) save.mutate();
  };
  const variant = editable ? "default" : "filled";

  return (
    <>
      <RecordToolbar
        actions={{ canSave: adding ? canCreate : recordActions.canSave, canCreate, canDelete: recordActions.canDelete }}
        tool={tool}
        save={{ onClick: () => save.mutate(), loading: save.isPending, disabled: !adding && !chosen }}
        create={{ onClick: () => choose("new"), disabled: adding }}
        remove={{
          confirmTitle: "Delete this behavior event?",
          confirmMessage: `The ${chosen?.eventType ?? ""} event of ${formatDay(chosen?.eventDate)} will be removed. The deletion is audited.`,
          onConfirm: remove,
          disabled: adding || !chosen,
        }}
      />
      {data?.scope ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="behavior-scope">
          {data.scope.explanation}
        </Text>
      ) : null}
      {events.length === 0 && !adding ? (
        <Text c="dimmed" mb="md">
          No behavior events are recorded in the calendars you have rights to.
        </Text>
      ) : (
        <Table withTableBorder mb="md" aria-label="Behavior events" maw={960}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Resolution</Table.Th>
              <Table.Th>Calendar</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.id} onClick={() => choose(e.id)} style={{ cursor: "pointer" }} bg={e.id === chosen?.id ? "indigo.0" : undefined} aria-selected={e.id === chosen?.id} data-testid="behavior-row">
                <Table.Td>{formatDay(e.eventDate)}</Table.Td>
                <Table.Td fw={500}>{e.eventType}</Table.Td>
                <Table.Td>{e.resolution ?? "—"}</Table.Td>
                <Table.Td>{e.calendar}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(chosen || adding) && (
        <Paper withBorder radius="md" p="md" maw={960} component="form" onSubmit={submit} aria-label="Behavior event">
          <Title order={3} size="h5" mb="sm">
            {adding ? "New behavior event" : `${chosen!.eventType}, ${formatDay(chosen!.eventDate)}`}
          </Title>
          <FormProblem error={save.error} fieldPaths={FIELDS} onReload={() => choose(chosen?.id ?? null)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Calendar"
              data={adding ? data.calendars.map((c) => ({ value: c.id, label: c.name })) : [{ value: chosen!.calendarId, label: chosen!.calendar }]}
              value={values.calendarId}
              onChange={(v) => set({ calendarId: v })}
              readOnly={!adding}
              variant={adding ? "default" : "filled"}
              {...(adding ? {} : NO_ARROW)}
              error={fieldError(save.error, "body.calendarId")}
              allowDeselect={false}
            />
            <DateField label="Date" value={values.eventDate} onChange={(v) => set({ eventDate: v ?? "" })} editable={editable} error={fieldError(save.error, "body.eventDate")} withAsterisk={editable} />
            <TextInput label="Event" placeholder={editable ? "e.g. Disruption" : undefined} value={values.eventType} onChange={(e) => set({ eventType: e.currentTarget.value })} readOnly={!editable} variant={variant} error={fieldError(save.error, "body.eventType")} withAsterisk={editable} />
            <Select label="Resolution" data={[...new Set([...RESOLUTIONS, ...(values.resolution ? [values.resolution] : [])])]} value={values.resolution} onChange={(v) => set({ resolution: v })} readOnly={!editable} variant={variant} {...(editable ? {} : NO_ARROW)} clearable={editable} placeholder={editable ? "None yet" : "—"} error={fieldError(save.error, "body.resolution")} />
          </SimpleGrid>
          <Textarea mt="md" label="Details" autosize minRows={2} value={values.details ?? ""} onChange={(e) => set({ details: e.currentTarget.value || null })} readOnly={!editable} variant={variant} error={fieldError(save.error, "body.details")} />
        </Paper>
      )}
    </>
  );
}
