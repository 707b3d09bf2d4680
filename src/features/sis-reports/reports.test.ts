import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sisEnrollments, sisPeople, sisStaffAssignments } from "../../platform/db/schema/sis.js";
import { createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { BALLARD, buildSisDistrict, LINCOLN, SECRETS } from "../../../test/support/sis-fixtures.js";
import { startSisApp } from "../../../test/support/sis-app.js";
import type { Client, TestApp } from "../../../test/support/test-app.js";

// Seed: "Reports need only the R right for full access to viewing and generating results."
const SUMMARY = "Student Information > Reports > Enrollment Summary";
const STATUS = "Student Information > Reports > Enrollment Status";
let t: TestApp;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let user: Client;
let userId: string;
const rights = createFakeRights();
const ALL = [{ school: "*", year: "*", calendar: "*", modify: false }];
const as = (tools: Record<string, string>, calendars: RightsTable["calendars"] = ALL) => rights.set(userId, { tools, calendars });

beforeAll(async () => {
  ({ t, fx, user, userId } = await startSisApp(rights));
});
afterAll(() => t.close());

describe("Student Information reports need only R", () => {
  it("R alone on Enrollment Summary generates it and its CSV, over every calendar the calendar rights reach", async () => {
    as({ [SUMMARY]: "R" });
    expect((await user.get("/api/sis/reports")).json().reports.map((r: { title: string }) => r.title)).toEqual(["Enrollment Summary"]);
    const res = await user.get("/api/sis/reports/enrollment-summary");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual(["School", "Year", "Calendar", "Grade", "Active", "Ended"]);
    expect(body.rows).toEqual([
      [BALLARD.school, "2025-26", BALLARD.calendar, "10", 1, 0],
      [fx.lincoln.schoolName, "2025-26", fx.lincoln.name, "03", 1, 0],
    ]);
    const csv = await user.get("/api/sis/reports/enrollment-summary.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body.split("\r\n")[0]).toBe("School,Year,Calendar,Grade,Active,Ended");
    expect(csv.body).toContain(`${BALLARD.school},2025-26,${BALLARD.calendar},10,1,0`);
  });

  it("honours calendar rights: only Ballard's calendar is counted with a Ballard grant", async () => {
    as({ [SUMMARY]: "R", [STATUS]: "R" }, [{ ...BALLARD, modify: false }]);
    const body = (await user.get("/api/sis/reports/enrollment-summary")).json();
    expect(body.rows.map((r: unknown[]) => r[2])).toEqual([BALLARD.calendar]);
    expect(body.calendars).toEqual([BALLARD.calendar]);
    const status = (await user.get("/api/sis/reports/enrollment-status")).json();
    expect(status.rows.map((r: unknown[]) => r[0])).toEqual([fx.ava.localId]);
  });

  it("carries no federally protected field", async () => {
    as({ [SUMMARY]: "R", [STATUS]: "R" });
    const all = (await user.get("/api/sis/reports/enrollment-status")).body + (await user.get("/api/sis/reports/enrollment-status.csv")).body;
    for (const secret of [SECRETS.ava.homeless, SECRETS.ben.homeless, SECRETS.ava.ssn, SECRETS.ava.health]) expect(all).not.toContain(secret);
  });

  it("without R on a report its routes answer 404 and it is not listed", async () => {
    as({ [STATUS]: "R", "Student Information > Reports": "" });
    expect((await user.get("/api/sis/reports")).json().reports.map((r: { slug: string }) => r.slug)).toEqual(["enrollment-status"]);
    expect((await user.get("/api/sis/reports/enrollment-summary")).statusCode).toBe(404);
    expect((await user.get("/api/sis/reports/enrollment-summary.csv")).statusCode).toBe(404);
  });

  it("Attendance > Reports and Behavior > Reports each generate with R alone, within calendar rights", async () => {
    as({ "Attendance > Reports": "R", "Behavior > Reports": "R", Attendance: "", Behavior: "" });
    const attendance = (await user.get("/api/sis/reports/attendance")).json();
    expect(attendance.rows).toEqual([
      [fx.ava.localId, "Anders", "Ava", BALLARD.school, BALLARD.calendar, 1, 0, 0, 0],
      [fx.ben.localId, "Brooks", "Ben", fx.lincoln.schoolName, fx.lincoln.name, 0, 0, 1, 0],
    ]);
    expect((await user.get("/api/sis/reports/behavior")).json().rows).toEqual([[BALLARD.school, BALLARD.calendar, "Tardiness", 1, 1]]);
    as({ "Attendance > Reports": "R" }, [{ ...LINCOLN, modify: false }]);
    expect((await user.get("/api/sis/reports/attendance")).json().rows.map((r: unknown[]) => r[0])).toEqual([fx.ben.localId]);
    expect((await user.get("/api/sis/reports/behavior")).statusCode).toBe(404);
  });

  it("without calendar rights a report with R generates no rows", async () => {
    as({ [SUMMARY]: "R" }, []);
    const res = await user.get("/api/sis/reports/enrollment-summary");
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([]);
  });
});

describe("Duplicate IDs, Counselor and Caseload Summary need only R", () => {
  const DUPLICATES = "Student Information > Reports > Duplicate IDs";
  const COUNSELOR = "Student Information > Reports > Counselor";
  const CASELOAD = "Student Information > Reports > Caseload Summary";

  beforeAll(async () => {
    const db = t.database.db;
    const districtId = fx.ballard.districtId;
    // Ava's double: same name and birth date, another local ID, at Lincoln; a counselor at each school
    const [double, cora, cole] = await db
      .insert(sisPeople)
      .values([
        { districtId, kind: "student", localId: "S1999", firstName: "ava", lastName: "ANDERS", birthDate: "2009-04-02", gender: "F", ssn: SECRETS.ava.ssn },
        { districtId, kind: "staff", localId: "T9100", firstName: "Cora", lastName: "Counsel", birthDate: "1975-03-03", gender: "F" },
        { districtId, kind: "staff", localId: "T9200", firstName: "Cole", lastName: "Guide", birthDate: "1978-06-06", gender: "M" },
      ])
      .returning();
    await db.insert(sisEnrollments).values({ districtId, personId: double!.id, calendarId: fx.lincoln.id, grade: "04", startDate: "2025-08-25" });
    await db.insert(sisStaffAssignments).values([
      { districtId, personId: cora!.id, calendarId: fx.ballard.id, title: "Counselor" },
      { districtId, personId: cole!.id, calendarId: fx.lincoln.id, title: "Counselor" },
    ]);
  });

  it("Duplicate IDs lists the same name and birth date under two local IDs, only when both are within calendar rights, never by SSN", async () => {
    as({ [DUPLICATES]: "R" });
    const body = (await user.get("/api/sis/reports/duplicate-ids")).json();
    expect(body.columns).toEqual(["Last name", "First name", "Birth date", "Person type", "Local IDs", "Records"]);
    expect(body.rows).toEqual([["Anders", "Ava", "2009-04-02", "student", `${fx.ava.localId}, S1999`, 2]]);
    expect(JSON.stringify(body)).not.toContain(SECRETS.ava.ssn);
    as({ [DUPLICATES]: "R" }, [{ ...BALLARD, modify: false }]);
    expect((await user.get("/api/sis/reports/duplicate-ids")).json().rows).toEqual([]);
  });

  it("Counselor lists each counselor's students in the calendars they serve; Caseload Summary counts them", async () => {
    as({ [COUNSELOR]: "R", [CASELOAD]: "R" });
    expect((await user.get("/api/sis/reports/counselor")).json().rows).toEqual([
      ["Counsel, Cora", BALLARD.school, BALLARD.calendar, fx.ava.localId, "Anders", "Ava", "10"],
      ["Guide, Cole", fx.lincoln.schoolName, fx.lincoln.name, fx.ben.localId, "Brooks", "Ben", "03"],
      ["Guide, Cole", fx.lincoln.schoolName, fx.lincoln.name, "S1999", "ANDERS", "ava", "04"],
    ]);
    expect((await user.get("/api/sis/reports/caseload-summary")).json().rows).toEqual([
      ["Counsel, Cora", BALLARD.school, BALLARD.calendar, "10", 1],
      ["Guide, Cole", fx.lincoln.schoolName, fx.lincoln.name, "03", 1],
      ["Guide, Cole", fx.lincoln.schoolName, fx.lincoln.name, "04", 1],
    ]);
    const csv = await user.get("/api/sis/reports/caseload-summary.csv");
    expect(csv.body.split("\r\n")[0]).toBe("Counselor,School,Calendar,Grade,Students");
  });

  it("honours calendar rights and R on each report's own tool", async () => {
    as({ [COUNSELOR]: "R" }, [{ ...LINCOLN, modify: false }]);
    expect((await user.get("/api/sis/reports/counselor")).json().rows.map((r: unknown[]) => r[0])).toEqual(["Guide, Cole", "Guide, Cole"]);
    expect((await user.get("/api/sis/reports/caseload-summary")).statusCode).toBe(404);
    expect((await user.get("/api/sis/reports")).json().reports.map((r: { slug: string }) => r.slug)).toEqual(["counselor"]);
  });
});
