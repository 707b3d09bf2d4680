import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { caseEvents, districtAddOnProducts, releases, supportCases } from "../../platform/db/schema/support.js";
import { findLoginUser } from "../auth/repo.js";
import { createUser } from "../users/create-user.js";
import { DEMO_VENDOR_LOGIN } from "./demo-logins.js";

/**
 * The demo district's authorized contacts. They are their own accounts (not admin/teacher) so
 * the demo's other logins keep working without an authenticator: contacts must set one up the
 * first time they open the portal. Dana is deactivated, to show a reactivation.
 */
export const SUPPORT_DEMO_LOGINS = [
  { username: "kim", displayName: "Kim Nguyen", password: "Lantern-Case-35", type: "support", daysSinceActivity: 2 },
  { username: "jordan", displayName: "Jordan Lee", password: "Server-Refresh-62", type: "technical", daysSinceActivity: 20 },
  { username: "sam", displayName: "Sam Patel", password: "Roster-Bridge-19", type: "support", daysSinceActivity: 150 },
  { username: "dana", displayName: "Dana Ortiz", password: "Quiet-Harbor-84", type: "support", daysSinceActivity: 230, deactivated: true },
] as const;

const DAY = 86_400_000;

/** Seeds contacts, an add-on product, a release and two cases into a freshly made demo district. */
export async function seedSupportDemo(db: Db, districtId: string, now = new Date()): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const contactIds: Record<string, string> = {};
  for (const login of SUPPORT_DEMO_LOGINS) {
    const user = await createUser(db, { districtId, username: login.username, displayName: login.displayName, email: `${login.username}@demo-usd.example`, password: login.password }, null);
    const deactivated = "deactivated" in login && login.deactivated;
    const [contact] = await db
      .insert(authorizedContacts)
      .values({
        districtId,
        userId: user.id,
        type: login.type,
        status: deactivated ? "deactivated" : "active",
        lastActivityAt: ago(login.daysSinceActivity),
        designatedAt: ago(400),
        deactivatedAt: deactivated ? ago(login.daysSinceActivity - 210) : null,
      })
      .returning({ id: authorizedContacts.id });
    contactIds[login.username] = contact!.id;
  }
  await db.insert(districtAddOnProducts).values({ districtId, product: "Campus Learning" }).onConflictDoNothing();
  await db.insert(releases).values({ version: "2026.2", name: "Spring 2026 release", releasedOn: "2026-03-02" }).onConflictDoNothing();

  const vendor = await findLoginUser(db, null, DEMO_VENDOR_LOGIN.username);
  const kim = await findLoginUser(db, districtId, "kim");
  const sam = await findLoginUser(db, districtId, "sam");
  const [grading] = await db
    .insert(supportCases)
    .values({ districtId, contactId: contactIds.kim!, openedById: kim!.id, openedByName: kim!.displayName, subject: "Report cards print with blank grades", description: "Since Monday the Grade 5 report cards print with empty grade columns for Lincoln Elementary.", productArea: "Grading", priority: "high", status: "pending-district", assigneeId: vendor?.id ?? null, createdAt: ago(3), updatedAt: ago(2) })
    .returning();
  await db.insert(caseEvents).values([
    { districtId, caseId: grading!.id, at: ago(3), actorId: kim!.id, actorName: kim!.displayName, actorSide: "district", kind: "opened", data: { priority: "high", productArea: "Grading" } },
    ...(vendor
      ? [{ districtId, caseId: grading!.id, at: ago(2), actorId: vendor.id, actorName: vendor.displayName, actorSide: "vendor" as const, kind: "reply", body: "Thanks, Kim. Which report card template do you use? A screenshot of the print setup would help." }]
      : []),
  ]);
  const [attendance] = await db
    .insert(supportCases)
    .values({ districtId, contactId: contactIds.sam!, openedById: sam!.id, openedByName: sam!.displayName, subject: "Attendance letters not generating", description: "The truancy letter batch finishes without producing any letters.", productArea: "Attendance", priority: "normal", status: "new", createdAt: ago(150), updatedAt: ago(150) })
    .returning();
  await db.insert(caseEvents).values({ districtId, caseId: attendance!.id, at: ago(150), actorId: sam!.id, actorName: sam!.displayName, actorSide: "district", kind: "opened", data: { priority: "normal", productArea: "Attendance" } });
}
