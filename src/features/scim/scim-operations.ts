import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { applyPatch } from "./apply-patch.js";
import { createScimGroup, deleteScimGroup, replaceScimGroup, type GroupInput } from "./provision-group.js";
import { createScimUser, deleteScimUser, replaceScimUser } from "./provision-user.js";
import { groupResource, readUser, userResource } from "./resources.js";
import { invalidValue, ScimError } from "./scim-error.js";
import { findScimGroup, findScimUser } from "./scim-repo.js";

export type ScimResource = Record<string, unknown> & { id: string; meta: { version: string; location: string } };
/** What a change answers: the resource as it is now (none after a delete). */
export type ScimOutcome = { status: 200 | 201 | 204; resource: ScimResource | null };
export type ResourceKind = "Users" | "Groups";

function readGroup(resource: unknown): GroupInput {
  const r = (resource ?? {}) as Record<string, unknown>;
  if (typeof r.displayName !== "string" || !r.displayName.trim()) throw invalidValue("displayName is required.");
  if (r.externalId !== undefined && r.externalId !== null && typeof r.externalId !== "string") throw invalidValue("externalId must be a string.");
  const members = Array.isArray(r.members) ? (r.members as { value?: unknown }[]) : [];
  if (members.some((m) => typeof m?.value !== "string")) throw invalidValue("Each member has a string value: the user's id.");
  return { displayName: r.displayName.trim(), externalId: (r.externalId as string | undefined)?.trim() || null, members: [...new Set(members.map((m) => m.value as string))] };
}

/** If-Match (RFC 7644 §3.14), or a bulk operation's `version`: a change is made only to the version the client read. */
function checkIfMatch(ifMatch: string | undefined, current: { meta: { version: string } }) {
  if (typeof ifMatch !== "string" || ifMatch.trim() === "*") return;
  if (!ifMatch.split(",").map((s) => s.trim()).includes(current.meta.version)) {
    throw new ScimError(412, "The resource changed since you read it: its ETag is not the one in If-Match. Read it again, then retry.");
  }
}

/**
 * The SCIM writes, one per method and resource, shared by the single routes and by Bulk: each
 * checks the version sent, makes the change (audited as the token's service account) and
 * answers the resource as it is now.
 */
export function scimOperations(db: Db, now: () => Date, base: () => string) {
  const user = async (actor: DistrictActor, id: string) => {
    const row = await findScimUser(db, actor, id);
    if (!row) throw new ScimError(404, `No user "${id}" here.`);
    return userResource(row, base()) as unknown as ScimResource;
  };
  const group = async (actor: DistrictActor, id: string, withMembers = true) => {
    const row = await findScimGroup(db, actor, id);
    if (!row) throw new ScimError(404, `No group "${id}" here.`);
    return groupResource(row, base(), withMembers) as unknown as ScimResource;
  };
  const read = (kind: ResourceKind, actor: DistrictActor, id: string) => (kind === "Users" ? user(actor, id) : group(actor, id));
  const writes = {
    Users: {
      create: async (actor: DistrictActor, body: unknown) => user(actor, await createScimUser(db, actor, readUser(body), now())),
      replace: async (actor: DistrictActor, id: string, body: unknown) => {
        await replaceScimUser(db, actor, id, readUser(body), now());
        return user(actor, id);
      },
      patch: async (actor: DistrictActor, current: ScimResource, body: unknown) => writes.Users.replace(actor, current.id, applyPatch(current, body, "User")),
      remove: (actor: DistrictActor, id: string) => deleteScimUser(db, actor, id, now()),
    },
    Groups: {
      create: async (actor: DistrictActor, body: unknown) => group(actor, await createScimGroup(db, actor, readGroup(body), now())),
      replace: async (actor: DistrictActor, id: string, body: unknown) => {
        await replaceScimGroup(db, actor, id, readGroup(body), now());
        return group(actor, id);
      },
      patch: async (actor: DistrictActor, current: ScimResource, body: unknown) => {
        const members = (current.members as { value: string }[] | undefined)?.map((m) => ({ value: m.value })) ?? [];
        return writes.Groups.replace(actor, current.id, applyPatch({ ...current, members }, body, "Group"));
      },
      remove: (actor: DistrictActor, id: string) => deleteScimGroup(db, actor, id, now()),
    },
  };

  return {
    user,
    group,
    create: async (kind: ResourceKind, actor: DistrictActor, body: unknown): Promise<ScimOutcome> => ({ status: 201, resource: await writes[kind].create(actor, body) }),
    replace: async (kind: ResourceKind, actor: DistrictActor, id: string, body: unknown, ifMatch?: string): Promise<ScimOutcome> => {
      checkIfMatch(ifMatch, await read(kind, actor, id));
      return { status: 200, resource: await writes[kind].replace(actor, id, body) };
    },
    patch: async (kind: ResourceKind, actor: DistrictActor, id: string, body: unknown, ifMatch?: string): Promise<ScimOutcome> => {
      const current = await read(kind, actor, id);
      checkIfMatch(ifMatch, current);
      return { status: 200, resource: await writes[kind].patch(actor, current, body) };
    },
    remove: async (kind: ResourceKind, actor: DistrictActor, id: string, ifMatch?: string): Promise<ScimOutcome> => {
      checkIfMatch(ifMatch, await read(kind, actor, id));
      await writes[kind].remove(actor, id);
      return { status: 204, resource: null };
    },
  };
}
export type ScimOperations = ReturnType<typeof scimOperations>;
