import { Loader, SimpleGrid } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fieldError } from "./field-errors.js";
import { FormProblem } from "./form-problem.js";
import { ProtectedNotice } from "./protected-notice.js";
import { RecordToolbar } from "./record-toolbar.js";
import { SectionFieldInput } from "./section-field-input.js";
import { sisApi, sisKeys, type FieldValue, type Section, type Via } from "./sis-api.js";
import { TabProblem } from "./tab-problem.js";

type Props = { via: Via; enrollmentId: string; sectionId: string; personId: string };

const valuesOf = (section: Section) => Object.fromEntries(section.fields.map((f) => [f.id, f.value])) as Record<string, FieldValue>;
const pathOf = (fieldId: string) => `body.values.${fieldId}`;

/** One tab of an enrollment: its fields as the API returns them, each editable only with W on its own tool. */
export function EnrollmentSectionForm({ via, enrollmentId, sectionId, personId }: Props) {
  const queryClient = useQueryClient();
  const key = sisKeys.section(enrollmentId, `${via}-${sectionId}`);
  const section = useQuery({ queryKey: key, queryFn: () => sisApi.section(via, enrollmentId, sectionId) });
  const [draft, setDraft] = useState<Record<string, FieldValue>>({});
  useEffect(() => {
    if (section.data) setDraft(valuesOf(section.data));
  }, [section.data]);

  const save = useMutation({
    mutationFn: (values: Record<string, FieldValue>) => sisApi.saveSection(via, enrollmentId, sectionId, section.data!.version, values),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // the list, the summary and Enrollment History all show what was just changed
      void queryClient.invalidateQueries({ queryKey: sisKeys.student(personId) });
      void queryClient.invalidateQueries({ queryKey: sisKeys.section(enrollmentId, `history-${via}`) });
      notifications.show({ color: "green", message: `${saved.section.label} saved.` });
    },
  });

  if (section.isPending) return <Loader aria-label="Loading the enrollment tab" />;
  if (!section.data) return <TabProblem error={section.error} />;
  const s = section.data;
  const original = valuesOf(s);
  const changed = Object.fromEntries(s.fields.filter((f) => f.editable && draft[f.id] !== original[f.id]).map((f) => [f.id, draft[f.id] ?? null]));
  const submit = () => {
    if (Object.keys(changed).length === 0) {
      notifications.show({ color: "gray", message: "Nothing has changed, so there is nothing to save." });
      return;
    }
    save.mutate(changed);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (s.actions.canSave) submit();
      }}
      aria-label={s.section.label}
    >
      {s.fields.some((f) => f.protected) && <ProtectedNotice what={`${s.section.label} data`} />}
      <RecordToolbar actions={s.actions} tool={s.section.tool} save={{ onClick: submit, loading: save.isPending }} />
      <FormProblem
        error={save.error}
        fieldPaths={s.fields.map((f) => pathOf(f.id))}
        onReload={() => {
          save.reset();
          void section.refetch();
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" maw={960}>
        {s.fields.map((f) => (
          <SectionFieldInput
            key={f.id}
            field={f}
            value={draft[f.id] ?? null}
            onChange={(v) => setDraft((d) => ({ ...d, [f.id]: v }))}
            error={fieldError(save.error, pathOf(f.id))}
          />
        ))}
      </SimpleGrid>
    </form>
  );
}
