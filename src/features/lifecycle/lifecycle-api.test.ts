import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDay } from "../../domain/contacts/calendar-day.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { sweepOn } from "../../../test/support/lifecycle.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, fixedClock, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

const DAY = 86_400_000;
const clock = fixedClock(new Date("2031-03-10T09:00:00Z"));
const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);

let t: TestApp;
let vendor: Client;
let district: Awaited<ReturnType<typeof buildDistrict>>;
let contacts: Record<"fresh" | "dueSoon" | "pending", Awaited<ReturnType<typeof buildContact>>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  district = await buildDistrict(t.database.db);
  contacts = {
    fresh: await buildContact(t.database.db, { districtId: district.id, lastActivityAt: ago(3) }),
    dueSoon: await buildContact(t.database.db, { districtId: district.id, lastActivityAt: ago(170) }),
    pending: await buildContact(t.database.db, { districtId: district.id, lastActivityAt: ago(200) }),
  };
  // The notice went out 20 days ago: deactivation in 10 days.
  await sweepOn(t.database, parseDay("2031-02-18"));
  vendor = (await signInVendor(t.app, t.database.db)).client;
});
afterAll(async () => {
  await t?.close();
});

describe("lifecycle API", () => {
  it("vendor staff see each district's contacts by stage", async () => {
    const res = await vendor.get("/api/vendor/lifecycle/districts");
    expect(res.statusCode).toBe(200);
    expect(res.json().find((d: { districtId: string }) => d.districtId === district.id)).toEqual({
      districtId: district.id,
      district: district.name,
      active: 2,
      dueSoon: 1,
      pending: 1,
      deactivated: 0,
    });
  });

  it("vendor staff see contacts with stage and days left, most urgent first", async () => {
    const res = await vendor.get(`/api/vendor/lifecycle/contacts?districtId=${district.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe("2031-03-10");
    expect(body.contacts.map((c: { username: string; stage: string; daysLeft: number }) => [c.username, c.stage, c.daysLeft])).toEqual([
      [contacts.pending.user.username, "notice-sent", 10],
      [contacts.dueSoon.user.username, "active", 10],
      [contacts.fresh.user.username, "active", 177],
    ]);
    expect(body.contacts[0]).toMatchObject({ noticeOn: "2031-02-18", deactivationOn: "2031-03-20", reminderOn: null });

    const soon = await vendor.get(`/api/vendor/lifecycle/contacts?districtId=${district.id}&filter=due-soon`);
    expect(soon.json().contacts.map((c: { username: string }) => c.username)).toEqual([contacts.dueSoon.user.username]);
  });

  it("refuses a bad filter with the field named", async () => {
    const res = await vendor.get("/api/vendor/lifecycle/contacts?filter=soonish");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("filter");
  });

  it("a contact sees their own status and deadline; anyone else gets no contact", async () => {
    const me = await signInWithMfa(t.app, { district: district.slug, username: contacts.pending.user.username, secret: contacts.pending.secret });
    const mine = await me.get("/api/contacts/me/lifecycle");
    expect(mine.statusCode).toBe(200);
    expect(mine.json().contact).toMatchObject({ status: "pending-deactivation", stage: "notice-sent", deactivationOn: "2031-03-20", daysLeft: 10, district: district.name });

    const staff = await buildUser(t.database.db, { districtId: district.id });
    const other = await signIn(t.app, { district: district.slug, username: staff.username });
    expect((await other.get("/api/contacts/me/lifecycle")).json()).toEqual({ asOf: "2031-03-10", contact: null, cleared: null });
  });

  it("a contact whose activity cleared a pending deactivation is told so, with the deadline it had", async () => {
    const c = await buildContact(t.database.db, { districtId: district.id, lastActivityAt: ago(190) });
    await sweepOn(t.database, parseDay("2031-02-28")); // notice: deactivation on 2031-03-30
    const me = await signInWithMfa(t.app, { district: district.slug, username: c.user.username, secret: c.secret });
    const pending = (await me.get("/api/contacts/me/lifecycle")).json();
    expect(pending).toMatchObject({ cleared: null, contact: { status: "pending-deactivation", deactivationOn: "2031-03-30" } });

    await t.database.db.transaction((tx) => recordContactActivity(tx, { districtId: district.id, contactId: c.contact.id, kind: "portal-sign-in", at: clock.now() }));
    const after = (await me.get("/api/contacts/me/lifecycle")).json();
    expect(after.cleared).toEqual({ noticeOn: "2031-02-28", deactivationOn: "2031-03-30" });
    expect(after.contact).toMatchObject({ status: "active", stage: "active", lastActivityOn: "2031-03-10", noticeDueOn: "2031-09-06", daysLeft: 180 });
  });

  it("district users cannot use the vendor lifecycle views", async () => {
    const staff = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const admin = await signIn(t.app, { district: district.slug, username: staff.username });
    expect((await admin.get("/api/vendor/lifecycle/contacts")).statusCode).not.toBe(200);
    expect((await admin.post("/api/vendor/lifecycle/sweep")).statusCode).not.toBe(200);
  });

  it("vendor staff run today's sweep now; a second run does nothing", async () => {
    const first = await vendor.post("/api/vendor/lifecycle/sweep");
    expect(first.statusCode).toBe(200);
    expect(first.json().asOf).toBe("2031-03-10");
    // Today is day 20 after the notice: the reminder (due day 15) goes now.
    expect(first.json().actions.filter((a: { district: string }) => a.district === district.name)).toEqual([
      { district: district.name, username: contacts.pending.user.username, action: "reminder" },
    ]);
    const again = await vendor.post("/api/vendor/lifecycle/sweep");
    expect(again.json().actions).toEqual([]);
    const audit = await t.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'lifecycle.sweep-run'");
    expect(audit[0]!.n).toBe(2);
  });
});
