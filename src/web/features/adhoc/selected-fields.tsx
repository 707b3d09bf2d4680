import { ActionIcon, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { FieldInfo } from "./adhoc-api.js";
import { ProtectedBadge } from "./field-picker.js";

type Props = {
  fields: string[];
  known: Map<string, FieldInfo>;
  problems: Map<string, string>;
  onChange(fields: string[]): void;
};

function move(list: string[], from: number, to: number): string[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The report's columns, in order: move them, take them out; a field the user cannot read says so. */
export function SelectedFields({ fields, known, problems, onChange }: Props) {
  const listProblem = problems.get("definition.fields");
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="adhoc-columns-heading">
      <Title order={3} size="h5" id="adhoc-columns-heading" mb={6}>
        Columns
      </Title>
      {fields.length === 0 && (
        <Text size="sm" c={listProblem ? "red" : "dimmed"} role={listProblem ? "alert" : undefined}>
          {listProblem ?? "Tick fields on the left to add them as columns."}
        </Text>
      )}
      <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-label="Columns">
        {fields.map((id, i) => {
          const field = known.get(id);
          const label = field?.label ?? `A field you cannot read (${id})`;
          const problem = problems.get(`definition.fields[${i}]`) ?? (field ? undefined : "You cannot read this field: take it out to run the filter.");
          return (
            <li key={id} aria-label={label}>
              <Group gap={6} wrap="nowrap" px={6} py={2} style={{ borderRadius: 6, background: problem ? "var(--mantine-color-red-0)" : "var(--mantine-color-gray-0)" }}>
                <Text size="xs" c="dimmed" w={18} ta="right">
                  {i + 1}.
                </Text>
                <Text size="sm" fw={500} style={{ flex: 1 }} truncate>
                  {label}
                </Text>
                {field?.protected && <ProtectedBadge tool={field.tool} />}
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => onChange(move(fields, i, i - 1))}>
                  ↑
                </ActionIcon>
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${label} down`} disabled={i === fields.length - 1} onClick={() => onChange(move(fields, i, i + 1))}>
                  ↓
                </ActionIcon>
                <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={() => onChange(fields.filter((f) => f !== id))}>
                  ×
                </ActionIcon>
              </Group>
              {problem && (
                <Text size="xs" c="red" pl={30} role="alert">
                  {problem}
                </Text>
              )}
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
