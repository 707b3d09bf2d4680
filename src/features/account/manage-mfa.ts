import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { rotateSession, type SessionRow, type UserRow } from "../../platform/auth/session-store.js";
import { newRecoveryCodes, newTotpSecret, totpStep, totpUri } from "../../platform/auth/totp.js";
import type { Db } from "../../platform/db/connect.js";
import type { AppDeps } from "../../platform/deps.js";
import { mfaRecoveryCodes, users } from "../../platform/db/schema/users.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { checkUnderLockout } from "../auth/attempt-guard.js";
import { useSecondFactor } from "../auth/use-second-factor.js";
import { isCurrentContact } from "../contacts/repo.js";
import type { MfaProof } from "./schema.js";

/** A session still waiting for its code must not be able to replace the secret it is asked for. */
function refuseWhileCodePending(session: SessionRow) {
  if (session.stage === "mfa") throw new AppError(401, "mfa-required", "Finish signing in with your authenticator code first.");
}

async function loadUser(deps: AppDeps, userId: string) {
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound("Your account");
  return user;
}

const audit = (db: Db, user: UserRow, action: string) =>
  recordAudit(db, { districtId: user.districtId, actor: { id: user.id, name: user.username }, action, target: { type: "user", id: user.id, name: user.username } });

/**
 * An open session is not proof enough to change a second factor: the current password and a
 * current code (or a recovery code) are asked for, under the same smart lockout as sign-in.
 */
async function requireProof(deps: AppDeps, user: UserRow, proof: MfaProof, address: string, purpose: string) {
  if (!proof.password) throw new AppError(400, "password-required", `Enter your current password to ${purpose}.`, { path: "body.password" });
  if (!proof.code) throw new AppError(400, "mfa-code-required", `Enter a code from your current authenticator app (or a recovery code) to ${purpose}.`, { path: "body.code" });
  let wrong: "password" | "code" | null = null;
  const ok = await checkUnderLockout(deps, user, address, "account.mfa-proof-failed", async () => {
    if (!(await verifyPassword(user.passwordHash, proof.password!))) wrong = "password";
    else if (!(await useSecondFactor(deps.database.db, user, proof.code!, deps.clock.now()))) wrong = "code";
    return wrong === null;
  });
  if (ok) return;
  if (wrong === "password") throw new AppError(400, "current-password-wrong", "Your password is not right.", { path: "body.password" });
  throw new AppError(400, "mfa-code-invalid", "That code is not right, or was used already. Enter the current code from your authenticator app, or a recovery code.", { path: "body.code" });
}

/**
 * Starts enrolment: a new secret is kept as pending until a code from it is confirmed. Moving to
 * a new authenticator (MFA already on) needs the password and a code from the current one, and
 * is refused with `reEnrolRefusal` when the caller lacks the right to change account settings.
 */
export async function startMfaSetup(deps: AppDeps, session: SessionRow, proof: MfaProof, address: string, reEnrolRefusal: AppError | null = null) {
  refuseWhileCodePending(session);
  const user = await loadUser(deps, session.userId);
  if (user.mfaEnabledAt && reEnrolRefusal) throw reEnrolRefusal;
  if (user.mfaEnabledAt) await requireProof(deps, user, proof, address, "move to a new authenticator");
  const secret = newTotpSecret();
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaPendingSecret: secret }).where(eq(users.id, user.id));
    await audit(tx, user, user.mfaEnabledAt ? "account.mfa-re-enrol-started" : "account.mfa-setup-started");
  });
  const otpauthUrl = totpUri(secret, user.email ?? user.username);
  return { secret, otpauthUrl, qrDataUrl: await (await import("qrcode")).default.toDataURL(otpauthUrl) }; // qrcode: loaded at the first MFA setup, not at start-up
}

/**
 * Confirms enrolment with a code from the new secret and returns ten recovery codes, shown once.
 * The confirming code's step is stored, so it cannot be used again to sign in. A vendor session
 * waiting to enrol becomes active under a new token.
 */
export async function confirmMfaSetup(deps: AppDeps, session: SessionRow, code: string) {
  refuseWhileCodePending(session);
  const user = await loadUser(deps, session.userId);
  if (!user.mfaPendingSecret) throw new AppError(409, "mfa-setup-not-started", "Start the authenticator setup first.");
  const step = totpStep(user.mfaPendingSecret, code);
  if (step === null) {
    throw new AppError(400, "mfa-code-invalid", "That code does not match. Scan the QR code again and enter the current 6-digit code.", { path: "body.code" });
  }
  const now = deps.clock.now();
  const { codes, hashes } = newRecoveryCodes();
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await tx.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId: user.id, codeHash })));
    await audit(tx, user, user.mfaEnabledAt ? "account.mfa-re-enrolled" : "account.mfa-enabled");
  });
  const token = session.stage === "mfa-enrol" ? await rotateSession(deps.database.db, session.id, "active", now) : null;
  return { recoveryCodes: codes, token };
}

/** Turns MFA off after the password and a current code (or a recovery code); vendor staff must keep it. */
export async function disableMfa(deps: AppDeps, userId: string, proof: MfaProof, address: string) {
  const user = await loadUser(deps, userId);
  if (user.kind === "vendor") throw new AppError(403, "mfa-required-for-vendor", "Vendor support staff must keep MFA on.");
  if (!user.mfaEnabledAt) throw new AppError(409, "mfa-not-enabled", "MFA is already off for your account.");
  if (await isCurrentContact(deps.database.db, user.id)) {
    throw new AppError(403, "mfa-required-for-contact", "Authorized contacts must keep MFA on: the Support Case Portal signs them in only with their authenticator app. Move to a new authenticator instead, or ask for your designation to be removed first.");
  }
  await requireProof(deps, user, proof, address, "turn MFA off");
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, totpLastStep: null }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await audit(tx, user, "account.mfa-disabled");
  });
}
