import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../platform/db/schema/audit.js";
import { reviewCampaigns } from "../../../platform/db/schema/governance.js";
import { outbox } from "../../../platform/db/schema/outbox.js";
import { userGroupMembers } from "../../../platform/db/schema/rights.js";
import { buildUser } from "../../../../test/support/factories.js";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../../test/support/rights-factories.js";
import { createTestApp, fixedClock, type TestApp } from "../../../../test/support/test-app.js";
import { outboxMail } from "../../../../test/support/outbox.js";
import { runCampaignJobs } from "./run-campaign-jobs.js";

const clock = fixedClock(new Date("2026-09-01T12:00:00Z"));
let t: TestApp;
let d: RightsDistrict;
let nurses: string;
let counselors: string;
const people: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ clock });
  d = await buildRightsDistrict(t.app, t.database.db);
  for (const name of ["ana", "ben", "cy", "dee"]) people[name] = (await buildUser(t.database.db, { districtId: d.districtId, username: `${name}-${d.slug}` })).id;
  nurses = await buildRightsGroup(t.database.db, d.districtId, { name: "Nurses", rights: { "Student Information > Health": "RW" }, members: [people.ana!, people.ben!, people.cy!] });
  counselors = await buildRightsGroup(t.database.db, d.districtId, { name: "Counselors", rights: { "Student Information > Counseling": "R", "Student Information > General": "R" }, members: [people.dee!] });
});
afterAll(() => t.close());

type Item = { id: string; userId: string; source: string; groupName: string | null; decision: string | null; outcome: string | null; rights: { path: string; why?: string }[] };
const detail = async (id: string) => (await d.admin.client.get(`/api/campaigns/${id}`)).json() as { status: string; items: Item[] };
const member = async (groupId: string, userId: string) =>
  (await t.database.db.select().from(userGroupMembers).where(and(eq(userGroupMembers.groupId, groupId), eq(userGroupMembers.userId, userId))))[0];

