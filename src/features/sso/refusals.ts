import type { SsoProvider } from "../../platform/db/schema/sso.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";

/**
 * Why an SSO sign-in was refused. The code goes in the audit row and in the sign-in page's
 * address; the message is what the person reads there (src/web/pages/sign-in/sso-buttons.tsx).
 */
export type RefusalCode =
  | "sso-not-configured"
  | "state-mismatch"
  | "nonce-mismatch"
  | "pkce-mismatch"
  | "wrong-issuer"
  | "wrong-audience"
  | "bad-signature"
  | "expired"
  | "replayed"
  | "idp-error"
  | "idp-unreachable"
  | "domain-not-allowed"
  | "no-subject"
  | "unlinked-user"
  | "subject-linked-elsewhere"
  | "account-disabled"
  | "jit-no-username"
  | "jit-username-taken"
  | "account-setting-missing"
  | "invalid-response";

export class SsoRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Every refusal is audited, with the technical reason the person is not shown. */
export async function auditRefusal(db: Db, districtId: string, provider: SsoProvider, refusal: SsoRefusal, technical?: string) {
  await recordAudit(db, {
    districtId,
    actor: null,
    action: "sso.sign-in-refused",
    target: { type: "district", id: districtId },
    after: { provider, reason: refusal.code, message: refusal.message, ...(technical ? { technical: technical.slice(0, 500) } : {}), ...refusal.detail },
  });
}
