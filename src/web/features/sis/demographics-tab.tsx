import { Badge, Group, Loader, Paper, Select, SimpleGrid, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { DateField } from "./date-field.js";
import { fieldError } from "./field-errors.js";
import { GENDER_LABELS } from "./format.js";
import { FormProblem } from "./form-problem.js";
import { RecordToolbar } from "./record-toolbar.js";
import { sisApi, sisKeys, type Demographics, type DemographicsSave } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

type Draft = { firstName: string; middleName: string; lastName: string; birthDate: string; gender: string; raceEthnicity: string; homeLanguage: string; ssn: string };
const TEXT_FIELDS = ["firstName", "middleName", "lastName", "birthDate", "gender", "raceEthnicity", "homeLanguage", "ssn"] as const;
const NULLABLE = new Set(["middleName", "raceEthnicity", "homeLanguage", "ssn"]);
const path = (f: string) => `body.${f}`;

const draftOf = (d: Demographics): Draft => ({
  firstName: d.firstName,
  middleName: d.middleName ?? "",
  lastName: d.lastName,
  birthDate: d.birthDate,
  gender: d.gender,
  raceEthnicity: d.raceEthnicity ?? "",
  homeLanguage: d.homeLanguage ?? "",
  ssn: d.ssn.value ?? "",
});

/**
 * Census > People > Demographics. The SSN is its own right (SSN Rights) and needs calendar rights
 * to the person as well: without them the API sends it masked, and it is shown masked here.
 */
export function DemographicsTab({ personId, tool }: { personId: string; tool: string }) {
  const queryClient = useQueryClient();
  const key = sisKeys.tab(personId, "demographics");
  const person = useQuery({ queryKey: key, queryFn: () => sisApi.demographics(personId) });
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (person.data) setDraft(draftOf(person.data));
  }, [person.data]);

  const save = useMutation({
    mutationFn: (body: DemographicsSave) => sisApi.saveDemographics(personId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: sisKeys.tab(personId, "summary") });
      notifications.show({ color: "green", message: "Demographics saved." });
    },
  });

  if (person.isPending || (person.data && !draft)) return <Loader aria-label="Loading demographics" />;
  if (!person.data || !draft) return <TabProblem error={person.error} />;
  const d = person.data;
  const canSave = d.actions.canSave;
  const ssnEditable = d.ssn.editable && !d.ssn.masked;
  const original = draftOf(d);
  const submit = () => {
    const changed = TEXT_FIELDS.filter((f) => draft[f] !== original[f] && (f === "ssn" ? ssnEditable : canSave));
    if (changed.length === 0) {
      notifications.show({ color: "gray", message: "Nothing has changed, so there is nothing to save." });
      return;
    }
    const body: Record<string, unknown> = { version: d.version };
    for (const f of changed) body[f] = NULLABLE.has(f) && draft[f].trim() === "" ? null : draft[f];
    save.mutate(body as DemographicsSave);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (canSave) submit();
  };
  const reload = () => {
    save.reset();
    void person.refetch();
  };
  const input = (f: (typeof TEXT_FIELDS)[number], label: string, editable = canSave) => ({
    label,
    value: draft[f],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [f]: e.currentTarget.value }),
    readOnly: !editable,
    variant: editable ? "default" : "filled",
    error: fieldError(save.error, path(f)),
  });

  return (
    <>
      <RecordToolbar actions={d.actions} tool={tool} save={{ onClick: submit, loading: save.isPending }} />
      <FormProblem error={save.error} fieldPaths={TEXT_FIELDS.map(path)} onReload={reload} />
      <Paper withBorder radius="md" p="md" maw={960} component="form" onSubmit={onSubmit} aria-label="Demographics">
        <Group gap="xs" mb="sm">
          <Title order={3} size="h5">
            {d.lastName}, {d.firstName}
          </Title>
          <Badge variant="light" tt="none" color={d.kind === "student" ? "indigo" : "teal"}>
            {d.kind === "student" ? "Student" : "Staff"} #{d.localId}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput {...input("lastName", "Last name")} />
          <TextInput {...input("firstName", "First name")} />
          <TextInput {...input("middleName", "Middle name")} placeholder={canSave ? undefined : "—"} />
          <DateField label="Birth date" value={draft.birthDate} onChange={(v) => setDraft({ ...draft, birthDate: v ?? "" })} editable={canSave} error={fieldError(save.error, path("birthDate"))} />
          <Select
            label="Gender"
            data={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))}
            value={draft.gender}
            onChange={(v) => v && setDraft({ ...draft, gender: v })}
            readOnly={!canSave}
            variant={canSave ? "default" : "filled"}
            error={fieldError(save.error, path("gender"))}
            allowDeselect={false}
            {...(canSave ? {} : { rightSection: <span /> })}
          />
          <TextInput {...input("raceEthnicity", "Race/ethnicity")} placeholder={canSave ? undefined : "—"} />
          <TextInput {...input("homeLanguage", "Home language")} placeholder={canSave ? undefined : "—"} />
          <TextInput
            {...input("ssn", "Social Security number", ssnEditable)}
            classNames={{ input: "gh-code" }}
            data-testid="ssn"
            placeholder={ssnEditable ? "123-45-6789" : "None on file"}
            inputWrapperOrder={["label", "input", "description", "error"]}
            description={
              fieldError(save.error, path("ssn")) ? undefined : d.ssn.masked ? (
                <Text span size="xs" c="orange.8" data-testid="ssn-masked">
                  Masked: needs {d.ssn.tool} and calendar rights to this person.
                </Text>
              ) : d.ssn.value !== null ? (
                "Your reading of it is recorded in the access log."
              ) : undefined
            }
          />
        </SimpleGrid>
      </Paper>
    </>
  );
}
