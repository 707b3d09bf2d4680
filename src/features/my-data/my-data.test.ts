import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeRights } from "../../../test/support/fake-rights.js";
import { buildGroup, BALLARD } from "../../../test/support/sis-fixtures.js";
import { startSisApp } from "../../../test/support/sis-app.js";
import type { Client, TestApp } from "../../../test/support/test-app.js";

// Seed, All Campus Users: "My Data" with R and W: the person's own data view.
let t: TestApp;
let user: Client;
let userId: string;
let districtId: string;
const rights = createFakeRights();

beforeAll(async () => {
  ({ t, user, userId } = await startSisApp(rights));
  districtId = (await user.get("/api/auth/me")).json().district.id;
  await buildGroup(t.database.db, districtId, "All Campus Users", [userId]);
});
afterAll(() => t.close());

describe("My Data", () => {
  it("with R on My Data a person sees their own account, groups, calendar rights and where their tool rights start", async () => {
    rights.set(userId, { tools: { "My Data": "RW", "Account Setting": "RWAD", Attendance: "R", "Attendance > Reports": "R" }, calendars: [{ ...BALLARD, modify: false }] });
    const res = await user.get("/api/me/data");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const me = (await user.get("/api/auth/me")).json().user;
    expect(body.account).toMatchObject({ username: me.username, displayName: me.displayName, productSecurityRole: "none" });
    expect(body.groups).toEqual([{ name: "All Campus Users", from: null, until: null }]);
    expect(body.calendars).toEqual([{ ...BALLARD, modify: false }]);
    const tools = Object.fromEntries(body.tools.map((x: { tool: string; rights: string }) => [x.tool, x.rights]));
    expect(tools).toMatchObject({ "My Data": "RW", "Account Setting": "RWAD", Attendance: "R" });
    // a child with the same rights as its parent is not repeated
    expect(tools["Attendance > Reports"]).toBeUndefined();
  });

  it("without R on My Data the view is not there (404)", async () => {
    rights.set(userId, { tools: { "Account Setting": "RWAD" }, calendars: [] });
    expect((await user.get("/api/me/data")).statusCode).toBe(404);
  });
});
