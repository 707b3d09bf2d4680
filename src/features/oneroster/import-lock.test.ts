import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, signIn } from "../../../test/support/test-app.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { connectDatabase, type Database } from "../../platform/db/connect.js";
import { onerosterLinks } from "../../platform/db/schema/oneroster.js";
import { sisSchools } from "../../platform/db/schema/sis.js";
import { users } from "../../platform/db/schema/users.js";
import { AppError } from "../../platform/http/errors.js";
import { importOneRoster, type ImportResult } from "./import-oneroster.js";
import { lockDistrictImport, refuseWhileImporting } from "./import-lock.js";
import { openSetPath } from "./read-source.js";

const VALID = new URL("../../../test/fixtures/oneroster/valid", import.meta.url).pathname;
const by = { id: "00000000-0000-4000-8000-000000000001", name: "importer" };
let database: Database & { url?: string };
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());

const importOn = async (db: Database, districtId: string) => importOneRoster(db.db, { districtId }, await openSetPath(VALID), { dryRun: false, by, now: new Date("2025-09-02T12:00:00Z") });
const refusal = (error: unknown) => (error instanceof AppError ? { status: error.status, code: error.code, message: error.message } : error);

describe("one OneRoster import of a district at a time, across servers", () => {
  it("two imports of one district started together never interleave: the second waits its turn or is refused with 409, and nothing is made twice", async () => {
    const d = await buildDistrict(database.db);
    // a second server: its own connections to the same database (PGlite has one process and one connection)
    const other = database.url ? await connectDatabase({ databaseUrl: database.url }) : database;
    try {
      const outcomes = await Promise.allSettled([importOn(database, d.id), importOn(other, d.id)]);
      const done = outcomes.filter((o): o is PromiseFulfilledResult<ImportResult> => o.status === "fulfilled").map((o) => o.value);
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => refusal(o.reason));
      expect(done.length).toBeGreaterThanOrEqual(1);
      for (const r of refused) expect(r).toMatchObject({ status: 409, code: "import-running", message: expect.stringMatching(/^An import for this district is running \(started at \d{4}-\d\d-\d\dT/) });
      expect(done.every((r) => r.ok)).toBe(true);
      // the one that went second read what the first wrote: all of it unchanged
      if (done.length === 2) {
        const [first, second] = done.map((r) => (r.ok ? r.summary : null)).sort((a, b) => b!.links.created - a!.links.created);
        expect(first!.links.created).toBeGreaterThan(0);
        expect(second!.links).toMatchObject({ created: 0, changed: 0, ended: 0 });
      }
      expect(await database.db.$count(sisSchools, eq(sisSchools.districtId, d.id))).toBe(2);
      expect(await database.db.$count(users, eq(users.districtId, d.id))).toBe(2);
      const links = await database.db.select({ kind: onerosterLinks.kind, sourcedId: onerosterLinks.sourcedId }).from(onerosterLinks).where(eq(onerosterLinks.districtId, d.id));
      expect(new Set(links.map((l) => `${l.kind}:${l.sourcedId}`)).size).toBe(links.length);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL, an import while another server holds the district's lock is refused with when that one started, and changes nothing", async () => {
    const d = await buildDistrict(database.db);
    const other = await connectDatabase({ databaseUrl: database.url! });
    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = other.db.transaction(async (tx) => {
      await lockDistrictImport(tx, { districtId: d.id });
      held();
      await new Promise<void>((resolve) => (release = resolve));
    });
    try {
      await holding;
      const startedBefore = new Date();
      await expect(importOn(database, d.id).catch((e: unknown) => Promise.reject(refusal(e)))).rejects.toMatchObject({ status: 409, code: "import-running" });
      const error = await refuseWhileImporting(database.db, { districtId: d.id }).catch((e: unknown) => e as AppError);
      const started = new Date(/started at (\S+)\)/.exec((error as AppError).message)![1]!);
      expect(started.getTime()).toBeLessThanOrEqual(startedBefore.getTime() + 1000);
      expect(await database.db.$count(sisSchools, eq(sisSchools.districtId, d.id))).toBe(0);
      // this server's web upload is refused at once, in the same words
      const app = await createTestApp({ database: await connectDatabase({ databaseUrl: database.url! }) });
      try {
        const district = (await database.query<{ slug: string }>("select slug from districts where id = $1", [d.id]))[0]!;
        await buildUser(database.db, { districtId: d.id, username: "lock.admin", role: "student-information-system" });
        const admin = await signIn(app.app, { district: district.slug, username: "lock.admin" });
        const upload = await admin.post("/api/oneroster/imports", { zipBase64: Buffer.from(zipSync(Object.fromEntries(fs.readdirSync(VALID).map((f) => [f, new Uint8Array(fs.readFileSync(path.join(VALID, f)))])))).toString("base64") });
        expect(upload.statusCode).toBe(409);
        expect(upload.json()).toMatchObject({ code: "import-running", detail: expect.stringMatching(/^An import for this district is running \(started at \d{4}-/) });
      } finally {
        await app.close();
      }
      // another district imports meanwhile: the lock is the district's alone
      const e = await buildDistrict(database.db);
      expect((await importOn(database, e.id)).ok).toBe(true);
    } finally {
      release();
      await holder;
      await other.close();
    }
    // once it is released, the import goes through
    expect((await importOn(database, d.id)).ok).toBe(true);
  });
});
