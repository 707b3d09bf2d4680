/**
 * Smart lockout, the way Microsoft Entra ID does it: failures are counted per account AND client
 * address, so an attacker somewhere else can lock only their own address out of an account, never
 * its owner. A per-account ceiling across all addresses slows a distributed attack down (a growing
 * pause between attempts) instead of locking; addresses the owner has signed in from are familiar
 * and not slowed. Every limit is temporary; an administrator's unlock clears them at once.
 */
export const LOCKOUT = {
  /** Failures from one address that lock that address out of the account. */
  perAddress: 5,
  /** First lock of an address; each further lock doubles it, up to maxLockMinutes. */
  lockMinutes: 15,
  maxLockMinutes: 24 * 60,
  /** Failures from all addresses after which unfamiliar addresses must wait between attempts. */
  accountCeiling: 10,
  ceilingPauseSeconds: 30,
  maxCeilingPauseSeconds: 30 * 60,
} as const;

export type AttemptCounts = {
  failures: number;
  lockedUntil: Date | null;
  lastFailureAt: Date | null;
  lastSuccessAt: Date | null;
};

/** How long the pause after the ceiling is, for an account with this many failures. */
export function ceilingPauseMs(failures: number): number {
  const over = failures - LOCKOUT.accountCeiling;
  if (over < 0) return 0;
  return Math.min(LOCKOUT.ceilingPauseSeconds * 2 ** over, LOCKOUT.maxCeilingPauseSeconds) * 1000;
}

/**
 * Until when an attempt on this account from this address is refused (without looking at the
 * password), or null when it may be tried. `address` is the account's row for the caller's
 * address, `account` its row across all addresses.
 */
export function refusedUntil(address: AttemptCounts | undefined, account: AttemptCounts | undefined, now: Date): Date | null {
  if (address?.lockedUntil && address.lockedUntil > now) return address.lockedUntil;
  const familiar = Boolean(address?.lastSuccessAt);
  if (familiar || !account?.lastFailureAt) return null;
  const pause = ceilingPauseMs(account.failures);
  if (pause === 0) return null;
  const until = new Date(account.lastFailureAt.getTime() + pause);
  return until > now ? until : null;
}
