import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifySchema } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerAuditContext } from "../audit-context.js";
import type { AppDeps } from "../deps.js";
import "./fastify-types.js";
import { declarationProblem, type Access } from "./access.js";
import { registerCapabilitiesRoute } from "./capabilities-route.js";
import { AccessLog, createLogger } from "./logger.js";
import { refuseControlCharacters } from "./control-characters.js";
import { writeClientError } from "./framework-errors.js";
import { handleError } from "./problem.js";
import { makeAuthHook } from "./request-auth.js";

/** A registered route: its declared access and its schemas, as registered. */
export type RouteAccessRecord = { method: string; url: string; access: Access; schema?: FastifySchema | undefined };

/** Routes that Fastify plugins add for themselves; everything else must declare its access. */
const FRAMEWORK_PREFIXES = ["/docs", "/assets/"];

const API_PREFIXES = ["/api/", "/scim/"];

function trustProxyOption(value: boolean | number | string[]) {
  return typeof value === "number" ? (_address: string, hop: number) => hop < value : value;
}

export async function createServer(deps: AppDeps): Promise<{ app: FastifyInstance; routeAccess: RouteAccessRecord[] }> {
  const app = Fastify({
    loggerInstance: createLogger(deps.config),
    logController: new AccessLog(),
    // The server's own id: a client-chosen one could be forged into audit rows or collide.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Behind a proxy (TRUST_PROXY) the client's address and https come from X-Forwarded-For/-Proto.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 12 * 1024 * 1024,
    // the router's and the HTTP parser's refusals (414, bad URL, 431) as problem+json too
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
    clientErrorHandler: writeClientError,
    // Every schema is zod: given as the factories, Fastify never loads Ajv and fast-json-stringify
    // (≈0.2 s of start-up) only to have them replaced.
    // (Fastify types the factories for Ajv's JSON schemas, hence the casts.)
    schemaController: { compilersFactory: { buildValidator: (() => validatorCompiler) as never, buildSerializer: (() => serializerCompiler) as never } },
  });
  app.setErrorHandler(handleError);

  const routeAccess: RouteAccessRecord[] = [];
  app.addHook("onRoute", (route) => {
    const accessDecl = route.config?.access as Access | undefined;
    if (!accessDecl) {
      if (FRAMEWORK_PREFIXES.some((p) => route.url.startsWith(p)) || route.url === "*") return;
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access; add config.access (a tool right or a marker).`);
    }
    const problem = declarationProblem([route.method].flat().map(String), route.url, accessDecl);
    if (problem) throw new Error(problem);
    routeAccess.push({ method: String(route.method), url: route.url, access: accessDecl, schema: route.schema });
  });
  registerAuditContext(app);
  app.addHook("onRequest", async (request) => {
    const clientId = request.headers["x-request-id"];
    if (typeof clientId === "string") request.log = request.log.child({ clientRequestId: clientId.slice(0, 64) });
  });
  app.addHook("preValidation", refuseControlCharacters);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // API answers carry student records and rights: no browser or proxy cache may keep them (ASVS 8.2.1)
    if (API_PREFIXES.some((p) => request.url.startsWith(p)) && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Gatehouse API", version: "1", description: "Tool rights, calendar rights, protected data and authorized support contacts." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "gh_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });
  app.addHook("onRequest", makeAuthHook(deps));
  registerCapabilitiesRoute(app, routeAccess);
  return { app, routeAccess };
}
