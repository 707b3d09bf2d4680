import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import { createSession, type SessionStage, type UserRow } from "../../platform/auth/session-store.js";
import type { Db } from "../../platform/db/connect.js";
import { userGroupMembers, userGroups } from "../../platform/db/schema/rights.js";
import type { SsoProvider } from "../../platform/db/schema/sso.js";
import { users } from "../../platform/db/schema/users.js";
import type { AppDeps } from "../../platform/deps.js";
import { sessionLimits } from "../../platform/http/request-auth.js";
import { recordSuccessfulLogin } from "../auth/repo.js";
import { bumpRightsVersion } from "../rights/rights-version.js";
import { findDistrictUserById, findLinkedUser, insertLink, type SsoSettingsRow } from "./repo.js";
import { SsoRefusal } from "./refusals.js";

export type District = { id: string; slug: string; name: string };
export type IdpIdentity = { provider: SsoProvider; subject: string; email?: string; name?: string; username?: string };
export type Client = { ip: string; userAgent?: string };
export type SsoOutcome = { token: string; stage: SessionStage } | { linked: true };

const PROVIDER_NAMES: Record<SsoProvider, string> = { oidc: "OpenID Connect", saml: "SAML" };

/**
 * The common end of an OIDC or SAML sign-in once the IdP's answer is verified: the user is the
 * one linked to this subject (never one found by email), or a just-in-time user, or — when a
 * signed-in user started the flow to link themself — the link is made. The session is the same
 * as after a password, and the same MFA rule holds: a user with Gatehouse MFA still gives the code.
 */
export async function finishSso(
  deps: AppDeps,
  district: District,
  settings: SsoSettingsRow,
  identity: IdpIdentity,
  linkUserId: string | null,
  client: Client,
): Promise<SsoOutcome> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const scope = { districtId: district.id };
  if (linkUserId) {
    return db.transaction(async (tx) => {
      const user = await findDistrictUserById(tx, scope, linkUserId);
      if (!user) throw new SsoRefusal("unlinked-user", "The account that asked to be linked no longer exists.");
      const existing = await findLinkedUser(tx, scope, identity.provider, identity.subject);
      if (existing && existing.id !== user.id) {
        throw new SsoRefusal("subject-linked-elsewhere", `This ${PROVIDER_NAMES[identity.provider]} identity is already linked to another Gatehouse account. Ask your district's system administrator.`);
      }
      if (!existing) await insertLink(tx, scope, { provider: identity.provider, subject: identity.subject, userId: user.id });
      await recordAudit(tx, {
        districtId: district.id,
        actor: { id: user.id, name: user.username },
        action: "sso.linked",
        target: { type: "user", id: user.id, name: user.username },
        after: { provider: identity.provider, subject: identity.subject, by: "self" },
      });
      return { linked: true as const };
    });
  }

  let user = await findLinkedUser(db, scope, identity.provider, identity.subject);
  if (!user && settings.jitEnabled) user = await createJustInTime(db, district, settings, identity);
  if (!user) {
    throw new SsoRefusal(
      "unlinked-user",
      `Your ${PROVIDER_NAMES[identity.provider]} sign-in worked, but it is not linked to a Gatehouse account in ${district.name}. Ask your district's system administrator to link it, or sign in with your password and link it under My account.`,
      { subject: identity.subject, email: identity.email ?? null },
    );
  }
  if (user.disabled) throw new SsoRefusal("account-disabled", "This account is disabled. Ask your district's system administrator.", { userId: user.id });
  return openSession(deps, district, user, identity, client, now);
}

async function openSession(deps: AppDeps, district: District, user: UserRow, identity: IdpIdentity, client: Client, now: Date) {
  const db = deps.database.db;
  const stage: SessionStage = user.mfaEnabledAt ? "mfa" : "active";
  const { token } = await db.transaction(async (tx) => {
    const opened = await createSession(tx, { user, stage, ip: client.ip, userAgent: client.userAgent, now, limits: sessionLimits(deps) });
    if (stage === "active") await recordSuccessfulLogin(tx, user.id, now);
    await recordAudit(tx, {
      districtId: district.id,
      actor: { id: user.id, name: user.username },
      action: stage === "active" ? "auth.signed-in" : "auth.sso-accepted",
      target: { type: "user", id: user.id, name: user.username },
      after: { method: identity.provider, subject: identity.subject },
    });
    return opened;
  });
  return { token, stage };
}

const USERNAME = /^[A-Za-z0-9._@-]{2,64}$/;

/**
 * Just-in-time creation: a new account with no password, no role and no tool rights of its own,
 * in the district's chosen default groups only. A username already taken is refused, not joined:
 * taking over an existing account by name would be matching by name.
 */
async function createJustInTime(db: Db, district: District, settings: SsoSettingsRow, identity: IdpIdentity): Promise<UserRow> {
  const username = (identity.username ?? identity.email ?? "").trim();
  if (!USERNAME.test(username)) {
    throw new SsoRefusal("jit-no-username", "Your identity provider sent no usable username or email, so no Gatehouse account could be made for you. Ask your district's system administrator.");
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.districtId, district.id), eq(users.username, username))).limit(1);
    if (taken) {
      throw new SsoRefusal("jit-username-taken", `There is already a Gatehouse account "${username}" in ${district.name} that is not linked to this sign-in. Ask your district's system administrator to link it.`, { username });
    }
    const [created] = await tx
      .insert(users)
      .values({ districtId: district.id, kind: "district", username, displayName: identity.name?.trim() || username, email: identity.email ?? null })
      .returning();
    const user = created!;
    await insertLink(tx, { districtId: district.id }, { provider: identity.provider, subject: identity.subject, userId: user.id });
    const groups = settings.jitGroupIds.length
      ? await tx.select({ id: userGroups.id, name: userGroups.name }).from(userGroups).where(and(eq(userGroups.districtId, district.id), inArray(userGroups.id, settings.jitGroupIds)))
      : [];
    if (groups.length) await tx.insert(userGroupMembers).values(groups.map((g) => ({ districtId: district.id, groupId: g.id, userId: user.id })));
    await recordAudit(tx, {
      districtId: district.id,
      actor: null,
      action: "sso.user-created",
      target: { type: "user", id: user.id, name: username },
      after: { username, displayName: user.displayName, email: user.email, provider: identity.provider, subject: identity.subject, groups: groups.map((g) => g.name) },
    });
    await bumpRightsVersion(tx, { districtId: district.id }, { users: [user.id] });
    return user;
  });
}
