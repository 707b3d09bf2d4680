import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { BALLARD, LINCOLN, buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { startSisApp } from "../../../test/support/sis-app.js";
import type { Client, TestApp } from "../../../test/support/test-app.js";

// Behavior events carried canSave, but nothing let W save one: W on Behavior did nothing.
let t: TestApp;
let fx: Awaited<ReturnType<typeof buildSisDistrict>>;
let user: Client;
let userId: string;
const rights = createFakeRights();
const as = (tools: Record<string, string>, calendars: RightsTable["calendars"] = [{ ...BALLARD, modify: true }]) => rights.set(userId, { tools, calendars });

beforeAll(async () => {
  ({ t, fx, user, userId } = await startSisApp(rights));
});
afterAll(() => t.close());

const firstEvent = async () => (await user.get(`/api/sis/students/${fx.ava.id}/behavior`)).json().events[0];
const change = (id: string, body: Record<string, unknown>) => user.put(`/api/sis/behavior/${id}`, body);

describe("changing a behavior event", () => {
  it("saves with W in the event's calendar and refuses a stale version", async () => {
    as({ "Student Information > General": "R", "Student Information > General > Behavior": "RW" });
    const event = await firstEvent();
    expect(event.actions).toEqual({ canSave: true, canCreate: false, canDelete: false });
    const saved = await change(event.id, { version: event.version, eventDate: event.eventDate, eventType: "Tardiness", resolution: "Parent contact", details: "Called home" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(event.version + 1);
    expect(await firstEvent()).toMatchObject({ resolution: "Parent contact", details: "Called home" });

    const stale = await change(event.id, { version: event.version, eventDate: event.eventDate, eventType: "Tardiness" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version-conflict");
  });

  it("refuses a change with R only (no such action) and in a calendar granted without modify", async () => {
    as({ "Student Information": "RWAD" });
    const event = await firstEvent();
    as({ "Student Information": "R" });
    expect((await change(event.id, { version: event.version, eventDate: event.eventDate, eventType: "Fighting" })).statusCode).toBe(404);
    as({ "Student Information": "RWAD" }, [{ ...BALLARD, modify: false }]);
    const capped = await change(event.id, { version: event.version, eventDate: event.eventDate, eventType: "Fighting" });
    expect(capped.statusCode).toBe(403);
    expect(capped.json()).toMatchObject({ code: "right-missing" });
  });

  it("does not find an event in a calendar the user has no rights to", async () => {
    as({ "Student Information": "RWAD" });
    const event = await firstEvent();
    as({ "Student Information": "RWAD" }, [{ ...LINCOLN, modify: true }]);
    expect((await change(event.id, { version: event.version, eventDate: event.eventDate, eventType: "Fighting" })).statusCode).toBe(404);
  });

  it("refuses an empty event type at the field", async () => {
    as({ "Student Information": "RWAD" });
    const event = await firstEvent();
    const res = await change(event.id, { version: event.version, eventDate: event.eventDate, eventType: " " });
    expect(res.statusCode).toBe(400);
    expect(res.json().path).toBe("eventType");
  });
});
