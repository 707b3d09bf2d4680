import { and, eq, ne, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { scimUsers } from "../../platform/db/schema/scim.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict } from "../../platform/db/tenancy.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { disableAccount } from "../governance/dormant-accounts.js";
import { auditActor } from "../rights/guards.js";
import { createUser } from "../users/create-user.js";
import { displayNameOf, type UserInput } from "./resources.js";
import { ScimError } from "./scim-error.js";
import { findDeletedByUsername, findScimUser } from "./scim-repo.js";
import { endScimAssignments, runScimStaffAutomation } from "./scim-staff-automation.js";

const notFound = () => new ScimError(404, "No such user here.");

/**
 * An IdP may not lock out the people who administer Gatehouse: a Product Security Role holder is
 * disabled or deleted in Gatehouse, by another holder, once the role is taken away there.
 */
function refuseDisablingAdministrator(account: { username: string; productSecurityRole: string }) {
  if (account.productSecurityRole === "none") return;
  throw new ScimError(403, `${account.username} holds a Product Security Role, so SCIM may not disable or delete them. A district system administrator can take the role away in Gatehouse first (Users screen).`);
}

async function refuseTakenExternalId(tx: Db, actor: DistrictActor, externalId: string | null, userId: string | null) {
  if (!externalId) return;
  const [other] = await tx.select({ id: scimUsers.userId }).from(scimUsers).where(inDistrict(scimUsers, actor, eq(scimUsers.externalId, externalId), userId ? ne(scimUsers.userId, userId) : undefined)).limit(1);
  if (other) throw new ScimError(409, `Another user already has externalId "${externalId}".`, "uniqueness");
}

/**
 * POST /Users: a new staff account through the one createUser (no password: the person signs
 * in with single sign-on, or an administrator sends a set-password link), with what SCIM knows
 * of them. A userName deleted over SCIM before is brought back instead. Never a role or rights.
 */
export async function createScimUser(db: Db, actor: DistrictActor, input: UserInput, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const revived = await findDeletedByUsername(tx, actor, input.userName);
    if (revived) {
      await tx.update(scimUsers).set({ deletedAt: null }).where(eq(scimUsers.userId, revived));
      await applyUser(tx, actor, revived, input, now, "user.reprovisioned");
      return revived;
    }
    await refuseTakenExternalId(tx, actor, input.externalId, null);
    const user = await createUser(tx, { districtId: actor.districtId, username: input.userName, displayName: displayNameOf(input), ...(input.email ? { email: input.email } : {}) }, auditActor(actor));
    await tx.insert(scimUsers).values({ userId: user.id, districtId: actor.districtId, ...profile(input), updatedAt: now });
    if (!input.active) await disableAccount(tx, { id: user.id, username: user.username, districtId: actor.districtId }, auditActor(actor), "provisioned inactive over SCIM", now);
    await runScimStaffAutomation(tx, actor, { id: user.id, username: user.username, productSecurityRole: "none" }, null, input, false, now);
    return user.id;
  });
}

/** PUT /Users/:id (and PATCH, once applied): the account becomes what the resource says. */
export async function replaceScimUser(db: Db, actor: DistrictActor, userId: string, input: UserInput, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await findScimUser(tx, actor, userId))) throw notFound();
    await applyUser(tx, actor, userId, input, now, "user.provisioned");
  });
}

/** DELETE /Users/:id: the account is disabled (sessions ended) and hidden from SCIM; its history stays. */
export async function deleteScimUser(db: Db, actor: DistrictActor, userId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await findScimUser(tx, actor, userId);
    if (!found) throw notFound();
    const [account] = await tx.select({ username: users.username, productSecurityRole: users.productSecurityRole }).from(users).where(eq(users.id, userId));
    refuseDisablingAdministrator(account!);
    await disableAccount(tx, { id: userId, username: found.username, districtId: actor.districtId }, auditActor(actor), "deleted over SCIM", now);
    await endScimAssignments(tx, actor, { id: userId, username: found.username });
    await tx.insert(scimUsers).values({ userId, districtId: actor.districtId, deletedAt: now, updatedAt: now }).onConflictDoUpdate({ target: scimUsers.userId, set: { deletedAt: now, updatedAt: now } });
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "user.deprovisioned", target: { type: "user", id: userId, name: found.username } });
  });
}

const profile = (u: UserInput) => ({ externalId: u.externalId, givenName: u.givenName, familyName: u.familyName, employeeNumber: u.employeeNumber, department: u.department, title: u.title });

async function applyUser(tx: Db, actor: DistrictActor, userId: string, input: UserInput, now: Date, action: string) {
  const [account] = await tx.select().from(users).where(inDistrict(users, actor, eq(users.id, userId))).for("update");
  if (!account) throw notFound();
  if (!input.active && !account.disabled) refuseDisablingAdministrator(account);
  await refuseTakenExternalId(tx, actor, input.externalId, userId);
  if (input.userName.toLowerCase() !== account.username.toLowerCase()) {
    if (!/^[A-Za-z0-9._@-]{2,64}$/.test(input.userName)) throw new ScimError(400, "Use 2 to 64 letters, digits, dots, dashes, underscores or @ in a userName.", "invalidValue");
    const [taken] = await tx.select({ id: users.id }).from(users).where(inDistrict(users, actor, sql`lower(${users.username}) = lower(${input.userName})`, ne(users.id, userId))).limit(1);
    if (taken) throw new ScimError(409, `There is already a user "${input.userName}" here.`, "uniqueness");
  }
  const [before] = await tx.select().from(scimUsers).where(eq(scimUsers.userId, userId));
  const next = { username: input.userName, displayName: displayNameOf(input), email: input.email };
  const changedAccount = next.username !== account.username || next.displayName !== account.displayName || next.email !== account.email;
  if (changedAccount) await tx.update(users).set({ ...next, version: sql`${users.version} + 1` }).where(eq(users.id, userId));
  await tx
    .insert(scimUsers)
    .values({ userId, districtId: actor.districtId, ...profile(input), updatedAt: now })
    .onConflictDoUpdate({ target: scimUsers.userId, set: { ...profile(input), updatedAt: now } });
  const was = { username: account.username, displayName: account.displayName, email: account.email, ...(before ? pick(before) : NO_PROFILE) };
  const is = { ...next, ...profile(input) };
  if (JSON.stringify(was) !== JSON.stringify(is)) {
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action, target: { type: "user", id: userId, name: input.userName }, before: was, after: is });
  }
  if (!input.active && !account.disabled) await disableAccount(tx, { id: userId, username: input.userName, districtId: actor.districtId }, auditActor(actor), "set inactive over SCIM", now);
  if (input.active && account.disabled) {
    await tx.update(users).set({ disabled: false, version: sql`${users.version} + 1` }).where(and(eq(users.id, userId), eq(users.disabled, true)));
    await recordAudit(tx, { districtId: actor.districtId, actor: auditActor(actor), action: "user.enabled", target: { type: "user", id: userId, name: input.userName }, before: { disabled: true }, after: { disabled: false, reason: "set active over SCIM" } });
  }
  const reactivated = input.active && account.disabled;
  await runScimStaffAutomation(tx, actor, { id: userId, username: input.userName, productSecurityRole: account.productSecurityRole }, before ?? null, input, reactivated, now);
}

const NO_PROFILE = { externalId: null, givenName: null, familyName: null, employeeNumber: null, department: null, title: null };
const pick = (row: typeof scimUsers.$inferSelect) => ({ externalId: row.externalId, givenName: row.givenName, familyName: row.familyName, employeeNumber: row.employeeNumber, department: row.department, title: row.title });
