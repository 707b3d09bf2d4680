import escapeHtml from "escape-html";
import { and, eq, inArray } from "drizzle-orm";
import type { Config } from "../../platform/config.js";
import type { Db } from "../../platform/db/connect.js";
import { users } from "../../platform/db/schema/users.js";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import { addNotifications } from "../notifications/repo.js";
import type { CaseRecipient, CaseRow } from "./repo.js";

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
 * Tells each recipient of a case event, inside the caller's transaction, so a notice exists if and
 * only if the change it reports was committed: one email per address (lower-cased, once) in the
 * outbox, and one in-app notification per person (a bare mailbox such as SUPPORT_TEAM_EMAIL gets
 * only the email; a person with no address still gets the notification).
 */
export async function notifyCase(tx: Db, config: Pick<Config, "publicUrl">, c: CaseRow, to: (CaseRecipient | null)[], notice: CaseNotice) {
  const link = caseLink(config, c, notice.audience);
  const flag = c.emergency ? "[EMERGENCY] " : c.priority === "urgent" ? "[URGENT] " : "";
  const subject = `${flag}[Case #${c.number}] ${c.subject} — ${notice.headline}`;
  const text = [notice.headline, "", ...(notice.body ? [notice.body, ""] : []), `Open the case: ${link}`].join("\n");
  const html = [
    `<p><strong>${escapeHtml(notice.headline)}</strong></p>`,
    notice.body ? `<p style="white-space:pre-wrap">${escapeHtml(notice.body)}</p>` : "",
    `<p><a href="${escapeHtml(link)}">Open case #${c.number}</a></p>`,
  ].join("\n");
  const addresses = new Map<string, string>();
  const people = new Set<string>();
  for (const r of to) {
    const address = r?.email?.trim();
    if (address && !addresses.has(address.toLowerCase())) addresses.set(address.toLowerCase(), address);
    if (r?.userId) people.add(r.userId);
  }
  for (const address of addresses.values()) {
    await enqueueEmail(tx, { districtId: c.districtId, kind: notice.kind, to: address, subject, text, html });
  }
  const districtId = notice.audience === "district" ? c.districtId : null;
  await addNotifications(tx, [...people].map((userId) => ({ userId, districtId, caseId: c.id, kind: notice.kind, headline: notice.headline })));
}

/**
 * Tells the vendor's support team of a new case: the shared mailbox of SUPPORT_TEAM_EMAIL, when
 * set, and every active agent who asked for new cases ("all", or "emergency" when it is one).
 * An emergency or urgent case says so at the start of the subject.
 */
export async function notifyVendorTeam(tx: Db, config: Pick<Config, "publicUrl" | "supportTeamEmail">, c: CaseRow, notice: Omit<CaseNotice, "audience">) {
  const wanted = c.emergency ? (["all", "emergency"] as const) : (["all"] as const);
  const agents = await tx
    .select({ userId: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.kind, "vendor"), eq(users.disabled, false), inArray(users.newCaseEmails, [...wanted])));
  await notifyCase(tx, config, c, [{ userId: null, email: config.supportTeamEmail ?? null }, ...agents], { ...notice, audience: "vendor" });
}
