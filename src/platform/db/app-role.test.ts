/**
 * Append-only for real on PostgreSQL: Gatehouse serves as a role that holds only INSERT and
 * SELECT on the audit log, the access log and the case timeline, owns none of them, and still
 * runs normally; the owner's triggers hold even under session_replication_role.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn } from "../../../test/support/test-app.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { loadConfig } from "../config.js";
import { startJobs } from "../jobs/start-jobs.js";
import { createRightsProvider } from "../rights-provider.js";
import { systemClock } from "../clock.js";
import { APPEND_ONLY_TABLES, grantAppRole, servingRoleWarnings } from "./app-role.js";
import { connectDatabase, type Database } from "./connect.js";

const serverUrl = process.env.TEST_DATABASE_URL;
const role = `gh_app_${randomBytes(4).toString("hex")}`;
let owner: Database & { url?: string };
let app: Database;
let appUrl: string;

describe.skipIf(!serverUrl)("the serving role on PostgreSQL", () => {
  beforeAll(async () => {
    owner = await createTestDatabase();
    await owner.query(`create role ${role} login`);
    await grantAppRole(owner, role);
    const url = new URL(owner.url!);
    url.username = role;
    appUrl = url.toString();
    app = await connectDatabase({ databaseUrl: appUrl });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close(); // drops the database, and with it the role's grants there
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it("may add and read the append-only records, and may not change, remove, alter or unprotect them", async () => {
    const district = await buildDistrict(owner.db);
    await app.query("insert into audit_log (district_id, action) values ($1, 'test.event')", [district.id]);
    await app.query(
      "insert into sis_access_log (district_id, actor_id, actor_name, person_id, fields, tools, route) values ($1, gen_random_uuid(), 'a', gen_random_uuid(), '{f}', '{t}', 'screen')",
      [district.id],
    );
    expect(await app.query("select action from audit_log")).toEqual([{ action: "test.event" }]);
    for (const table of APPEND_ONLY_TABLES) {
      for (const statement of [
        `update ${table} set id = id`,
        `delete from ${table}`,
        `truncate ${table}`,
        `alter table ${table} disable trigger all`,
        `alter table ${table} add column extra text`,
        `drop trigger ${table}_no_update_delete on ${table}`,
        `drop table ${table}`,
      ]) {
        await expect(app.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    }
    await expect(app.query("set session_replication_role = replica")).rejects.toThrow(/permission denied/);
    expect(await servingRoleWarnings(app)).toEqual([]);
  });

  it("the owner's triggers hold even with session_replication_role = replica", async () => {
    const district = await buildDistrict(owner.db);
    await owner.query("insert into audit_log (district_id, action) values ($1, 'kept')", [district.id]);
    const client = new pg.Client({ connectionString: owner.url });
    await client.connect();
    try {
      await client.query("set session_replication_role = replica");
      await expect(client.query("update audit_log set action = 'rewritten'")).rejects.toThrow(/append-only/);
      await client.query(
        "insert into sis_access_log (district_id, actor_id, actor_name, person_id, fields, tools, route) values ($1, gen_random_uuid(), 'a', gen_random_uuid(), '{f}', '{t}', 'screen')",
        [district.id],
      );
      await expect(client.query("delete from sis_access_log")).rejects.toThrow(/append-only/);
      await expect(client.query("truncate case_events")).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect((await servingRoleWarnings(owner)).join(" ")).toMatch(/superuser/);
  });

  it("serves normally as that role: sign-in, a rights change with its audit row, the audit log, background jobs", async () => {
    const district = await buildDistrict(owner.db);
    const admin = await buildUser(owner.db, { districtId: district.id, role: "student-information-system" });
    const t = await createTestApp({ database: app });
    try {
      const client = await signIn(t.app, { district: district.slug, username: admin.username });
      const created = await client.post("/api/groups", { name: "Served least-privilege" });
      expect(created.statusCode).toBe(201);
      const audit = (await client.get("/api/audit?action=group.")).json();
      expect(audit.entries.map((e: { targetName: string }) => e.targetName)).toContain("Served least-privilege");
      expect((await client.post("/api/auth/sign-out")).statusCode).toBeLessThan(300);
    } finally {
      await t.close();
    }
    const config = loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: appUrl });
    const jobs = await startJobs({ config, database: app, clock: systemClock, rights: createRightsProvider(app) });
    await jobs.stop();
    const [boss] = await owner.query<{ owner: string }>("select nspowner::regrole::text as owner from pg_namespace where nspname = 'pgboss'");
    expect(boss?.owner).toBe(role);
  });
});
