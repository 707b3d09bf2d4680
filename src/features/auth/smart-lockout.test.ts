import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, fixedClock, signIn, type TestApp } from "../../../test/support/test-app.js";
import { LOCKOUT } from "../../domain/auth/lockout.js";

const clock = fixedClock(new Date());
let t: TestApp;
let other: TestApp; // a second server on the same database
let district: Awaited<ReturnType<typeof buildDistrict>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  other = await createTestApp({ clock, database: t.database });
  district = await buildDistrict(t.database.db);
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const attempt = (username: string, password: string, from: string, app = t) =>
  app.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: from, payload: { district: district.slug, username, password } });
const answer = (res: Awaited<ReturnType<typeof attempt>>) => ({ status: res.statusCode, code: res.json().code, detail: res.json().detail });
const advanceMinutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000));

describe("smart lockout", () => {
  it("locks only the address the failures came from: the owner still signs in from another", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    for (let i = 0; i < LOCKOUT.perAddress; i++) expect((await attempt(user.username, "wrong-password-x", "198.51.100.7")).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, "198.51.100.7")).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, "203.0.113.20")).statusCode).toBe(200);
    const audit = await t.database.query<{ action: string; ip: string }>("select action, ip from audit_log where target_id = $1 order by id", [user.id]);
    expect(audit).toContainEqual({ action: "auth.account-locked", ip: "198.51.100.7" });
    expect(audit).toContainEqual({ action: "auth.sign-in-refused-locked", ip: "198.51.100.7" });
  });

  it("answers locked, unknown and wrong-password attempts alike", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const wrong = await attempt(user.username, "wrong-password-x", "198.51.100.8");
    const unknown = await attempt("nobody-at-all", "wrong-password-x", "198.51.100.8");
    for (let i = 1; i < LOCKOUT.perAddress; i++) await attempt(user.username, "wrong-password-x", "198.51.100.8");
    const locked = await attempt(user.username, TEST_PASSWORD, "198.51.100.8");
    expect(answer(locked)).toEqual(answer(wrong));
    expect(answer(unknown)).toEqual(answer(wrong));
    expect(locked.headers["content-type"]).toContain("application/problem+json");
  });

  it("lets a lock expire, and a second lock of the same address lasts longer", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const from = "198.51.100.9";
    for (let i = 0; i < LOCKOUT.perAddress; i++) await attempt(user.username, "wrong-password-x", from);
    advanceMinutes(LOCKOUT.lockMinutes + 1);
    for (let i = 0; i < LOCKOUT.perAddress; i++) await attempt(user.username, "wrong-password-x", from);
    advanceMinutes(LOCKOUT.lockMinutes + 1);
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(401);
    advanceMinutes(LOCKOUT.lockMinutes);
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it("slows an attack spread over many addresses without stopping the owner at a familiar address", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.1")).statusCode).toBe(200); // the owner's office
    for (let i = 0; i < LOCKOUT.accountCeiling; i++) await attempt(user.username, "wrong-password-x", `198.18.0.${i + 1}`);
    // a new address must wait, even with the right password; the familiar one need not
    expect((await attempt(user.username, TEST_PASSWORD, "198.18.1.1")).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, "192.0.2.1")).statusCode).toBe(200);
    // the owner's success started the count again
    expect((await attempt(user.username, TEST_PASSWORD, "198.18.1.1")).statusCode).toBe(200);
  });

  it("lets an unfamiliar address try again once the account's pause has passed", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    for (let i = 0; i < LOCKOUT.accountCeiling; i++) await attempt(user.username, "wrong-password-x", `198.18.2.${i + 1}`);
    expect((await attempt(user.username, TEST_PASSWORD, "198.18.3.1")).statusCode).toBe(401);
    clock.set(new Date(clock.now().getTime() + LOCKOUT.ceilingPauseSeconds * 1000 + 1000));
    expect((await attempt(user.username, TEST_PASSWORD, "198.18.3.1")).statusCode).toBe(200);
  });

  it("counts failures in the database, so several servers share one count", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const from = "198.51.100.10";
    for (let i = 0; i < LOCKOUT.perAddress; i++) await attempt(user.username, "wrong-password-x", from, i % 2 === 0 ? t : other);
    expect((await attempt(user.username, TEST_PASSWORD, from, t)).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, from, other)).statusCode).toBe(401);
  });

  it("a district administrator's unlock reopens every address, audited", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const adminClient = await signIn(t.app, { district: district.slug, username: admin.username });
    for (let i = 0; i < LOCKOUT.perAddress; i++) await attempt(user.username, "wrong-password-x", "198.51.100.11");
    const list = (await adminClient.get(`/api/users?search=${user.username}`)).json().items;
    expect(list[0]).toMatchObject({ username: user.username, locked: true });
    expect((await adminClient.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(204);
    expect((await attempt(user.username, TEST_PASSWORD, "198.51.100.11")).statusCode).toBe(200);
    const [row] = await t.database.query<{ before: { lockedAddresses: string[] } }>("select before from audit_log where action = 'user.unlocked' and target_id = $1", [user.id]);
    expect(row!.before.lockedAddresses).toEqual(["198.51.100.11"]);
  });

  it("vendor staff unlock another vendor staff member; district staff cannot", async () => {
    const locked = await buildUser(t.database.db, { districtId: null });
    for (let i = 0; i < LOCKOUT.perAddress; i++) {
      await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: "198.51.100.12", payload: { username: locked.username, password: "wrong-password-x" } });
    }
    const { client } = await signInVendor(t.app, t.database.db);
    const staff = (await client.get("/api/vendor/staff-accounts")).json() as { id: string; locked: boolean }[];
    expect(staff.find((s) => s.id === locked.id)).toMatchObject({ locked: true });
    const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const adminClient = await signIn(t.app, { district: district.slug, username: admin.username });
    expect((await adminClient.post(`/api/vendor/staff-accounts/${locked.id}/unlock`)).statusCode).toBe(404);
    expect((await adminClient.post(`/api/users/${locked.id}/unlock`)).statusCode).toBe(404);
    expect((await client.post(`/api/vendor/staff-accounts/${locked.id}/unlock`)).statusCode).toBe(204);
    const again = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: "198.51.100.12", payload: { username: locked.username, password: TEST_PASSWORD } });
    expect(again.json()).toEqual({ stage: "mfa-enrol" });
    expect((await client.post(`/api/vendor/staff-accounts/${admin.id}/unlock`)).statusCode).toBe(404);
  });
});

