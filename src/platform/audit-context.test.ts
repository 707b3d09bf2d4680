import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildUser, TEST_PASSWORD } from "../../test/support/factories.js";
import { joinAllCampusUsers } from "../../test/support/rights-factories.js";
import { clientFor, createTestApp, sessionCookie, type TestApp } from "../../test/support/test-app.js";

let t: TestApp;
let district: Awaited<ReturnType<typeof buildDistrict>>;
beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.database.db);
});
afterAll(() => t.close());

const FROM = "198.51.100.77";

async function signInFrom(username: string) {
  const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: FROM, headers: { "x-request-id": "client-chosen-id" }, payload: { district: district.slug, username, password: TEST_PASSWORD } });
  expect(res.statusCode).toBe(200);
  expect(res.headers["x-request-id"]).not.toBe("client-chosen-id");
  const client = await clientFor(t.app, sessionCookie(res));
  // every later request comes from the same address and claims a request id of its own choosing
  const send = (method: "POST" | "DELETE", url: string, payload?: unknown) =>
    client.request({ method, url, remoteAddress: FROM, headers: { "x-request-id": "client-chosen-id" }, ...(payload ? { payload: payload as object } : {}) });
  return { client, send, signInRequestId: String(res.headers["x-request-id"]) };
}

const rowsFor = (userId: string) =>
  t.database.query<{ action: string; request_id: string | null; ip: string | null }>("select action, request_id, ip from audit_log where target_id = $1 order by id", [userId]);

describe("audit context", () => {
  it("sign-out, sign-out everywhere, ending a session and MFA setup are audited with the server's request id and the client's address", async () => {
    const user = await buildUser(t.database.db, { districtId: district.id });
    await joinAllCampusUsers(t.database.db, district.id, [user.id]);
    const first = await signInFrom(user.username);
    const second = await signInFrom(user.username);
    const third = await signInFrom(user.username);
    const sessions = (await first.client.get("/api/account/sessions")).json() as { id: string; current: boolean }[];
    const ids: Record<string, string> = {};
    const end = await first.send("DELETE", `/api/account/sessions/${sessions.find((s) => !s.current)!.id}`);
    ids["account.session-ended"] = String(end.headers["x-request-id"]);
    const setup = await first.send("POST", "/api/account/mfa/setup", {});
    ids["account.mfa-setup-started"] = String(setup.headers["x-request-id"]);
    const everywhere = await first.send("POST", "/api/account/sign-out-everywhere");
    ids["account.signed-out-everywhere"] = String(everywhere.headers["x-request-id"]);
    const out = await first.send("POST", "/api/auth/sign-out");
    ids["auth.signed-out"] = String(out.headers["x-request-id"]);
    void second;
    void third;

    const rows = await rowsFor(user.id);
    for (const [action, requestId] of Object.entries(ids)) {
      expect(rows.find((r) => r.action === action), action).toEqual({ action, request_id: requestId, ip: FROM });
    }
    expect(rows.find((r) => r.action === "auth.signed-in")).toMatchObject({ request_id: first.signInRequestId, ip: FROM });
    expect(rows.some((r) => r.request_id === "client-chosen-id")).toBe(false);
  });

  it("an API change with a body carries them too", async () => {
    const admin = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const { send } = await signInFrom(admin.username);
    const res = await send("POST", "/api/groups", { name: "Audit Context Group" });
    expect(res.statusCode).toBe(201);
    const [row] = await t.database.query<{ request_id: string; ip: string }>("select request_id, ip from audit_log where action = 'group.created' and target_id = $1", [res.json().id]);
    expect(row).toEqual({ request_id: String(res.headers["x-request-id"]), ip: FROM });
  });
});
