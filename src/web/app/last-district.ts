/**
 * Remembers which sign-in page this browser used last, so a signed-out user who opens a page
 * lands on their own district's sign-in rather than the district picker.
 */
const KEY = "gatehouse.lastSignIn";

export function rememberSignIn(slugOrVendor: string) {
  try {
    localStorage.setItem(KEY, slugOrVendor);
  } catch {
    // Private browsing may refuse storage; the picker still works without it.
  }
}

export function rememberedSignIn(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** "/login/<slug>", "/login/vendor", or "/login" when this browser has not signed in before. */
export function rememberedSignInPath(next?: string): string {
  const last = rememberedSignIn();
  const base = last ? `/login/${encodeURIComponent(last)}` : "/login";
  return next && next !== "/" ? `${base}?next=${encodeURIComponent(next)}` : base;
}

/** Only same-site paths are followed after sign-in, never a full URL someone put in the link. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return "/";
  return next;
}
