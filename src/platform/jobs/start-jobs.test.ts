import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../clock.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/connect.js";
import { createRightsProvider } from "../rights-provider.js";
import { buildDistrict } from "../../../test/support/factories.js";
import { addContact, contactRow } from "../../../test/support/lifecycle.js";
import { startSmtpServer } from "../../../test/support/smtp.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { startJobs, SWEEP_QUEUE } from "./start-jobs.js";

let database: Database & { url?: string };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("background jobs", () => {
  it("schedule the daily sweep at GATEHOUSE_SWEEP_TIME, run it through pg-boss, and deliver its mail over SMTP", async () => {
    const smtp = await startSmtpServer();
    const config = loadConfig({ LOG_LEVEL: "silent", GATEHOUSE_SWEEP_TIME: "03:15", SMTP_URL: smtp.url, DATABASE_URL: database.url ?? "", GATEHOUSE_PUBLIC_URL: "https://gatehouse.example" });
    const jobs = await startJobs({ config, database, clock: systemClock, rights: createRightsProvider(database) });
    try {
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, s.options?.tz])).toEqual([[SWEEP_QUEUE, "15 3 * * *", "UTC"]]);

      const district = await buildDistrict(database.db);
      const idle = await addContact(database.db, { districtId: district.id, lastActivityAt: new Date(Date.now() - 200 * 86_400_000) });
      await jobs.boss.send(SWEEP_QUEUE, {});
      await eventually(async () => (await contactRow(database.db, idle.contactId)).status === "pending-deactivation", "the sweep job");
      const mail = await eventually(async () => smtp.received.find((m) => m.to.includes(idle.email)), "the notice to be delivered");
      expect(mail.raw).toContain(district.name);
      expect(mail.raw).toContain(`https://gatehouse.example/login/${district.slug}`);
    } finally {
      await jobs.stop();
      await smtp.close();
    }
  }, 60_000);
});
