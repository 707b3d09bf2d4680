import dgram from "node:dgram";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit.js";
import type { Database } from "../db/connect.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { startAuditForwarding } from "./start-audit-forwarding.js";

let database: Database;
let slug: string;
let districtId: string;
const log = { info: () => undefined, error: () => undefined };
beforeAll(async () => {
  database = await createTestDatabase();
  const district = await buildDistrict(database.db);
  slug = district.slug;
  districtId = district.id;
  await recordAudit(database.db, { districtId, actor: null, action: "before.start" }); // not forwarded: written before
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe("audit forwarding to AUDIT_SYSLOG_URL", () => {
  it("sends each new audit row as an RFC 5424 syslog datagram over UDP", async () => {
    const received: string[] = [];
    const udp = dgram.createSocket("udp4");
    udp.on("message", (m) => received.push(m.toString()));
    await new Promise<void>((r) => udp.bind(0, "127.0.0.1", r));
    const forwarding = await startAuditForwarding({ database, url: `udp://127.0.0.1:${udp.address().port}`, format: "rfc5424", log, intervalMs: 50 });
    await recordAudit(database.db, { districtId, actor: { id: "00000000-0000-4000-8000-000000000009", name: "Ann" }, action: "group.renamed", after: { name: "B" } });
    await recordAudit(database.db, { districtId: null, actor: null, action: "installation.public-url-changed" });
    await until(() => received.length >= 2);
    await forwarding.stop();
    udp.close();
    expect(received).toHaveLength(2);
    const m = /^<109>1 (\S+) (\S+) gatehouse (\d+) (\S+) \[gatehouse@32473 id="(\d+)"\] (.+)$/.exec(received[0]!);
    expect(m, received[0]).not.toBeNull();
    expect(m![4]).toBe("group.renamed");
    expect(m![1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/); // RFC 5424 TIMESTAMP, UTC, microseconds
    expect(JSON.parse(m![6]!)).toMatchObject({ id: Number(m![5]), district: slug, actor_name: "Ann", action: "group.renamed", after: { name: "B" } });
    expect(received[1]).toContain(" installation.public-url-changed ");
  });

  it("sends JSON lines over one TCP connection, and reconnects after the receiver drops it", async () => {
    const lines: string[] = [];
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => {
      sockets.push(s);
      let buffered = "";
      s.on("data", (d) => {
        buffered += d.toString();
        const parts = buffered.split("\n");
        buffered = parts.pop()!;
        lines.push(...parts);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as net.AddressInfo).port;
    const forwarding = await startAuditForwarding({ database, url: `tcp://127.0.0.1:${port}`, format: "json", log, intervalMs: 50 });
    await recordAudit(database.db, { districtId, actor: null, action: "tcp.first" });
    await until(() => lines.length >= 1);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    await recordAudit(database.db, { districtId, actor: null, action: "tcp.second" });
    await until(() => lines.some((l) => l.includes("tcp.second")));
    await forwarding.stop();
    server.close();
    const actions = lines.map((l) => (JSON.parse(l) as { action: string }).action);
    expect(actions[0]).toBe("tcp.first");
    expect(actions).toContain("tcp.second");
    expect(actions).not.toContain("before.start");
  });
});
