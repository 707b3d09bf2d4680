import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "../db/connect.js";
import { migrateDatabase } from "../db/migrate.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { cliSandbox } from "../../../test/support/cli-process.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { startSmtpServer } from "../../../test/support/smtp.js";
import { enqueueEmail } from "./enqueue-email.js";
import { messageIdFor } from "./smtp-sender.js";

// A real server process killed with SIGKILL in the middle of an SMTP conversation or a webhook
// request: what it was sending is neither lost nor left stuck. On both databases: a PGlite folder
// the killed process held, or a database of its own on TEST_DATABASE_URL's server.
const sandbox = cliSandbox();

type Place = { env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> };
async function dataPlace(prefix: string): Promise<Place> {
  const dir = sandbox.dataDir(prefix);
  if (!process.env.TEST_DATABASE_URL) {
    const database = await connectDatabase({ dataDir: dir });
    await migrateDatabase(database);
    await database.close();
    return { env: { DATABASE_URL: "", GATEHOUSE_DATA_DIR: dir }, open: () => connectDatabase({ dataDir: dir }), drop: async () => undefined };
  }
  const held = await createTestDatabase();
  return { env: { DATABASE_URL: held.url!, GATEHOUSE_DATA_DIR: dir }, open: async () => ({ ...held, close: async () => undefined }), drop: () => held.close() };
}

type Row = { id: string; status: string; attempts: number };
const waitFor = async (what: () => boolean, ms: number) => {
  for (let waited = 0; !what() && waited < ms; waited += 100) await new Promise((r) => setTimeout(r, 100));
};

/** Starts a server, waits until its first message is held by the peer, and kills it with SIGKILL then. */
async function killMidDelivery(env: Record<string, string>, holding: Promise<void>) {
  const server = await sandbox.server(env);
  await Promise.race([holding, new Promise((_, reject) => setTimeout(() => reject(new Error(`no delivery began: ${server.output()}`)), 60_000))]);
  expect((await server.kill9()).signal).toBe("SIGKILL");
}

/** A webhook receiver on localhost: `hold` never answers, so the sender can be killed mid-request. */
async function startReceiver(hold: boolean) {
  const received: { id: string; body: string }[] = [];
  let held: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (hold) return held();
      received.push({ id: String(req.headers["webhook-id"]), body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, holding, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe("mail and webhook delivery across kill -9", () => {
  it("a server killed mid-delivery leaves its messages to the next one, which sends each once with the same Message-ID", async () => {
    const place = await dataPlace("mail-kill9");
    let database = await place.open();
    const district = await buildDistrict(database.db);
    for (const n of [1, 2, 3]) {
      await enqueueEmail(database.db, { districtId: district.id, kind: "test", to: `contact${n}@example.test`, subject: `Notice ${n}`, text: `Notice ${n}`, html: `<p>Notice ${n}</p>` });
    }
    await database.close();

    // The first mail server takes the message and never answers its DATA; the server is killed then.
    const stalled = await startSmtpServer({ hold: true });
    const env = { ...place.env, GATEHOUSE_PUBLIC_URL: "https://gatehouse.example.test" };
    await killMidDelivery({ ...env, SMTP_URL: stalled.url }, stalled.holding);
    await stalled.close();
    expect(stalled.received).toEqual([]);

    // What the killed server left: claimed messages, reserved for it until its lease runs out.
    database = await place.open();
    const left = await database.query<Row>("select id, status, attempts from outbox order by subject");
    expect(left.some((r) => r.status === "sending")).toBe(true);
    expect(left.every((r) => r.status !== "sent")).toBe(true);
    // Five minutes pass (the lease) while no server runs: moved on rather than waited for.
    await database.query("update outbox set locked_until = now() - interval '1 second' where status = 'sending'");
    await database.close();

    const smtp = await startSmtpServer();
    const second = await sandbox.server({ ...env, SMTP_URL: smtp.url });
    try {
      await waitFor(() => smtp.received.length >= 3, 60_000);
      await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive now
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(["contact1@example.test", "contact2@example.test", "contact3@example.test"]);
      expect(smtp.received.map((m) => m.messageId).sort()).toEqual(left.map((r) => messageIdFor(r.id)).sort());
    } finally {
      await second.stop();
      await smtp.close();
    }
    database = await place.open();
    const after = await database.query<Row>("select id, status, attempts from outbox order by subject");
    await database.close();
    await place.drop();
    expect(after.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    // each message the killed server had claimed counts that interrupted attempt
    for (const r of after) expect(r.attempts).toBe(left.find((l) => l.id === r.id)!.status === "sending" ? 2 : 1);
  }, 300_000);

  it("a server killed mid-request leaves its webhook messages to the next one, which delivers each once with the same webhook-id", async () => {
    const place = await dataPlace("hook-kill9");
    let database = await place.open();
    const district = await buildDistrict(database.db);
    const stalled = await startReceiver(true);
    const [endpoint] = await database.query<{ id: string }>(
      "insert into webhook_endpoints (district_id, url, event_types, secret) values ($1, $2, '{rights}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw') returning id",
      [district.id, stalled.url],
    );
    for (const n of [1, 2, 3]) {
      await database.query("insert into webhook_deliveries (district_id, endpoint_id, message_id, event_type, payload) values ($1, $2, $3, 'group.rights-replaced', $4::jsonb)", [
        district.id,
        endpoint!.id,
        `msg_kill9_${n}`,
        JSON.stringify({ type: "group.rights-replaced", timestamp: new Date().toISOString(), data: { n } }),
      ]);
    }
    await database.close();

    const env = { ...place.env, WEBHOOK_ALLOW_PRIVATE_URLS: "true" };
    await killMidDelivery(env, stalled.holding);
    await stalled.close();

    database = await place.open();
    const left = await database.query<Row>("select id, status, attempts from webhook_deliveries order by message_id");
    expect(left.some((r) => r.status === "sending")).toBe(true);
    expect(left.every((r) => r.status !== "delivered")).toBe(true);
    const receiver = await startReceiver(false);
    // The lease (a minute) passes while no server runs, and the endpoint now points at a receiver that answers.
    await database.query("update webhook_deliveries set locked_until = now() - interval '1 second' where status = 'sending'");
    await database.query("update webhook_endpoints set url = $1", [receiver.url]);
    await database.close();

    const second = await sandbox.server(env);
    try {
      await waitFor(() => receiver.received.length >= 3, 60_000);
      await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive now
      expect(receiver.received.map((m) => m.id).sort()).toEqual(["msg_kill9_1", "msg_kill9_2", "msg_kill9_3"]);
    } finally {
      await second.stop();
      await receiver.close();
    }
    database = await place.open();
    const after = await database.query<Row>("select id, status, attempts from webhook_deliveries order by message_id");
    await database.close();
    await place.drop();
    expect(after.map((r) => r.status)).toEqual(["delivered", "delivered", "delivered"]);
  }, 300_000);
});
