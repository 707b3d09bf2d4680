import { Badge, Checkbox, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useState } from "react";
import type { FieldGroup } from "./adhoc-api.js";
import { searchFields, splitTool } from "./definition.js";

type Props = {
  groups: FieldGroup[];
  selected: string[];
  onToggle(fieldId: string, on: boolean): void;
};

export function ProtectedBadge({ tool }: { tool: string }) {
  return (
    <Tooltip label={`Federally protected (FERPA/HIPAA): shown only with R on ${tool}, and every read is recorded in the access log.`} multiline w={300} withArrow>
      <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
        Protected
      </Badge>
    </Tooltip>
  );
}

/** The data model as this user may read it: one block per tool, searchable, protected tools marked. */
export function FieldPicker({ groups, selected, onToggle }: Props) {
  const [search, setSearch] = useState("");
  const shown = searchFields(groups, search);
  const chosen = new Set(selected);
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="adhoc-fields-heading">
      <Group justify="space-between" mb={6}>
        <Title order={3} size="h5" id="adhoc-fields-heading">
          Fields
        </Title>
        <Text size="xs" c="dimmed">
          {groups.reduce((n, g) => n + g.fields.length, 0)} you can read
        </Text>
      </Group>
      <TextInput size="xs" placeholder="Search fields or tools" aria-label="Search fields" value={search} onChange={(e) => setSearch(e.currentTarget.value)} mb="xs" />
      {/* A plain scrolling box: Mantine's ScrollArea lays content out as a table, which defeats truncation. */}
      <div style={{ maxHeight: 560, overflowY: "auto", overflowX: "hidden", paddingRight: 4 }}>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {groups.length === 0 ? "Your rights let you read no student data fields. Ask your district's system administrator for rights on the tools you report on." : `No field matches "${search}".`}
          </Text>
        )}
        <Stack gap="sm">
          {shown.map((g) => {
            const { name, parent } = splitTool(g.tool);
            return (
              <div key={g.tool} role="group" aria-label={g.tool} data-testid="field-group">
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <Text size="xs" fw={700} title={g.tool} truncate style={{ minWidth: 0 }}>
                    {name}
                  </Text>
                  {g.protected && <ProtectedBadge tool={g.tool} />}
                </Group>
                {parent && (
                  <Text size="10px" c="dimmed" truncate title={g.tool} mb={4}>
                    {parent}
                  </Text>
                )}
                <Stack gap={12} pl={2}>
                  {g.fields.map((f) => (
                    <Checkbox key={f.id} size="xs" label={f.label} checked={chosen.has(f.id)} onChange={(e) => onToggle(f.id, e.currentTarget.checked)} />
                  ))}
                </Stack>
              </div>
            );
          })}
        </Stack>
      </div>
    </Paper>
  );
}
