import { and, eq, isNull, type SQL } from "drizzle-orm";
import { redactFreeText } from "../../domain/redaction/redact.js";
import type { Db } from "../../platform/db/connect.js";
import { notifications } from "../../platform/db/schema/notifications.js";
import { supportCases } from "../../platform/db/schema/support.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { Actor } from "../../platform/http/actor.js";
import { countAll, keyset, toPage, type Page, type SortKey } from "../../platform/http/paging.js";
import type { Notification, NotificationQuery, NOTIFICATION_SORTS } from "./schema.js";

export type NewNotification = { userId: string; districtId: string | null; caseId: string; kind: string; headline: string };

/** Writes notices inside the caller's transaction, beside the emails they go with. */
export async function addNotifications(tx: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(notifications).values(rows.map((r) => ({ ...r, headline: redactFreeText(r.headline) })));
}

/**
 * The reader's own rows and nobody else's: a district reader's within their district, an agent's
 * among the rows with no district. Every query here starts from it, so another person's id is not found.
 */
function ownedBy(reader: Actor, ...conditions: (SQL | undefined)[]): SQL {
  const mine = eq(notifications.userId, reader.userId);
  return reader.districtId ? inDistrict(notifications, { districtId: reader.districtId }, mine, ...conditions) : (and(isNull(notifications.districtId), mine, ...conditions) as SQL);
}

const sortKeys: Record<(typeof NOTIFICATION_SORTS)[number], SortKey> = { created: { expr: notifications.createdAt, type: "timestamptz" } };

export async function pageNotifications(db: Db, reader: Actor, q: NotificationQuery): Promise<Page<Notification> & { unread: number }> {
  const page = keyset(q, sortKeys, { column: notifications.id, type: "uuid" });
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      headline: notifications.headline,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      caseId: supportCases.id,
      number: supportCases.number,
      subject: supportCases.subject,
      pageKey: page.key,
    })
    .from(notifications)
    .innerJoin(supportCases, eq(supportCases.id, notifications.caseId))
    .where(ownedBy(reader, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit);
  const [counted] = await db.select({ n: countAll }).from(notifications).where(ownedBy(reader));
  const [unread] = await db.select({ n: countAll }).from(notifications).where(ownedBy(reader, isNull(notifications.readAt)));
  const side = reader.kind === "vendor" ? "vendor" : "support";
  const items = rows.map(({ caseId, number, subject, ...row }) => ({
    ...row,
    // the subject leaves as it does in the email that went with this notice
    case: { id: caseId, number, subject: redactFreeText(subject) },
    path: `/${side}/cases/${caseId}`,
  }));
  return { ...toPage(items, q, counted?.n ?? 0), unread: unread?.n ?? 0 };
}

/** Marks one of the reader's notices read (a second time keeps the first time); false when it is not theirs. */
export async function markRead(db: Db, reader: Actor, id: string, at: Date): Promise<boolean> {
  const found = await db.select({ id: notifications.id }).from(notifications).where(ownedBy(reader, eq(notifications.id, id))).limit(1);
  if (found.length === 0) return false;
  await db.update(notifications).set({ readAt: at }).where(ownedBy(reader, eq(notifications.id, id), isNull(notifications.readAt)));
  return true;
}

/** Marks every unread notice of the reader read; returns how many. */
export async function markAllRead(db: Db, reader: Actor, at: Date): Promise<number> {
  const marked = await db.update(notifications).set({ readAt: at }).where(ownedBy(reader, isNull(notifications.readAt))).returning({ id: notifications.id });
  return marked.length;
}
