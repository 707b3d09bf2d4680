import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendProblem } from "./http/problem.js";

/**
 * Serves the built React app: hashed files under /assets, and index.html for every other GET
 * outside /api so the client router can take the path. API misses stay problem+json.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string, methodsFor: (path: string) => string[] = () => []): Promise<void> {
  const root = path.resolve(webDir);
  const indexFile = path.join(root, "index.html");
  const hasBuild = fs.existsSync(indexFile);
  if (hasBuild) {
    await app.register(fastifyStatic, { root: path.join(root, "assets"), prefix: "/assets/", immutable: true, maxAge: "365d" });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/docs");
    if (isPage && hasBuild) {
      return reply.type("text/html").header("cache-control", "no-cache").send(fs.createReadStream(indexFile));
    }
    const path = request.url.split("?")[0]!;
    const allowed = isPage ? [] : methodsFor(path);
    if (allowed.length > 0) {
      reply.header("allow", allowed.join(", "));
      return sendProblem(reply, request, { status: 405, code: "method-not-allowed", detail: `${path} answers ${allowed.join(", ")}, not ${request.method}.` });
    }
    const detail = isPage
      ? "The web app has not been built yet: run `npm run build:web` (npm start does this for you)."
      : `No route ${request.method} ${path}.`;
    return sendProblem(reply, request, { status: 404, code: "not-found", detail });
  });
}
