import { authenticator } from "otplib";
import { newToken, sha256 } from "./tokens.js";

const STEP_SECONDS = 30;
// One step either side tolerates a phone clock that is 30 seconds off.
authenticator.options = { window: 1, step: STEP_SECONDS };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(secret: string, account: string): string {
  return authenticator.keyuri(account, "Gatehouse", secret);
}

/**
 * The time step a code belongs to, or null when it matches none in the window. Callers store the
 * step and refuse a step at or before it, so each code works once. The authenticator's clock is
 * the real one (the phone's), not the app's clock, which tests and --as-of may move.
 */
export function totpStep(secret: string, code: string): number | null {
  const epoch = Date.now();
  const delta = authenticator.clone({ epoch }).checkDelta(code.replace(/\s+/g, ""), secret);
  if (delta === null) return null;
  return Math.floor(epoch / 1000 / STEP_SECONDS) + delta;
}

/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => newToken(8).replace(/[-_]/g, "x").slice(0, 10).toLowerCase());
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase().replace(/\s+/g, ""));
}
