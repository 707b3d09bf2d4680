import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.js";
import { buildDistrict, buildUser } from "../../../test/support/factories.js";
import { signInVendor } from "../../../test/support/support-factories.js";
import { createTestApp, signIn, type Client, type TestApp } from "../../../test/support/test-app.js";
import { installationPublicUrl, settlePublicUrl } from "./public-url.js";
import { sweepOptionsFor } from "../lifecycle/sweep-options.js";

let t: TestApp;
let vendor: Client;
beforeAll(async () => {
  t = await createTestApp();
  vendor = (await signInVendor(t.app, t.database.db)).client;
});
afterAll(async () => {
  await t?.close();
});

const audits = () => t.database.query<{ before: unknown; after: unknown; actor_name: string | null }>("select before, after, actor_name from audit_log where action = 'installation.public-url-changed' order by id");

describe("the installation's public URL", () => {
  it("is stored at first start, kept by later starts, and replaced by GATEHOUSE_PUBLIC_URL", async () => {
    const cli = loadConfig({ PORT: "3000" }); // a CLI process given nothing
    expect(await installationPublicUrl(t.database.db, cli)).toBe("http://localhost:3000");

    expect(await settlePublicUrl(t.database.db, loadConfig({ PORT: "4123" }))).toBe("http://localhost:4123");
    expect(await settlePublicUrl(t.database.db, loadConfig({ PORT: "5000" }))).toBe("http://localhost:4123");
    expect(await settlePublicUrl(t.database.db, loadConfig({ GATEHOUSE_PUBLIC_URL: "https://gatehouse.example.org/" }))).toBe("https://gatehouse.example.org");
    // Every other process now writes the same links, whatever its own PORT or environment.
    const stored = await installationPublicUrl(t.database.db, cli);
    expect(stored).toBe("https://gatehouse.example.org");
    expect(sweepOptionsFor({ ...cli, publicUrl: stored }, new Date()).publicUrl).toBe("https://gatehouse.example.org");
    expect(await audits()).toEqual([
      { before: null, after: { publicUrl: "http://localhost:4123" }, actor_name: null },
      { before: { publicUrl: "http://localhost:4123" }, after: { publicUrl: "https://gatehouse.example.org" }, actor_name: null },
    ]);
  });

  it("is shown to and changed by vendor staff (audited), with a clear error for a bad address", async () => {
    const res = await vendor.get("/api/vendor/installation");
    expect(res.json()).toEqual({ publicUrl: "https://gatehouse.example.org" });
    const bad = await vendor.put("/api/vendor/installation", { publicUrl: "gatehouse.example.org" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(bad.json())).toContain("publicUrl");
    const changed = await vendor.put("/api/vendor/installation", { publicUrl: "https://sis.district.example/gatehouse" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ publicUrl: "https://sis.district.example/gatehouse" });
    expect(await installationPublicUrl(t.database.db, loadConfig({}))).toBe("https://sis.district.example/gatehouse");
    expect((await audits()).at(-1)).toMatchObject({ after: { publicUrl: "https://sis.district.example/gatehouse" }, actor_name: expect.any(String) });
  });

  it("is not for district staff", async () => {
    const district = await buildDistrict(t.database.db);
    const staff = await buildUser(t.database.db, { districtId: district.id, role: "student-information-system" });
    const admin = await signIn(t.app, { district: district.slug, username: staff.username });
    expect((await admin.get("/api/vendor/installation")).statusCode).toBe(404);
    expect((await admin.put("/api/vendor/installation", { publicUrl: "https://evil.example" })).statusCode).toBe(404);
  });
});
