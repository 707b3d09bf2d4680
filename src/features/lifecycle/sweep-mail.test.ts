import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/connect.js";
import { deliverOutbox } from "../../platform/mail/deliver-outbox.js";
import type { MailSender, OutgoingMessage } from "../../platform/mail/smtp-sender.js";
import { findOutboxMessage } from "../outbox/repo.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { addContact, PORTAL_URL, sweepOn, timeline } from "../../../test/support/lifecycle.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { renderNotice } from "./notice-messages.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Delivers everything due to a sender that keeps what it is given. */
async function deliverEverything(now: Date): Promise<OutgoingMessage[]> {
  const sent: OutgoingMessage[] = [];
  const sender: MailSender = { send: async (m) => void sent.push(m), close: () => {} };
  while ((await deliverOutbox(database, sender, { now: () => now, batchSize: 500 })).claimed > 0);
  return sent;
}

describe("the sweep's messages", () => {
  it("are stored as the stage's template and the contact's values, and delivered exactly as rendered in code", async () => {
    const t = timeline("2034-01-01");
    const district = await buildDistrict(database.db, { name: `O'Brien & <b>Sons</b> "ISD" 100%` });
    const names = [`Kim <Lee> & "Co"`, "Pat O'Hara"];
    const contacts = await Promise.all(names.map((displayName) => addContact(database.db, { districtId: district.id, lastActivityAt: t.at(0), displayName })));
    expect((await sweepOn(database, t.day(180))).filter((a) => a.district === district.name)).toHaveLength(2);

    const rows = await database.query<{ id: string; to_address: string; text_body: string | null; html_body: string | null; template_key: string | null }>(
      "select id, to_address, text_body, html_body, template_key from outbox where district_id = $1 order by to_address",
      [district.id],
    );
    expect(rows).toHaveLength(2);
    // One template for both, no bodies of their own: a big day writes the values, not the text.
    expect(rows.every((r) => r.text_body === null && r.html_body === null && r.template_key === rows[0]!.template_key)).toBe(true);

    const sent = await deliverEverything(new Date(t.at(180).getTime() + 86_400_000));
    // Deadline: day 210 of a timeline starting 2034-01-01 is 2034-07-30, a Sunday.
    const deadline = "Sunday, July 30, 2034";
    for (const [i, contact] of contacts.entries()) {
      const expected = renderNotice("notice", { district: district.name, name: names[i]!, deadline, portalUrl: `${PORTAL_URL}/login/${district.slug}` });
      const delivered = sent.filter((m) => m.to === contact.email);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]).toMatchObject({ subject: expected.subject, text: expected.text, html: expected.html });
      // The vendor's outbox view reads the same bodies.
      const shown = await findOutboxMessage(database, delivered[0]!.id);
      expect(shown).toMatchObject({ subject: expected.subject, text: expected.text, html: expected.html });
    }
  });
});
