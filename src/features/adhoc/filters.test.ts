/**
 * Saved filters as the designer uses them: save, open, change (with a version), delete, and
 * share with groups — including the group list a report writer needs to pick from.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { BALLARD, LINCOLN, buildGroup, buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let author: Client;
let runner: Client;
let reader: Client;
let groupId: string;
let otherGroupId: string;
const rights = createFakeRights();

const calendars = [{ ...BALLARD, modify: false }, { ...LINCOLN, modify: false }];
// A report writer: full Ad hoc rights and student summary, nothing on user security.
const writer: RightsTable = { tools: { "Ad Hoc Reporting": "RWAD", "Student Information > General > Summary": "R" }, calendars };
// Runs what is shared with them; may not design, save or share.
const runOnly: RightsTable = { tools: { "Ad Hoc Reporting": "R", "Ad Hoc Reporting > Filter Designer": "", "Student Information > General > Summary": "R" }, calendars };

const definition = { fields: ["student.localId", "student.lastName"], conditions: [], sort: [{ field: "student.lastName", direction: "asc" }] };

beforeAll(async () => {
  t = await createTestApp({ rights });
  const district = await buildDistrict(t.database.db);
  await buildSisDistrict(t.database.db, district.id);
  const a = await buildUser(t.database.db, { districtId: district.id });
  const r = await buildUser(t.database.db, { districtId: district.id });
  const other = await buildUser(t.database.db, { districtId: district.id });
  rights.set(a.id, writer);
  rights.set(r.id, runOnly);
  rights.set(other.id, runOnly);
  groupId = await buildGroup(t.database.db, district.id, "Report readers", [r.id]);
  otherGroupId = await buildGroup(t.database.db, district.id, "Attendance Clerks", [other.id]);
  author = await signIn(t.app, { district: district.slug, username: a.username });
  runner = await signIn(t.app, { district: district.slug, username: r.username });
  reader = await signIn(t.app, { district: district.slug, username: other.username });
});
afterAll(() => t.close());

describe("saved filters", () => {
  it("saves, opens, changes with the version it read, and refuses a stale version", async () => {
    const created = await author.post("/api/adhoc/filters", { name: "Roster", definition });
    expect(created.statusCode).toBe(201);
    const filter = created.json();
    expect(filter).toMatchObject({ name: "Roster", mine: true, version: 1, sharedWith: [], actions: { canSave: true, canDelete: true, canShare: true } });

    const changed = await author.put(`/api/adhoc/filters/${filter.id}`, { name: "Roster by name", definition: { ...definition, fields: ["student.lastName"] }, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Roster by name", version: 2, definition: { fields: ["student.lastName"] } });

    const stale = await author.put(`/api/adhoc/filters/${filter.id}`, { name: "Lost edit", definition, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "version-conflict", current: { name: "Roster by name", version: 2 } });

    const opened = await author.get(`/api/adhoc/filters/${filter.id}`);
    expect(opened.json()).toMatchObject({ name: "Roster by name", version: 2 });
  });

  it("refuses a nameless filter and a field its author cannot read, each at its path", async () => {
    const nameless = await author.post("/api/adhoc/filters", { name: "  ", definition });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().path).toBe("name");
    const unreadable = await author.post("/api/adhoc/filters", { name: "Health", definition: { fields: ["student.localId", "health.conditions"] } });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({ code: "field-not-readable", path: "definition.fields[1]" });
  });

  it("deletes a filter; it is gone for its owner and those it was shared with", async () => {
    const filter = (await author.post("/api/adhoc/filters", { name: "Short-lived", definition })).json();
    await author.put(`/api/adhoc/filters/${filter.id}/shares`, { groupIds: [groupId] });
    expect((await runner.get(`/api/adhoc/filters/${filter.id}`)).statusCode).toBe(200);
    expect((await author.delete(`/api/adhoc/filters/${filter.id}`)).statusCode).toBe(204);
    expect((await author.get(`/api/adhoc/filters/${filter.id}`)).statusCode).toBe(404);
    expect((await runner.post(`/api/adhoc/filters/${filter.id}/preview`)).statusCode).toBe(404);
  });
});

describe("sharing", () => {
  it("lists the district's groups by name to a report writer who cannot open the user security screens", async () => {
    expect((await author.get("/api/groups")).statusCode).toBe(404);
    const res = await author.get("/api/adhoc/share-groups");
    expect(res.statusCode).toBe(200);
    expect(res.json().groups).toEqual([
      { id: otherGroupId, name: "Attendance Clerks" },
      { id: groupId, name: "Report readers" },
    ]);
  });

  it("does not list groups to someone who may not share", async () => {
    expect((await runner.get("/api/adhoc/share-groups")).statusCode).toBe(404);
  });

  it("shows a shared filter only to members of the groups, to run and not to change", async () => {
    const filter = (await author.post("/api/adhoc/filters", { name: "Shared roster", definition })).json();
    const shared = await author.put(`/api/adhoc/filters/${filter.id}/shares`, { groupIds: [groupId] });
    expect(shared.json().sharedWith).toEqual([groupId]);

    const listed = (await runner.get("/api/adhoc/filters")).json().filters as { id: string; mine: boolean; actions: object }[];
    expect(listed.find((f) => f.id === filter.id)).toMatchObject({ mine: false, ownerName: expect.any(String), actions: { canSave: false, canDelete: false, canShare: false } });
    expect(((await reader.get("/api/adhoc/filters")).json().filters as { id: string }[]).map((f) => f.id)).not.toContain(filter.id);

    const run = await runner.post(`/api/adhoc/filters/${filter.id}/preview`);
    expect(run.statusCode).toBe(200);
    expect(run.json().rows).toEqual([["S1001", "Anders"], ["S2002", "Brooks"]]);
    expect((await runner.put(`/api/adhoc/filters/${filter.id}/shares`, { groupIds: [] })).statusCode).toBe(404);
    expect((await reader.post(`/api/adhoc/filters/${filter.id}/preview`)).statusCode).toBe(404);

    const unshared = await author.put(`/api/adhoc/filters/${filter.id}/shares`, { groupIds: [] });
    expect(unshared.json().sharedWith).toEqual([]);
    expect((await runner.get(`/api/adhoc/filters/${filter.id}`)).statusCode).toBe(404);
  });

  it("hides from those it is shared with the value of a condition on a field they may not read", async () => {
    rights.set((await author.get("/api/auth/me")).json().user.id, { ...writer, tools: { ...writer.tools, "Student Information > Health > Conditions": "R" } });
    const secret = {
      ...definition,
      conditions: [
        { field: "health.conditions", op: "contains", value: "Asthma" },
        { field: "student.lastName", op: "ne", value: "Zed" },
      ],
    };
    const filter = (await author.post("/api/adhoc/filters", { name: "Nurse follow-up", definition: secret })).json();
    expect(filter.definition.conditions[0].value).toBe("Asthma");
    await author.put(`/api/adhoc/filters/${filter.id}/shares`, { groupIds: [groupId] });

    const seen = (await runner.get(`/api/adhoc/filters/${filter.id}`)).json();
    expect(seen.definition.conditions).toEqual([
      { field: "health.conditions", op: "contains", value: "withheld" },
      { field: "student.lastName", op: "ne", value: "Zed" },
    ]);
    const listed = ((await runner.get("/api/adhoc/filters")).json().filters as { id: string; definition: typeof secret }[]).find((f) => f.id === filter.id)!;
    expect(JSON.stringify(listed)).not.toContain("Asthma");
    expect((await author.get(`/api/adhoc/filters/${filter.id}`)).json().definition.conditions[0].value).toBe("Asthma");
  });

  it("refuses a group of another district or none at all, naming which", async () => {
    const filter = (await author.post("/api/adhoc/filters", { name: "Nowhere", definition })).json();
    const res = await author.put(`/api/adhoc/filters/${filter.id}/shares`, { groupIds: [groupId, "00000000-0000-4000-8000-000000000000"] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "group-not-found", path: "groupIds[1]" });
  });
});
