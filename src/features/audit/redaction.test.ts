/**
 * The audit log keeps the full before/after of every change, and shows each reader only the
 * protected values they may read: an Ad hoc condition on SSN, a health condition or homeless
 * status reads "withheld" to an auditor without those rights.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { ALL_CALENDARS, createFakeRights, type RightsTable } from "../../../test/support/fake-rights.js";
import { buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let author: Client;
let auditor: Client;
let fullAuditor: Client;
let personId: string;
const rights = createFakeRights();

const AUDIT = "System Administration > User Security > Audit Log";
const PROTECTED = {
  "SSN Rights > SSN for Students": "R",
  "Student Information > Health > Conditions": "R",
  "Student Information > General > Enrollments > State Reporting > Homeless": "R",
};
const writer: RightsTable = {
  tools: { "Ad Hoc Reporting": "RWAD", "Student Information > General > Summary": "R", "Census > People > Demographics": "RW", "SSN Rights": "RW", ...PROTECTED, "Student Information > Health > Conditions": "RWAD" },
  calendars: [ALL_CALENDARS],
};
const auditorOnly: RightsTable = { tools: { [AUDIT]: "R", "System Administration > User Security > Access Log": "R" }, calendars: [ALL_CALENDARS] };
const auditorWithRights: RightsTable = { tools: { [AUDIT]: "R", ...PROTECTED, "SSN Rights": "R" }, calendars: [ALL_CALENDARS] };

const secretDefinition = {
  fields: ["student.localId"],
  conditions: [
    { field: "demographics.ssn", op: "eq", value: "987-65-4329" },
    { field: "health.conditions", op: "contains", value: "Asthma" },
    { field: "enrollment.homeless", op: "eq", value: "Doubled-up" },
    { field: "student.localId", op: "ne", value: "S-0" },
  ],
  sort: [],
};

beforeAll(async () => {
  t = await createTestApp({ rights });
  const district = await buildDistrict(t.database.db);
  const fixture = await buildSisDistrict(t.database.db, district.id);
  personId = fixture.ava.id;
  const [a, r, f] = await Promise.all([0, 1, 2].map(() => buildUser(t.database.db, { districtId: district.id })));
  rights.set(a!.id, writer);
  rights.set(r!.id, auditorOnly);
  rights.set(f!.id, auditorWithRights);
  author = await signIn(t.app, { district: district.slug, username: a!.username });
  auditor = await signIn(t.app, { district: district.slug, username: r!.username });
  fullAuditor = await signIn(t.app, { district: district.slug, username: f!.username });
});
afterAll(() => t.close());

const SECRETS = ["987-65-4329", "987654329", "Asthma", "Doubled-up"];

describe("audit log redaction", () => {
  it("withholds Ad hoc condition values on protected fields from an auditor without the rights", async () => {
    const created = await author.post("/api/adhoc/filters", { name: "Follow-up", definition: secretDefinition });
    expect(created.statusCode).toBe(201);
    const filter = created.json();
    const changed = await author.put(`/api/adhoc/filters/${filter.id}`, { name: "Follow-up 2", definition: secretDefinition, version: filter.version });
    expect(changed.statusCode).toBe(200);

    const seen = (await auditor.get("/api/audit?action=adhoc.")).json();
    expect(seen.entries.map((e: { action: string }) => e.action)).toEqual(["adhoc.filter-changed", "adhoc.filter-created"]);
    const text = JSON.stringify(seen);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(seen.entries[1].after.definition.conditions).toEqual([
      { field: "demographics.ssn", op: "eq", value: "withheld" },
      { field: "health.conditions", op: "contains", value: "withheld" },
      { field: "enrollment.homeless", op: "eq", value: "withheld" },
      // not federally protected, but this reader has no Summary right to read it either
      { field: "student.localId", op: "ne", value: "withheld" },
    ]);

    const full = (await fullAuditor.get("/api/audit?action=adhoc.")).json();
    expect(full.entries[1].after.definition.conditions.map((c: { value: unknown }) => c.value)).toEqual(["987-65-4329", "Asthma", "Doubled-up", "withheld"]);
    expect(full.entries[0].before.definition.conditions[0].value).toBe("987-65-4329");
  });

  it("stores a changed SSN in full and shows it only to an auditor with the SSN right", async () => {
    const current = (await author.get(`/api/census/people/${personId}/demographics`)).json();
    const saved = await author.put(`/api/census/people/${personId}/demographics`, { version: current.version, ssn: "987-65-4329" });
    expect(saved.statusCode).toBe(200);

    const seen = (await auditor.get("/api/audit?action=sis.demographics")).json();
    expect(JSON.stringify(seen)).not.toContain("4329");
    expect(seen.entries[0].after.ssn).toBe("withheld");

    const full = (await fullAuditor.get("/api/audit?action=sis.demographics")).json();
    expect(full.entries[0].after.ssn).toBe("987-65-4329");
  });
});

describe("health conditions in the audit log", () => {
  it("keeps the condition whole and shows it only to an auditor with the Health Conditions right", async () => {
    const added = await author.post(`/api/sis/students/${personId}/health-conditions`, { condition: "Asthma", startDate: "2025-09-01", endDate: null, instructions: "Inhaler in the office" });
    expect(added.statusCode).toBe(201);
    const seen = (await auditor.get("/api/audit?action=sis.health-condition")).json();
    expect(seen.entries[0]).toMatchObject({ action: "sis.health-condition-added", after: "withheld" });
    expect(JSON.stringify(seen)).not.toMatch(/Asthma|Inhaler/);
    const full = (await fullAuditor.get("/api/audit?action=sis.health-condition")).json();
    expect(full.entries[0].after).toEqual({ condition: "Asthma", startDate: "2025-09-01", endDate: null, instructions: "Inhaler in the office" });
  });
});

describe("the FERPA access log", () => {
  it("records which protected fields a filter read, never the values it compared them with", async () => {
    expect((await author.post("/api/adhoc/preview", { definition: secretDefinition })).statusCode).toBe(200);
    const log = (await auditor.get("/api/access-log?limit=500")).json();
    expect(log.items.map((e: { field: string }) => e.field)).toContain("demographics.ssn");
    const text = JSON.stringify(log);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe("error messages", () => {
  it("never echo an SSN that was sent", async () => {
    const district = await buildDistrict(t.database.db);
    const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const client = await signIn(t.app, { district: district.slug, username: admin.username });
    expect((await client.post("/api/groups", { name: "Ava 987-65-4329" })).statusCode).toBe(201);
    const again = await client.post("/api/groups", { name: "Ava 987-65-4329" });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('There is already a group named "Ava withheld". Choose another name.');
  });
});
