import escapeHtml from "escape-html";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Config } from "../../platform/config.js";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import type { CaseRow } from "./repo.js";

export type CaseNotice = {
  /** One line: what happened ("Vera Vendor replied"). */
  headline: string;
  /** The message text, when the notice carries one (a reply, the case description). */
  body?: string | null;
  audience: "district" | "vendor";
  kind: string;
};

export function caseLink(config: Pick<Config, "publicUrl">, c: Pick<CaseRow, "id">, audience: "district" | "vendor") {
  const base = (config.publicUrl ?? "").replace(/\/$/, "");
  return `${base}/${audience === "vendor" ? "vendor" : "support"}/cases/${c.id}`;
}

/**
 * Puts one email per recipient in the outbox, inside the caller's transaction, so a notice is
 * sent if and only if the change it reports was committed.
 */
export async function notifyCase(tx: Db, config: Pick<Config, "publicUrl">, c: CaseRow, to: (string | null)[], notice: CaseNotice) {
  const link = caseLink(config, c, notice.audience);
  const flag = c.emergency ? "[EMERGENCY] " : c.priority === "urgent" ? "[URGENT] " : "";
  const subject = `${flag}[Case #${c.number}] ${c.subject} — ${notice.headline}`;
  const text = [notice.headline, "", ...(notice.body ? [notice.body, ""] : []), `Open the case: ${link}`].join("\n");
  const html = [
    `<p><strong>${escapeHtml(notice.headline)}</strong></p>`,
    notice.body ? `<p style="white-space:pre-wrap">${escapeHtml(notice.body)}</p>` : "",
    `<p><a href="${escapeHtml(link)}">Open case #${c.number}</a></p>`,
  ].join("\n");
  for (const address of new Set(to.filter((a): a is string => Boolean(a)))) {
    await enqueueEmail(tx, { districtId: c.districtId, kind: notice.kind, to: address, subject, text, html });
  }
}

/**
 * Tells the vendor's support team of a new case: the shared mailbox of SUPPORT_TEAM_EMAIL, when
 * set, and every active agent who asked for new cases ("all", or "emergency" when it is one).
 * An address is written once however many ways it qualifies. An emergency or urgent case says so
 * at the start of the subject.
 */
export async function notifyVendorTeam(tx: Db, config: Pick<Config, "publicUrl" | "supportTeamEmail">, c: CaseRow, notice: Omit<CaseNotice, "audience">) {
  const wanted = c.emergency ? (["all", "emergency"] as const) : (["all"] as const);
  const agents = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.kind, "vendor"), eq(users.disabled, false), isNotNull(users.email), inArray(users.newCaseEmails, [...wanted])));
  const byLower = new Map<string, string>();
  for (const address of [config.supportTeamEmail, ...agents.map((a) => a.email)]) {
    const trimmed = address?.trim();
    if (trimmed && !byLower.has(trimmed.toLowerCase())) byLower.set(trimmed.toLowerCase(), trimmed);
  }
  await notifyCase(tx, config, c, [...byLower.values()], { ...notice, audience: "vendor" });
}
