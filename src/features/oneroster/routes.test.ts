import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestApp, signIn, type TestApp } from "../../../test/support/test-app.js";
import type { SetSource } from "../../domain/oneroster/parse-set.js";
import { auditLog } from "../../platform/db/schema/audit.js";
import { startImportJob } from "./import-jobs.js";

const FIXTURES = new URL("../../../test/fixtures/oneroster/", import.meta.url).pathname;
/** A fixture folder as the web app uploads it: a zip, base64. */
export const zipOf = (name: string) => {
  const dir = path.join(FIXTURES, name);
  const files = Object.fromEntries(fs.readdirSync(dir).map((f) => [`${name}/${f}`, new Uint8Array(fs.readFileSync(path.join(dir, f)))]));
  return Buffer.from(zipSync(files)).toString("base64");
};

type Client = Awaited<ReturnType<typeof signIn>>;
/** Follows a started import (202) until it is no longer running, as the upload screen does. */
async function finished(client: Client, started: { statusCode: number; body: string; json(): { id: string } }) {
  expect(started.statusCode, started.body).toBe(202);
  for (;;) {
    const job = (await client.get(`/api/oneroster/imports/${started.json().id}`)).json();
    if (job.state !== "running") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

let t: TestApp;
beforeAll(async () => void (t = await createTestApp()));
afterAll(async () => t.close());

describe("OneRoster import and staff automation over HTTP", () => {
  it("imports an uploaded zip for a Student Information System role holder; an invalid set ends as invalid with every problem", async () => {
    const d = await buildDistrict(t.database.db, { preferences: { automaticStaffAccounts: true } });
    await buildUser(t.database.db, { districtId: d.id, username: "admin", role: "student-information-system" });
    await buildUser(t.database.db, { districtId: d.id, username: "clerk" });
    const admin = await signIn(t.app, { district: d.slug, username: "admin" });
    const clerk = await signIn(t.app, { district: d.slug, username: "clerk" });
    expect((await clerk.post("/api/oneroster/imports", { zipBase64: zipOf("valid") })).statusCode).toBe(404); // what a caller may not use answers 404

    const bad = await finished(admin, await admin.post("/api/oneroster/imports", { zipBase64: zipOf("invalid") }));
    expect(bad.state).toBe("invalid");
    expect(bad.problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: "enrollments", row: 3, column: "role" })]));
    expect(bad.problemTotal).toBe(bad.problems.length);

    const calendars = await buildRightsGroup(t.database.db, d.id, { name: "Ballard calendars", calendars: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] });
    const tools = await buildRightsGroup(t.database.db, d.id, { name: "Teachers", rights: { Attendance: "RW" } });
    const refused = await admin.put("/api/staff-automation/mappings", { mappings: [{ kind: "school", key: "Ballard High", groupId: tools }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("calendar-only-group");
    const saved = await admin.put("/api/staff-automation/mappings", { mappings: [{ kind: "school", key: "Ballard High", groupId: calendars }, { kind: "role", key: "teacher", groupId: tools }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.get("/api/staff-automation/mappings")).json().mappings).toHaveLength(2);

    const ok = await finished(admin, await admin.post("/api/oneroster/imports", { zipBase64: zipOf("valid") }));
    expect(ok.state).toBe("done");
    expect(ok.result.summary.schools.created).toBe(2);
    expect(ok.stages.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(["reading users", "checking what the files name", "people", "enrollments", "saving links"]));
    expect(ok.stages.find((s: { name: string }) => s.name === "saving links")).toMatchObject({ done: expect.any(Number), total: expect.any(Number) });
    const runs = (await admin.get("/api/staff-automation/runs")).json().runs;
    expect(runs[0].actions).toEqual(expect.arrayContaining([
      { username: "jdoe", action: "group-added", detail: "Ballard calendars" },
      { username: "jdoe", action: "group-added", detail: "Teachers" },
    ]));
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.districtId, d.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["staff-automation.mappings-replaced", "oneroster.imported", "staff-automation.ran"]));
  });
});

describe("an import runs in the background", () => {
  it("reports its stages while it runs, refuses a second import of the district meanwhile (409), and shows the job to its district only", async () => {
    const d = await buildDistrict(t.database.db);
    const other = await buildDistrict(t.database.db);
    await buildUser(t.database.db, { districtId: d.id, username: "admin", role: "student-information-system" });
    await buildUser(t.database.db, { districtId: other.id, username: "admin", role: "student-information-system" });
    const admin = await signIn(t.app, { district: d.slug, username: "admin" });
    const stranger = await signIn(t.app, { district: other.slug, username: "admin" });
    // a set whose users.csv arrives only when released: the import stays in its reading stage until then
    const gate = heldSource(path.join(FIXTURES, "valid"), "users.csv");
    const { job, finished: done } = startImportJob(t.database.db, { districtId: d.id }, gate.source, { dryRun: false, by: null, now: new Date() });
    await gate.reached;
    const running = (await admin.get(`/api/oneroster/imports/${job.id}`)).json();
    expect(running.state).toBe("running");
    expect(running.stages.at(-1).name).toBe("reading academicSessions");

    const refused = await admin.post("/api/oneroster/imports", { zipBase64: zipOf("valid") });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("import-running");
    expect(refused.json().detail).toMatch(/^An import for this district is running \(started at \d{4}-/);
    expect((await stranger.get(`/api/oneroster/imports/${job.id}`)).statusCode).toBe(404);
    const elsewhere = await stranger.post("/api/oneroster/imports", { zipBase64: zipOf("valid"), dryRun: true });
    expect(elsewhere.statusCode).toBe(202); // another district imports meanwhile

    gate.release();
    expect((await done).state).toBe("done");
    const after = (await admin.get(`/api/oneroster/imports/${job.id}`)).json();
    expect(after.state).toBe("done");
    expect(after.result.summary.students.created).toBe(2);
    expect(after.finishedAt).not.toBeNull();
    const again = await finished(admin, await admin.post("/api/oneroster/imports", { zipBase64: zipOf("valid") }));
    expect(again.result.summary.links.unchanged).toBeGreaterThan(0); // the district is free again once the first has finished
    await finished(stranger, elsewhere);
  });
});

/** A fixture folder whose file `held` opens only after release(); `reached` settles when the import asks for it. */
function heldSource(dir: string, held: string) {
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const asked = new Promise<void>((r) => (reached = r));
  const source: SetSource = {
    open: async (name) => {
      if (name === held) (reached(), await released);
      return fs.existsSync(path.join(dir, name)) ? Readable.from([fs.readFileSync(path.join(dir, name))]) : null;
    },
  };
  return { source, release, reached: asked };
}
