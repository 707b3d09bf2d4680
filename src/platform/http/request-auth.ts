import type { FastifyReply, FastifyRequest } from "fastify";
import { findApiToken, scopeAllows, type FoundApiToken } from "../auth/api-token-store.js";
import { findPreviewTarget, findSession, type FoundSession } from "../auth/session-store.js";
import { safeEqual } from "../auth/tokens.js";
import type { AppDeps } from "../deps.js";
import { describeAccess, type Access } from "./access.js";
import { accessVerdict, tokenScopeMissing } from "./access-verdict.js";
import type { Actor } from "./actor.js";
import { AppError } from "./errors.js";

export const SESSION_COOKIE = "gh_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before every handler: finds the session (or the API token), builds the Actor, enforces the
 * route's declared access and, for cookie-authenticated writes, the CSRF token.
 */
export function makeAuthHook(deps: AppDeps) {
  return async function authHook(request: FastifyRequest, _reply: FastifyReply) {
    const required = request.routeOptions.config.access as Access | undefined;
    if (!required) return; // framework routes (docs, static files) registered outside the app
    // A public route ignores bearer tokens: /metrics takes its own METRICS_TOKEN that way.
    const bearer = required.kind === "public" ? null : bearerSecret(request);
    if (bearer !== null) return authenticateToken(deps, request, required, bearer);
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

function bearerSecret(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * An API token acts as its service account, never beyond it: the route's declaration is checked
 * against the account's own rights and role, and the token's scopes narrow that further. Tokens
 * reach the district API (routes that name a tool) and SCIM; a person's own routes (account,
 * sign-in, the support portal's self-service, vendor tools) stay for people. No CSRF check: a
 * browser never sends an Authorization header by itself.
 */
async function authenticateToken(deps: AppDeps, request: FastifyRequest, required: Access, secret: string) {
  const found = await findApiToken(deps.database.db, secret, deps.clock.now());
  if (!found) throw new AppError(401, "token-invalid", "This API token is unknown, revoked or expired. Ask a district system administrator for a new one (Security > API tokens).");
  request.apiToken = found.token;
  request.actor = await buildTokenActor(deps, found);
  if (required.kind === "tool") {
    if (!scopeAllows(found.token.scopes, "api", request.method)) throw tokenScopeMissing(SAFE_METHODS.has(request.method) ? "api:read" : "api:write");
  } else if (required.kind !== "scim") {
    throw new AppError(403, "token-not-accepted", "API tokens work on the district API and on SCIM; this route is for a person signed in to Gatehouse.");
  }
  const refusal = accessVerdict(required, { hasSession: false, actor: request.actor, tokenScopes: found.token.scopes });
  if (refusal) {
    request.log.info({ needed: describeAccess(required), code: refusal.code, token: found.token.id }, "access refused");
    throw refusal;
  }
}

async function buildTokenActor(deps: AppDeps, found: FoundApiToken): Promise<Actor> {
  const { user, token } = found;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    districtId: user.districtId,
    productSecurityRole: user.productSecurityRole,
    // no session: the token's id stands in, so session lookups by it find nothing
    sessionId: token.id,
    rights: await deps.rights.viewFor(user, found.rightsVersion),
    token: { id: token.id, scopes: token.scopes },
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
