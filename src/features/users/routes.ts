import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/deps.js";
import { access } from "../../platform/http/access.js";
import { portalBaseUrl } from "../lifecycle/sweep-options.js";
import { listVendorStaff } from "./list-vendor-staff.js";
import { issuePasswordLink } from "./password-links.js";
import { findScopedUser } from "./repo.js";
import { unlockUser } from "./unlock-user.js";
import { createStaffAccount, setAccountDisabled } from "./manage-accounts.js";
import { districtActor } from "../rights/guards.js";
import { ZUserSummary } from "../rights/schema-users.js";

export const USERS_TOOL = "System Administration > User Security > Users";

const ZUserParams = z.object({ userId: z.uuid() });
const ZVendorStaff = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mfaEnabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.date().nullable(),
});

const ZNewAccount = z.object({
  username: z.string().trim().min(1, "Give the account a username").max(64, "Use at most 64 characters in a username"),
  displayName: z.string().trim().min(1, "Give the person's name").max(200, "Use at most 200 characters in a name"),
  email: z.email("Enter an email address such as kim@example.org").max(254).optional().describe("where set-password links and notices go"),
});
const ZAccountChange = z.object({ reason: z.string().trim().max(500).default("").describe("why, kept in the audit log") });
const ACCOUNTS = { administers: "accounts", role: "student-information-system" } as const;

const ZIssuedLink = z.object({ url: z.string(), expiresAt: z.date(), emailed: z.boolean() });

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  /** The link is answered to the administrator (to pass on) and emailed to the user. */
  const issueFor = async (scope: { districtId: string | null }, userId: string, actor: { userId: string; username: string }) => {
    const user = await findScopedUser(db, scope, userId);
    const { url, expiresAt, emailed } = await issuePasswordLink(db, portalBaseUrl(deps.config), user, "reset", { id: actor.userId, name: actor.username }, deps.clock.now());
    return { url, expiresAt, emailed };
  };
  return async (app) => {
    app.post(
      "/api/users",
      {
        config: { access: access.tool(USERS_TOOL, "A", ACCOUNTS) },
        schema: { tags: ["users"], summary: "Create a staff account of the district (no password: send a set-password link next)", body: ZNewAccount, response: { 201: ZUserSummary } },
      },
      async (request, reply) => reply.status(201).send(await createStaffAccount(db, districtActor(request.actor), request.body)),
    );

    app.post(
      "/api/users/:userId/disable",
      {
        config: { access: access.tool(USERS_TOOL, "W", ACCOUNTS) },
        schema: { tags: ["users"], summary: "Disable a staff account: sign-in refused and its open sessions ended", params: ZUserParams, body: ZAccountChange, response: { 200: ZUserSummary } },
      },
      async (request) => setAccountDisabled(db, districtActor(request.actor), request.params.userId, true, request.body.reason, deps.clock.now()),
    );

    app.post(
      "/api/users/:userId/enable",
      {
        config: { access: access.tool(USERS_TOOL, "W", ACCOUNTS) },
        schema: { tags: ["users"], summary: "Enable a disabled staff account again", params: ZUserParams, body: ZAccountChange, response: { 200: ZUserSummary } },
      },
      async (request) => setAccountDisabled(db, districtActor(request.actor), request.params.userId, false, request.body.reason, deps.clock.now()),
    );

    app.post(
      "/api/users/:userId/unlock",
      {
        config: { access: access.tool(USERS_TOOL, "W", { administers: "accounts", role: "student-information-system" }) },
        schema: { tags: ["users"], summary: "Unlock a user locked out by failed sign-ins", params: z.object({ userId: z.uuid() }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = request.actor!;
        await unlockUser(deps.database.db, { districtId: actor.districtId }, request.params.userId, { id: actor.userId, name: actor.username }, deps.clock.now());
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/vendor/staff-accounts",
      { config: { access: access.vendor() }, schema: { tags: ["vendor"], summary: "Vendor support staff and whether each is locked out", response: { 200: z.array(ZVendorStaff) } } },
      async () => listVendorStaff(deps.database.db),
    );

    app.post(
      "/api/vendor/staff-accounts/:userId/unlock",
      {
        config: { access: access.vendor({ administers: "accounts" }) },
        schema: { tags: ["vendor"], summary: "Unlock another vendor staff member locked out by failed sign-ins", params: ZUserParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = request.actor!;
        await unlockUser(deps.database.db, { districtId: null }, request.params.userId, { id: actor.userId, name: actor.username }, deps.clock.now());
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/users/:userId/password-link",
      {
        config: { access: access.tool(USERS_TOOL, "W", { administers: "accounts", role: "student-information-system" }) },
        schema: { tags: ["users"], summary: "Issue a one-time link (24 hours) for the user to set a new password; emailed to them and answered here", params: ZUserParams, response: { 200: ZIssuedLink } },
      },
      async (request) => issueFor({ districtId: request.actor!.districtId }, request.params.userId, request.actor!),
    );

    app.post(
      "/api/vendor/staff-accounts/:userId/password-link",
      {
        config: { access: access.vendor({ administers: "accounts" }) },
        schema: { tags: ["vendor"], summary: "Issue a one-time set-password link for vendor staff", params: ZUserParams, response: { 200: ZIssuedLink } },
      },
      async (request) => issueFor({ districtId: null }, request.params.userId, request.actor!),
    );
  };
}
