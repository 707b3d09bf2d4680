import { authenticator } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../../test/support/factories.js";
import { joinAllCampusUsers } from "../../../test/support/rights-factories.js";
import { clientFor, createTestApp, sessionCookie, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { LOCKOUT } from "../../domain/auth/lockout.js";

let t: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.database.db);
});
afterAll(() => t.close());

/** The code a phone one step (30 s) ahead shows: still accepted, and a later step than "now". */
const nextStepCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

async function enrolled(): Promise<{ client: Client; secret: string; recoveryCodes: string[]; username: string; id: string }> {
  const user = await buildUser(t.database.db, { districtId: district.id });
  await joinAllCampusUsers(t.database.db, district.id, [user.id]);
  const client = await signIn(t.app, { district: district.slug, username: user.username });
  const { secret } = (await client.post("/api/account/mfa/setup")).json();
  const confirmed = await client.post("/api/account/mfa/confirm", { code: authenticator.generate(secret) });
  expect(confirmed.statusCode).toBe(200);
  return { client, secret, recoveryCodes: confirmed.json().recoveryCodes, username: user.username, id: user.id };
}

const passwordStep = async (username: string, from = "127.0.0.1") =>
  clientFor(t.app, sessionCookie(await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: from, payload: { district: district.slug, username, password: TEST_PASSWORD } })));

describe("TOTP codes", () => {
  it("accepts a code once: the same code cannot sign in twice, nor the one that confirmed the setup", async () => {
    const { secret, username } = await enrolled();
    const current = authenticator.generate(secret);
    expect((await (await passwordStep(username)).post("/api/auth/mfa", { code: current })).json().code).toBe("mfa-code-invalid");
    const code = nextStepCode(secret);
    expect((await (await passwordStep(username)).post("/api/auth/mfa", { code })).statusCode).toBe(200);
    const replay = await (await passwordStep(username)).post("/api/auth/mfa", { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("mfa-code-invalid");
  });
});

describe("guessing the code with the right password", () => {
  it("counts every wrong code: signing in again with the password does not reset the count", async () => {
    const { username } = await enrolled();
    const from = "198.51.100.50";
    const guess = async (client: Client) => (await client.request({ method: "POST", url: "/api/auth/mfa", remoteAddress: from, payload: { code: "999999" } })).statusCode;
    for (let i = 0; i < 3; i++) expect(await guess(await passwordStep(username, from))).toBe(401);
    const pending = await passwordStep(username, from);
    for (let i = 0; i < 2; i++) expect(await guess(pending)).toBe(401);
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: from, payload: { district: district.slug, username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(401);
  });
});

describe("changing a second factor", () => {
  it("moving to a new authenticator asks for the password and a current or recovery code", async () => {
    const { client, recoveryCodes, secret, id } = await enrolled();
    expect((await client.post("/api/account/mfa/setup", {})).json()).toMatchObject({ status: 400, path: "password" });
    expect((await client.post("/api/account/mfa/setup", { password: TEST_PASSWORD })).json()).toMatchObject({ status: 400, path: "code" });
    expect((await client.post("/api/account/mfa/setup", { password: "not-my-password", code: nextStepCode(secret) })).json()).toMatchObject({ code: "current-password-wrong", path: "password" });
    expect((await client.post("/api/account/mfa/setup", { password: TEST_PASSWORD, code: "000000" === nextStepCode(secret) ? "111111" : "000000" })).json()).toMatchObject({ code: "mfa-code-invalid" });
    const started = await client.post("/api/account/mfa/setup", { password: TEST_PASSWORD, code: recoveryCodes[0] });
    expect(started.statusCode).toBe(200);
    expect((await client.post("/api/account/mfa/confirm", { code: authenticator.generate(started.json().secret) })).statusCode).toBe(200);
    const actions = await t.database.query<{ action: string }>("select action from audit_log where target_id = $1 order by id", [id]);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["account.mfa-setup-started", "account.mfa-enabled", "account.mfa-re-enrol-started", "account.mfa-re-enrolled"]));
  });

  it("turning MFA off asks for the password and a code", async () => {
    const { client, secret, id } = await enrolled();
    expect((await client.post("/api/account/mfa/disable", { password: TEST_PASSWORD })).json()).toMatchObject({ status: 400, path: "code" });
    expect((await client.post("/api/account/mfa/disable", { password: TEST_PASSWORD, code: nextStepCode(secret) })).statusCode).toBe(204);
    const [row] = await t.database.query<{ action: string }>("select action from audit_log where target_id = $1 order by id desc limit 1", [id]);
    expect(row!.action).toBe("account.mfa-disabled");
  });

  it("counts wrong current passwords towards the sign-in lockout of that address", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    await joinAllCampusUsers(t.database.db, district.id, [user.id]);
    const from = "198.51.100.40";
    const client = await passwordStep(user.username, from);
    const change = () => client.request({ method: "POST", url: "/api/account/password", remoteAddress: from, payload: { currentPassword: "guess-guess-guess", newPassword: "Another-Password-1" } });
    for (let i = 0; i < LOCKOUT.perAddress; i++) expect((await change()).json().code).toBe("current-password-wrong");
    const refused = await change();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
    const signInHere = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: from, payload: { district: district.slug, username: user.username, password: TEST_PASSWORD } });
    expect(signInHere.statusCode).toBe(401);
    const elsewhere = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: "203.0.113.41", payload: { district: district.slug, username: user.username, password: TEST_PASSWORD } });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("counts wrong MFA-disable guesses the same way", async () => {
    const { client, username } = await enrolled();
    for (let i = 0; i < LOCKOUT.perAddress; i++) await client.post("/api/account/mfa/disable", { password: "guess-guess-guess", code: "123456" });
    expect((await client.post("/api/account/mfa/disable", { password: TEST_PASSWORD, code: "123456" })).statusCode).toBe(429);
    const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { district: district.slug, username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(401);
  });
});
