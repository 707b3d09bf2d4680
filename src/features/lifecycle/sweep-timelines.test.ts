import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/connect.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { addContact, contactRow, mailTo, noticesOf, PORTAL_URL, sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestDatabase } from "../../../test/support/test-db.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Sweeps every day in [from, to] and returns this district's actions as "day:username:action". */
async function sweepDays(t: ReturnType<typeof timeline>, from: number, to: number, district: string): Promise<string[]> {
  const log: string[] = [];
  for (let n = from; n <= to; n++) {
    for (const a of await sweepOn(database, t.day(n))) if (a.district === district) log.push(`${n}:${a.username}:${a.action}`);
  }
  return log;
}

describe("inactivity sweep, day by day", () => {
  it("deactivates on day 210 with daily sweeps; activity on day 100 restarts the clock", async () => {
    const t = timeline("2030-01-01");
    const district = await buildDistrict(database.db);
    const idle = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0) });
    const busy = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0) });
    expect(await sweepDays(t, 1, 99, district.name)).toEqual([]);
    await database.db.transaction((tx) => recordContactActivity(tx, { districtId: district.id, contactId: busy.contactId, kind: "portal-sign-in", at: t.at(100) }));
    expect(await sweepDays(t, 100, 240, district.name)).toEqual([
      `180:${idle.username}:notice`,
      `195:${idle.username}:reminder`,
      `209:${idle.username}:final-notice`,
      `210:${idle.username}:deactivate`,
    ]);
    expect(await sweepDays(t, 241, 280, district.name)).toEqual([`280:${busy.username}:notice`]);

    const row = await contactRow(database.db, idle.contactId);
    expect(row.status).toBe("deactivated");
    const notices = await noticesOf(database.db, idle.contactId);
    expect(notices.map((n) => [n.stage, t.dayNumber(n.sentOn), t.dayNumber(n.deadlineOn)])).toEqual([
      ["notice", 180, 210],
      ["reminder", 195, 210],
      ["final-notice", 209, 210],
      ["deactivate", 210, 210],
    ]);
    const mail = await mailTo(database.db, idle.email, district.id);
    expect(mail.map((m) => m.kind)).toEqual(["contact-notice", "contact-reminder", "contact-final-notice", "contact-deactivate"]);
    const notice = mail[0]!;
    // Deadline day 210 of a timeline starting 2030-01-01 is 2030-07-30, a Tuesday.
    expect(notice.subject).toBe(`Action needed: your ${district.name} support portal access will be deactivated on Tuesday, July 30, 2030`);
    for (const body of [notice.textBody, notice.htmlBody]) {
      expect(body).toContain(district.name);
      expect(body).toContain("July 30, 2030");
      expect(body).toContain(`${PORTAL_URL}/login/${district.slug}`);
      expect(body).toMatch(/sign in/i);
    }
    expect(notice.htmlBody).toContain(`<a href="${PORTAL_URL}/login/${district.slug}">`);
  });

  it("after a 60-day sweep gap the notice comes first and the 30 days count from it", async () => {
    const t = timeline("2031-01-01");
    const district = await buildDistrict(database.db);
    const late = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0) });
    // No sweep from day 150 to day 209: the contact is 30 days past due when sweeps resume.
    expect(await sweepDays(t, 140, 149, district.name)).toEqual([]);
    expect(await sweepDays(t, 210, 260, district.name)).toEqual([
      `210:${late.username}:notice`,
      `225:${late.username}:reminder`,
      `239:${late.username}:final-notice`,
      `240:${late.username}:deactivate`,
    ]);
  });

  it("a 60-day gap after the notice sends the final notice only, then deactivates the next day", async () => {
    const t = timeline("2032-01-01");
    const district = await buildDistrict(database.db);
    const c = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0) });
    expect(await sweepDays(t, 180, 185, district.name)).toEqual([`180:${c.username}:notice`]);
    expect(await sweepDays(t, 246, 250, district.name)).toEqual([`246:${c.username}:final-notice`, `247:${c.username}:deactivate`]);
    const final = (await mailTo(database.db, c.email, district.id)).find((m) => m.kind === "contact-final-notice")!;
    expect(t.date(247)).toBe("2032-09-04");
    expect(final.textBody).toContain("will be deactivated on Saturday, September 4, 2032");
  });

  it("activity after the final notice clears the pending deactivation and starts a new cycle", async () => {
    const t = timeline("2033-01-01");
    const district = await buildDistrict(database.db);
    const c = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0) });
    expect(await sweepDays(t, 180, 209, district.name)).toEqual([`180:${c.username}:notice`, `195:${c.username}:reminder`, `209:${c.username}:final-notice`]);
    const { cleared } = await database.db.transaction((tx) =>
      recordContactActivity(tx, { districtId: district.id, contactId: c.contactId, kind: "case-activity", at: t.at(209) }),
    );
    expect(cleared).toBe(true);
    expect(await sweepDays(t, 210, 388, district.name)).toEqual([]);
    expect((await contactRow(database.db, c.contactId)).status).toBe("active");
    expect(await sweepDays(t, 389, 389, district.name)).toEqual([`389:${c.username}:notice`]);
    expect((await contactRow(database.db, c.contactId)).inactivityCycle).toBe(1);
  });

  it("a second sweep on the same day does nothing", async () => {
    const t = timeline("2034-01-01");
    const district = await buildDistrict(database.db);
    const c = await addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0) });
    expect((await sweepOn(database, t.day(180))).filter((a) => a.district === district.name)).toEqual([
      { district: district.name, username: c.username, action: "notice" },
    ]);
    expect((await sweepOn(database, t.day(180))).filter((a) => a.district === district.name)).toEqual([]);
    expect(await mailTo(database.db, c.email, district.id)).toHaveLength(1);
  });
});
