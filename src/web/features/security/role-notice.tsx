import { Alert } from "@mantine/core";
import { useMe } from "../../app/auth-context.js";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";

/** Says up front what this user's Product Security Role lets them do here. */
export function RoleNotice() {
  const me = useMe();
  const role = me?.user.productSecurityRole;
  if (!me || role === "student-information-system") return null;
  return (
    <Alert color={role === "sis-group-assignment" ? "blue" : "gray"} variant="light" mb="md" title={role === "sis-group-assignment" ? "Membership changes only" : "View only"}>
      {role === "sis-group-assignment"
        ? "Your SIS Group Assignment role lets you add people to groups and remove them. Changing tool rights or calendar rights needs the Student Information System product security role."
        : "Only users holding a Product Security Role may change tool rights, calendar rights or group membership. The role is set on the user's account by a district system administrator."}
    </Alert>
  );
}

/**
 * A failed load or change, worded for these screens: a tool the user may not open (404) and
 * a change their role does not allow (403) are refusals that say what to do, not errors.
 */
export function SecurityProblem({ error, title }: { error: unknown; title?: string }) {
  const me = useMe();
  if (isApiError(error) && error.status === 404 && error.code === "not-found") {
    const holdsRole = me !== null && me.user.productSecurityRole !== "none";
    return (
      <Alert color="orange" variant="light" title="You cannot open this" role="alert">
        {holdsRole
          ? `${error.detail} Either it does not exist, or your account has no tool rights to it. A district system administrator holding the Student Information System role can give them.`
          : "User security is managed by district system administrators holding a Product Security Role, and your account holds none. If your duties need these screens, ask a district system administrator: they set the role on your user account."}
      </Alert>
    );
  }
  if (isApiError(error) && error.code === "product-security-role-required") {
    return (
      <Alert color="orange" variant="light" title="Your role does not allow this" role="alert">
        {error.detail}
      </Alert>
    );
  }
  return <ProblemAlert error={error} {...(title ? { title } : {})} />;
}
