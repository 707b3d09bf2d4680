import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { modifyContactRequests } from "../../platform/db/schema/support.js";
import { users } from "../../platform/db/schema/users.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { notFound } from "../../platform/http/errors.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import { findAnyCase, findCase, findCaseSummary, listAttachmentMeta, listEvents, listWatchers, type CaseRow } from "./repo.js";

const target = alias(users, "target_user");

async function findModifyRequest(db: Db, scope: DistrictScope, caseId: string) {
  const [row] = await db
    .select({
      id: modifyContactRequests.id,
      action: modifyContactRequests.action,
      targetName: target.displayName,
      targetEmail: target.email,
      targetContactStatus: authorizedContacts.status,
      targetContactType: authorizedContacts.type,
      newType: modifyContactRequests.newType,
      status: modifyContactRequests.status,
      decidedByName: modifyContactRequests.decidedByName,
      decidedAt: modifyContactRequests.decidedAt,
      decisionNote: modifyContactRequests.decisionNote,
    })
    .from(modifyContactRequests)
    .innerJoin(target, eq(target.id, modifyContactRequests.targetUserId))
    .leftJoin(authorizedContacts, eq(authorizedContacts.userId, modifyContactRequests.targetUserId))
    .where(inDistrict(modifyContactRequests, scope, eq(modifyContactRequests.caseId, caseId)))
    .limit(1);
  return row ?? null;
}

async function detail(db: Db, c: CaseRow, audience: "district" | "vendor") {
  const scope = { districtId: c.districtId };
  const [summary, events, watchers, attachments, modifyRequest] = await Promise.all([
    findCaseSummary(db, c.id),
    listEvents(db, scope, c.id, audience === "vendor"),
    listWatchers(db, scope, c.id),
    listAttachmentMeta(db, scope, c.id),
    c.kind === "modify-contact" ? findModifyRequest(db, scope, c.id) : Promise.resolve(null),
  ]);
  const closed = c.status === "closed";
  return {
    ...summary!,
    description: c.description,
    contactId: c.contactId,
    openedByName: c.openedByName,
    emergencyReason: c.emergencyReason,
    assigneeId: audience === "vendor" ? c.assigneeId : null,
    closedAt: c.closedAt,
    version: c.version,
    events,
    watchers,
    attachments,
    modifyRequest,
    can: {
      comment: !closed,
      close: audience === "district" && !closed,
      reopen: audience === "district" && (closed || c.status === "resolved"),
      watch: audience === "district" && !closed,
      attach: !closed,
    },
  };
}

/** A case of the caller's district with its public timeline; another district's case is 404. */
export async function getCaseForContact(db: Db, caller: PortalCaller, caseId: string) {
  const c = await findCase(db, caller.actor, caseId);
  if (!c) throw notFound("Case");
  return detail(db, c, "district");
}

/** Vendor staff see the whole timeline, internal notes included. */
export async function getCaseForVendor(db: Db, caseId: string) {
  const c = await findAnyCase(db, caseId);
  if (!c) throw notFound("Case");
  return detail(db, c, "vendor");
}
