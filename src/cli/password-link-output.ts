import type { IssuedLink } from "../features/users/password-links.js";

/** One line per link, for the operator to pass on when the user has no email (or it bounces). */
export function formatPasswordLinks(links: IssuedLink[]): string {
  return links
    .map((l) => `Set-password link for ${l.username} (works once, until ${l.expiresAt.toISOString()}${l.emailed ? "; also emailed" : "; no email address on file"}): ${l.url}\n`)
    .join("");
}
