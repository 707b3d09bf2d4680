import { asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { sisSchools } from "../../platform/db/schema/sis.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { auditActor } from "../rights/guards.js";
import { readPreferences } from "../rights/repo-preferences.js";
import { findDistrictUser, lockUserAtVersion } from "../rights/user-version.js";
import { applyStaffAssignments } from "./apply-staff-assignments.js";
import { readSchoolAssignments, replaceSourceAssignments } from "./school-assignments.js";

/** GET /api/users/:userId/school-assignments: every source's assignments, the web app's among them. */
export async function getSchoolAssignments(db: Db, actor: DistrictActor, userId: string) {
  const user = await findDistrictUser(db, actor, userId);
  if (!user) throw notFound("That user");
  const held = (await readSchoolAssignments(db, actor, [userId])).get(userId) ?? [];
  const schools = await db.select({ id: sisSchools.id, name: sisSchools.name }).from(sisSchools).where(inDistrict(sisSchools, actor)).orderBy(asc(sisSchools.name));
  return { userId, username: user.username, version: user.version, automaticStaffAccounts: (await readPreferences(db, actor)).automaticStaffAccounts, assignments: held, schools };
}

/**
 * PUT /api/users/:userId/school-assignments: an administrator sets the web app's assignments of a
 * staff member (OneRoster's and SCIM's are theirs to change), at the account version they read.
 * The staff account automation then runs on every source's assignments, as source "web".
 */
export async function replaceWebSchoolAssignments(db: Db, actor: DistrictActor, userId: string, input: { version: number; assignments: { schoolId: string; title: string }[] }, now: Date) {
  await db.transaction(async (tx) => {
    const user = await lockUserAtVersion(tx, actor, userId, input.version);
    const ids = [...new Set(input.assignments.map((a) => a.schoolId))];
    const schools = ids.length === 0 ? [] : await tx.select({ id: sisSchools.id, name: sisSchools.name }).from(sisSchools).where(inDistrict(sisSchools, actor, inArray(sisSchools.id, ids)));
    const nameOf = new Map(schools.map((s) => [s.id, s.name]));
    const missing = input.assignments.findIndex((a) => !nameOf.has(a.schoolId));
    if (missing >= 0) throw new AppError(404, "not-found", "That school was not found in this district.", { path: `body.assignments.${missing}.schoolId` });
    const before = ((await readSchoolAssignments(tx, actor, [userId])).get(userId) ?? []).filter((a) => a.source === "web");
    const wanted = input.assignments.map((a) => ({ schoolId: a.schoolId, schoolName: nameOf.get(a.schoolId)!, title: a.title }));
    const [everySource] = await replaceSourceAssignments(tx, actor, "web", [{ userId, username: user.username, schools: wanted }]);
    await tx.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, userId));
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "user.school-assignments-replaced",
      target: { type: "user", id: userId, name: user.username },
      before: { assignments: before.map(({ schoolName, title }) => ({ schoolName, title })) },
      after: { assignments: wanted.map(({ schoolName, title }) => ({ schoolName, title })) },
    });
    // an account nobody assigns anywhere is disabled only when a web assignment has just ended
    if (everySource!.schools.length > 0 || before.length > 0) await applyStaffAssignments(tx, actor, [everySource!], { source: "web", by: auditActor(actor), now });
  });
  return getSchoolAssignments(db, actor, userId);
}
