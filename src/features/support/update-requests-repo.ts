import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { districts } from "../../platform/db/schema/districts.js";
import { releases, updateRequests } from "../../platform/db/schema/support.js";
import { users } from "../../platform/db/schema/users.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";

/** Update requests with their district and release, for one district or (scope null) all of them. */
export async function listUpdateRequestRows(db: Db, scope: DistrictScope | null, condition?: SQL) {
  return db
    .select({
      id: updateRequests.id,
      number: updateRequests.number,
      districtId: updateRequests.districtId,
      districtName: districts.name,
      kind: updateRequests.kind,
      releaseVersion: releases.version,
      preferredDate: updateRequests.preferredDate,
      notes: updateRequests.notes,
      status: updateRequests.status,
      scheduledFor: updateRequests.scheduledFor,
      vendorNote: updateRequests.vendorNote,
      decidedByName: updateRequests.decidedByName,
      requestedByName: updateRequests.requestedByName,
      createdAt: updateRequests.createdAt,
      version: updateRequests.version,
    })
    .from(updateRequests)
    .innerJoin(districts, eq(districts.id, updateRequests.districtId))
    .leftJoin(releases, eq(releases.id, updateRequests.releaseId))
    .where(and(scope ? eq(updateRequests.districtId, scope.districtId) : undefined, condition))
    .orderBy(desc(updateRequests.createdAt))
    .limit(200);
}

export async function listAvailableReleases(db: Db) {
  return db.select({ id: releases.id, version: releases.version, name: releases.name, releasedOn: releases.releasedOn, available: releases.available }).from(releases).where(eq(releases.available, true)).orderBy(desc(releases.releasedOn));
}

export async function listAllReleases(db: Db) {
  return db.select({ id: releases.id, version: releases.version, name: releases.name, releasedOn: releases.releasedOn, available: releases.available }).from(releases).orderBy(desc(releases.releasedOn));
}

/** The requester's email, to tell them what happened to their request. */
export async function requesterEmail(db: Db, scope: DistrictScope, contactId: string): Promise<string | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(authorizedContacts)
    .innerJoin(users, eq(users.id, authorizedContacts.userId))
    .where(and(eq(authorizedContacts.districtId, scope.districtId), eq(authorizedContacts.id, contactId)))
    .orderBy(asc(users.email))
    .limit(1);
  return row?.email ?? null;
}
