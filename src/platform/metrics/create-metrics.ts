import diagnosticsChannel from "node:diagnostics_channel";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { AppDeps } from "../deps.js";
import { channels, type DeliveryRan, type RightsCompiled, type SweepRan } from "./events.js";

export type Metrics = {
  registry: Registry;
  /** Counts and times one answered request (the histogram's _count is the request count). */
  observeRequest(request: FastifyRequest, reply: FastifyReply): void;
  /** Stops listening to the code's events (at app close). */
  close(): void;
};

/**
 * One Prometheus registry per app. Counters follow events the code publishes (events.ts);
 * gauges that describe the database are read when scraped, so they hold across servers.
 */
export function createMetrics(deps: Pick<AppDeps, "database" | "config">): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "gatehouse_process_" });
  const { database, config } = deps;

  const requestSeconds = new Histogram({
    name: "gatehouse_http_request_duration_seconds",
    help: "HTTP requests by method, route (its pattern, not the path) and status, and how long they took",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const compileSeconds = new Histogram({
    name: "gatehouse_rights_compile_duration_seconds",
    help: "Rights cache compiles (full or incremental) and how long they took",
    labelNames: ["kind"] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 1, 2.5, 10],
    registers: [registry],
  });
  const sweepRuns = new Counter({ name: "gatehouse_sweep_runs_total", help: "Contact inactivity sweeps run", registers: [registry] });
  const sweepActions = new Counter({
    name: "gatehouse_sweep_actions_total",
    help: "Contact lifecycle actions taken by sweeps, by stage",
    labelNames: ["stage"] as const,
    registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: "gatehouse_mail_delivery_failures_total",
    help: "Failed email send attempts: retrying (will be tried again) or failed (given up)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const mailSent = new Counter({ name: "gatehouse_mail_sent_total", help: "Emails sent", registers: [registry] });

  new Gauge({
    name: "gatehouse_active_sessions",
    help: "Signed-in sessions neither revoked nor expired (all servers)",
    registers: [registry],
    async collect() {
      const rows = await readOrNothing(() =>
        database.query<{ n: number }>(
          "select count(*)::int as n from sessions where revoked_at is null and expires_at > now() and last_seen_at > now() - make_interval(mins => $1)",
          [config.sessionIdleMinutes],
        ),
      );
      if (rows) this.set(rows[0]?.n ?? 0);
    },
  });
  new Gauge({
    name: "gatehouse_outbox_depth",
    help: "Emails in the outbox by status: pending and sending are waiting, failed were given up",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await readOrNothing(() =>
        database.query<{ status: string; n: number }>("select status, count(*)::int as n from outbox where status <> 'sent' group by status"),
      );
      if (rows) for (const status of ["pending", "sending", "failed"]) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
  if (database.poolStats) {
    const stats = database.poolStats.bind(database);
    new Gauge({
      name: "gatehouse_db_pool_connections",
      help: "PostgreSQL pool connections of this server: max, total open, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        for (const [state, n] of Object.entries(stats())) this.set({ state }, n);
      },
    });
  }

  const onCompiled = (e: unknown) => compileSeconds.observe({ kind: (e as RightsCompiled).kind }, (e as RightsCompiled).seconds);
  const onSweep = (e: unknown) => {
    sweepRuns.inc();
    for (const s of (e as SweepRan).stages) sweepActions.inc({ stage: s.stage }, s.count);
  };
  const onDelivery = (e: unknown) => {
    const d = e as DeliveryRan;
    if (d.sent) mailSent.inc(d.sent);
    if (d.retrying) deliveryFailures.inc({ outcome: "retrying" }, d.retrying);
    if (d.failed) deliveryFailures.inc({ outcome: "failed" }, d.failed);
  };
  diagnosticsChannel.subscribe(channels.rightsCompiled.name, onCompiled);
  diagnosticsChannel.subscribe(channels.sweepRan.name, onSweep);
  diagnosticsChannel.subscribe(channels.deliveryRan.name, onDelivery);

  return {
    registry,
    observeRequest(request, reply) {
      requestSeconds.observe({ method: request.method, route: request.routeOptions.url ?? "unmatched", status: reply.statusCode }, reply.elapsedTime / 1000);
    },
    close() {
      diagnosticsChannel.unsubscribe(channels.rightsCompiled.name, onCompiled);
      diagnosticsChannel.unsubscribe(channels.sweepRan.name, onSweep);
      diagnosticsChannel.unsubscribe(channels.deliveryRan.name, onDelivery);
    },
  };
}

/** A scrape during a database outage still answers: the gauge keeps its last value, /readyz says why. */
async function readOrNothing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}
