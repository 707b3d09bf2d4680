import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { buildDistrict } from "../../../test/support/factories.js";
import type { Database } from "../../platform/db/connect.js";
import { auditLog } from "../../platform/db/schema/audit.js";
import { staffAutomationMappings, staffAutomationRuns } from "../../platform/db/schema/oneroster.js";
import { calendarGrants, rightEntries, userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import { sisCalendars, sisEnrollments, sisPeople, sisSchools, sisSchoolYears, sisStaffAssignments } from "../../platform/db/schema/sis.js";
import { users } from "../../platform/db/schema/users.js";
import { importOneRoster } from "./import-oneroster.js";
import { openSetPath } from "./read-source.js";

const fixture = (name: string) => new URL(`../../../test/fixtures/oneroster/${name}`, import.meta.url).pathname;
const by = { id: "00000000-0000-4000-8000-000000000001", name: "importer" };
let database: Database;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());

const run = async (districtId: string, name: string, dryRun = false) => importOneRoster(database.db, { districtId }, await openSetPath(fixture(name)), { dryRun, by, now: new Date("2025-09-02T12:00:00Z") });

describe("OneRoster 1.2 import", () => {
  it("refuses an invalid set with file, row, column and reason, and writes nothing", async () => {
    const d = await buildDistrict(database.db);
    const result = await run(d.id, "invalid");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { file: "enrollments", row: 3, column: "role", reason: expect.stringContaining('"principal" is not one of') },
        { file: "enrollments", row: 4, column: "beginDate", reason: expect.stringContaining("2025-02-30") },
      ]),
    );
    expect((await database.db.select().from(sisSchools).where(eq(sisSchools.districtId, d.id))).length).toBe(0);
  });

  it("reports references to rows that are in no file", async () => {
    const d = await buildDistrict(database.db);
    const { parseSet, checkReferences } = await import("../../domain/oneroster/parse-set.js");
    const set = await parseSet(await openSetPath(fixture("invalid")));
    const refs = checkReferences(set, () => false);
    expect(refs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "enrollments", row: 2, column: "classSourcedId" }),
        expect.objectContaining({ file: "enrollments", row: 4, column: "userSourcedId" }),
      ]),
    );
    void d;
  });

  it("imports a valid set: schools, a school year, calendars, staff accounts and people, students and their enrollments", async () => {
    const d = await buildDistrict(database.db);
    const dry = await run(d.id, "valid", true);
    expect(dry.ok && dry.summary.schools.created).toBe(2);
    expect((await database.db.select().from(sisSchools).where(eq(sisSchools.districtId, d.id))).length).toBe(0);

    const result = await run(d.id, "valid");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary.schools).toMatchObject({ created: 2 });
    expect(result.summary.staff).toMatchObject({ created: 2 });
    expect(result.summary.students).toMatchObject({ created: 2 });
    expect(result.summary.enrollments).toMatchObject({ created: 2 });
    const years = await database.db.select().from(sisSchoolYears).where(eq(sisSchoolYears.districtId, d.id));
    expect(years.map((y) => y.name)).toEqual(["2025-26"]);
    const calendars = await database.db.select().from(sisCalendars).where(eq(sisCalendars.districtId, d.id));
    expect(calendars.map((c) => c.name).sort()).toEqual(["25-26 Adams Elementary", "25-26 Ballard High"]);
    const accounts = await database.db.select().from(users).where(eq(users.districtId, d.id));
    expect(accounts.map((a) => a.username).sort()).toEqual(["jdoe", "mkim"]);
    const people = await database.db.select().from(sisPeople).where(eq(sisPeople.districtId, d.id));
    expect(people.find((p) => p.localId === "S200")).toMatchObject({ kind: "student", firstName: "Ava", birthDate: "2010-04-01", gender: "F" });
    const ballard = calendars.find((c) => c.schoolName === "Ballard High")!;
    const enrollments = await database.db.select().from(sisEnrollments).where(eq(sisEnrollments.districtId, d.id));
    expect(enrollments.find((e) => e.personId === people.find((p) => p.localId === "S200")!.id)).toMatchObject({ calendarId: ballard.id, grade: "09", startDate: "2025-08-20", endDate: null });
    const assignments = await database.db.select().from(sisStaffAssignments).where(eq(sisStaffAssignments.districtId, d.id));
    expect(assignments.find((a) => a.personId === people.find((p) => p.localId === "T100")!.id)).toMatchObject({ calendarId: ballard.id, title: "teacher" });

    const again = await run(d.id, "valid");
    expect(again.ok && again.summary.links).toMatchObject({ created: 0, changed: 0, ended: 0, unchanged: 21 });
    expect(again.ok && again.summary.enrollments.created).toBe(0);
    expect((await database.db.select().from(sisEnrollments).where(eq(sisEnrollments.districtId, d.id))).length).toBe(2);
  });

  it("with automation on: mapped groups on import; a delta ends an enrollment and disables the staff member whose role ended", async () => {
    const d = await buildDistrict(database.db, { preferences: { automaticStaffAccounts: true } });
    const [calendarGroup, toolGroup, aides] = await database.db
      .insert(userGroups)
      .values([{ districtId: d.id, name: "Adams calendar" }, { districtId: d.id, name: "Adams with tools" }, { districtId: d.id, name: "Aides" }])
      .returning();
    await database.db.insert(calendarGrants).values([
      { districtId: d.id, groupId: calendarGroup!.id, school: "Adams Elementary", year: "*", calendar: "*" },
      { districtId: d.id, groupId: toolGroup!.id, school: "Adams Elementary", year: "*", calendar: "*" },
    ]);
    await database.db.insert(rightEntries).values({ districtId: d.id, groupId: toolGroup!.id, toolPath: "Attendance", rights: "R" });
    await database.db.insert(staffAutomationMappings).values([
      { districtId: d.id, kind: "school", key: "Adams Elementary", groupId: calendarGroup!.id },
      { districtId: d.id, kind: "school", key: "Adams Elementary", groupId: toolGroup!.id },
      { districtId: d.id, kind: "role", key: "aide", groupId: aides!.id },
    ]);
    const result = await run(d.id, "valid");
    expect(result.ok && result.automation.ran).toBe(true);
    const [mkim] = await database.db.select().from(users).where(and(eq(users.districtId, d.id), eq(users.username, "mkim")));
    const groupsOf = async (userId: string) => (await database.db.select().from(userGroupMembers).where(eq(userGroupMembers.userId, userId))).map((m) => m.groupId).sort();
    expect(await groupsOf(mkim!.id)).toEqual([calendarGroup!.id, aides!.id].sort());
    const [firstRun] = await database.db.select().from(staffAutomationRuns).where(eq(staffAutomationRuns.districtId, d.id));
    expect(firstRun!.actions).toEqual(expect.arrayContaining([expect.objectContaining({ username: "mkim", action: "skipped", detail: expect.stringContaining("Adams with tools") })]));

    const delta = await run(d.id, "delta");
    expect(delta.ok).toBe(true);
    if (!delta.ok) return;
    expect(delta.summary.enrollments.ended).toBe(1);
    const [after] = await database.db.select().from(users).where(eq(users.id, mkim!.id));
    expect(after!.disabled).toBe(true);
    const people = await database.db.select().from(sisPeople).where(eq(sisPeople.districtId, d.id));
    expect(people.find((p) => p.localId === "S200")!.lastName).toBe("Lopez-Ruiz");
    const st2 = people.find((p) => p.localId === "S201")!;
    const [ended] = await database.db.select().from(sisEnrollments).where(eq(sisEnrollments.personId, st2.id));
    expect(ended!.endDate).toBe("2025-09-02");
    const runs = await database.db.select().from(staffAutomationRuns).where(eq(staffAutomationRuns.districtId, d.id));
    expect(runs.flatMap((r) => r.actions)).toEqual(expect.arrayContaining([{ username: "mkim", action: "account-disabled", detail: "no school assignment is left" }]));
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.districtId, d.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["oneroster.imported", "group.member-added", "user.disabled", "staff-automation.ran"]));
  });

  it("names a staff member's school in their assignment when the set has no school year (so the school has no calendar yet)", async () => {
    const d = await buildDistrict(database.db);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oneroster-no-years-"));
    const keep = ["orgs", "users", "roles"];
    for (const f of keep) fs.copyFileSync(path.join(fixture("valid"), `${f}.csv`), path.join(dir, `${f}.csv`));
    const manifest = fs.readFileSync(path.join(fixture("valid"), "manifest.csv"), "utf8").replace(/^file\.(\w+),bulk$/gm, (line, f: string) => (keep.includes(f) ? line : `file.${f},absent`));
    fs.writeFileSync(path.join(dir, "manifest.csv"), manifest);
    const result = await importOneRoster(database.db, { districtId: d.id }, await openSetPath(dir), { dryRun: false, by, now: new Date("2025-09-02T12:00:00Z") });
    expect(result.ok).toBe(true);
    const held = await database.query<{ school_name: string; title: string }>("select school_name, title from staff_school_assignments where district_id = $1 order by school_name", [d.id]);
    expect(held).toEqual([
      { school_name: "Adams Elementary", title: "aide" },
      { school_name: "Ballard High", title: "teacher" },
    ]);
  });
});
