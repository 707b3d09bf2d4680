import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { BALLARD, buildSisDistrict, LINCOLN } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";

/** The seed: "Users assigned to a SSN group MUST have calendar tool rights to users included within the group." */
let t: TestApp;
beforeAll(async () => (t = await createTestApp()));
afterAll(() => t.close());

describe("the SSN caution, against the district's people", () => {
  it("names the holder whose calendar rights miss staff their SSN right covers (through the staff's school assignment), in the reviews and the group's editor", async () => {
    const db = t.database.db;
    const district = await buildDistrict(db);
    await buildSisDistrict(db, district.id); // Sam Staff is assigned at Ballard; Ava studies at Ballard, Ben at Lincoln
    const admin = await buildUser(db, { districtId: district.id, role: "student-information-system" });
    const pat = await buildUser(db, { districtId: district.id, username: `pat-${Date.now()}` });
    const groupId = await buildRightsGroup(db, district.id, { name: "Lincoln SSN", rights: { "SSN Rights > SSN for Staff": "R" }, calendars: [{ ...LINCOLN, modify: false }], members: [pat.id] });
    const client = await signIn(t.app, { district: district.slug, username: admin.username });

    const expected = {
      code: "ssn-without-calendar-rights",
      seedSays: "Users assigned to a SSN group MUST have calendar tool rights to users included within the group.",
      subject: pat.username,
      finding: `${pat.username} holds SSN Rights > SSN for Staff without calendar rights to 1 staff in ${BALLARD.school} · ${BALLARD.year} · ${BALLARD.calendar}.`,
    };
    const review = (await client.get("/api/reviews/seed-cautions")).json().rows;
    expect(review).toContainEqual(expect.objectContaining(expected));
    expect((await client.get(`/api/groups/${groupId}/seed-cautions`)).json().rows).toEqual([expect.objectContaining({ ...expected, groupIds: [groupId], userIds: [pat.id] })]);
  });
});
