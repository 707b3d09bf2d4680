import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { insertGroup, insertUserEntry } from "../../../test/support/rights-rows.js";
import { createTestApp, fixedClock, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

const now = new Date("2026-03-01T12:00:00Z");
const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000);

let app: TestApp;
let admin: Client;
let teacher: Client;
let slug: string;
let healthOfficeId: string;
let schedulersId: string;

beforeAll(async () => {
  app = await createTestApp({ clock: fixedClock(now) });
  const db = app.database.db;
  const district = await buildDistrict(db);
  const other = await buildDistrict(db);
  slug = district.slug;
  await buildUser(db, { districtId: district.id, username: "boss", role: "student-information-system" });
  const nurse = await buildUser(db, { districtId: district.id, username: "nurse", displayName: "Nia Nurse" });
  const clerk = await buildUser(db, { districtId: district.id, username: "clerk" });
  await buildUser(db, { districtId: district.id, username: "teach" });
  healthOfficeId = await insertGroup(db, district.id, {
    name: "Health Office",
    memberLimit: 1,
    entries: [{ toolPath: "Student Information > Health", rights: "RW" }],
    calendars: [{ school: "*", year: "*", calendar: "*", modify: true }],
    members: [{ userId: nurse.id }, { userId: clerk.id, until: inDays(7) }],
  });
  schedulersId = await insertGroup(db, district.id, { name: "Schedulers", entries: [{ toolPath: "Scheduling", rights: "RWAD" }] });
  await insertUserEntry(db, district.id, clerk.id, { toolPath: "Attendance", rights: "R" });
  // another district's group must never show up
  const stranger = await buildUser(db, { districtId: other.id, username: "stranger" });
  await insertGroup(db, other.id, { name: "Elsewhere", entries: [{ toolPath: "Student Information", rights: "RWAD" }], members: [{ userId: stranger.id }] });

  admin = await signIn(app.app, { district: slug, username: "boss" });
  teacher = await signIn(app.app, { district: slug, username: "teach" });
});
afterAll(() => app.close());

describe("reviews", () => {
  it("lists who can see protected health conditions and through which group", async () => {
    const res = await admin.get("/api/reviews/protected-data");
    expect(res.statusCode).toBe(200);
    const conditions = res.json().areas.find((a: { toolPath: string }) => a.toolPath === "Student Information > Health > Conditions");
    expect(conditions.holders.map((h: { username: string }) => h.username)).toEqual(["boss", "clerk", "nurse"]);
    const nurse = conditions.holders.find((h: { username: string }) => h.username === "nurse");
    expect(nurse).toMatchObject({ displayName: "Nia Nurse", rights: "RW", via: [{ kind: "group", groupName: "Health Office", entryPath: "Student Information > Health" }] });
    expect(JSON.stringify(res.json())).not.toContain("stranger");
  });

  it("lists individual rights, groups over their limit, expiring grants and Delete rights", async () => {
    expect((await admin.get("/api/reviews/individual-rights")).json().rows).toMatchObject([{ username: "clerk", toolPath: "Attendance", rights: "R" }]);
    expect((await admin.get("/api/reviews/groups-over-limit")).json().rows).toEqual([expect.objectContaining({ name: "Health Office", memberLimit: 1, members: 2 })]);
    const expiring = (await admin.get("/api/reviews/expiring-grants")).json();
    expect(expiring.withinDays).toBe(30);
    expect(expiring.rows).toMatchObject([{ kind: "membership", username: "clerk", groupName: "Health Office", until: inDays(7).toISOString() }]);
    const deletes = (await admin.get("/api/reviews/delete-rights")).json().rows;
    expect(deletes).toContainEqual(expect.objectContaining({ groupName: "Schedulers", toolPath: "Scheduling", rights: "RWAD", dangerous: null }));
    expect(deletes).toContainEqual(expect.objectContaining({ groupName: "Schedulers", toolPath: "Scheduling > Add Course", dangerous: expect.any(String) }));
  });

  it("draws the heat map rows per group of this district only", async () => {
    const map = (await admin.get("/api/reviews/heat-map")).json();
    expect(map.rows.map((r: { groupName: string }) => r.groupName)).toEqual(["Health Office", "Schedulers"]);
    const scheduling = map.modules.indexOf("Scheduling");
    expect(map.rows[1].cells[scheduling]).toEqual({ min: 4, max: 4, denied: false });
  });

  it("downloads each review as CSV", async () => {
    const res = await admin.get("/api/reviews/groups-over-limit.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="groups-over-limit-2026-03-01.csv"');
    expect(res.body).toBe("Group,Member limit,Members\r\nHealth Office,1,2\r\n");
    const prot = await admin.get("/api/reviews/protected-data.csv");
    expect(prot.body.split("\r\n")[0]).toBe("Protected area,Username,Name,Rights,Calendars,Through");
  });

  it("does not exist for a user without R on Reviews", async () => {
    for (const url of ["/api/reviews/protected-data", "/api/reviews/heat-map.csv"]) {
      expect((await teacher.get(url)).statusCode).toBe(404);
    }
  });
});

describe("the seed's cautions review", () => {
  it("quotes the seed beside each finding, as JSON and CSV; a user without the Reviews tool gets 404", async () => {
    const res = await admin.get("/api/reviews/seed-cautions");
    expect(res.statusCode).toBe(200);
    const over = res.json().rows.find((r: { code: string }) => r.code === "limited-group-over-limit");
    expect(over).toMatchObject({ code: "limited-group-over-limit", seedSays: "This group should have limited members.", subject: "Health Office", finding: "The group Health Office has 2 members in force; its limit is 1." });
    expect(res.json().rows.some((r: { subject: string }) => r.subject === "Elsewhere")).toBe(false);
    const csv = await admin.get("/api/reviews/seed-cautions.csv");
    expect(csv.body).toContain("This group should have limited members.");
    expect((await teacher.get("/api/reviews/seed-cautions")).statusCode).toBe(404);
  });

  it("the rights editor's cautions for one group: the findings about it, none about another; 404 without the editor's right", async () => {
    const health = await admin.get(`/api/groups/${healthOfficeId}/seed-cautions`);
    expect(health.statusCode).toBe(200);
    expect(health.json().rows).toEqual([expect.objectContaining({ code: "limited-group-over-limit", seedSays: "This group should have limited members.", groupIds: [healthOfficeId] })]);
    expect((await admin.get(`/api/groups/${schedulersId}/seed-cautions`)).json().rows).toEqual([]);
    expect((await admin.get("/api/groups/00000000-0000-4000-8000-000000000000/seed-cautions")).statusCode).toBe(404);
    expect((await teacher.get(`/api/groups/${healthOfficeId}/seed-cautions`)).statusCode).toBe(404);
  });
});
