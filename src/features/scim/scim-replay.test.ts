import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { createApiToken } from "../tokens/create-api-token.js";

/**
 * Replays, end to end, request sequences in the shapes Microsoft Entra ID and Okta send when
 * provisioning (fixtures/*.json, each step's request and the answer it must get), against the
 * real app with a scim token, then checks what each sequence must have done to Gatehouse.
 */
type Step = {
  name: string;
  request: { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; url: string; body?: unknown; contentType?: string };
  expect: { status: number; body?: unknown; absent?: string[] };
  capture?: Record<string, string>;
  check?: string;
};
const load = (file: string) => (JSON.parse(fs.readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")) as { steps: Step[] }).steps;

let t: TestApp;
let token: string;
let serviceAccountId: string;
let districtId: string;
beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.database.db);
  districtId = district.id;
  const admin = await buildUser(t.database.db, { districtId, role: "student-information-system" });
  const created = await createApiToken(t.database.db, { districtId }, { serviceAccount: "idp-provisioning", scopes: ["scim"] }, { id: admin.id, name: admin.username }, new Date());
  token = created.token;
  serviceAccountId = created.summary.serviceAccountId;
}, 120_000);
afterAll(async () => t?.close());

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => {
  if (!(k in vars)) throw new Error(`nothing captured as ${k}`);
  return vars[k]!;
});

const CHECKS: Record<string, (vars: Record<string, string>) => Promise<void>> = {
  "ryan-disabled": async (vars) => {
    const [row] = await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [vars.ryan]);
    expect(row!.disabled).toBe(true);
    const [audit] = await t.database.query<{ actor_id: string }>("select actor_id from audit_log where action = 'user.disabled' and target_id = $1", [vars.ryan]);
    expect(audit!.actor_id).toBe(serviceAccountId);
  },
  "no-password": async (vars) => {
    const [row] = await t.database.query<{ password_hash: string | null; product_security_role: string }>("select password_hash, product_security_role from users where id = $1", [vars.user]);
    expect(row).toEqual({ password_hash: null, product_security_role: "none" }); // the password Okta sends is never kept
  },
  "membership-audited": async (vars) => {
    const rows = await t.database.query<{ action: string; actor_id: string; actor_name: string }>("select action, actor_id, actor_name from audit_log where target_id = $1 and action like 'group.member-%' order by id", [vars.group]);
    expect(rows.map((r) => r.action)).toEqual(["group.member-added", "group.member-added", "group.member-removed"]);
    expect(new Set(rows.map((r) => `${r.actor_id} ${r.actor_name}`))).toEqual(new Set([`${serviceAccountId} idp-provisioning`]));
  },
  "user-disabled": async (vars) => {
    const [row] = await t.database.query<{ disabled: boolean }>("select disabled from users where id = $1", [vars.user]);
    expect(row!.disabled).toBe(true);
  },
};

async function replay(file: string) {
  const vars: Record<string, string> = {};
  for (const step of load(file)) {
    const { method, url, body, contentType } = step.request;
    const res = await t.app.inject({
      method,
      url: `/scim/v2${fill(url, vars)}`,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": contentType ?? "application/scim+json" }) },
      ...(body === undefined ? {} : { payload: fill(JSON.stringify(body), vars) }),
    });
    expect(res.statusCode, `${file}: ${step.name}: ${res.body}`).toBe(step.expect.status);
    if (res.statusCode !== 204) expect(res.headers["content-type"], step.name).toContain("application/scim+json");
    if (step.expect.body) expect(res.json(), `${file}: ${step.name}`).toMatchObject(JSON.parse(fill(JSON.stringify(step.expect.body), vars)));
    for (const key of step.expect.absent ?? []) expect(res.json(), step.name).not.toHaveProperty(key);
    for (const [name, field] of Object.entries(step.capture ?? {})) vars[name] = (res.json() as Record<string, string>)[field]!;
    if (step.check) await CHECKS[step.check]!(vars);
  }
  return vars;
}

describe("SCIM provisioning, replayed", () => {
  it("Microsoft Entra ID: create, look up, PATCH in Entra's shapes, group membership, disable with \"False\", delete", async () => {
    const vars = await replay("entra-id.json");
    // a role sent by the IdP is never applied; deleted: disabled and hidden, the account and its history kept
    const [row] = await t.database.query<{ product_security_role: string; disabled: boolean; username: string }>("select product_security_role, disabled, username from users where id = $1", [vars.ryan]);
    expect(row).toEqual({ product_security_role: "none", disabled: true, username: "ryan.hill@contoso-usd.org" });
    const [group] = await t.database.query<{ name: string }>("select name from user_groups where id = $1", [vars.group]);
    expect(group!.name).toBe("Counseling Team"); // the group and its rights stay for an administrator
  });

  it("Okta: test connection, create, PUT updates, group push with members added and removed by value filter, PUT active:false", async () => {
    await replay("okta.json");
  });
});
