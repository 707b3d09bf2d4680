import { authenticator } from "otplib";
import { newToken, sha256 } from "./tokens.js";

// One step either side tolerates a phone clock that is 30 seconds off.
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(secret: string, account: string): string {
  return authenticator.keyuri(account, "Gatehouse", secret);
}

export function verifyTotp(secret: string, code: string): boolean {
  return authenticator.check(code.replace(/\s+/g, ""), secret);
}


/** Ten single-use recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => newToken(8).replace(/[-_]/g, "x").slice(0, 10).toLowerCase());
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase().replace(/\s+/g, ""));
}
