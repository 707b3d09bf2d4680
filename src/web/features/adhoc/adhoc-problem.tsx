import { Alert } from "@mantine/core";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

/** A failed load: "not found" is either gone or not for this user, and says what to do about it. */
export function AdhocProblem({ error, what = "This" }: { error: unknown; what?: string }) {
  if (isApiError(error) && error.status === 404) {
    return (
      <Alert color="orange" variant="light" title="You cannot open this" role="alert">
        {what} does not exist, or your account has no rights to it: Ad hoc reporting needs Read rights on Ad Hoc Reporting, and a shared filter
        is there only for members of the groups it is shared with. Ask your district's system administrator if you need access.
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
