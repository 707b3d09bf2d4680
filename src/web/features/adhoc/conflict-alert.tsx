import { Alert, Button, Group, Text } from "@mantine/core";
import { isApiError } from "../../api.js";
import type { Filter } from "./adhoc-api.js";

type Props = { error: unknown; onLoadTheirs(filter: Filter): void; onOverwrite(version: number): void };

/** Someone saved the filter after it was opened: take their version, or save this one over it. */
export function ConflictAlert({ error, onLoadTheirs, onOverwrite }: Props) {
  if (!isApiError(error) || error.code !== "version-conflict") return null;
  const current = error.body.current as Filter | null | undefined;
  return (
    <Alert color="orange" variant="light" title="Saved by someone else meanwhile" role="alert" mb="md">
      <Text size="sm">{error.detail}</Text>
      {current && (
        <Group gap="sm" mt="sm">
          <Button size="xs" variant="default" onClick={() => onLoadTheirs(current)}>
            Load the saved version (drop my changes)
          </Button>
          <Button size="xs" color="orange" onClick={() => onOverwrite(current.version)}>
            Save mine over it
          </Button>
        </Group>
      )}
    </Alert>
  );
}
