import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { recordAudit } from "../../platform/audit.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { rotateSession, type SessionRow } from "../../platform/auth/session-store.js";
import { newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "../../platform/auth/totp.js";
import type { AppDeps } from "../../platform/deps.js";
import { mfaRecoveryCodes, users } from "../../platform/db/schema/users.js";
import { AppError, notFound } from "../../platform/http/errors.js";

/** A session still waiting for its code must not be able to replace the secret it is asked for. */
function refuseWhileCodePending(session: SessionRow) {
  if (session.stage === "mfa") throw new AppError(401, "mfa-required", "Finish signing in with your authenticator code first.");
}

async function loadUser(deps: AppDeps, userId: string) {
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound("Your account");
  return user;
}

/** Starts enrolment: a new secret is kept as pending until a code from it is confirmed. */
export async function startMfaSetup(deps: AppDeps, session: SessionRow) {
  refuseWhileCodePending(session);
  const user = await loadUser(deps, session.userId);
  const secret = newTotpSecret();
  await deps.database.db.update(users).set({ mfaPendingSecret: secret }).where(eq(users.id, user.id));
  const otpauthUrl = totpUri(secret, user.email ?? user.username);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

/**
 * Confirms enrolment with a code from the new secret and returns ten recovery codes, shown once.
 * A vendor session waiting to enrol becomes active under a new token.
 */
export async function confirmMfaSetup(deps: AppDeps, session: SessionRow, code: string) {
  refuseWhileCodePending(session);
  const user = await loadUser(deps, session.userId);
  if (!user.mfaPendingSecret) throw new AppError(409, "mfa-setup-not-started", "Start the authenticator setup first.");
  if (!verifyTotp(user.mfaPendingSecret, code)) {
    throw new AppError(400, "mfa-code-invalid", "That code does not match. Scan the QR code again and enter the current 6-digit code.", { path: "body.code" });
  }
  const now = deps.clock.now();
  const { codes, hashes } = newRecoveryCodes();
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: now }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await tx.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId: user.id, codeHash })));
    await recordAudit(tx, { districtId: user.districtId, actor: { id: user.id, name: user.username }, action: "account.mfa-enabled", target: { type: "user", id: user.id, name: user.username } });
  });
  const token = session.stage === "mfa-enrol" ? await rotateSession(deps.database.db, session.id, "active", now) : null;
  return { recoveryCodes: codes, token };
}

/** Turns MFA off after a password check; vendor staff must keep it. */
export async function disableMfa(deps: AppDeps, userId: string, password: string) {
  const user = await loadUser(deps, userId);
  if (user.kind === "vendor") throw new AppError(403, "mfa-required-for-vendor", "Vendor support staff must keep MFA on.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError(400, "current-password-wrong", "Your password is not right.", { path: "body.password" });
  }
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await recordAudit(tx, { districtId: user.districtId, actor: { id: user.id, name: user.username }, action: "account.mfa-disabled", target: { type: "user", id: user.id, name: user.username } });
  });
}
