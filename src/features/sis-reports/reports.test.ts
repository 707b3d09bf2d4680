import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
