import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTemplates } from "../../domain/rights/templates.js";
import { auditLog } from "../../platform/db/schema/audit.js";
import { buildRightsDistrict, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let d: RightsDistrict;
beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
});
afterAll(() => t.close());

type Entry = { toolPath: string; rights: string; deny: boolean; from: string | null; until: string | null };
type Detail = { id: string; name: string; memberLimit: number | null; description: string; entries: Entry[]; version: number };
const ENDS = "2026-08-15T00:00:00.000Z";

const detail = async (client: RightsDistrict["admin"]["client"], id: string) => (await client.get(`/api/groups/${id}`)).json() as Detail;
const effective = async (userId: string, asOf: string) => {
  const res = await d.admin.client.get(`/api/users/${userId}/effective-rights?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().tools as { path: string; rights: string }[]).map((x) => [x.path, x.rights]));
};

describe("creating the seed's example groups in one step", () => {
  it("creates all 21 with every row (blank ones too), member limits and the ** rows as grants until the end of master scheduling", async () => {
    const res = await d.admin.client.post("/api/groups/from-templates", { masterSchedulingEnds: "2026-08-15" });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { created: { id: string; name: string; memberLimit: number | null }[]; skipped: string[]; warnings: string[] };
    expect(body.created.map((g) => g.name)).toEqual(listTemplates().map((x) => x.name));
    expect(body).toMatchObject({ skipped: [], warnings: [] });

    for (const template of listTemplates()) {
      const g = await detail(d.admin.client, body.created.find((c) => c.name === template.name)!.id);
      expect(g.memberLimit, template.name).toBe(template.memberLimit ?? null);
      for (const row of template.entries) {
        const expected = row.untilRule && row.rights !== ""
          ? [{ toolPath: row.path, rights: row.rights, deny: false, from: null, until: ENDS }, { toolPath: row.path, rights: "", deny: false, from: ENDS, until: null }]
          : [{ toolPath: row.path, rights: row.rights, deny: false, from: null, until: null }];
        for (const e of expected) expect(g.entries, `${template.name}: ${row.label}`).toContainEqual(e);
      }
      const timed = template.entries.filter((r) => r.untilRule && r.rights !== "").length;
      expect(g.entries, template.name).toHaveLength(template.entries.length + timed);
    }
    const limited = body.created.filter((g) => g.memberLimit !== null).map((g) => g.name);
    expect(limited).toEqual(["Health Administrators", "Records Transfer (district-to-district and national)", "Special Education Administration"]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.districtId, d.districtId), eq(auditLog.action, "group.created")));
    expect(audits).toHaveLength(21);
  });

  it("gives members exactly the seed's rights: blank rows narrow the module, ** rows expire by themselves", async () => {
    const groups = (await d.admin.client.get("/api/groups")).json().items as { id: string; name: string }[];
    const id = (name: string) => groups.find((g) => g.name === name)!.id;
    await d.admin.client.post(`/api/groups/${id("Principals")}/members`, { userId: d.staff.id });
    await d.admin.client.post(`/api/groups/${id("Schedulers")}/members`, { userId: d.staff.id });
    const during = await effective(d.staff.id, "2026-08-14T12:00:00Z");
    expect(during["Student Information"]).toBe("R");
    expect(during["Student Information > General"]).toBe(""); // Principals' blank row under the checked module
    expect(during["Student Information > General > Summary"]).toBe("");
    expect(during["Student Information > General > Schedule"]).toBe("RWAD"); // Schedulers: union wins
    expect(during["Student Information > Health > Conditions"]).toBe("");
    expect(during["Scheduling > Schedule Wizard"]).toBe("RWAD");
    const after = await effective(d.staff.id, "2026-08-15T00:00:00Z");
    expect(after["Scheduling > Schedule Wizard"]).toBe(""); // expired, and not inherited from Scheduling
    expect(after["Scheduling > Trials"]).toBe("");
    expect(after["Scheduling > Reports"]).toBe("RWAD");
  });

  it("refuses when a template's name is taken, creating nothing, unless asked to skip those", async () => {
    const other = await buildRightsDistrict(t.app, t.database.db);
    const some = await other.admin.client.post("/api/groups/from-templates", { templates: ["teachers", "Counselors"] });
    expect(some.statusCode, some.body).toBe(201);
    expect(some.json().created.map((g: { name: string }) => g.name)).toEqual(["Teachers", "Counselors"]);
    const count = async () => ((await other.admin.client.get("/api/groups")).json().items as unknown[]).length;
    const before = await count();
    const refused = await other.admin.client.post("/api/groups/from-templates", {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "group-name-taken", taken: ["Counselors", "Teachers"] });
    expect(await count()).toBe(before);
    const rest = await other.admin.client.post("/api/groups/from-templates", { skipExisting: true });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().created).toHaveLength(19);
    expect(rest.json().skipped.sort()).toEqual(["Counselors", "Teachers"]);
    // no end of master scheduling known: the ** rows grant nothing, and the answer says so
    expect(rest.json().warnings).toEqual([expect.stringMatching(/^"Schedulers": no end of the master scheduling period is set/)]);
    const schedulers = (await other.admin.client.get("/api/groups?search=Schedulers")).json().items[0];
    expect((await detail(other.admin.client, schedulers.id)).entries).toContainEqual({ toolPath: "Scheduling > Trials", rights: "", deny: false, from: null, until: null });
  });

  it("refuses an unknown template with a suggestion, and staff without a Product Security Role", async () => {
    const bad = await d.admin.client.post("/api/groups/from-templates", { templates: ["Teachers", "Bus Drivers", "Sheduler"] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "unknown-template" });
    expect(bad.json().errors).toEqual([
      { path: "templates[1]", message: 'There is no seed template "Bus Drivers".' },
      { path: "templates[2]", message: 'There is no seed template "Sheduler"; did you mean "Schedulers"?' },
    ]);
    const staff = await d.staff.client.post("/api/groups/from-templates", { templates: ["Surveys"] });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().code).toBe("product-security-role-required");
  });
});
