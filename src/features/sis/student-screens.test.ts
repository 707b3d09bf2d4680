import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { BALLARD, LINCOLN, buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { startSisApp } from "../../../test/support/sis-app.js";
import type { Client, TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let user: Client;
let userId: string;
const rights = createFakeRights();
const grant = (modify: boolean) => [{ ...BALLARD, modify }, { ...LINCOLN, modify }];
const as = (tools: Record<string, string>, calendars = grant(true)): void => rights.set(userId, { tools, calendars } satisfies RightsTable);

beforeAll(async () => {
  ({ t, fx, user, userId } = await startSisApp(rights));
});
afterAll(() => t.close());

describe("read-only vs full rights (seed Images 8 and 9)", () => {
  it("with R only every action is off and a save is refused naming the missing right", async () => {
    as({ "Student Information": "R" });
    const summary = (await user.get(`/api/sis/students/${fx.ava.id}/summary`)).json();
    expect(summary.actions).toEqual({ canSave: false, canCreate: false, canDelete: false });
    const general = (await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`)).json();
    expect(general.fields.every((f: { editable: boolean }) => !f.editable)).toBe(true);
    const save = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.grade": "11" } });
    expect(save.statusCode).toBe(403);
    expect(save.json()).toMatchObject({ code: "right-missing" });
    expect(save.json().detail).toContain("W (Write)");
    const add = await user.post(`/api/sis/students/${fx.ava.id}/health-conditions`, { condition: "Migraine", startDate: "2025-10-01" });
    expect(add.statusCode).toBe(404); // the route needs A on the tool: without it the action does not exist
  });

  it("a grant without modify caps RWAD at R in that calendar", async () => {
    as({ "Student Information": "RWAD" }, grant(false));
    expect((await user.get(`/api/sis/students/${fx.ava.id}/summary`)).json().actions).toEqual({ canSave: false, canCreate: false, canDelete: false });
  });

  it("with RWAD, Save, New and Delete work, and a change lands in Enrollment History", async () => {
    as({ "Student Information": "RWAD" });
    const general = (await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`)).json();
    expect(general.actions).toEqual({ canSave: true, canCreate: true, canDelete: true });
    const saved = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.grade": "11" } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().fields.find((f: { id: string }) => f.id === "enrollment.grade").value).toBe("11");
    const stale = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.grade": "12" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version-conflict");
    const history = (await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/history`)).json();
    expect(history.entries[0]).toMatchObject({ field: "Grade", oldValue: "10", newValue: "11" });

    const added = await user.post(`/api/sis/students/${fx.ava.id}/health-conditions`, { condition: "Migraine", startDate: "2025-10-01" });
    expect(added.statusCode).toBe(201);
    expect((await user.delete(`/api/sis/health-conditions/${added.json().id}`)).statusCode).toBe(204);
    const event = await user.post(`/api/sis/students/${fx.ava.id}/behavior`, { calendarId: fx.ballard.id, eventDate: "2025-11-01", eventType: "Disruption" });
    expect(event.statusCode).toBe(201);
    expect((await user.delete(`/api/sis/behavior/${event.json().id}`)).statusCode).toBe(204);
  });

  it("refuses a bad value with the field's path and changes nothing", async () => {
    as({ "Student Information": "RWAD" });
    const section = (await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/special-ed`)).json();
    const res = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/special-ed`, { version: section.version, values: { "enrollment.serviceHoursPercent": 140 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "field-value-invalid", path: "values.enrollment.serviceHoursPercent" });
    expect((await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/special-ed`)).json().version).toBe(section.version);
  });
});

describe("without R, the tool is not there", () => {
  it("answers 404 and leaves the tool out of the menu", async () => {
    as({ "Student Information": "R", "Student Information > General > Attendance": "" });
    expect((await user.get(`/api/sis/students/${fx.ava.id}/attendance`)).statusCode).toBe(404);
    const tools = (await user.get("/api/sis/tools")).json().tools.map((x: { tool: string }) => x.tool);
    expect(tools).toContain("Student Information > General > Summary");
    expect(tools).not.toContain("Student Information > General > Attendance");
  });

  it("answers 404 for a student outside the user's calendars", async () => {
    as({ "Student Information": "R" }, [{ ...LINCOLN, modify: true }]);
    expect((await user.get(`/api/sis/students/${fx.ava.id}/summary`)).statusCode).toBe(404);
    expect((await user.get(`/api/sis/students/${fx.ben.id}/summary`)).statusCode).toBe(200);
  });
});

describe("student search", () => {
  it("needs a name without Allow Unfiltered Search", async () => {
    as({ "Student Information": "R", "Student Information > Allow Unfiltered Search": "" });
    const res = await user.get("/api/sis/students");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "search-needs-name", path: "query.q" });
    expect((await user.get("/api/sis/students?q=anders")).json().students.map((s: { localId: string }) => s.localId)).toEqual(["S1001"]);
  });

  it("lists everyone the user may see with it", async () => {
    as({ "Student Information": "R" });
    expect((await user.get("/api/sis/students")).json().students.map((s: { localId: string }) => s.localId)).toEqual(["S1001", "S2002"]);
  });

  it("pages past the first page with a total, a Link to the next page and a sort by column", async () => {
    as({ "Student Information": "R" });
    const first = await user.get("/api/sis/students?limit=1&sort=localId&order=desc");
    expect(first.json()).toMatchObject({ total: 2, more: true, students: [{ localId: "S2002" }] });
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link as string)![1]!;
    const second = (await user.get(next)).json();
    expect(second).toMatchObject({ total: 2, more: false, nextCursor: null, students: [{ localId: "S1001" }] });
  });
});

describe("SSN on Census > People > Demographics", () => {
  it("is masked without an SSN right, shown with SSN for Students, and staff need SSN for Staff", async () => {
    as({ Census: "R" });
    expect((await user.get(`/api/census/people/${fx.ava.id}/demographics`)).json().ssn).toMatchObject({ value: "***-**-6789", masked: true });
    as({ Census: "R", "SSN Rights > SSN for Students": "R" });
    expect((await user.get(`/api/census/people/${fx.ava.id}/demographics`)).json().ssn).toMatchObject({ value: "123-45-6789", masked: false });
    expect((await user.get(`/api/census/people/${fx.sam.id}/demographics`)).json().ssn.masked).toBe(true);
    as({ Census: "R", "SSN Rights > SSN for All People": "R" });
    expect((await user.get(`/api/census/people/${fx.sam.id}/demographics`)).json().ssn.value).toBe("555-66-7777");
  });

  it("needs calendar rights to the person as well", async () => {
    as({ Census: "R", "SSN Rights": "R" }, [{ ...LINCOLN, modify: true }]);
    expect((await user.get(`/api/census/people/${fx.ava.id}/demographics`)).statusCode).toBe(404);
    expect((await user.get(`/api/census/people/${fx.ben.id}/demographics`)).json().ssn.value).toBe("987-65-4321");
  });

  it("is masked in Ad hoc for a shared filter runner without the right", async () => {
    as({ "Student Information": "R", "Ad Hoc Reporting": "R" });
    const preview = await user.post("/api/adhoc/preview", { definition: { fields: ["student.localId", "demographics.ssn"] } });
    expect(preview.json().code).toBe("field-not-readable");
  });
});
