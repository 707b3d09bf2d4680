/** Mail leaves for mailboxes Gatehouse cannot vouch for: an SSN quoted in a case never goes with it. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { outboxMail } from "../../../test/support/outbox.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

it("withholds an SSN quoted in a case's subject, description or reply from every email", async () => {
  const d = await buildDistrict(t.database.db);
  const owner = await buildContact(t.database.db, { districtId: d.id, displayName: "Kim Contact" });
  const kim = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
  const { vendor, client: vera } = await signInVendor(t.app, t.database.db);
  const opened = await kim.post("/api/support/cases", {
    subject: "Student 987-65-4329 missing",
    description: "Ava Anders (SSN 987-65-4329) does not appear in the roster.",
    productArea: "Grading",
    priority: "high",
  });
  expect(opened.statusCode).toBe(201);
  const { id } = opened.json();
  expect((await vera.post(`/api/vendor/cases/${id}/comments`, { body: "Is 987 65 4329 the right number?" })).statusCode).toBe(204);
  expect((await kim.post(`/api/support/cases/${id}/comments`, { body: "Yes, 987-65-4329." })).statusCode).toBe(204);

  const mail = [
    ...(await outboxMail(t.database.db, sql`o.to_address = ${owner.user.email!}`)),
    ...(await outboxMail(t.database.db, sql`o.to_address = ${vendor.email!}`)),
  ];
  expect(mail.length).toBeGreaterThanOrEqual(2);
  for (const m of mail) {
    expect(`${m.subject}\n${m.textBody}\n${m.htmlBody}`).not.toMatch(/4329/);
    expect(m.subject).toContain("Student withheld missing");
  }
  expect(mail.some((m) => m.textBody.includes("Is withheld the right number?"))).toBe(true);
  // the case itself keeps what its contact wrote: they and the vendor's staff read it in the portal
  expect((await kim.get(`/api/support/cases/${id}`)).json().description).toContain("987-65-4329");
});
