import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createFakeRights } from "../../../test/support/fake-rights.js";
import { BALLARD, buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { isCalendarDate } from "./calendar-date.js";

// Dates that look right but are no day at all reached PostgreSQL and came back as a 500.
let t: TestApp;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let user: Client;
const rights = createFakeRights();

beforeAll(async () => {
  t = await createTestApp({ rights });
  const district = await buildDistrict(t.database.db);
  fx = await buildSisDistrict(t.database.db, district.id);
  const u = await buildUser(t.database.db, { districtId: district.id });
  rights.set(u.id, { tools: { "Student Information": "RWAD", Census: "RWAD" }, calendars: [{ ...BALLARD, modify: true }] });
  user = await signIn(t.app, { district: district.slug, username: u.username });
});
afterAll(() => t.close());

describe("isCalendarDate", () => {
  it("takes days that exist and nothing else", () => {
    expect(["2025-02-28", "2024-02-29", "2025-12-31"].every(isCalendarDate)).toBe(true);
    expect(["2025-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-1-1", "yesterday"].some(isCalendarDate)).toBe(false);
  });
});

describe("dates on the student screens", () => {
  it("refuses a day that does not exist at the field, for a health condition, a behavior event and demographics", async () => {
    const condition = await user.post(`/api/sis/students/${fx.ava.id}/health-conditions`, { condition: "Migraine", startDate: "2025-02-30" });
    expect(condition.statusCode).toBe(400);
    expect(condition.json()).toMatchObject({ code: "validation-failed", path: "startDate" });
    expect(condition.json().errors[0].message).toBe("February has no 30th.");

    const event = await user.post(`/api/sis/students/${fx.ava.id}/behavior`, { calendarId: fx.ballard.id, eventDate: "2025-13-01", eventType: "Disruption" });
    expect(event.statusCode).toBe(400);
    expect(event.json().path).toBe("eventDate");

    const person = (await user.get(`/api/census/people/${fx.ava.id}/demographics`)).json();
    const demographics = await user.put(`/api/census/people/${fx.ava.id}/demographics`, { version: person.version, birthDate: "2009-04-31" });
    expect(demographics.statusCode).toBe(400);
    expect(demographics.json().path).toBe("birthDate");
  });

  it("refuses a condition that ends before it starts, on add and on change", async () => {
    const add = await user.post(`/api/sis/students/${fx.ava.id}/health-conditions`, { condition: "Migraine", startDate: "2025-06-01", endDate: "2025-01-01" });
    expect(add.statusCode).toBe(400);
    expect(add.json()).toMatchObject({ code: "end-before-start", path: "endDate" });

    const [asthma] = (await user.get(`/api/sis/students/${fx.ava.id}/health-conditions`)).json().conditions;
    const change = await user.put(`/api/sis/health-conditions/${asthma.id}`, { ...pickCondition(asthma), endDate: "2014-01-01" });
    expect(change.statusCode).toBe(400);
    expect(change.json().code).toBe("end-before-start");
  });

  it("refuses an enrollment end date that does not exist or comes before the start, and changes nothing", async () => {
    const general = (await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`)).json();
    const impossible = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.startDate": "2025-02-30" } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json()).toMatchObject({ code: "field-value-invalid", path: "values.enrollment.startDate" });

    const early = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.endDate": "2025-08-01" } });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: "end-before-start", path: "values.enrollment.endDate" });
    expect((await user.get(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`)).json().version).toBe(general.version);

    const fine = await user.put(`/api/sis/enrollments/${fx.avaEnrollment.id}/general`, { version: general.version, values: { "enrollment.endDate": "2026-06-12" } });
    expect(fine.statusCode).toBe(200);
  });
});

function pickCondition(c: { condition: string; startDate: string; endDate: string | null; instructions: string | null; version: number }) {
  return { condition: c.condition, startDate: c.startDate, endDate: c.endDate, instructions: c.instructions, version: c.version };
}
