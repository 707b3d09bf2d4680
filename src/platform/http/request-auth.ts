import type { FastifyReply, FastifyRequest } from "fastify";
import { findSession, type FoundSession } from "../auth/session-store.js";
import { safeEqual } from "../auth/tokens.js";
import type { AppDeps } from "../deps.js";
import { describeAccess, type Access } from "./access.js";
import type { Actor } from "./actor.js";
import { AppError, forbidden, notFound, unauthenticated } from "./errors.js";

export const SESSION_COOKIE = "gh_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before every handler: finds the session, builds the Actor, enforces the route's declared
 * access and, for cookie-authenticated writes, the CSRF token.
 */
export function makeAuthHook(deps: AppDeps) {
  return async function authHook(request: FastifyRequest, _reply: FastifyReply) {
    const required = request.routeOptions.config.access as Access | undefined;
    if (!required) return; // framework routes (docs, static files) registered outside the app
    const token = request.cookies[SESSION_COOKIE];
    const found = token ? await findSession(deps.database.db, token, deps.clock.now(), sessionLimits(deps)) : null;
    if (found) {
      request.session = found.session;
      if (found.session.stage === "active") request.actor = await buildActor(deps, found);
      if (!SAFE_METHODS.has(request.method)) checkCsrf(request, found.session.csrfToken);
    }
    enforce(required, request);
  };
}

function checkCsrf(request: FastifyRequest, expected: string) {
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !safeEqual(sent, expected)) {
    throw new AppError(403, "csrf-token-invalid", "This request is missing its CSRF token. Reload the page and try again.");
  }
}

function enforce(required: Access, request: FastifyRequest) {
  if (required.kind === "public") return;
  if (required.kind === "session") {
    if (!request.session) throw unauthenticated();
    return;
  }
  const actor = request.actor;
  if (!actor) {
    if (request.session) throw new AppError(401, "mfa-required", "Finish signing in with your authenticator code first.");
    throw unauthenticated();
  }
  if (required.kind === "authenticated") return;
  if (required.kind === "vendor") {
    if (actor.kind !== "vendor") throw notFound("This page");
    return;
  }
  if (actor.kind !== "district") throw forbidden("district-only", "This is a district tool; vendor staff work through the support portal.");
  // Without the right the tool does not exist for this caller: 404, not 403 (STYLE.md).
  if (!actor.rights.has(required.tool, required.right)) {
    request.log.info({ needed: describeAccess(required) }, "tool right missing");
    throw notFound("This tool");
  }
}

async function buildActor(deps: AppDeps, found: FoundSession): Promise<Actor> {
  const { user, session, rightsVersion } = found;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    districtId: user.districtId,
    productSecurityRole: user.productSecurityRole,
    sessionId: session.id,
    rights: await deps.rights.viewFor(user, rightsVersion),
  };
}

export function sessionLimits(deps: AppDeps) {
  return { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
}
