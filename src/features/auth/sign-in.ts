import { recordAudit } from "../../platform/audit.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { createSession, type SessionStage } from "../../platform/auth/session-store.js";
import type { AppDeps } from "../../platform/deps.js";
import { AppError } from "../../platform/http/errors.js";
import { sessionLimits } from "../../platform/http/request-auth.js";
import { findDistrictBySlug, findLoginUser, MAX_FAILED_LOGINS, recordFailedLogin, recordSuccessfulLogin } from "./repo.js";
import type { SignIn } from "./schema.js";

type Client = { ip: string; userAgent?: string; requestId: string };

const WRONG = () => new AppError(401, "invalid-credentials", "The username or password is not right. Check both and try again.");
const LOCKED = () =>
  new AppError(423, "account-locked", `This account is locked after ${MAX_FAILED_LOGINS} failed sign-in attempts. Ask your district's system administrator (or Gatehouse support) to unlock it.`);

/**
 * Password step of sign-in. Answers the same way for an unknown user and a wrong password, and
 * locks the account at the fifth consecutive failure. With MFA on, the session it opens waits
 * for the code; vendor staff without MFA must enrol before anything else.
 */
export async function signIn(deps: AppDeps, input: SignIn, client: Client): Promise<{ token: string; stage: SessionStage }> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const district = input.district ? await findDistrictBySlug(db, input.district) : null;
  if (input.district && !district) {
    throw new AppError(404, "district-not-found", `There is no district "${input.district}". Check the address of your district's sign-in page.`, { path: "body.district" });
  }
  const user = await findLoginUser(db, district?.id ?? null, input.username);
  const audit = (action: string, userId?: string) =>
    recordAudit(db, {
      districtId: district?.id ?? null,
      actor: userId ? { id: userId, name: input.username } : null,
      action,
      target: { type: "user", id: userId ?? input.username, name: input.username },
      requestId: client.requestId,
      ip: client.ip,
    });

  if (!user) {
    await verifyPassword(null, input.password);
    await audit("auth.sign-in-failed");
    throw WRONG();
  }
  if (user.lockedAt) {
    await audit("auth.sign-in-refused-locked", user.id);
    throw LOCKED();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const state = await recordFailedLogin(db, user.id, now);
    await audit("auth.sign-in-failed", user.id);
    if (state.lockedAt) {
      if (state.failedLogins === MAX_FAILED_LOGINS) await audit("auth.account-locked", user.id);
      throw LOCKED();
    }
    throw WRONG();
  }
  if (user.disabled) {
    await audit("auth.sign-in-refused-disabled", user.id);
    throw new AppError(403, "account-disabled", "This account is disabled. Ask your district's system administrator.");
  }
  await recordSuccessfulLogin(db, user.id, now);
  const stage: SessionStage = user.mfaEnabledAt ? "mfa" : user.kind === "vendor" ? "mfa-enrol" : "active";
  const { token } = await createSession(db, { user, stage, ip: client.ip, userAgent: client.userAgent, now, limits: sessionLimits(deps) });
  await audit(stage === "active" ? "auth.signed-in" : "auth.password-accepted", user.id);
  return { token, stage };
}
