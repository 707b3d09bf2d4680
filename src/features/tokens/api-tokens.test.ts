import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { buildRightsGroup } from "../../../test/support/rights-factories.js";
import { createTestApp, fixedClock, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { sha256 } from "../../platform/auth/tokens.js";
import { TOOLS } from "../rights/tools.js";

const clock = fixedClock(new Date("2031-03-02T10:00:00Z"));
let t: TestApp;
let admin: Client;
let districtId: string;
let slug: string;
let adminName: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const district = await buildDistrict(t.database.db);
  districtId = district.id;
  slug = district.slug;
  const user = await buildUser(t.database.db, { districtId, role: "student-information-system" });
  adminName = user.username;
  admin = await signIn(t.app, { district: slug, username: user.username });
}, 120_000);
afterAll(async () => t?.close());

type Created = { token: string; summary: { id: string; serviceAccountId: string; hint: string; scopes: string[]; lastUsedAt: string | null; status: string } };
const create = async (serviceAccount: string, scopes: string[], expiresInDays = 30) => {
  const res = await admin.post("/api/api-tokens", { serviceAccount, scopes, expiresInDays });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Created;
};
const bearer = (token: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
const listed = async (id: string) => ((await admin.get("/api/api-tokens")).json() as Created["summary"][]).find((x) => x.id === id)!;

describe("API tokens and service accounts", () => {
  it("shows a token once, stores only its SHA-256, and audits its creation without the secret", async () => {
    const { token, summary } = await create("reporting", ["api:read"]);
    expect(token).toMatch(/^gh_[A-Za-z0-9_-]{43}$/);
    expect(summary).toMatchObject({ hint: token.slice(-4), scopes: ["api:read"], status: "active" });
    const stored = await t.database.query<{ token_hash: string }>("select token_hash from api_tokens where id = $1", [summary.id]);
    expect(stored[0]!.token_hash).toBe(sha256(token));
    const dump = await t.database.query<{ all: string }>("select (select json_agg(a)::text from api_tokens a) || (select json_agg(l)::text from audit_log l) as all");
    expect(dump[0]!.all).not.toContain(token);
    const audit = await t.database.query<{ action: string }>("select action from audit_log where target_id in ($1, $2) order by id", [summary.id, summary.serviceAccountId]);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["user.created", "service-account.created", "api-token.created"]));
    expect(JSON.stringify(await listed(summary.id))).not.toContain(token);
  });

  it("acts as its service account and never beyond it: rights come from the account's groups, managed like a user's", async () => {
    const { token, summary } = await create("directory-sync", ["api:read", "api:write"]);
    expect((await bearer(token, "GET", "/api/users")).statusCode).toBe(404); // no rights yet: the tool does not exist for it
    await buildRightsGroup(t.database.db, districtId, { rights: { [TOOLS.users]: "R" }, members: [summary.serviceAccountId] });
    const users = await bearer(token, "GET", "/api/users?search=directory-sync");
    expect(users.statusCode).toBe(200);
    expect(users.json().items).toMatchObject([{ username: "directory-sync" }]);
    // R on Users is not the role: creating a group stays refused, whatever the token's scopes
    expect((await bearer(token, "POST", "/api/groups", { name: "From a token" })).statusCode).toBe(404);
    const detail = (await admin.get(`/api/users/${summary.serviceAccountId}`)).json() as { version: number };
    expect((await admin.put(`/api/users/${summary.serviceAccountId}/role`, { role: "student-information-system", version: detail.version })).statusCode).toBe(200);
    // no CSRF token for a bearer write; the change is audited as the service account's
    const made = await bearer(token, "POST", "/api/groups", { name: "From a token" });
    expect(made.statusCode, made.body).toBe(201);
    const row = await t.database.query<{ actor_id: string; actor_name: string }>("select actor_id, actor_name from audit_log where action = 'group.created' and target_name = 'From a token'");
    expect(row[0]).toEqual({ actor_id: summary.serviceAccountId, actor_name: "directory-sync" });
  });

  it("api:read allows safe methods only; a scim token cannot use the district API; a person's own routes refuse tokens", async () => {
    const reader = await create("read-only-bot", ["api:read"]);
    await buildRightsGroup(t.database.db, districtId, { rights: { [TOOLS.users]: "RWAD", [TOOLS.toolRights]: "RWAD" }, members: [reader.summary.serviceAccountId] });
    expect((await bearer(reader.token, "GET", "/api/groups")).statusCode).toBe(200);
    const write = await bearer(reader.token, "POST", "/api/groups", { name: "Nope" });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: "token-scope-missing", requiredScope: "api:write" });
    const scim = await create("scim-only", ["scim"]);
    await buildRightsGroup(t.database.db, districtId, { rights: { [TOOLS.users]: "R" }, members: [scim.summary.serviceAccountId] });
    expect((await bearer(scim.token, "GET", "/api/users")).json()).toMatchObject({ code: "token-scope-missing", requiredScope: "api:read" });
    const own = await bearer(reader.token, "GET", "/api/account/sessions");
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: "token-not-accepted" });
  });

  it("records when it was last used, at most once a minute", async () => {
    const { token, summary } = await create("usage-bot", ["api:read"]);
    expect(summary.lastUsedAt).toBeNull();
    await bearer(token, "GET", "/api/users");
    const first = (await listed(summary.id)).lastUsedAt;
    expect(first).toBe(clock.now().toISOString());
    clock.set(new Date(clock.now().getTime() + 30_000));
    await bearer(token, "GET", "/api/users");
    expect((await listed(summary.id)).lastUsedAt).toBe(first);
    clock.set(new Date(clock.now().getTime() + 61_000));
    await bearer(token, "GET", "/api/users");
    expect((await listed(summary.id)).lastUsedAt).toBe(clock.now().toISOString());
  });

  it("answers 401 problem+json for an unknown, revoked or expired token, or a disabled service account", async () => {
    const expectRefused = async (token: string) => {
      const res = await bearer(token, "GET", "/api/users");
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "token-invalid" });
    };
    await expectRefused("gh_not-a-real-token");
    await expectRefused("something-else");
    const revoked = await create("revoked-bot", ["api:read"]);
    expect((await admin.delete(`/api/api-tokens/${revoked.summary.id}`)).statusCode).toBe(204);
    await expectRefused(revoked.token);
    expect((await listed(revoked.summary.id)).status).toBe("revoked");
    expect((await admin.delete(`/api/api-tokens/${revoked.summary.id}`)).statusCode).toBe(404);

    const shortLived = await create("short-bot", ["api:read"], 1);
    expect((await bearer(shortLived.token, "GET", "/api/users")).statusCode).not.toBe(401);
    clock.advanceDays(2);
    await expectRefused(shortLived.token);
    admin = await signIn(t.app, { district: slug, username: adminName }); // the session went idle meanwhile
    expect((await listed(shortLived.summary.id)).status).toBe("expired");

    const disabled = await create("disabled-bot", ["api:read"]);
    const answer = await admin.post(`/api/service-accounts/${disabled.summary.serviceAccountId}/disable`);
    expect(answer.json()).toEqual({ revoked: 1 });
    await expectRefused(disabled.token);
    const accounts = (await admin.get("/api/service-accounts")).json() as { username: string; disabled: boolean; activeTokens: number }[];
    expect(accounts.find((a) => a.username === "disabled-bot")).toMatchObject({ disabled: true, activeTokens: 0 });
    const audit = await t.database.query<{ action: string }>("select action from audit_log where target_id in ($1, $2) order by id", [disabled.summary.id, disabled.summary.serviceAccountId]);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["api-token.revoked", "user.disabled"]));
  });

  it("is managed by Product Security Role holders only; a person's name or a service account's password cannot be taken", async () => {
    const staff = await buildUser(t.database.db, { districtId });
    await buildRightsGroup(t.database.db, districtId, { rights: { [TOOLS.users]: "RWAD" }, members: [staff.id] });
    const noRole = await signIn(t.app, { district: slug, username: staff.username });
    expect((await noRole.post("/api/api-tokens", { serviceAccount: "sneaky", scopes: ["scim"] })).json()).toMatchObject({ code: "product-security-role-required" });
    expect((await noRole.get("/api/api-tokens")).statusCode).toBe(403);
    const taken = await admin.post("/api/api-tokens", { serviceAccount: staff.username, scopes: ["scim"] });
    expect(taken.json()).toMatchObject({ code: "not-a-service-account" });
    const { summary } = await create("no-password-bot", ["scim"]);
    expect((await admin.post(`/api/users/${summary.serviceAccountId}/password-link`)).json()).toMatchObject({ code: "service-account-has-no-password" });
    // a second token for the same account (rotation) reuses it
    const again = await create("no-password-bot", ["api:read"]);
    expect(again.summary.serviceAccountId).toBe(summary.serviceAccountId);
  });

  it("keeps each district's tokens its own: another district's administrator finds none of them", async () => {
    const mine = await create("isolated-bot", ["api:read"]);
    const other = await buildDistrict(t.database.db);
    const foreign = await buildUser(t.database.db, { districtId: other.id, role: "student-information-system" });
    const neighbour = await signIn(t.app, { district: other.slug, username: foreign.username });
    expect((await neighbour.get("/api/api-tokens")).json()).toEqual([]);
    expect((await neighbour.delete(`/api/api-tokens/${mine.summary.id}`)).statusCode).toBe(404);
    expect((await neighbour.post(`/api/service-accounts/${mine.summary.serviceAccountId}/disable`)).statusCode).toBe(404);
    expect((await listed(mine.summary.id)).status).toBe("active");
    // and the token reads its own district only
    await buildRightsGroup(t.database.db, districtId, { rights: { [TOOLS.users]: "R" }, members: [mine.summary.serviceAccountId] });
    const names = ((await bearer(mine.token, "GET", "/api/users?limit=500")).json().items as { username: string }[]).map((u) => u.username);
    expect(names).toContain("isolated-bot");
    expect(names).not.toContain(foreign.username);
  });

  it("keeps /metrics on its own METRICS_TOKEN, which is no API token", async () => {
    const metrics = await createTestApp({ database: t.database, env: { METRICS_TOKEN: "metrics-token-0123456789abcdef" } });
    try {
      const res = await metrics.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3", headers: { authorization: "Bearer metrics-token-0123456789abcdef" } });
      expect(res.statusCode).toBe(200);
    } finally {
      await metrics.app.close();
    }
  });
});
