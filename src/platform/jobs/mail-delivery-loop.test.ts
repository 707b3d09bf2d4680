import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.js";
import type { Database } from "../db/connect.js";
import { enqueueEmail } from "../mail/enqueue-email.js";
import { createSmtpSender } from "../mail/smtp-sender.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { startSmtpServer } from "../../../test/support/smtp.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import type { Logger } from "./delivery-loop.js";
import { startMailDelivery } from "./mail-delivery-loop.js";

let database: Database;
let districtId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
});
afterAll(async () => {
  await database?.close();
});

const quiet: Logger = { info: () => undefined, error: () => undefined };
const FROM = "Gatehouse <no-reply@gatehouse.test>";

async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function statuses(prefix: string) {
  return database.query<{ key: string; status: string; attempts: number; last_error: string | null }>(
    "select dedupe_key as key, status, attempts, last_error from outbox where dedupe_key like $1 order by dedupe_key",
    [`${prefix}%`],
  );
}

/** A server's delivery loop, as `gatehouse serve` starts it; stopping it is the server going down. */
const startServer = (smtpUrl: string, clock: ReturnType<typeof fixedClock>) =>
  startMailDelivery({ database, sender: createSmtpSender(smtpUrl, FROM), clock, log: quiet, intervalMs: 20 });

describe("the mail delivery loop across an SMTP outage and server restarts", () => {
  it("keeps every message through the outage, delivers each once when SMTP is back, and sends nothing again after a restart", async () => {
    const down = await startSmtpServer();
    const port = down.port;
    await down.close(); // the SMTP server is down from the start
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const clock = fixedClock(new Date("2031-02-01T08:00:00Z"));
    for (let i = 0; i < 6; i++) {
      await enqueueEmail(database.db, { districtId, dedupeKey: `restart-${i}`, kind: "test", to: `restart-${i}@district.example`, subject: `Notice ${i}`, text: `Text ${i}`, html: `<p>Html ${i}</p>` });
    }

    // First server: every attempt fails, each message waits for its retry.
    const first = startServer(smtpUrl, clock);
    await eventually(async () => (await statuses("restart-")).every((m) => m.attempts === 1 && m.status === "pending"), "a first failed attempt of every message");
    await first.stop();
    const afterOutage = await statuses("restart-");
    expect(afterOutage.every((m) => /ECONNREFUSED|ESOCKET|ECONNECTION/.test(m.last_error ?? ""))).toBe(true);

    // SMTP is back; a restarted server picks the messages up once their retry time comes.
    const smtp = await startSmtpServer({ port });
    try {
      clock.advanceDays(1 / 24);
      const second = startServer(smtpUrl, clock);
      await eventually(async () => (await statuses("restart-")).every((m) => m.status === "sent"), "every message to be sent");
      await second.stop();
      expect((await statuses("restart-")).map((m) => [m.key, m.status, m.attempts, m.last_error])).toEqual(
        Array.from({ length: 6 }, (_, i) => [`restart-${i}`, "sent", 2, null]),
      );

      // Another restart, a day later: nothing is sent twice. (stop() waits for the loop's first pass.)
      clock.advanceDays(1);
      const third = startServer(smtpUrl, clock);
      await third.stop();
      const received = smtp.received.filter((m) => m.to.some((t) => t.startsWith("restart-")));
      expect(received.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `restart-${i}@district.example`));
      expect(received.every((m) => m.raw.includes("multipart/alternative"))).toBe(true);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
