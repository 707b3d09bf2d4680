import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../deps.js";
import { access } from "../http/access.js";
import { AppError } from "../http/errors.js";
import { createMetrics, type Metrics } from "./create-metrics.js";

/**
 * Prometheus metrics. With METRICS_PORT they are served there alone (for a scraper on a private
 * network) and not on the main port. Otherwise GET /metrics on the main port answers a bearer
 * token equal to METRICS_TOKEN, or, when no token is set, only requests made on this machine
 * directly (loopback, not through a proxy); everyone else finds no such route.
 */
export async function registerMetrics(app: FastifyInstance, deps: Pick<AppDeps, "database" | "config">): Promise<Metrics> {
  const metrics = createMetrics(deps);
  app.addHook("onResponse", (request, reply, done) => {
    metrics.observeRequest(request, reply);
    done();
  });
  const { metricsPort, metricsToken, host } = deps.config;
  let separate: http.Server | undefined;
  app.addHook("onClose", async () => {
    metrics.close();
    if (separate) await new Promise((resolve) => separate!.close(resolve));
  });

  if (metricsPort !== undefined) {
    app.addHook("onListen", async () => {
      separate = http.createServer((req, res) => {
        if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
          res.writeHead(404).end();
          return;
        }
        metrics.registry.metrics().then(
          (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
      });
      await new Promise<void>((resolve, reject) => separate!.once("error", reject).listen(metricsPort, host, resolve));
      app.log.info(`Metrics at http://${host}:${metricsPort}/metrics`);
    });
  }

  // Declared even with METRICS_PORT, so the path answers not-found rather than the web app's page.
  app.get("/metrics", { config: { access: access.public() }, schema: { hide: true } }, async (request, reply) => {
    if (metricsPort !== undefined || !mayReadMetrics(request, metricsToken)) throw new AppError(404, "not-found", `No route GET /metrics.`);
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return metrics;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(request.headers.authorization?.replace(/^Bearer\s+/i, "") ?? "");
    const wanted = Buffer.from(token);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  // The socket's address, not request.ip: behind a trusted proxy request.ip is the client's.
  const direct = !request.headers["x-forwarded-for"] && !request.headers.forwarded;
  return direct && LOOPBACK.has(request.socket.remoteAddress ?? "");
}
