import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/deps.js";
import { SESSION_COOKIE } from "../../platform/http/request-auth.js";

function isSecure(deps: AppDeps, request: FastifyRequest): boolean {
  if (deps.config.cookieSecure !== "auto") return deps.config.cookieSecure === "true";
  return request.protocol === "https" || Boolean(deps.config.publicUrl?.startsWith("https:"));
}

/** httpOnly + SameSite=Strict: scripts cannot read it and other sites cannot send it. */
export function setSessionCookie(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: isSecure(deps, request),
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
