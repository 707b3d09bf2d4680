import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { columnsOf, COLUMN_BATCH, insertColumns } from "../../platform/db/insert-columns.js";
import { staffSchoolAssignments, type AssignmentSource } from "../../platform/db/schema/oneroster.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import type { StaffAssignment } from "./apply-staff-assignments.js";
import { inBatches } from "./repo-links.js";

export type HeldAssignment = { source: AssignmentSource; schoolId: string | null; schoolName: string; title: string };
type School = StaffAssignment["schools"][number];

const COLUMNS = { district_id: "uuid", user_id: "uuid", source: "text", school_name: "text", school_id: "uuid", title: "text" } as const;
const keyOf = (s: { schoolName: string; title: string }) => `${s.schoolName}\u0000${s.title}`;

/** Every source's assignments of these users, by user. */
export async function readSchoolAssignments(db: Db, scope: DistrictScope, userIds: string[]): Promise<Map<string, HeldAssignment[]>> {
  const byUser = new Map<string, HeldAssignment[]>();
  await inBatches(userIds, async (ids) => {
    const rows = await db
      .select({ userId: staffSchoolAssignments.userId, source: staffSchoolAssignments.source, schoolId: staffSchoolAssignments.schoolId, schoolName: staffSchoolAssignments.schoolName, title: staffSchoolAssignments.title })
      .from(staffSchoolAssignments)
      .where(inDistrict(staffSchoolAssignments, scope, sql`${staffSchoolAssignments.userId} = any(${sql.param(ids)}::uuid[])`))
      .orderBy(staffSchoolAssignments.schoolName, staffSchoolAssignments.title, staffSchoolAssignments.source);
    for (const { userId, ...held } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), held]);
  }, COLUMN_BATCH);
  return byUser;
}

/**
 * One source's word on these staff members: their rows from that source become `schools` (none:
 * that source's assignments have ended), and the rows of the other sources are left alone.
 * Answers the same staff with every source's schools together, which is what the automation
 * works from, so an account is disabled only once no source assigns it anywhere.
 */
export async function replaceSourceAssignments(tx: Db, scope: DistrictScope, source: AssignmentSource, staff: StaffAssignment[]): Promise<StaffAssignment[]> {
  const known = staff.filter((s): s is StaffAssignment & { userId: string } => Boolean(s.userId));
  const ids = [...new Set(known.map((s) => s.userId))];
  await inBatches(ids, (batch) => tx.delete(staffSchoolAssignments).where(inDistrict(staffSchoolAssignments, scope, sql`${staffSchoolAssignments.source} = ${source}`, sql`${staffSchoolAssignments.userId} = any(${sql.param(batch)}::uuid[])`)), COLUMN_BATCH);
  const rows = known.flatMap((s) =>
    [...new Map(s.schools.map((x) => [keyOf(x), x])).values()].map((x) => ({ district_id: scope.districtId, user_id: s.userId, source, school_name: x.schoolName, school_id: x.schoolId ?? null, title: x.title })),
  );
  await insertColumns(tx, "staff_school_assignments", columnsOf(rows, COLUMNS), sql`on conflict do nothing`);
  const held = await readSchoolAssignments(tx, scope, ids);
  return staff.map((s) => (s.userId ? { ...s, schools: unionOf(held.get(s.userId) ?? []) } : s));
}

/** One school and title once, whichever sources name it. */
function unionOf(held: HeldAssignment[]): School[] {
  const out = new Map<string, School>();
  for (const h of held) if (!out.has(keyOf(h))) out.set(keyOf(h), { ...(h.schoolId ? { schoolId: h.schoolId } : {}), schoolName: h.schoolName, title: h.title });
  return [...out.values()];
}
