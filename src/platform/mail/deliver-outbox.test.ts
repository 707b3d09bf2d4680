import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.js";
import { connectDatabase, type Database } from "../db/connect.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { startSmtpServer } from "../../../test/support/smtp.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { deliverOutbox } from "./deliver-outbox.js";
import { DEFAULT_DELIVERY_POLICY } from "./delivery-policy.js";
import { enqueueEmail } from "./enqueue-email.js";
import { claimDueMessages } from "./outbox-delivery-repo.js";
import { createSmtpSender, messageIdFor } from "./smtp-sender.js";

let database: Database & { url?: string };
let districtId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
});
afterAll(async () => {
  await database?.close();
});

const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 5, firstRetryMs: 60_000 };

async function enqueue(to: string, key: string) {
  await enqueueEmail(database.db, { districtId, dedupeKey: key, kind: "test", to, subject: `Subject ${key}`, text: `Text ${key}`, html: `<p>Html ${key}</p>` });
  const [row] = await database.query<{ id: string }>("select id from outbox where dedupe_key = $1", [key]);
  return row!.id;
}

async function state(id: string) {
  const [row] = await database.query<{ status: string; attempts: number; next_attempt_at: Date; last_error: string | null; sent_at: Date | null }>(
    "select status, attempts, next_attempt_at, last_error, sent_at from outbox where id = $1",
    [id],
  );
  return row!;
}

/** Delivers until nothing more is due now, so other tests' leftovers do not count as ours. */
async function deliverAll(sender: ReturnType<typeof createSmtpSender>, clock: ReturnType<typeof fixedClock>) {
  return deliverOutbox(database, sender, { now: clock.now, policy });
}

