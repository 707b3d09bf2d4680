import { Alert, Button, Text } from "@mantine/core";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { isVersionConflict, shownAtFields } from "./field-errors.js";

type Props = {
  error: unknown;
  /** Paths the form shows at their inputs: an error made only of those needs no alert. */
  fieldPaths: string[];
  /** Reloads the record after someone else changed it. */
  onReload: () => void;
  /** Human labels for field paths' last parts, for errors not shown at an input. */
  fieldLabels?: Record<string, string>;
};

/** A failed save, said where it belongs: at the field, or as a conflict to reload, or as an alert. */
export function FormProblem({ error, fieldPaths, onReload, fieldLabels }: Props) {
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" variant="light" title="Changed by someone else" mb="sm" role="alert">
        <Text size="sm">{(error as Error).message}</Text>
        <Button size="xs" variant="default" mt="xs" onClick={onReload}>
          Reload the record
        </Button>
      </Alert>
    );
  }
  const atFields = shownAtFields(error, fieldPaths);
  if (isApiError(error) && error.errors.length > 0 && atFields.length === error.errors.length) {
    return (
      <Text size="sm" c="red.7" mb="sm" role="alert">
        Nothing was saved: correct the {atFields.length === 1 ? "field" : "fields"} marked below.
      </Text>
    );
  }
  return (
    <div style={{ marginBottom: "var(--mantine-spacing-sm)" }}>
      <ProblemAlert error={error} title="Not saved" hideFields={atFields} fieldLabels={fieldLabels} />
    </div>
  );
}
