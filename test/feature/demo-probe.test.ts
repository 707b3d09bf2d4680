/**
 * The probe of issue 10, against the running demo server (`gatehouse serve` with its demo
 * district, as `npm start` runs it, behind a trusted proxy): what a curious teacher or an attacker
 * would try by hand, done for every route the server's OpenAPI document lists.
 * - no bypass: the membership administrator and the teacher cannot change the district's
 *   preferences, unlock an account or create a group;
 * - no escalation: the membership administrator cannot add themselves to a group that holds
 *   rights they lack;
 * - no protected value in the audit log: an auditor without the SSN right reads "withheld";
 * - no lockout from another address: wrong passwords from one address leave the owner's sign-in
 *   from another untouched, and unknown, wrong and locked all answer alike;
 * - no 5xx: every route, as every demo user and anonymously, with real ids and hostile values.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DISTRICT, DEMO_LOGINS } from "../../src/features/demo/demo-logins.js";
import { cliSandbox, type ServerProcess } from "../support/cli-process.js";
import { arbitraryFor, encodePart, HOSTILE_STRINGS, type JsonSchema, type Pools } from "../support/fuzz-input.js";

const PGLITE = !process.env.TEST_DATABASE_URL; // the demo district is seeded into the embedded database only
const sandbox = cliSandbox();
const login = (username: string) => DEMO_LOGINS.find((l) => l.username === username)!;
let server: ServerProcess;
let base: string;

type Answer = { status: number; body: string; json: () => any; cookie?: string };

type Session = { cookie: string; csrf: string };
const FAMILIAR = "192.0.2.10"; // where the demo users sign in from in this probe

async function call(method: string, url: string, options: { cookie?: Session; body?: unknown; from?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { "x-forwarded-for": options.from ?? FAMILIAR };
  if (options.cookie) Object.assign(headers, { cookie: options.cookie.cookie, "x-csrf-token": options.cookie.csrf });
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(base + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), redirect: "manual" });
  const body = await res.text();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("gh_session="))?.split(";")[0];
  return { status: res.status, body, json: () => JSON.parse(body), cookie };
}

async function signIn(username: string, password: string = login(username).password, from?: string) {
  return call("POST", "/api/auth/sign-in", { body: { district: DEMO_DISTRICT.slug, username, password }, from });
}
const sessions = new Map<string, Session>();
async function as(username: string): Promise<Session> {
  if (!sessions.has(username)) {
    const res = await signIn(username);
    expect(res.status, res.body).toBe(200);
    const me = await call("GET", "/api/auth/me", { cookie: { cookie: res.cookie!, csrf: "" } });
    sessions.set(username, { cookie: res.cookie!, csrf: me.json().csrfToken });
  }
  return sessions.get(username)!;
}

beforeAll(async () => {
  if (!PGLITE) return;
  const dir = sandbox.dataDir("demo-probe");
  server = await sandbox.server({ DATABASE_URL: "", GATEHOUSE_DATA_DIR: dir, TRUST_PROXY: "true", LOG_LEVEL: "silent" }, undefined, { demo: true });
  base = `http://127.0.0.1:${server.port}`;
}, 600_000);

describe.runIf(PGLITE)("a probe of the running demo server", () => {
  it("finds no bypass and no escalation for the membership administrator or the teacher", async () => {
    const groupadmin = await as("groupadmin");
    const teacher = await as("teacher");
    const me = (await call("GET", "/api/auth/me", { cookie: groupadmin })).json();
    const prefs = (await call("GET", "/api/preferences", { cookie: await as("admin") })).json();
    // refused: 403, or 404 where the caller may not even read the tool
    const refused = (res: Answer) => expect([403, 404], `${res.status} ${res.body}`).toContain(res.status);
    for (const cookie of [groupadmin, teacher]) {
      refused(await call("PUT", "/api/preferences", { cookie, body: { version: prefs.version, automaticStaffAccounts: true } }));
      refused(await call("POST", `/api/users/${me.user.id}/unlock`, { cookie }));
    }
    refused(await call("POST", "/api/groups", { cookie: teacher, body: { name: "Probe group" } }));
    expect((await call("GET", "/api/preferences", { cookie: await as("admin") })).json().version).toBe(prefs.version);

    // a group whose rights the membership administrator lacks: the Teachers' calendar rights, say
    const groups = (await call("GET", "/api/groups?limit=100", { cookie: groupadmin })).json().items as { id: string; name: string }[];
    const teachers = groups.find((g) => g.name === "Teachers")!;
    const selfAdd = await call("POST", `/api/groups/${teachers.id}/members`, { cookie: groupadmin, body: { userId: me.user.id } });
    expect(selfAdd.status, selfAdd.body).toBe(403);
    expect(selfAdd.json().detail).toMatch(/Student Information System role/);
    const members = (await call("GET", `/api/groups/${teachers.id}/members?limit=200`, { cookie: groupadmin })).json().items as { userId: string }[];
    expect(members.map((m) => m.userId)).not.toContain(me.user.id);
  });

  it("finds no protected value in the audit log for an auditor without the SSN right", async () => {
    const admin = await as("admin");
    const secret = "987-65-4329";
    const filter = await call("POST", "/api/adhoc/filters", { cookie: admin, body: { name: "Probe SSN", definition: { fields: ["student.localId"], conditions: [{ field: "demographics.ssn", op: "eq", value: secret }], sort: [] } } });
    expect(filter.status, filter.body).toBe(201);
    // the administrator makes the teacher an auditor: R on the Audit Log, no SSN right
    const group = (await call("POST", "/api/groups", { cookie: admin, body: { name: "Probe auditors" } })).json();
    const saved = await call("PUT", `/api/groups/${group.id}/rights`, { cookie: admin, body: { version: group.version, entries: [{ toolPath: "System Administration > User Security > Audit Log", rights: "R", deny: false }] } });
    expect(saved.status, saved.body).toBe(200);
    const teacherId = ((await call("GET", "/api/users?search=teacher", { cookie: admin })).json().items as { id: string; username: string }[]).find((u) => u.username === "teacher")!.id;
    expect((await call("POST", `/api/groups/${group.id}/members`, { cookie: admin, body: { userId: teacherId } })).status).toBe(200);

    const seen = await call("GET", "/api/audit?action=adhoc.", { cookie: await as("teacher") });
    expect(seen.status, seen.body).toBe(200);
    expect(seen.body).toContain("adhoc.filter-created");
    expect(seen.body).toContain("withheld");
    expect(seen.body).not.toContain(secret);
    expect(seen.body).not.toContain(secret.replaceAll("-", ""));
    expect((await call("GET", "/api/audit?action=adhoc.", { cookie: admin })).body).toContain(secret);
  });

  it("answers no route with a 5xx: every route, as every demo user and anonymously, real ids and hostile values", async () => {
    const doc = (await call("GET", "/docs/json")).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string; schema?: JsonSchema }[] }>> };
    const admin = await as("admin");
    const ids = async (url: string) => (((await call("GET", url, { cookie: admin })).json().items ?? []) as { id: string }[]).map((r) => r.id).slice(0, 3);
    const pools: Pools = { uuids: ["00000000-0000-4000-8000-000000000000"], byName: { groupId: await ids("/api/groups"), userId: await ids("/api/users") } };
    const users = ["anonymous", ...DEMO_LOGINS.map((l) => l.username)];
    const fivexx: string[] = [];
    let requests = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const verb = method.toUpperCase();
        // ending one's own sessions is a success, not a finding; the probe keeps its sessions
        if (/sign-out|\/sessions/.test(template) && verb !== "GET") continue;
        const body = operation.requestBody?.content?.["application/json"]?.schema;
        const samples = fc.sample(fc.record({ body: body ? arbitraryFor(body, 0, pools, "", 1) : fc.constant(undefined), hostile: fc.constantFrom(...HOSTILE_STRINGS) }), { seed: 10, numRuns: 2 });
        for (const user of users) {
          for (const sample of samples) {
            const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pools.byName[name]?.[0] ?? pools.uuids[0]!));
            const query = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => `${p.name}=${encodePart(sample.hostile)}`).join("&");
            const cookie = user === "anonymous" ? undefined : await as(user);
            const res = await call(verb, query ? `${url}?${query}` : url, { cookie, body: verb === "GET" ? undefined : sample.body ?? {} });
            requests++;
            if (res.status >= 500) fivexx.push(`${verb} ${template} as ${user}: ${res.status} ${res.body.slice(0, 200)}`);
            // a wrong current password is a 401 too; sign in again only when the session really ended
            if (res.status === 401 && cookie && (await call("GET", "/api/auth/me", { cookie })).status === 401) sessions.delete(user);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(fivexx).toEqual([]);
  }, 900_000);
  it("finds no way to lock a user out from another address, and no way to tell locked, wrong and unknown apart", async () => {
    await as("viewer"); // the owner has signed in from FAMILIAR before
    const attempts = (from: string, n: number) => Promise.all(Array.from({ length: n }, () => signIn("viewer", "not-the-password", from)));
    const answers = [...(await attempts("203.0.113.66", 6)), await signIn("nobody-here", "not-the-password", "203.0.113.66")];
    const shapes = new Set(answers.map((a) => `${a.status} ${a.json().title} ${a.json().detail}`));
    expect([...shapes]).toHaveLength(1);
    expect(answers[0]!.status).toBe(401);
    // the attacker's address is locked out, the right password too, and answers the same
    const locked = await signIn("viewer", login("viewer").password, "203.0.113.66");
    expect(`${locked.status} ${locked.json().detail}`).toBe(`${answers[0]!.status} ${answers[0]!.json().detail}`);
    // the owner, from an address never seen before, is not
    expect((await signIn("viewer", login("viewer").password, "198.51.100.7")).status).toBe(200);
    // past the account's ceiling from many addresses: unfamiliar addresses wait, the owner's familiar one does not
    for (let i = 0; i < 4; i++) await attempts(`203.0.113.${100 + i}`, 3);
    expect((await signIn("viewer", login("viewer").password, FAMILIAR)).status).toBe(200);
  });
});

afterAll(async () => {
  if (server) await server.stop();
});
