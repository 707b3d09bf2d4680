import { Alert } from "@mantine/core";
import { useMe } from "../../app/auth-context.js";
import { isApiError } from "../../api.js";
import { ProblemAlert } from "../../components/problem-alert.js";
import { CHANGES, useCapabilities, type Change } from "./use-capabilities.js";

/**
 * Says up front what this user may change here, in the server's own words: the verdicts come
 * from /api/me/capabilities, which uses the same route declarations the server enforces.
 * `changes` are the routes that change what the screen shows; the default is the group and
 * user screens' tool rights, with membership as the narrower power.
 */
export function RoleNotice({ changes = [CHANGES.rights] }: { changes?: Change[] }) {
  const { can, verdict, isLoading } = useCapabilities();
  if (isLoading || changes.every(can)) return null;
  const refusal = verdict(changes.find((c) => !can(c))!);
  const why = refusal.code === "product-security-role-required" ? refusal.reason : "Your tool rights let you read this screen, not change it.";
  if (changes.includes(CHANGES.rights) && can(CHANGES.addMember)) {
    return (
      <Alert color="blue" variant="light" mb="md" title="Membership changes only">
        {why} You may add people to a group, and remove them, only when every right of that group is within your own rights.
      </Alert>
    );
  }
  return (
    <Alert color="gray" variant="light" mb="md" title="View only">
      {why} The Product Security Role is set on the user's account by a district system administrator.
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
  if (isApiError(error) && (error.code === "product-security-role-required" || error.code === "rights-escalation")) {
    return (
      <Alert color="orange" variant="light" title={error.code === "rights-escalation" ? "Beyond your own rights" : "Your role does not allow this"} role="alert">
        {error.detail}
      </Alert>
    );
  }
  return <ProblemAlert error={error} {...(title ? { title } : {})} />;
}
