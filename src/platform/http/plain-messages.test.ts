/**
 * The problem+json of real routes reads as sentences a person acts on: no `body.`, no type, no
 * zod wording; each field's sentence sits at its path, and a name too long is refused, not cut.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { buildContact, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
let contact: Client;

beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  const kim = await buildContact(t.database.db, { districtId: d.districtId, displayName: "Kim Plain" });
  contact = await signInWithMfa(t.app, { district: d.slug, username: kim.user.username, secret: kim.secret });
});
afterAll(() => t.close());

const DEVELOPER_WORDS = /body\.|expected|received|Invalid|\bstring\b|undefined|ISO|Too (big|small)|Please correct/;

type Problem = { status: number; code: string; detail: string; path?: string; errors: { path: string; message: string }[] };

function readsAsSentences(res: { statusCode: number; json(): unknown }): Problem {
  const p = res.json() as Problem;
  expect(res.statusCode, JSON.stringify(p)).toBe(400);
  expect(p.detail).not.toMatch(DEVELOPER_WORDS);
  for (const e of p.errors) {
    expect(e.path).not.toMatch(/^body/);
    expect(e.message).not.toMatch(DEVELOPER_WORDS);
  }
  return p;
}

describe("problem+json sentences", () => {
  it("asks for a group's name, and refuses a 5,000-character one saying how long it is", async () => {
    const missing = readsAsSentences(await d.admin.client.post("/api/groups", { description: "no name" }));
    expect(missing.errors).toEqual([{ path: "name", message: "Give the group a name" }]);
    expect(missing.detail).toBe("Give the group a name.");
    const long = readsAsSentences(await d.admin.client.post("/api/groups", { name: "x".repeat(5000) }));
    expect(long.errors).toEqual([{ path: "name", message: "A group name is at most 100 characters; this one has 5,000" }]);
    const groups = (await d.admin.client.get("/api/groups")).json() as { items?: { name: string }[] } | { name: string }[];
    const names = (Array.isArray(groups) ? groups : (groups.items ?? [])).map((g) => g.name);
    expect(names.some((n) => n.startsWith("xxxx"))).toBe(false);
  });

  it("asks to choose a product area and fill in the subject of a case", async () => {
    const p = readsAsSentences(await contact.post("/api/support/cases", { subject: "", description: "x", productArea: "Nowhere" }));
    expect(Object.fromEntries(p.errors.map((e) => [e.path, e.message]))).toEqual({ productArea: "Choose a product area from the list", subject: "Enter the subject" });
    expect(p.detail).toBe("2 things to correct: Enter the subject. Choose a product area from the list.");
    const noArea = readsAsSentences(await contact.post("/api/support/cases", { subject: "Slow", description: "x" }));
    expect(noArea.errors).toEqual([{ path: "productArea", message: "Choose a product area from the list" }]);
  });

  it("names the day that does not exist and the row of a calendar grant", async () => {
    const groupId = await buildRightsGroup(t.database.db, d.districtId, { name: "Plain grants" });
    const { version } = (await d.admin.client.get(`/api/groups/${groupId}`)).json() as { version: number };
    const day = readsAsSentences(await d.admin.client.put(`/api/groups/${groupId}/calendar-rights`, { version, calendarGrants: [{ school: "*", year: "*", calendar: "*", until: "2026-02-30" }] }));
    expect(day.errors).toEqual([{ path: "calendarGrants.0.until", message: "February has no 30th." }]);
    const year = readsAsSentences(await d.admin.client.put(`/api/groups/${groupId}/calendar-rights`, { version, calendarGrants: [{ school: "*", year: "*", calendar: "*" }, { school: "*", year: "", calendar: "*" }] }));
    expect(year.errors).toEqual([{ path: "calendarGrants.1.year", message: "Fill in the year of calendar grant 2" }]);
  });

  it("says what kind of value a field takes, in words", async () => {
    const groupId = await buildRightsGroup(t.database.db, d.districtId, { name: "Plain limit" });
    const { version } = (await d.admin.client.get(`/api/groups/${groupId}`)).json() as { version: number };
    const p = readsAsSentences(await d.admin.client.patch(`/api/groups/${groupId}`, { memberLimit: "five", version }));
    expect(p.errors[0]).toEqual({ path: "memberLimit", message: "The member limit must be a number" });
  });
});
