import { Alert } from "@mantine/core";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

/** A tab that could not load; a 404 means the record is outside this user's calendars or rights. */
export function TabProblem({ error }: { error: unknown }) {
  if (!error) return null;
  if (isApiError(error) && error.status === 404) {
    return (
      <Alert color="orange" variant="light" title="Not available to you" role="alert">
        {error.detail} Your tool rights or calendar rights do not reach this record here. Ask your district's system administrator if you need them.
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
