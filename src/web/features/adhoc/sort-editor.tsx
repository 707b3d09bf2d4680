import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import type { Definition, FieldGroup, FieldInfo } from "./adhoc-api.js";
import { fieldOptions } from "./field-options.js";

type Sort = Definition["sort"];
type Props = {
  sort: Sort;
  groups: FieldGroup[];
  known: Map<string, FieldInfo>;
  /** Columns first: sorting usually goes by a column the report shows. */
  columns: string[];
  problems: Map<string, string>;
  onChange(sort: Sort): void;
};

const MAX_SORT = 3;

/** Up to three sort keys; rows with no value come last either way. */
export function SortEditor({ sort, groups, known, columns, problems, onChange }: Props) {
  const options = fieldOptions(groups, sort.map((s) => s.field));
  const next = columns.find((id) => known.has(id) && !sort.some((s) => s.field === id)) ?? groups[0]?.fields[0]?.id;
  const set = (i: number, item: Sort[number]) => onChange(sort.map((s, j) => (j === i ? item : s)));
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="adhoc-sort-heading">
      <Group justify="space-between" mb={6}>
        <Title order={3} size="h5" id="adhoc-sort-heading">
          Sort
        </Title>
        <Button size="compact-xs" variant="light" disabled={!next || sort.length >= MAX_SORT} onClick={() => next && onChange([...sort, { field: next, direction: "asc" }])}>
          Add sort
        </Button>
      </Group>
      {sort.length === 0 && (
        <Text size="sm" c="dimmed">
          Unsorted rows come in enrollment order. Sort by up to three fields.
        </Text>
      )}
      <Stack gap={6}>
        {sort.map((s, i) => {
          const n = i + 1;
          return (
            <Group key={i} gap={6} wrap="nowrap" align="flex-start" role="group" aria-label={`Sort ${n}`}>
              <Text size="xs" c="dimmed" w={38} pt={6} ta="right" style={{ flexShrink: 0 }}>
                {i === 0 ? "by" : "then"}
              </Text>
              <Select
                size="xs"
                w={240}
                aria-label={`Sort ${n} field`}
                data={options}
                value={s.field}
                searchable
                allowDeselect={false}
                error={problems.get(`definition.sort[${i}].field`) ?? (known.has(s.field) ? undefined : "You cannot read this field.")}
                onChange={(id) => id && set(i, { ...s, field: id })}
                comboboxProps={{ width: 320, position: "bottom-start" }}
              />
              <SegmentedControl
                size="xs"
                aria-label={`Sort ${n} direction`}
                value={s.direction}
                onChange={(d) => set(i, { ...s, direction: d as "asc" | "desc" })}
                data={[{ value: "asc", label: "Ascending" }, { value: "desc", label: "Descending" }]}
              />
              <ActionIcon variant="subtle" color="red" mt={2} aria-label={`Remove sort ${n}`} onClick={() => onChange(sort.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
