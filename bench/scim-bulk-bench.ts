/**
 * SCIM Bulk benchmark (not a test): `npm run bench -- scim-bulk`. On PGlite (in memory) and
 * PostgreSQL (BENCH_DATABASE_URL, default the local server; BENCH_ONLY=pglite|postgres narrows),
 * interleaved, BENCH_REPETITIONS (3) times, a fresh district each time:
 * - one Bulk request of 999 operations, the most an IdP sends at once: a group, 499 users, and
 *   499 PATCHes each adding one of them to the group, as a provisioning client pushes a new class;
 * - its baseline: the same 999 operations sent as 999 single SCIM requests, one after another.
 * Both through the real app (Fastify inject, no sockets), with a `scim` token.
 */
import { createApiToken } from "../src/features/tokens/create-api-token.js";
import { createApp } from "../src/platform/app.js";
import { systemClock } from "../src/platform/clock.js";
import { loadConfig } from "../src/platform/config.js";
import { districts } from "../src/platform/db/schema/districts.js";
import { createRightsProvider } from "../src/platform/rights-provider.js";
import { benchDatabaseKinds, openBenchDatabase } from "./lib/bench-database.js";
import { benchSize, interleave, machine, record, runMode, type Figure } from "./lib/measure.js";

const USERS = 499;
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
const HEADERS = { "content-type": "application/scim+json" };

type Inject = (method: "POST" | "PATCH", url: string, body: unknown) => Promise<{ statusCode: number; body: string }>;

const userData = (run: string, i: number) => ({ schemas: [USER], userName: `${run}.user${i}`, active: true });
const addMember = (id: string) => ({ schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: id }] }] });

async function asBulk(send: Inject, run: string): Promise<number> {
  const ops = [
    { method: "POST", path: "/Groups", bulkId: "g", data: { schemas: [GROUP], displayName: `${run} class` } },
    ...Array.from({ length: USERS }, (_, i) => ({ method: "POST", path: "/Users", bulkId: `u${i}`, data: userData(run, i) })),
    ...Array.from({ length: USERS }, (_, i) => ({ method: "PATCH", path: "/Groups/bulkId:g", data: addMember(`bulkId:u${i}`) })),
  ];
  const t0 = performance.now();
  const res = await send("POST", "/scim/v2/Bulk", { schemas: [BULK], Operations: ops });
  const ms = performance.now() - t0;
  const answers = (JSON.parse(res.body) as { Operations: { status: string }[] }).Operations;
  const failed = answers.filter((a) => !a.status.startsWith("2"));
  if (res.statusCode !== 200 || answers.length !== ops.length || failed.length) throw new Error(`bulk failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return ms;
}

async function asSingles(send: Inject, run: string): Promise<number> {
  const t0 = performance.now();
  const made = async (url: string, body: unknown) => {
    const res = await send("POST", url, body);
    if (res.statusCode !== 201) throw new Error(`single POST failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return (JSON.parse(res.body) as { id: string }).id;
  };
  const group = await made("/scim/v2/Groups", { schemas: [GROUP], displayName: `${run} class` });
  const users: string[] = [];
  for (let i = 0; i < USERS; i++) users.push(await made("/scim/v2/Users", userData(run, i)));
  for (const id of users) {
    const res = await send("PATCH", `/scim/v2/Groups/${group}`, addMember(id));
    if (res.statusCode >= 300) throw new Error(`single PATCH failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  return performance.now() - t0;
}

const figures: Figure[] = [];
const ratios: Record<string, number> = {};
const details: Record<string, unknown> = { operations: 1 + 2 * USERS, repetitions: REPETITIONS, "ratios (median bulk ÷ median singles)": ratios };
console.log(`${machine()}; ${runMode()}`);
for (const kind of benchDatabaseKinds()) {
  const target = await openBenchDatabase(kind);
  const { database } = target;
  const { app } = await createApp({ config: loadConfig({ LOG_LEVEL: "silent" }), database, clock: systemClock, rights: createRightsProvider(database) });
  try {
    let n = 0;
    const sender = async () => {
      const [district] = await database.db.insert(districts).values({ slug: `bench-${++n}`, name: `Bench District ${n}` }).returning();
      const { token } = await createApiToken(database.db, { districtId: district!.id }, { serviceAccount: "bench-bot", scopes: ["scim"] }, null, new Date());
      const send: Inject = (method, url, body) => app.inject({ method, url, headers: { ...HEADERS, authorization: `Bearer ${token}` }, payload: JSON.stringify(body) });
      return { send, run: `r${n}` };
    };
    const result = await interleave(REPETITIONS, {
      bulk: async () => { const s = await sender(); return asBulk(s.send, s.run); },
      singles: async () => { const s = await sender(); return asSingles(s.send, s.run); },
    });
    figures.push({ label: `${target.label} one Bulk request of 999 operations`, unit: "ms", stats: result.bulk });
    figures.push({ label: `${target.label} the same 999 operations as single requests`, unit: "ms", stats: result.singles, baseline: true });
    ratios[kind] = result.bulk.median / result.singles.median;
    details[`${kind} peak RSS MiB`] = Math.round(process.memoryUsage().rss / 2 ** 20);
  } finally {
    await app.close();
    await target.drop();
  }
}
record("scim-bulk", {
  title: "A SCIM Bulk request of 999 operations (a group, 499 users, 499 member adds) beside the same operations as single requests",
  size: benchSize(),
  details,
  figures,
  goal: "a Bulk request costs no more than its operations sent one by one (ratio ≤ 1)",
  met: Object.values(ratios).every((r) => r <= 1),
});
