/**
 * Property-based fuzzing of every registered route from its own schemas (fast-check, fixed
 * seed): bodies, path parameters and query strings that mostly fit, mixed with NUL and other
 * control characters, numbers past int4, days that do not exist, long strings and wrong types.
 * Whatever arrives: never a 5xx; every 4xx is problem+json (validation ones with the field's
 * path), or SCIM's error JSON under /scim/v2 (fuzzed with a scim token); a refusal reads as a
 * sentence, never zod's or a type's words; and a refused change leaves the database as it was.
 */
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRightsDistrict, buildRightsGroup, type RightsDistrict } from "../../../test/support/rights-factories.js";
import { buildSisDistrict } from "../../../test/support/sis-fixtures.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { edgeRequests, requestArbitrary, type Pools } from "../../../test/support/fuzz-input.js";
import { createTestApp, type Client, type TestApp } from "../../../test/support/test-app.js";
import { createApiToken } from "../../features/tokens/create-api-token.js";

const RUNS_PER_ROUTE = 10;
const SEED = 20261201;

// These would end the fuzzing session itself; what they refuse is covered by their own tests.
const SKIPPED = new Set(["POST /api/auth/sign-out", "POST /api/account/sign-out-everywhere",
  // It stores addresses (an OIDC issuer, a SAML metadata URL) that Gatehouse then calls: fuzzed, it
  // would send requests off this machine. Its validation is tested in src/features/sso/*.test.ts.
  "PUT /api/sso/settings"]);
// A refused attempt at a password or a code is counted on purpose (lockout): a change by design.
const COUNTS_REFUSALS = new Set(["POST /api/auth/sign-in", "POST /api/auth/mfa", "POST /api/account/password", "POST /api/account/mfa/disable", "POST /api/account/mfa/confirm"]);

let t: TestApp;
let d: RightsDistrict;
let vendor: Client;
let scimClient: Pick<Client, "request">;
let pools: Pools;
let fingerprintSql: string;
let versionedTables: Set<string>;

/** The table behind each path parameter, for real ids (and their versions). */
const TABLE_OF_PARAM: Record<string, string> = {
  groupId: "user_groups", personId: "sis_people", enrollmentId: "sis_enrollments", eventId: "sis_behavior_events", conditionId: "sis_health_conditions",
  filterId: "adhoc_filters", caseId: "support_cases", contactId: "authorized_contacts", districtId: "districts", messageId: "outbox",
  requestId: "update_requests", calendarId: "sis_calendars", attachmentId: "case_attachments", userId: "users", endpointId: "webhook_endpoints",
  campaignId: "review_campaigns",
};

/** The pools narrowed to one real row per path parameter, with that row's current version. */
async function pinnedToRealRows(url: string): Promise<Pools> {
  const byName = { ...pools.byName };
  const numbers = { ...pools.numbers };
  for (const [, name] of url.matchAll(/:([A-Za-z]+)/g)) {
    const table = TABLE_OF_PARAM[name!];
    const id = pools.byName[name!]?.[0];
    if (!table || !id) continue;
    byName[name!] = [id];
    if (!versionedTables.has(table)) continue;
    const [row] = await t.database.query<{ version: number }>(`select version from "${table}" where id = $1`, [id]);
    if (row) numbers.version = [Number(row.version)];
  }
  return { ...pools, byName, numbers };
}

beforeAll(async () => {
  t = await createTestApp();
  d = await buildRightsDistrict(t.app, t.database.db);
  await buildSisDistrict(t.database.db, d.districtId);
  await buildRightsGroup(t.database.db, d.districtId, { name: "Fuzzed", rights: { Census: "R" }, members: [d.staff.id] });
  vendor = (await signInVendor(t.app, t.database.db)).client;
  const { token } = await createApiToken(t.database.db, { districtId: d.districtId }, { serviceAccount: "fuzz-scim", scopes: ["scim"] }, null, new Date());
  scimClient = { request: (o) => t.app.inject({ ...o, headers: { ...o.headers, authorization: `Bearer ${token}` } }) };

  const q = (text: string) => t.database.query<Record<string, string>>(text);
  const tables = (await q("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")).map((r) => r.table_name!);
  const versioned = (await q("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'version' and data_type = 'integer' order by 1")).map((r) => r.table_name!);
  // cheap: one statement of row counts, the sum of row versions and the last audit id
  fingerprintSql = `select concat_ws(',', ${[
    ...tables.map((name) => `(select count(*) from "${name}")`),
    ...versioned.map((name) => `(select coalesce(sum(version), 0) from "${name}")`),
    "(select coalesce(max(id), 0) from audit_log)",
  ].join(", ")}) as fp`;

  // real ids, so that requests get past "not found" to the code behind it; never the fuzzing
  // administrator's own account or session, which a lucky request could otherwise take away
  const uuidTables = (await q("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by 1")).map((r) => r.table_name!);
  const uuids: string[] = [];
  for (const name of uuidTables.filter((n) => n !== "sessions")) {
    uuids.push(...(await q(`select id::text as id from "${name}" order by id limit 3`)).map((r) => r.id!).filter((id) => id !== d.admin.id));
  }
  const ids = async (table: string) => (await q(`select id::text as id from "${table}" order by id limit 3`)).map((r) => r.id!);
  const byName: Record<string, string[]> = {
    userId: [d.staff.id, d.groupAdmin.id], section: ["programs", "sections", "nope"], slug: [d.slug, "nope"], field: ["student.lastName", "demographics.ssn", "student.birthDate"],
    toolPath: ["Census", "Student Information > General > Summary", "Nope"], tool: ["Census"], school: ["*", "Ballard High"], year: ["*"], calendar: ["*"],
  };
  versionedTables = new Set(versioned);
  for (const [name, table] of Object.entries(TABLE_OF_PARAM)) {
    const found = await ids(table);
    if (found.length > 0 && !byName[name]) byName[name] = found; // never replace the safe user ids above
  }
  pools = { uuids, byName, numbers: { version: [1, 2, 3], memberLimit: [1, 5] } };
}, 300_000);
afterAll(() => t.close());

