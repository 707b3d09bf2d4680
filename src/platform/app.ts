import type { FastifyInstance } from "fastify";
import { registerFeatures } from "../features/index.js";
import type { AppDeps } from "./deps.js";
import { methodFinder } from "./http/allowed-methods.js";
import { createServer, type RouteAccessRecord } from "./http/server.js";
import { registerMetrics } from "./metrics/metrics-routes.js";
import { serveWebApp } from "./web-assets.js";

export type App = { app: FastifyInstance; routeAccess: RouteAccessRecord[]; deps: AppDeps };

/** Assembles the whole HTTP application from its dependencies; no globals, no container. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { app, routeAccess } = await createServer(deps);
  await registerMetrics(app, deps);
  await registerFeatures(app, deps);
  await serveWebApp(app, deps.config.webDir, methodFinder(routeAccess));
  await app.ready();
  return { app, routeAccess, deps };
}
