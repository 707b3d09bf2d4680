import type { FastifyReply, FastifyRequest } from "fastify";
import { findPreviewTarget, findSession, type FoundSession } from "../auth/session-store.js";
import { safeEqual } from "../auth/tokens.js";
import type { AppDeps } from "../deps.js";
import { describeAccess, type Access } from "./access.js";
import { accessVerdict } from "./access-verdict.js";
import type { Actor } from "./actor.js";
import { AppError } from "./errors.js";

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
      if (!SAFE_METHODS.has(request.method)) {
        checkCsrf(request, found.session.csrfToken);
        if (request.actor?.preview && required.kind !== "session") throw previewReadOnly(request.actor);
      }
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
  const refusal = accessVerdict(required, { hasSession: request.session !== undefined, actor: request.actor });
  if (!refusal) return;
  if (refusal.status === 404 || refusal.status === 403) request.log.info({ needed: describeAccess(required), code: refusal.code }, "access refused");
  throw refusal;
}

/** While previewing, every change is refused; only ending the preview (or signing out) works. */
function previewReadOnly(actor: Actor) {
  return new AppError(403, "preview-read-only", `You are previewing Gatehouse as ${actor.displayName}: nothing can be changed. End the preview to work as yourself again.`);
}

async function buildActor(deps: AppDeps, found: FoundSession): Promise<Actor> {
  const { session, rightsVersion } = found;
  const target = session.previewUserId ? await findPreviewTarget(deps.database.db, found.user, session.previewUserId) : null;
  const user = target ?? found.user;
  return {
    ...(target ? { preview: { userId: found.user.id, username: found.user.username } } : {}),
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
