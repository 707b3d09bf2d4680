/**
 * How delivery reacts to a failure. SMTP 5xx is a permanent refusal (no such mailbox, policy):
 * retrying would only repeat it, so the message fails at once and vendor staff see why.
 * 4xx and connection problems are temporary: retried with exponential backoff until
 * `maxAttempts`, after which the message fails too, rather than being retried forever.
 */
export type DeliveryPolicy = {
  maxAttempts: number;
  /** Wait after the first failed attempt; doubles with each further one. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** How long a claimed message stays reserved for the sender that claimed it. */
  leaseMs: number;
};

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  firstRetryMs: 60_000,
  maxRetryMs: 6 * 3_600_000,
  // Longer than the SMTP timeouts together (see smtp-sender.ts), so a send still in progress is
  // never reclaimed by another sender.
  leaseMs: 5 * 60_000,
};

export type SendFailure = { permanent: boolean; message: string };

/** Classifies a nodemailer error: a 5xx reply is permanent, anything else may pass on retry. */
export function classifySendError(error: unknown): SendFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const permanent = code !== null && code >= 500 && code < 600;
  const what = code !== null ? `SMTP ${code}: ${e.response ?? e.message ?? "refused"}` : `${e.code ? `${e.code}: ` : ""}${e.message ?? String(error)}`;
  return { permanent, message: what.slice(0, 1000) };
}

/** Delay before the next attempt after `attempts` failed ones: 1, 2, 4, … times firstRetryMs, capped. */
export function retryDelayMs(attempts: number, policy: DeliveryPolicy): number {
  return Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

/** After a failed attempt: retry later, or give up for good. */
export function afterFailure(failure: SendFailure, attempts: number, policy: DeliveryPolicy): { status: "pending" | "failed"; retryInMs: number } {
  if (failure.permanent || attempts >= policy.maxAttempts) return { status: "failed", retryInMs: 0 };
  return { status: "pending", retryInMs: retryDelayMs(attempts, policy) };
}
