import { Alert, List, Text } from "@mantine/core";
import { isApiError } from "../api.js";
import { isAtField } from "./field-problems.js";

type Props = {
  /** Whatever a query or mutation failed with; nothing is rendered for null/undefined. */
  error: unknown;
  title?: string;
  /** Human labels for field paths, by the last part of the path: { newPassword: "New password" }. */
  fieldLabels?: Record<string, string>;
  /** Field errors already shown next to their inputs (by path or bare name) are left out of the list here. */
  hideFields?: string[];
};

function lastPart(path: string): string {
  return path.split(".").pop() ?? path;
}

/** Shows an API failure the way the server put it: its detail, then each field and what to fix. */
export function ProblemAlert({ error, title, fieldLabels = {}, hideFields = [] }: Props) {
  if (!error) return null;
  const detail = isApiError(error) ? error.detail : error instanceof Error ? error.message : String(error);
  const fields = isApiError(error) ? error.errors.filter((e) => !hideFields.some((f) => isAtField(e.path, f))) : [];
  const listed = fields.length > 1 || (fields.length === 1 && fields[0]!.message !== detail);
  return (
    <Alert color="red" variant="light" title={title ?? (isApiError(error) && error.status === 0 ? "No connection" : "That did not work")} role="alert">
      <Text size="sm">{detail}</Text>
      {listed && (
        <List size="sm" mt="xs" spacing={2}>
          {fields.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              <Text span fw={600} size="sm">
                {fieldLabels[lastPart(e.path)] ?? lastPart(e.path)}
              </Text>
              : {e.message}
            </List.Item>
          ))}
        </List>
      )}
      {isApiError(error) && error.requestId && error.status >= 500 && (
        <Text size="xs" c="dimmed" mt="xs">
          Request id {error.requestId}
        </Text>
      )}
    </Alert>
  );
}
