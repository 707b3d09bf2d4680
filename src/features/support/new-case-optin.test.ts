import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../platform/db/schema/outbox.js";
import { users } from "../../platform/db/schema/users.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

const TEAM = "Desk-Team@vendor.example";
let t: TestApp;
beforeAll(async () => (t = await createTestApp({ env: { SUPPORT_TEAM_EMAIL: TEAM } })));
afterAll(() => t.close());

const subjectsTo = async (address: string) => (await t.database.db.select().from(outbox).where(eq(outbox.toAddress, address))).map((m) => m.subject);

async function agent(name: string, email: string, choice: "none" | "emergency" | "all") {
  const signedIn = await signInVendor(t.app, t.database.db, name);
  await t.database.db.update(users).set({ email }).where(eq(users.id, signedIn.vendor.id));
  const res = await signedIn.client.put("/api/vendor/notification-preferences", { newCaseEmails: choice });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ newCaseEmails: choice });
  return signedIn;
}

describe("new-case emails an agent opts in to", () => {
  it("emails each agent the new cases they chose, once per address, and never a disabled agent", async () => {
    const d = await buildDistrict(t.database.db, { cloudChoice: true });
    const owner = await buildContact(t.database.db, { districtId: d.id, type: "technical", displayName: "Tess Tech" });
    const tess = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
    const all = await agent("Alma All", "alma@vendor.example", "all");
    await agent("Emil Emergency", "emil@vendor.example", "emergency");
    await agent("Nora None", "nora@vendor.example", "none");
    await agent("Tina Team", "desk-team@VENDOR.example", "all");
    const gone = await agent("Dora Disabled", "dora@vendor.example", "all");
    await t.database.db.update(users).set({ disabled: true }).where(eq(users.id, gone.vendor.id));
    expect((await all.client.get("/api/vendor/notification-preferences")).json()).toEqual({ newCaseEmails: "all" });

    const opened = await tess.post("/api/support/cases", { subject: "Gradebook slow", description: "Takes a minute", productArea: "Grading", priority: "urgent" });
    expect(opened.statusCode).toBe(201);
    const emergency = await all.client.post("/api/vendor/cases", { districtId: d.id, contactId: owner.contact.id, subject: "District down", description: "Nobody can sign in", productArea: "Grading", reason: "Called the hotline" });
    expect(emergency.statusCode).toBe(201);

    const urgent = `[URGENT] [Case #${opened.json().number}] Gradebook slow — Tess Tech (technical contact) opened an urgent-priority case`;
    expect(await subjectsTo("alma@vendor.example")).toEqual([urgent, expect.stringMatching(/^\[EMERGENCY\] .+District down/)]);
    expect(await subjectsTo("emil@vendor.example")).toEqual([expect.stringMatching(/^\[EMERGENCY\] .+District down/)]);
    expect(await subjectsTo("nora@vendor.example")).toEqual([]);
    expect(await subjectsTo("dora@vendor.example")).toEqual([]);
    const teamMail = (await t.database.db.select().from(outbox)).filter((m) => m.toAddress.toLowerCase() === TEAM.toLowerCase());
    expect(teamMail.map((m) => m.subject)).toEqual([urgent, expect.stringMatching(/^\[EMERGENCY\] /)]);
  });

  it("refuses a choice it does not know with the field named, and district users cannot call the routes", async () => {
    const { client: vera } = await signInVendor(t.app, t.database.db);
    const bad = await vera.put("/api/vendor/notification-preferences", { newCaseEmails: "sometimes" });
    // The app's schema validation answers 400 validation-failed, naming the field, as on every other route.
    expect(bad.json()).toMatchObject({ code: "validation-failed", path: "newCaseEmails", detail: "Choose none, emergency or all." });
    const d = await buildDistrict(t.database.db, { cloudChoice: true });
    const owner = await buildContact(t.database.db, { districtId: d.id, type: "technical" });
    const tess = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
    expect((await tess.get("/api/vendor/notification-preferences")).statusCode).toBeGreaterThanOrEqual(403);
    expect((await tess.put("/api/vendor/notification-preferences", { newCaseEmails: "all" })).statusCode).toBeGreaterThanOrEqual(403);
  });
});