// the words of a message written for developers (zod's, a type's, a path's): a refusal reads as a sentence a person acts on
const DEVELOPER_WORDS = /body\.|querystring\.|params\.|\bexpected\b|\breceived\b|Invalid (input|option|type|string|enum)|\bundefined\b|\bNaN\b|Too (big|small)|\[object /;
/** Each route's refusals that read as developers' words, with the message, gathered over the whole walk. */
const developerWording = new Map<string, string>();

const fingerprint = async () => (await t.database.query<{ fp: string }>(fingerprintSql))[0]!.fp;

function describeCall(call: { method: string; url: string; body: unknown }, res: LightMyRequestResponse) {
  return `${call.method} ${call.url.slice(0, 300)} ${JSON.stringify(call.body)?.slice(0, 500)} → ${res.statusCode} ${res.body.slice(0, 500)}`;
}

type Call = { method: string; url: string; body: unknown };

/** Sends one request and checks the answer: no 5xx, the right error shape, nothing changed by a refusal. */
async function sendAndCheck(route: { method: string; url: string; access: { kind: string } }, client: Pick<Client, "request"> | null, call: Call) {
  const scim = route.access.kind === "scim";
  const watch = route.method !== "GET" && !COUNTS_REFUSALS.has(`${route.method} ${route.url}`);
  const before = watch ? await fingerprint() : "";
  const options = { method: call.method as "POST", url: call.url, ...(call.body === undefined ? {} : { payload: JSON.stringify(call.body), headers: { "content-type": "application/json" } }) };
  const res = client ? await client.request(options) : await t.app.inject(options);
  const what = describeCall(call, res);
  expect(res.statusCode, what).toBeLessThan(500);
  if (res.statusCode >= 400 && scim) {
    expect(String(res.headers["content-type"]), what).toMatch(/^application\/scim\+json/);
    expect(res.json(), what).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(res.statusCode), detail: expect.any(String) });
    if (watch) expect(await fingerprint(), `${what}\nchanged the database though refused`).toBe(before);
  } else if (res.statusCode >= 400) {
    expect(String(res.headers["content-type"]), what).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem, what).toMatchObject({ status: res.statusCode, code: expect.any(String), detail: expect.any(String), requestId: expect.any(String) });
    if ([400, 413, 414, 415, 422].includes(res.statusCode)) expect(typeof problem.path, `${what}\nan input error names no field`).toBe("string");
    for (const message of [problem.detail, ...((problem.errors ?? []) as { message: string }[]).map((e) => e.message)]) {
      if (DEVELOPER_WORDS.test(message)) developerWording.set(`${route.method} ${route.url}: ${message}`, what);
    }
    if (watch) expect(await fingerprint(), `${what}\nchanged the database though refused`).toBe(before);
  }
}

/** An edge request with the pinned row's version as it is now: an earlier success may have moved it on. */
async function atCurrentVersion(call: Call, url: string): Promise<Call> {
  if (!call.body || typeof call.body !== "object" || !("version" in call.body)) return call;
  const version = (await pinnedToRealRows(url)).numbers?.version?.[0];
  return version === undefined ? call : { ...call, body: { ...call.body, version } };
}

describe("every route under fuzzing", () => {
  it("answers hostile input without a 5xx, with problem+json, and changes nothing when it refuses", async () => {
    const routes = t.routeAccess.filter((r) => r.method !== "HEAD" && !SKIPPED.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      const main = route.access.kind === "vendor" ? vendor : route.access.kind === "public" ? null : route.access.kind === "scim" ? scimClient : d.admin.client;
      // first the edges, aimed at a real object at its current version; then the random requests
      for (const edge of edgeRequests(route as Parameters<typeof edgeRequests>[0], await pinnedToRealRows(route.url))) {
        await sendAndCheck(route, main, await atCurrentVersion(edge, route.url));
      }
      const who = fc.constantFrom<"main" | "anonymous">("main", "main", "main", "anonymous");
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route as Parameters<typeof requestArbitrary>[0], pools), who, (call, caller) => sendAndCheck(route, caller === "main" ? main : null, call)),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    expect([...developerWording.keys()], "refusals worded for developers, not people").toEqual([]);
  }, 1_200_000);
});
