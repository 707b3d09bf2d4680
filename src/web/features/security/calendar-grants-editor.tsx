import { ActionIcon, Autocomplete, Button, Checkbox, Group, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { EmptyState } from "../../components/empty-state.js";
import { useFieldProblems } from "../../components/field-problems.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { keys, securityApi, type CalendarRef, type Grant } from "./security-api.js";

export type GrantDraft = { school: string; year: string; calendar: string; modify: boolean; until: string };

const ALL = "*";
const PARTS = [
  { key: "school", label: "School", example: "Ballard High" },
  { key: "year", label: "Year", example: "2025-26" },
  { key: "calendar", label: "Calendar", example: "25-26 Ballard High" },
] as const;

/** Names to suggest for one part of a row: those of the district's calendars that fit the row's other parts. */
function suggestions(calendars: CalendarRef[], row: GrantDraft, part: (typeof PARTS)[number]["key"]): string[] {
  const fits = (c: CalendarRef) => PARTS.every((p) => p.key === part || row[p.key] === ALL || !row[p.key].trim() || c[p.key] === row[p.key].trim());
  return [...new Set(calendars.filter(fits).map((c) => c[part]))].sort();
}

/** A grant naming a school, year or calendar that no calendar of the district has gives nothing: say so. */
function matchesNoCalendar(calendars: CalendarRef[] | undefined, row: GrantDraft): boolean {
  if (!calendars?.length) return false;
  return !calendars.some((c) => PARTS.every((p) => row[p.key] === ALL || c[p.key] === row[p.key].trim()));
}

const toDraft = (g: Grant): GrantDraft => ({ school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, until: g.until?.slice(0, 10) ?? "" });

type Props = {
  grants: Grant[];
  readOnly: boolean;
  granteeLabel: string;
  save(grants: { school: string; year: string; calendar: string; modify: boolean; until?: string }[]): Promise<unknown>;
  onSaved(): void;
};

/** School / year / calendar grants, each part "all" or a name, with the modify flag that lifts the read-only cap. */
export function CalendarGrantsEditor({ grants, readOnly, granteeLabel, save, onSaved }: Props) {
  const [rows, setRows] = useState<GrantDraft[]>(() => grants.map(toDraft));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [seen, setSeen] = useState(grants);
  // the district's calendars, to suggest names; without the Calendar Rights tool, names are typed freely
  const calendars = useQuery({ queryKey: keys.calendars, queryFn: securityApi.calendars, retry: false, staleTime: 60_000 });
  if (seen !== grants) {
    setSeen(grants);
    setRows(grants.map(toDraft));
  }
  const shownAt = rows.flatMap((r, i) => [...PARTS.filter((p) => r[p.key] !== ALL).map((p) => `calendarGrants.${i}.${p.key}`), `calendarGrants.${i}.until`]);
  const fields = useFieldProblems(error, shownAt);
  const update = (i: number, patch: Partial<GrantDraft>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const dirty = JSON.stringify(rows) !== JSON.stringify(grants.map(toDraft));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await save(rows.map((r) => ({ school: r.school.trim(), year: r.year.trim(), calendar: r.calendar.trim(), modify: r.modify, ...(r.until ? { until: r.until } : {}) })));
      notifications.show({ color: "green", message: `Saved the calendar rights of ${granteeLabel}.` });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" ref={fields.formRef}>
      <Text size="sm" c="dimmed" maw={820}>
        Calendar rights decide which schools, years and calendars the tool rights apply in. Without a matching grant a student-data tool shows
        nothing; a grant without <strong>Modify</strong> makes it read-only; with Modify the tool rights apply in full. Tick "All" for every school,
        year or calendar.
      </Text>
      {fields.alert && <ProblemAlert error={error} title="The calendar rights were not saved" hideFields={shownAt} />}
      {rows.length === 0 ? (
        <EmptyState title="No calendar rights" message="Without calendar rights, tools on student data show nothing in any calendar." />
      ) : (
        <Table aria-label="Calendar rights" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {PARTS.map((p) => (
                <Table.Th key={p.key} w="24%">
                  {p.label}
                </Table.Th>
              ))}
              <Table.Th w={130}>Modify</Table.Th>
              <Table.Th w={150}>Until</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Fragment key={i}>
                <Table.Tr data-testid="calendar-grant-row">
                  {PARTS.map((p) => (
                    <Table.Td key={p.key}>
                      <Group gap="xs" wrap="nowrap">
                        <Checkbox
                          label="All"
                          aria-label={`All ${p.label.toLowerCase()}s (row ${i + 1})`}
                          checked={r[p.key] === ALL}
                          disabled={readOnly}
                          onChange={(e) => update(i, { [p.key]: e.currentTarget.checked ? ALL : "" })}
                        />
                        {r[p.key] !== ALL && (
                          <Autocomplete
                            size="xs"
                            aria-label={`${p.label} (row ${i + 1})`}
                            placeholder={p.example}
                            value={r[p.key]}
                            disabled={readOnly}
                            data={suggestions(calendars.data ?? [], r, p.key)}
                            onChange={(value) => update(i, { [p.key]: value })}
                            error={fields.at(`calendarGrants.${i}.${p.key}`)}
                            w="100%"
                          />
                        )}
                      </Group>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Switch aria-label={`Modify (row ${i + 1})`} label={r.modify ? "Modify" : "Read only"} checked={r.modify} disabled={readOnly} onChange={(e) => update(i, { modify: e.currentTarget.checked })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" type="date" aria-label={`Until (row ${i + 1})`} value={r.until} disabled={readOnly} onChange={(e) => update(i, { until: e.currentTarget.value })} error={fields.at(`calendarGrants.${i}.until`)} />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove calendar grant ${i + 1}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                        ✕
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
                {matchesNoCalendar(calendars.data, r) && (
                  <Table.Tr>
                    <Table.Td colSpan={6} pt={0}>
                      <Text size="xs" c="orange.8">
                        No calendar of the district matches row {i + 1}: it gives nothing until one does. Check the names, or tick All.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group gap="sm">
          <Button variant="default" size="xs" onClick={() => setRows((rs) => [...rs, { school: ALL, year: ALL, calendar: ALL, modify: false, until: "" }])}>
            Add calendar grant
          </Button>
          <Button size="xs" disabled={!dirty} loading={busy} onClick={() => void submit()}>
            Save calendar rights
          </Button>
          {dirty && (
            <Button size="xs" variant="subtle" onClick={() => setRows(grants.map(toDraft))}>
              Undo changes
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