describe("outbox delivery over SMTP", () => {
  it("delivers a message once with plain text, HTML and a stable Message-ID", async () => {
    const smtp = await startSmtpServer();
    const clock = fixedClock(new Date("2030-05-01T10:00:00Z"));
    const sender = createSmtpSender(smtp.url, "Gatehouse <no-reply@gatehouse.test>");
    try {
      const id = await enqueue("kim@district.example", "once-1");
      expect((await deliverAll(sender, clock)).sent).toBeGreaterThanOrEqual(1);
      expect(await deliverAll(sender, clock)).toMatchObject({ claimed: 0, sent: 0 });
      const mine = smtp.received.filter((m) => m.to.includes("kim@district.example"));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.messageId).toBe(messageIdFor(id));
      expect(mine[0]!.raw).toContain("Text once-1");
      expect(mine[0]!.raw).toContain("<p>Html once-1</p>");
      expect((await state(id)).status).toBe("sent");
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  it("retries with backoff while the server is down, then delivers exactly once when it is back", async () => {
    const first = await startSmtpServer();
    const port = first.port;
    await first.close(); // the server is down
    const clock = fixedClock(new Date("2030-05-02T10:00:00Z"));
    const sender = createSmtpSender(`smtp://127.0.0.1:${port}`, "Gatehouse <no-reply@gatehouse.test>");
    const id = await enqueue("outage@district.example", "outage-1");
    try {
      await deliverAll(sender, clock);
      let s = await state(id);
      expect(s).toMatchObject({ status: "pending", attempts: 1 });
      expect(s.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(new Date(s.next_attempt_at).getTime() - clock.now().getTime()).toBe(60_000);

      // Not due yet: nothing is tried.
      clock.advanceDays(30 / 86_400);
      await deliverAll(sender, clock);
      expect((await state(id)).attempts).toBe(1);

      clock.advanceDays(31 / 86_400);
      await deliverAll(sender, clock);
      s = await state(id);
      expect(s).toMatchObject({ status: "pending", attempts: 2 });
      expect(new Date(s.next_attempt_at).getTime() - clock.now().getTime()).toBe(120_000);

      const back = await startSmtpServer({ port });
      try {
        clock.advanceDays(121 / 86_400);
        await deliverAll(sender, clock);
        clock.advanceDays(1);
        await deliverAll(sender, clock);
        expect(back.received.filter((m) => m.to.includes("outage@district.example"))).toHaveLength(1);
        expect(await state(id)).toMatchObject({ status: "sent", attempts: 3, last_error: null });
      } finally {
        await back.close();
      }
    } finally {
      sender.close();
    }
  });

  it("a temporary 4xx refusal is retried; a permanent 5xx refusal fails at once with the reason kept", async () => {
    const busy = new Set(["busy@district.example"]);
    const smtp = await startSmtpServer({ refuse: (to) => (to === "nobody@district.example" ? 550 : busy.has(to) ? 451 : null) });
    const clock = fixedClock(new Date("2030-05-03T10:00:00Z"));
    const sender = createSmtpSender(smtp.url, "Gatehouse <no-reply@gatehouse.test>");
    try {
      const gone = await enqueue("nobody@district.example", "perm-1");
      const later = await enqueue("busy@district.example", "temp-1");
      await deliverAll(sender, clock);
      expect(await state(gone)).toMatchObject({ status: "failed", attempts: 1 });
      expect((await state(gone)).last_error).toContain("550");
      expect(await state(later)).toMatchObject({ status: "pending", attempts: 1 });
      expect((await state(later)).last_error).toContain("451");

      busy.clear();
      clock.advanceDays(1);
      await deliverAll(sender, clock);
      expect((await state(later)).status).toBe("sent");
      expect((await state(gone)).status).toBe("failed");
      expect(smtp.received.filter((m) => m.to.includes("nobody@district.example"))).toHaveLength(0);
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  it("a sender that dies after claiming loses nothing: the message is sent after its lease runs out", async () => {
    const smtp = await startSmtpServer();
    const clock = fixedClock(new Date("2030-05-04T10:00:00Z"));
    const sender = createSmtpSender(smtp.url, "Gatehouse <no-reply@gatehouse.test>");
    try {
      const id = await enqueue("crash@district.example", "crash-1");
      // A sender claims the message and dies before sending it.
      const claimed = await claimDueMessages(database, clock.now(), policy.leaseMs, policy.maxAttempts, 100);
      expect(claimed.map((c) => c.id)).toContain(id);
      await deliverAll(sender, clock);
      expect(await state(id)).toMatchObject({ status: "sending" }); // still leased: nobody else touches it
      clock.advanceDays((policy.leaseMs + 1_000) / 86_400_000);
      await deliverAll(sender, clock);
      expect(await state(id)).toMatchObject({ status: "sent", attempts: 2 });
      expect(smtp.received.filter((m) => m.to.includes("crash@district.example"))).toHaveLength(1);
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  it("two senders at once deliver each message once", async () => {
    const smtp = await startSmtpServer();
    const clock = fixedClock(new Date("2030-05-05T10:00:00Z"));
    const other = database.url ? await connectDatabase({ databaseUrl: database.url }) : database;
    const a = createSmtpSender(smtp.url, "Gatehouse <no-reply@gatehouse.test>");
    const b = createSmtpSender(smtp.url, "Gatehouse <no-reply@gatehouse.test>");
    try {
      for (let i = 0; i < 20; i++) await enqueue(`many-${i}@district.example`, `many-${i}`);
      await Promise.all([
        deliverOutbox(database, a, { now: clock.now, policy, batchSize: 5 }),
        deliverOutbox(other, b, { now: clock.now, policy, batchSize: 5 }),
        deliverOutbox(database, a, { now: clock.now, policy, batchSize: 5 }),
        deliverOutbox(other, b, { now: clock.now, policy, batchSize: 5 }),
        deliverOutbox(database, b, { now: clock.now, policy, batchSize: 5 }),
      ]);
      const many = smtp.received.filter((m) => m.to.some((t) => t.startsWith("many-")));
      expect(many).toHaveLength(20);
      expect(new Set(many.map((m) => m.to[0])).size).toBe(20);
    } finally {
      a.close();
      b.close();
      if (other !== database) await other.close();
      await smtp.close();
    }
  });
});
