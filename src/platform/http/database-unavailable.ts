/**
 * Whether an error means the database cannot be reached right now (refused or dropped
 * connections, a pool that is closed or timed out, a server shutting down) rather than a bug.
 * Drivers and Drizzle wrap one another's errors, so the whole cause chain is looked at.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
// SQLSTATE: 08 connection exception, 57P01-03 shutdown / cannot connect now, 53300 too many connections
const SQLSTATES = /^(08|57P0[123]$|53300$)/;
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|Client has encountered a connection error|Connection is closed|connect ECONNREFUSED/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 6 && e; depth++) {
    const candidate = e as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    const code = typeof candidate.code === "string" ? candidate.code : "";
    if (NETWORK_CODES.has(code) || SQLSTATES.test(code)) return true;
    if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
    // node's AggregateError: one refusal per address tried (IPv4 and IPv6)
    if (Array.isArray(candidate.errors) && candidate.errors.some(isDatabaseUnavailable)) return true;
    e = candidate.cause;
  }
  return false;
}

export const RETRY_AFTER_SECONDS = 5;
