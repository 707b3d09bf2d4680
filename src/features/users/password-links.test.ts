import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, fixedClock, signIn, type TestApp } from "../../../test/support/test-app.js";
import { runPolicyApply } from "../../cli/policy.js";
import { sha256 } from "../../platform/auth/tokens.js";

const clock = fixedClock(new Date());
let t: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
let dir: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  district = await buildDistrict(t.database.db);
  dir = mkdtempSync(path.join(tmpdir(), "gh-links-"));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const tokenOf = (url: string) => url.split("/set-password/")[1]!;
const publicGet = (token: string) => t.app.inject({ method: "GET", url: `/api/public/set-password/${token}` });
const publicSet = (token: string, password: string) => t.app.inject({ method: "POST", url: `/api/public/set-password/${token}`, payload: { password } });
const signInWith = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: district.slug, username, password } });

async function adminClient() {
  const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
  return signIn(t.app, { district: district.slug, username: admin.username });
}

describe("set-password links", () => {
  it("an administrator issues a reset link: shown to them, emailed, stored hashed, used once", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id, displayName: "Pat <b>Person</b>" });
    const admin = await adminClient();
    const issued = await admin.post(`/api/users/${user.id}/password-link`);
    expect(issued.statusCode).toBe(200);
    const { url, emailed, expiresAt } = issued.json();
    expect(url).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);
    expect(emailed).toBe(true);
    expect(new Date(expiresAt).getTime() - clock.now().getTime()).toBe(24 * 3_600_000);
    const token = tokenOf(url);

    const [stored] = await t.database.query<{ token_hash: string }>("select token_hash from password_set_tokens where user_id = $1", [user.id]);
    expect(stored!.token_hash).toBe(sha256(token));
    const [mail] = await t.database.query<{ to_address: string; text_body: string; html_body: string }>("select to_address, text_body, html_body from outbox where to_address = $1", [user.email]);
    expect(mail!.text_body).toContain(url);
    expect(mail!.html_body).toContain("Pat &lt;b&gt;Person&lt;/b&gt;");

    expect((await publicGet(token)).json()).toMatchObject({ username: user.username, purpose: "reset", district: { slug: district.slug } });
    expect((await publicSet(token, "short")).json()).toMatchObject({ status: 400, path: "password" });
    expect((await publicSet(token, "A-Brand-New-Password-7")).statusCode).toBe(204);
    expect((await signInWith(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signInWith(user.username, "A-Brand-New-Password-7")).statusCode).toBe(200);
    expect((await publicSet(token, "Yet-Another-Password-8")).json().code).toBe("password-link-invalid");
    expect((await publicGet(token)).statusCode).toBe(404);

    const actions = await t.database.query<{ action: string; after: unknown }>("select action, after from audit_log where target_id = $1 order by id", [user.id]);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.password-link-issued", "user.password-set-with-link"]));
    expect(JSON.stringify(actions)).not.toContain(token);
  });

  it("a link expires after 24 hours, and a newer link replaces an older one", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const admin = await adminClient();
    const first = tokenOf((await admin.post(`/api/users/${user.id}/password-link`)).json().url);
    const second = tokenOf((await admin.post(`/api/users/${user.id}/password-link`)).json().url);
    expect((await publicGet(first)).statusCode).toBe(404);
    expect((await publicGet(second)).statusCode).toBe(200);
    clock.set(new Date(clock.now().getTime() + 24 * 3_600_000 + 1000));
    expect((await publicSet(second, "A-Brand-New-Password-7")).json().code).toBe("password-link-invalid");
  });

  it("another district's administrator cannot issue one; vendor staff issue them for vendor staff", async () => {
    const other = await buildDistrict(t.database.db);
    const stranger = await buildUser(t.database.db, { districtId: other.id });
    const admin = await adminClient();
    expect((await admin.post(`/api/users/${stranger.id}/password-link`)).statusCode).toBe(404);
    const colleague = await buildUser(t.database.db, { districtId: null });
    const { client } = await signInVendor(t.app, t.database.db);
    expect((await client.post(`/api/vendor/staff-accounts/${colleague.id}/password-link`)).statusCode).toBe(200);
    expect((await client.post(`/api/vendor/staff-accounts/${stranger.id}/password-link`)).statusCode).toBe(404);
  });

  it("users created by policy apply get a link, printed once", async () => {
    const file = path.join(dir, "new-users.policy.yaml");
    writeFileSync(file, `district: Link District\nusers:\n  - username: newbie\n  - username: other-newbie\n`);
    const io = { stdout: "", stderr: "", out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
    expect(await runPolicyApply(t.database, file, io)).toBe(0);
    const lines = io.stdout.split("\n").filter((l) => l.startsWith("Set-password link"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("newbie");
    const token = tokenOf(lines[0]!.split(": ").at(-1)!);
    expect((await publicGet(token)).json()).toMatchObject({ username: "newbie", purpose: "new-account" });
    const again = { ...io, stdout: "" };
    again.out = (s: string) => void (again.stdout += s);
    expect(await runPolicyApply(t.database, file, again)).toBe(0);
    expect(again.stdout).not.toContain("Set-password link");
  });
});
