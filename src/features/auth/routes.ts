import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { signOut } from "../account/end-sessions.js";
import { clearSessionCookie, setSessionCookie } from "./cookies.js";
import { loadMe } from "./load-me.js";
import { ZMe, ZMfaCode, ZSignIn, ZSignInResult } from "./schema.js";
import { signIn } from "./sign-in.js";
import { verifyMfa } from "./verify-mfa.js";

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/auth/sign-in",
      {
        // Rate limited per username and address inside signIn, in the database (so across servers).
        config: { access: access.public() },
        schema: { tags: ["auth"], summary: "Sign in with username and password", body: ZSignIn, response: { 200: ZSignInResult } },
      },
      async (request, reply) => {
        const { token, stage } = await signIn(deps, request.body, {
          ip: request.ip,
          userAgent: request.headers["user-agent"],
        });
        setSessionCookie(deps, request, reply, token);
        return { stage };
      },
    );

    app.post(
      "/api/auth/mfa",
      {
        config: { access: access.session(), rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: { tags: ["auth"], summary: "Finish signing in with an authenticator or recovery code", body: ZMfaCode, response: { 200: ZSignInResult } },
      },
      async (request, reply) => {
        const token = await verifyMfa(deps, request.session!, request.body.code, request.ip);
        setSessionCookie(deps, request, reply, token);
        return { stage: "active" as const };
      },
    );

    app.get(
      "/api/auth/me",
      { config: { access: access.session() }, schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: ZMe } } },
      async (request) => loadMe(deps.database.db, request.session!),
    );

    app.post(
      "/api/auth/sign-out",
      { config: { access: access.session() }, schema: { tags: ["auth"], summary: "Sign out of this session", response: { 204: z.null() } } },
      async (request, reply) => {
        await signOut(deps, request.session!);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );
  };
}
