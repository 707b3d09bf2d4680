import { Badge, Button, Group, Paper, Text, Title } from "@mantine/core";
import { ProblemAlert } from "../../components/problem-alert.js";
import type { Definition, Preview } from "./adhoc-api.js";
import { PreviewTable } from "./preview-table.js";

/** A preview and the definition it was run with, so the panel can tell when the design moved on. */
export type PreviewResult = { preview: Preview; definition: Definition };

type Props = {
  result: PreviewResult | null;
  error: unknown;
  running: boolean;
  /** The design has changed since the preview shown. */
  stale: boolean;
  hasFields: boolean;
  onRun(): void;
};

/** The designer's preview: the first page of rows, or why there is none yet. */
export function PreviewPanel({ result, error, running, stale, hasFields, onRun }: Props) {
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="adhoc-preview-heading">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <Title order={3} size="h5" id="adhoc-preview-heading">
            Preview
          </Title>
          {stale && !error && (
            <Badge variant="light" color="yellow">
              Changed since this preview
            </Badge>
          )}
        </Group>
        <Button size="xs" onClick={onRun} loading={running} disabled={!hasFields}>
          {result ? "Preview again" : "Preview"}
        </Button>
      </Group>
      <ProblemAlert error={error} title="The preview did not run" />
      {!result && !error && (
        <Text size="sm" c="dimmed">
          {hasFields ? "Preview shows the first 50 rows, exactly as the export would have them." : "Pick at least one field, then preview the first 50 rows here."}
        </Text>
      )}
      {result && !error && <PreviewTable preview={result.preview} />}
    </Paper>
  );
}
