import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sisBehaviorEvents } from "../../platform/db/schema/index.js";
import { createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { BALLARD, buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { startSisApp } from "../../../test/support/sis-app.js";
import type { Client, TestApp } from "../../../test/support/test-app.js";

// Seed: "All Calendars (Student Information > General > Behavior > All Calendars)", R only.
// Ava is enrolled at Ballard High; she also has an event filed in Lincoln Elementary's calendar.
let t: TestApp;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let user: Client;
let userId: string;
const rights = createFakeRights();
const as = (tools: Record<string, string>, calendars: RightsTable["calendars"] = [{ ...BALLARD, modify: true }]) => rights.set(userId, { tools, calendars });
const behavior = async () => (await user.get(`/api/sis/students/${fx.ava.id}/behavior`)).json();

beforeAll(async () => {
  ({ t, fx, user, userId } = await startSisApp(rights));
  await t.database.db.insert(sisBehaviorEvents).values({
    districtId: fx.ava.districtId, personId: fx.ava.id, calendarId: fx.lincoln.id, eventDate: "2025-09-12", eventType: "Bus conduct", resolution: "Warning",
  });
});
afterAll(() => t.close());

describe("Behavior > All Calendars", () => {
  it("without R on All Calendars shows only events in calendars the user may read, and says so", async () => {
    as({ "Student Information > General > Behavior": "RWAD", "Student Information > General > Behavior > All Calendars": "" });
    const body = await behavior();
    expect(body.events.map((e: { eventType: string }) => e.eventType)).toEqual(["Tardiness"]);
    expect(body.scope).toEqual({
      allCalendars: false,
      explanation: "Without R on Student Information > General > Behavior > All Calendars, only events in calendars your calendar rights let you read are shown.",
    });
  });

  it("with R on All Calendars shows events from every calendar of the district, read-only beyond the user's calendars", async () => {
    as({ "Student Information > General > Behavior": "RWAD", "Student Information > General > Behavior > All Calendars": "R" });
    const body = await behavior();
    const byType = Object.fromEntries(body.events.map((e: { eventType: string }) => [e.eventType, e]));
    expect(Object.keys(byType).sort()).toEqual(["Bus conduct", "Tardiness"]);
    expect(byType["Bus conduct"].actions).toEqual({ canSave: false, canCreate: false, canDelete: false });
    expect(byType["Tardiness"].actions).toEqual({ canSave: true, canCreate: true, canDelete: true });
    expect(body.scope.allCalendars).toBe(true);
    expect(body.scope.explanation).toMatch(/^R on Student Information > General > Behavior > All Calendars applied/);
    // read-only: the Lincoln event cannot be changed or deleted through Ballard's rights
    const lincoln = byType["Bus conduct"];
    expect((await user.put(`/api/sis/behavior/${lincoln.id}`, { version: lincoln.version, eventDate: lincoln.eventDate, eventType: "Changed" })).statusCode).toBe(404);
    expect((await user.delete(`/api/sis/behavior/${lincoln.id}`)).statusCode).toBe(404);
  });

  it("All Calendars does not open a student the user has no calendar rights to", async () => {
    as({ "Student Information > General > Behavior": "R", "Student Information > General > Behavior > All Calendars": "R" }, []);
    expect((await user.get(`/api/sis/students/${fx.ava.id}/behavior`)).statusCode).toBe(404);
  });
});