describe("access review campaigns", () => {
  it("reviews everyone who can see health conditions, applies each decision at close, and files the evidence", async () => {
    const start = await d.admin.client.post("/api/campaigns", { name: "Fall term health review", scope: { kind: "tool", toolPath: "Student Information > Health > Conditions" }, dueOn: "2026-09-30", defaultDecision: "remove", repeatEveryDays: 120 });
    expect(start.statusCode, start.body).toBe(201);
    const { id } = start.json() as { id: string };
    const c = await detail(id);
    const nurseItems = c.items.filter((i) => i.groupName === "Nurses");
    expect(nurseItems.map((i) => i.userId).sort()).toEqual([people.ana, people.ben, people.cy].sort());
    expect(c.items.some((i) => i.userId === people.dee)).toBe(false);
    expect(c.items.find((i) => i.userId === d.admin.id)?.source).toBe("role");
    // each right says why, as explain finds it: the group, the entry it comes from, inherited
    const why = (nurseItems[0]!.rights as { path: string; why: string }[])[0]!;
    expect(why).toMatchObject({ path: "Student Information > Health > Conditions", why: 'member of "Nurses" → entry on Student Information > Health (inherited): RW' });
    expect((c.items.find((i) => i.source === "role")!.rights as { why: string }[])[0]!.why).toMatch(/Student Information System role/);

    const decide = (userId: string, body: object) => d.admin.client.put(`/api/campaigns/${id}/items/${c.items.find((i) => i.userId === userId && i.groupName === "Nurses")!.id}`, body);
    expect((await decide(people.ana!, { decision: "keep", note: "school nurse" })).statusCode).toBe(200);
    expect((await decide(people.ben!, { decision: "end", endOn: "2026-12-20", note: "leaves at winter break" })).statusCode).toBe(200);
    expect((await decide(people.ben!, { decision: "end" })).statusCode).toBe(422);
    // the membership-only administrator is not the reviewer
    const notReviewer = await d.groupAdmin.client.put(`/api/campaigns/${id}/items/${nurseItems[0]!.id}`, { decision: "keep" });
    expect([403, 404]).toContain(notReviewer.statusCode);
    await d.admin.client.put(`/api/campaigns/${id}/items/${c.items.find((i) => i.source === "role")!.id}`, { decision: "keep" });

    const closed = await d.admin.client.post(`/api/campaigns/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await member(nurses, people.ana!)).toBeDefined();
    expect((await member(nurses, people.ben!))?.validUntil?.toISOString()).toBe("2026-12-20T00:00:00.000Z");
    // cy was not decided: the campaign's default removes the membership, audited as done by the reviewer
    expect(await member(nurses, people.cy!)).toBeUndefined();
    const removal = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "group.member-removed"));
    expect(removal.some((r) => r.actorId === d.admin.id && r.targetId === nurses)).toBe(true);

    const after = await detail(id);
    expect(after.status).toBe("closed");
    expect(after.items.find((i) => i.userId === people.cy)?.outcome).toMatch(/removed from Nurses \(no decision: the campaign's default\)/);
    const csv = await d.admin.client.get(`/api/campaigns/${id}/report.csv`);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body).toContain("school nurse");
    expect(csv.body).toContain("leaves at winter break");
    expect((await d.admin.client.put(`/api/campaigns/${id}/items/${nurseItems[0]!.id}`, { decision: "keep" })).statusCode).toBe(409);

    // the next term's run is scheduled and opens by itself on its day
    const [next] = await t.database.db.select().from(reviewCampaigns).where(and(eq(reviewCampaigns.districtId, d.districtId), eq(reviewCampaigns.status, "scheduled")));
    expect(next?.startsOn.toISOString()).toBe("2026-12-30T12:00:00.000Z");
    expect((await runCampaignJobs(t.database, new Date("2026-12-29T12:00:00Z"), "http://gh.test")).started).toBe(0);
    expect((await runCampaignJobs(t.database, new Date("2026-12-30T13:00:00Z"), "http://gh.test")).started).toBe(1);
    const reopened = await detail(next!.id);
    expect(reopened.status).toBe("open");
    expect(reopened.items.map((i) => i.userId)).not.toContain(people.cy);
  });

  it("reminds the reviewer once before the due date", async () => {
    const { id } = (await d.admin.client.post("/api/campaigns", { name: "Counselor review", scope: { kind: "group", groupId: counselors }, dueOn: "2026-09-10", defaultDecision: "keep" })).json() as { id: string };
    expect((await runCampaignJobs(t.database, new Date("2026-09-05T02:00:00Z"), "http://gh.test")).reminded).toBe(0);
    expect((await runCampaignJobs(t.database, new Date("2026-09-08T02:00:00Z"), "http://gh.test")).reminded).toBe(1);
    expect((await runCampaignJobs(t.database, new Date("2026-09-09T02:00:00Z"), "http://gh.test")).reminded).toBe(0);
    const mails = await outboxMail(t.database.db, sql`o.kind = 'campaign-reminder'`);
    expect(mails.find((m) => m.textBody.includes(`/security/campaigns/${id}`))?.subject).toMatch(/Due 2026-09-10: access review "Counselor review" has 1 undecided item/);
  });

  it("lets each group's owner decide its members' items, never their own, and reminds each reviewer", async () => {
    const owned = await buildRightsGroup(t.database.db, d.districtId, { name: "Owned Readers", rights: { "Student Information > Health": "R" }, members: [people.ana!, people.dee!, d.staff.id] });
    const version = (await d.admin.client.get(`/api/groups/${owned}`)).json().version;
    const set = await d.admin.client.patch(`/api/groups/${owned}`, { ownerId: d.staff.id, version });
    expect(set.statusCode, set.body).toBe(200);
    expect((await d.admin.client.get(`/api/groups/${owned}`)).json().owner).toMatchObject({ id: d.staff.id });
    const ownerChange = (await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, "group.updated"), eq(auditLog.targetId, owned))))[0];
    expect(ownerChange?.after).toMatchObject({ owner: expect.stringMatching(/\S/) });
    const stranger = await buildUser(t.database.db, { districtId: (await buildRightsDistrict(t.app, t.database.db)).districtId });
    const refused = await d.admin.client.patch(`/api/groups/${owned}`, { ownerId: stranger.id, version: version + 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "owner-not-found", path: "ownerId" });
    expect((ownerChange?.before as { owner: string | null }).owner).toBeNull();

    const start = await d.admin.client.post("/api/campaigns", { name: "Owners review", scope: { kind: "group", groupId: owned }, dueOn: "2026-09-20", defaultDecision: "keep", reviewerMode: "group-owners" });
    expect(start.statusCode, start.body).toBe(201);
    const { id } = start.json() as { id: string };
    const asOwner = (await d.staff.client.get(`/api/campaigns/${id}`)).json() as { youReview: boolean; reviewerMode: string; items: (Item & { youDecide: boolean; reviewer: { id: string } })[] };
    expect(asOwner).toMatchObject({ youReview: true, reviewerMode: "group-owners" });
    const itemOf = (userId: string) => asOwner.items.find((i) => i.userId === userId)!;
    expect(itemOf(people.ana!)).toMatchObject({ youDecide: true, reviewer: { id: d.staff.id } });
    expect(itemOf(d.staff.id)).toMatchObject({ youDecide: false, reviewer: { id: d.admin.id } }); // not about their own access

    const decided = await d.staff.client.put(`/api/campaigns/${id}/items/${itemOf(people.ana!).id}`, { decision: "remove", note: "moved schools" });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ decision: "remove", youDecide: true });
    const own = await d.staff.client.put(`/api/campaigns/${id}/items/${itemOf(d.staff.id).id}`, { decision: "keep" });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe("not-the-reviewer");

    await runCampaignJobs(t.database, new Date("2026-09-18T02:00:00Z"), "http://gh.test");
    const reminders = await t.database.db.select().from(outbox).where(eq(outbox.kind, "campaign-reminder"));
    const forThis = reminders.filter((m) => m.dedupeKey?.startsWith(`campaign-reminder:${id}:`));
    expect(forThis.map((m) => m.dedupeKey!.split(":")[2]).sort()).toEqual([d.staff.id, d.admin.id].sort());
    expect(forThis.find((m) => m.dedupeKey!.includes(d.staff.id))?.subject).toMatch(/has 1 undecided item/); // dee's; ana's is decided

    const closed = await d.admin.client.post(`/api/campaigns/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await member(owned, people.ana!)).toBeUndefined();
    const removal = (await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, "group.member-removed"), eq(auditLog.targetId, owned))))[0];
    expect(removal?.actorId).toBe(d.staff.id);
    const csv = (await d.admin.client.get(`/api/campaigns/${id}/report.csv`)).body;
    expect(csv.split("\n")[0]).toContain("Reviewer");
  });

  it("refuses a due date in the past and an unknown tool, with the field", async () => {
    const past = await d.admin.client.post("/api/campaigns", { name: "x", scope: { kind: "protected" }, dueOn: "2026-08-01", defaultDecision: "keep" });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ path: "dueOn" });
    const tool = await d.admin.client.post("/api/campaigns", { name: "x", scope: { kind: "tool", toolPath: "Nope" }, dueOn: "2026-10-01", defaultDecision: "keep" });
    expect(tool.json()).toMatchObject({ path: "scope.toolPath" });
    expect((await d.groupAdmin.client.post("/api/campaigns", { name: "x", scope: { kind: "protected" }, dueOn: "2026-10-01", defaultDecision: "keep" })).statusCode).toBe(403);
  });
});
