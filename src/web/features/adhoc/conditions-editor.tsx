import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Condition, FieldGroup, FieldInfo, Operator } from "./adhoc-api.js";
import { needsValue, newCondition, operatorsFor } from "./definition.js";
import { fieldOptions } from "./field-options.js";

type Props = {
  conditions: Condition[];
  groups: FieldGroup[];
  known: Map<string, FieldInfo>;
  problems: Map<string, string>;
  onChange(conditions: Condition[]): void;
};

const MAX_CONDITIONS = 20;

function ValueInput({ field, condition, error, label, onChange }: { field: FieldInfo | undefined; condition: Condition; error?: string; label: string; onChange(value: Condition["value"]): void }) {
  const common = { "aria-label": label, error, size: "xs" as const, style: { flex: 1 } };
  const value = condition.value;
  if (field?.type === "boolean") {
    return (
      <Select
        {...common}
        data={[{ value: "true", label: "Yes" }, { value: "false", label: "No" }]}
        value={value === true || value === "true" ? "true" : value === false || value === "false" ? "false" : null}
        onChange={(v) => onChange(v === null ? null : v === "true")}
        allowDeselect={false}
      />
    );
  }
  if (field?.type === "number") {
    return <NumberInput {...common} placeholder="A number" value={typeof value === "number" || typeof value === "string" ? value : ""} onChange={(v) => onChange(v)} hideControls />;
  }
  if (field?.type === "date") {
    return <TextInput {...common} type="date" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
  return <TextInput {...common} placeholder="Value" maxLength={200} value={value === null || value === undefined ? "" : String(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** Which rows the report takes: every condition must hold (AND). */
export function ConditionsEditor({ conditions, groups, known, problems, onChange }: Props) {
  const options = fieldOptions(groups, conditions.map((c) => c.field));
  const first = groups[0]?.fields[0];
  const set = (i: number, next: Condition) => onChange(conditions.map((c, j) => (j === i ? next : c)));
  const pickField = (i: number, id: string) => {
    const field = known.get(id);
    if (!field) return;
    const current = conditions[i]!;
    const keepOp = operatorsFor(field.type).some((o) => o.value === current.op);
    set(i, keepOp && known.get(current.field)?.type === field.type ? { ...current, field: id } : newCondition(field));
  };
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="adhoc-conditions-heading">
      <Group justify="space-between" mb={6}>
        <Title order={3} size="h5" id="adhoc-conditions-heading">
          Conditions
        </Title>
        <Button
          size="compact-xs"
          variant="light"
          disabled={!first || conditions.length >= MAX_CONDITIONS}
          onClick={() => first && onChange([...conditions, newCondition({ ...first, tool: groups[0]!.tool, protected: groups[0]!.protected })])}
        >
          Add condition
        </Button>
      </Group>
      {conditions.length === 0 && (
        <Text size="sm" c="dimmed">
          No conditions: every enrollment you can see is a row. Add one to narrow the report.
        </Text>
      )}
      <Stack gap={6}>
        {conditions.map((c, i) => {
          const field = known.get(c.field);
          const path = `definition.conditions[${i}]`;
          const n = i + 1;
          return (
            <Group key={i} gap={6} wrap="nowrap" align="flex-start" role="group" aria-label={`Condition ${n}`}>
              <Text size="xs" c="dimmed" w={38} pt={6} ta="right" style={{ flexShrink: 0 }}>
                {i === 0 ? "where" : "and"}
              </Text>
              <Select
                size="xs"
                style={{ flex: 1.4, minWidth: 0 }}
                aria-label={`Condition ${n} field`}
                data={options}
                value={c.field}
                searchable
                allowDeselect={false}
                error={problems.get(`${path}.field`) ?? (field ? undefined : "You cannot read this field.")}
                onChange={(id) => id && pickField(i, id)}
                comboboxProps={{ width: 320, position: "bottom-start" }}
              />
              <Select
                size="xs"
                w={130}
                aria-label={`Condition ${n} operator`}
                data={operatorsFor(field?.type ?? "text")}
                value={c.op}
                allowDeselect={false}
                error={problems.get(`${path}.op`)}
                onChange={(op) => op && set(i, { ...c, op: op as Operator })}
              />
              {needsValue(c.op) ? (
                <ValueInput field={field} condition={c} label={`Condition ${n} value`} error={problems.get(`${path}.value`)} onChange={(value) => set(i, { ...c, value })} />
              ) : (
                <div style={{ flex: 1 }} />
              )}
              <ActionIcon variant="subtle" color="red" mt={2} aria-label={`Remove condition ${n}`} onClick={() => onChange(conditions.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
