import type { FastifyBaseLogger } from "fastify";
import PgBoss from "pg-boss";
import { sweepContacts } from "../../features/lifecycle/sweep-contacts.js";
import { portalBaseUrl, sweepOptionsFor } from "../../features/lifecycle/sweep-options.js";
import { runCampaignJobs } from "../../features/governance/campaigns/run-campaign-jobs.js";
import { disableDormantAccounts } from "../../features/governance/disable-dormant-accounts.js";
import type { AppDeps } from "../deps.js";
import { createLogger } from "../http/logger.js";
import { createSmtpSender } from "../mail/smtp-sender.js";
import { pgliteBossDb } from "./boss-db.js";
import { startMailDelivery } from "./mail-delivery-loop.js";
import { startWebhookDelivery } from "./webhook-delivery-loop.js";
import { createWebhookSender } from "../webhooks/webhook-sender.js";
import { dailyCron } from "./sweep-schedule.js";

export const SWEEP_QUEUE = "contacts-sweep";

/** Servers starting together take turns installing pg-boss and its queue: at once they can deadlock. */
const JOBS_SETUP_LOCK = 727_290;

/** `boss` lets an operator or a test enqueue a sweep now: boss.send(SWEEP_QUEUE, {}). */
export type Jobs = { boss: PgBoss; stop(): Promise<void> };

/**
 * Starts the background work of a server: the daily inactivity sweep through pg-boss (on
 * PostgreSQL with its own connections; on embedded PGlite through the same database handle),
 * webhook delivery, and, when SMTP_URL is set, outbox delivery. pg-boss's schedule fires one job per day across
 * all servers; should two sweeps still meet, the sweep itself keeps every notice to one.
 * With no SMTP_URL the mail stays in the outbox, readable on the outbox page.
 */
export async function startJobs(deps: AppDeps, logger: FastifyBaseLogger = createLogger(deps.config)): Promise<Jobs> {
  const { config, database, clock } = deps;
  const log = logger.child({ name: "jobs" });
  const boss = config.databaseUrl
    ? new PgBoss({ connectionString: config.databaseUrl, max: 2 })
    : new PgBoss({ db: pgliteBossDb(database) } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  await database.withAdvisoryLock(JOBS_SETUP_LOCK, async () => {
    await boss.start();
    await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton" });
    await boss.schedule(SWEEP_QUEUE, dailyCron(config.sweepTime), {}, { tz: "UTC" });
  });
  await boss.work(SWEEP_QUEUE, async () => {
    const result = await sweepContacts(database, sweepOptionsFor(config, clock.now()));
    log.info({ asOf: result.asOf, stages: result.stages }, "inactivity sweep done");
    const campaigns = await runCampaignJobs(database, clock.now(), portalBaseUrl(config));
    log.info(campaigns, "access review campaigns: scheduled runs started, reminders sent");
    log.info(await disableDormantAccounts(database, clock.now(), portalBaseUrl(config)), "dormant staff accounts: notices sent, accounts disabled");
  });
  log.info({ sweepTime: `${config.sweepTime} UTC`, mail: config.smtpUrl ? "SMTP" : "outbox only" }, "background jobs started");

  const delivery = config.smtpUrl
    ? startMailDelivery({ database, sender: createSmtpSender(config.smtpUrl, config.mailFrom), clock, log })
    : null;
  const webhooks = startWebhookDelivery({ database, send: createWebhookSender({ allowPrivate: config.webhookAllowPrivateUrls }), clock, log });

  return {
    boss,
    async stop() {
      await delivery?.stop();
      await webhooks.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