describe("names that match no user", () => {
  it("are counted like real ones, and their rows are pruned after a day", async () => {
    await attempt("ghost-one", "wrong-password-x", "198.51.100.90");
    const rows = () => t.database.query<{ account_key: string }>("select account_key from sign_in_attempts where account_key like $1", [`%:ghost-%`]);
    expect((await rows()).length).toBeGreaterThan(0);
    clock.set(new Date(clock.now().getTime() + 25 * 3_600_000));
    await attempt("ghost-two", "wrong-password-x", "198.51.100.91");
    expect((await rows()).map((r) => r.account_key.split(":")[1])).not.toContain("ghost-one");
  });
});

describe("sign-in rate limit in the database", () => {
  it("counts one username from one address across servers", async () => {
    const a = await createTestApp({ env: { GATEHOUSE_SIGN_IN_RATE_LIMIT: "3" } });
    const b = await createTestApp({ env: { GATEHOUSE_SIGN_IN_RATE_LIMIT: "3" }, database: a.database });
    try {
      const d = await buildDistrict(a.database.db);
      const send = (app: TestApp, username: string) =>
        app.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: d.slug, username, password: "wrong-password" } });
      expect((await send(a, "someone")).statusCode).toBe(401);
      expect((await send(b, "someone")).statusCode).toBe(401);
      expect((await send(a, "someone")).statusCode).toBe(401);
      const fourth = await send(b, "someone");
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers["content-type"]).toContain("application/problem+json");
      expect(fourth.headers["retry-after"]).toBeDefined();
      expect((await send(a, "someone-else")).statusCode).toBe(401);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
