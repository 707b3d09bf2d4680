import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listUserSessions } from "../../platform/auth/session-store.js";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { ownToolRefusal } from "../../platform/http/access-verdict.js";
import { setSessionCookie } from "../auth/cookies.js";
import { changePassword } from "./change-password.js";
import { endSession, signOutEverywhere } from "./end-sessions.js";
import { confirmMfaSetup, disableMfa, startMfaSetup } from "./manage-mfa.js";
import { ZChangePassword, ZMfaConfirm, ZMfaProof, ZMfaSetup, ZRecoveryCodes, ZSessionInfo } from "./schema.js";

const tags = ["account"];

/*
 * The seed's All Campus Users group gives Account Setting (RWAD) to everyone. R shows the account
 * page (where you are signed in, your SSO links); W changes what is already there (the password,
 * moving to a new authenticator, turning MFA off). A and D add nothing here: there is nothing to
 * add, and ending a session is security self-service, like signing out and a first authenticator,
 * which stay open to everyone (SECURITY.md).
 */

export function accountRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/account/password",
      { config: { access: access.own("Account Setting", "W") }, schema: { tags, summary: "Change my password", body: ZChangePassword, response: { 204: z.null() } } },
      async (request, reply) => {
        await changePassword(deps, request.actor!, request.body, request.ip);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/account/sessions",
      { config: { access: access.own("Account Setting", "R") }, schema: { tags, summary: "My open sessions", response: { 200: z.array(ZSessionInfo) } } },
      async (request) => {
        const rows = await listUserSessions(deps.database.db, request.actor!.userId, deps.clock.now());
        return rows.map((s) => ({
          id: s.id,
          current: s.id === request.actor!.sessionId,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          expiresAt: s.expiresAt,
          userAgent: s.userAgent,
          ip: s.ip,
        }));
      },
    );

    app.delete(
      "/api/account/sessions/:sessionId",
      { config: { access: access.authenticated() }, schema: { tags, summary: "Sign out one of my sessions", params: z.object({ sessionId: z.uuid() }), response: { 204: z.null() } } },
      async (request, reply) => {
        await endSession(deps, request.actor!.userId, request.params.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/account/sign-out-everywhere",
      { config: { access: access.authenticated() }, schema: { tags, summary: "Sign out of every other session", response: { 200: z.object({ signedOut: z.number() }) } } },
      async (request) => ({ signedOut: await signOutEverywhere(deps, request.actor!.userId, request.actor!.sessionId) }),
    );

    app.post(
      "/api/account/mfa/setup",
      {
        config: { access: access.session() },
        schema: { tags, summary: "Start authenticator (TOTP) setup; with MFA already on, give the password and a current or recovery code", body: ZMfaProof.nullish(), response: { 200: ZMfaSetup } },
      },
      // A first authenticator is always allowed (vendor staff enrol at sign-in, contacts must have one);
      // moving to a new one changes an existing setting: W on Account Setting.
      async (request) => {
        const reEnrolRefusal = request.actor ? ownToolRefusal(request.actor, "Account Setting", "W") : null;
        return startMfaSetup(deps, request.session!, request.body ?? {}, request.ip, reEnrolRefusal);
      },
    );

    app.post(
      "/api/account/mfa/confirm",
      { config: { access: access.session() }, schema: { tags, summary: "Confirm authenticator setup; returns recovery codes once", body: ZMfaConfirm, response: { 200: ZRecoveryCodes } } },
      async (request, reply) => {
        const { recoveryCodes, token } = await confirmMfaSetup(deps, request.session!, request.body.code);
        if (token) setSessionCookie(deps, request, reply, token);
        return { recoveryCodes };
      },
    );

    app.post(
      "/api/account/mfa/disable",
      { config: { access: access.own("Account Setting", "W") }, schema: { tags, summary: "Turn off MFA with the password and a current or recovery code (not allowed for vendor staff)", body: ZMfaProof, response: { 204: z.null() } } },
      async (request, reply) => {
        await disableMfa(deps, request.actor!.userId, request.body, request.ip);
        return reply.status(204).send(null);
      },
    );
  };
}
