/** The update-request emails' HTML escapes every value a person chose: the district's name, a vendor's note. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { outbox } from "../../platform/db/schema/outbox.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

it("escapes the district name and the vendor's note in the HTML of update-request emails", async () => {
  const d = await buildDistrict(t.database.db, { name: `O'Brien & <b>Sons</b> "ISD"` });
  const tech = await buildContact(t.database.db, { districtId: d.id, type: "technical" });
  const client = await signInWithMfa(t.app, { district: d.slug, username: tech.user.username, secret: tech.secret });
  const filed = await client.post("/api/support/update-requests", { kind: "sandbox-refresh" });
  expect(filed.statusCode).toBe(201);
  const { client: vera } = await signInVendor(t.app, t.database.db);
  const decided = await vera.post(`/api/vendor/update-requests/${filed.json().id}/decision`, { action: "decline", note: `Use <script>x</script> & 'retry'`, version: filed.json().version });
  expect(decided.statusCode).toBe(200);

  const mail = await t.database.db.select().from(outbox).where(eq(outbox.toAddress, tech.user.email!));
  const received = mail.find((m) => m.kind === "update-request-filed")!;
  expect(received.htmlBody).toContain("for O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt; &quot;ISD&quot; was received");
  expect(received.textBody).toContain(`for O'Brien & <b>Sons</b> "ISD" was received`);
  const declined = mail.find((m) => m.kind === "update-request-declined")!;
  expect(declined.htmlBody).toContain("Use &lt;script&gt;x&lt;/script&gt; &amp; &#39;retry&#39;");
  expect(declined.htmlBody).not.toMatch(/<script|<b>/);
});
