import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DISTRICT, DEMO_LOGINS } from "../demo/demo-logins.js";
import { seedDemo } from "../demo/seed-demo.js";
import { SUPPORT_DEMO_LOGINS } from "../demo/seed-support.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(() => t.close());

const login = (username: (typeof DEMO_LOGINS)[number]["username"]) =>
  signIn(t.app, { district: DEMO_DISTRICT.slug, username, password: DEMO_LOGINS.find((l) => l.username === username)!.password });

describe("demo district rights", () => {
  it("gives the teacher the Teachers template's rights through groups", async () => {
    const teacher = await login("teacher");
    const tools = (await teacher.get("/api/me/tools")).json().tools as Record<string, string>;
    expect(tools["Student Information > General > Summary"]).toBe("R");
    expect(tools["Behavior > Behavior Referral"]).toBe("RWAD");
    expect(tools["Account Setting"]).toBe("RWAD");
    expect(tools["Student Information > Health"]).toBe("");
    expect((await teacher.get("/api/groups")).statusCode).toBe(404);
  });

  it("lets the membership administrator manage members but not rights", async () => {
    const groupAdmin = await login("groupadmin");
    const admin = await login("admin");
    const groups = (await admin.get("/api/groups")).json().items as { id: string; name: string; memberCount: number; version: number }[];
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["Teachers", "Counselors", "Schedulers", "Health Staff", "Attendance Clerks", "All Campus Users"]));
    const schedulers = (await admin.get(`/api/groups/${groups.find((g) => g.name === "Schedulers")!.id}`)).json();
    const wizard = schedulers.entries.find((e: { toolPath: string; until: string | null }) => e.toolPath === "Scheduling > Schedule Wizard" && e.until);
    expect(new Date(wizard.until).getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000);
    const members = await groupAdmin.get(`/api/groups/${schedulers.id}/members`);
    expect(members.statusCode).toBe(200);
    expect(members.json().items.map((m: { username: string }) => m.username)).toContain("scheduler");
    const rights = await groupAdmin.put(`/api/groups/${schedulers.id}/rights`, { version: schedulers.version, entries: [] });
    expect(rights.statusCode).toBe(404); // no Tool Rights tool at all for this role's group
  });

  it("gives every demo sign-in, the authorized contacts too, their own account page (All Campus Users)", async () => {
    const kim = SUPPORT_DEMO_LOGINS[0];
    const contact = await signIn(t.app, { district: DEMO_DISTRICT.slug, username: kim.username, password: kim.password });
    for (const client of [await login("teacher"), await login("viewer"), contact]) {
      expect((await client.get("/api/account/sessions")).statusCode).toBe(200);
      expect((await client.get("/api/account/sso-links")).statusCode).toBe(200);
    }
  });

  it("seeding again changes nothing", async () => {
    expect((await seedDemo(t.database.db)).created).toBe(false);
  });
});
