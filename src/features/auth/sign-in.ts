import { refusedUntil } from "../../domain/auth/lockout.js";
import { recordAudit } from "../../platform/audit.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { createSession, type SessionStage } from "../../platform/auth/session-store.js";
import type { AppDeps } from "../../platform/deps.js";
import { AppError } from "../../platform/http/errors.js";
import { sessionLimits } from "../../platform/http/request-auth.js";
import { accountKey, ALL_ADDRESSES, asCounts, countAttempt, pruneUnknownNames, readAttempts, recordFailure, recordSuccess } from "./attempts-repo.js";
import { passwordSignInRefused } from "../sso/password-policy.js";
import { findDistrictBySlug, findLoginUser, recordSuccessfulLogin } from "./repo.js";
import type { SignIn } from "./schema.js";

type Client = { ip: string; userAgent?: string };

// One answer for a wrong password, an unknown user and a locked or paused account, so none of
// them tells an attacker anything; the owner reading it knows what to try.
const REFUSED = () =>
  new AppError(
    401,
    "invalid-credentials",
    "The username or password is not right, or this account is refusing sign-ins from here for a while after too many failures. Check both and try again later.",
  );

/**
 * Password step of sign-in under smart lockout (src/domain/auth/lockout.ts). Every path hashes
 * once, so timing does not tell an unknown or locked account from a wrong password. With MFA on,
 * the session it opens waits for the code; vendor staff without MFA must enrol first.
 */
export async function signIn(deps: AppDeps, input: SignIn, client: Client): Promise<{ token: string; stage: SessionStage }> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const district = input.district ? await findDistrictBySlug(db, input.district) : null;
  if (input.district && !district) {
    throw new AppError(404, "district-not-found", `There is no district "${input.district}". Check the address of your district's sign-in page.`, { path: "body.district" });
  }
  const key = accountKey(district?.id ?? null, input.username);
  const here = await countAttempt(db, key, client.ip, now);
  if (here.windowAttempts > deps.config.signInRateLimit) {
    throw new AppError(429, "rate-limited", "Too many sign-in attempts for this username from here. Wait a minute and try again.", { detail: { retryAfterSeconds: 60 } });
  }
  const user = await findLoginUser(db, district?.id ?? null, input.username);
  const passwordRight = await verifyPassword(user?.passwordHash ?? null, input.password);
  const audit = (action: string, after?: unknown) =>
    recordAudit(db, {
      districtId: district?.id ?? null,
      actor: user ? { id: user.id, name: input.username } : null,
      action,
      target: { type: "user", id: user?.id ?? input.username, name: input.username },
      after,
    });

  const until = refusedUntil(asCounts(here), asCounts(await readAttempts(db, key, ALL_ADDRESSES)), now);
  if (user && until) {
    await audit("auth.sign-in-refused-locked", { until });
    if (!passwordRight) await recordFailure(db, key, client.ip, user.id, now);
    throw REFUSED();
  }
  if (!user || !passwordRight) {
    const failure = await recordFailure(db, key, client.ip, user?.id ?? null, now);
    if (!user) await pruneUnknownNames(db, now);
    await audit("auth.sign-in-failed");
    if (user && failure.locked) await audit("auth.account-locked", { address: client.ip, lockedUntil: failure.row.lockedUntil });
    throw REFUSED();
  }
  if (user.disabled) {
    await audit("auth.sign-in-refused-disabled");
    throw new AppError(403, "account-disabled", "This account is disabled. Ask your district's system administrator.");
  }
  if (district && (await passwordSignInRefused(db, district.id, user))) {
    await audit("auth.sign-in-refused-password-off");
    throw new AppError(403, "password-sign-in-off", "Your district signs staff in with single sign-on only. Use the \"Sign in with …\" button on this page.");
  }
  // With MFA on, the password alone is no success: the counts stand until the code is right,
  // so someone holding the password cannot reset them between guesses at the code.
  if (!user.mfaEnabledAt) {
    await recordSuccess(db, key, client.ip, user.id, now);
    await recordSuccessfulLogin(db, user.id, now);
  }
  const stage: SessionStage = user.mfaEnabledAt ? "mfa" : user.kind === "vendor" ? "mfa-enrol" : "active";
  const { token } = await createSession(db, { user, stage, ip: client.ip, userAgent: client.userAgent, now, limits: sessionLimits(deps) });
  await audit(stage === "active" ? "auth.signed-in" : "auth.password-accepted");
  return { token, stage };
}
