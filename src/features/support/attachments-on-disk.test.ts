import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict } from "../../../test/support/factories.js";
import { buildContact, multipartFile, signInVendor, signInWithMfa } from "../../../test/support/support-factories.js";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

// With ATTACHMENTS_DIR the bytes go to the filesystem; cases.test.ts covers the database store.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-attachments-"));
let t: TestApp;
beforeAll(async () => (t = await createTestApp({ env: { ATTACHMENTS_DIR: dir } })));
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("attachments in ATTACHMENTS_DIR", () => {
  it("keeps the file on disk, not in the database, and serves it to the district and the vendor", async () => {
    const d = await buildDistrict(t.database.db);
    const owner = await buildContact(t.database.db, { districtId: d.id });
    const kim = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
    const { client: vera } = await signInVendor(t.app, t.database.db);
    const { id } = (await kim.post("/api/support/cases", { subject: "Logo", description: "See file", productArea: "Other" })).json();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
    const up = await kim.request({ method: "POST", url: `/api/support/cases/${id}/attachments`, ...multipartFile("logo.png", png, "image/png") });
    expect(up.statusCode).toBe(201);
    const { sha256 } = up.json();

    const [row] = await t.database.query<{ n: number; size: number }>("select octet_length(content) as n, size_bytes as size from case_attachments where id = $1", [up.json().id]);
    expect(row).toEqual({ n: 0, size: png.length });
    expect(fs.readFileSync(path.join(dir, d.id, sha256)).equals(png)).toBe(true);

    expect((await kim.get(`/api/support/attachments/${up.json().id}`)).rawPayload.equals(png)).toBe(true);
    expect((await vera.get(`/api/vendor/attachments/${up.json().id}`)).rawPayload.equals(png)).toBe(true);
  });

  it("refuses to serve a file changed on disk", async () => {
    const d = await buildDistrict(t.database.db);
    const owner = await buildContact(t.database.db, { districtId: d.id });
    const kim = await signInWithMfa(t.app, { district: d.slug, username: owner.user.username, secret: owner.secret });
    const { id } = (await kim.post("/api/support/cases", { subject: "Notes", description: "See file", productArea: "Other" })).json();
    const up = await kim.request({ method: "POST", url: `/api/support/cases/${id}/attachments`, ...multipartFile("notes.txt", Buffer.from("original notes")) });
    expect(up.statusCode).toBe(201);
    fs.writeFileSync(path.join(dir, d.id, up.json().sha256), "tampered notes");
    expect((await kim.get(`/api/support/attachments/${up.json().id}`)).statusCode).toBe(500);
  });
});
