import escapeHtml from "escape-html";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { AppDeps } from "../../platform/deps.js";
import type { Db } from "../../platform/db/connect.js";
import { releases, updateRequests, type UpdateRequestKind } from "../../platform/db/schema/support.js";
import { AppError } from "../../platform/http/errors.js";
import { enqueueEmail } from "../../platform/mail/enqueue-email.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { findDistrict, listContacts } from "../contacts/repo.js";
import type { PortalCaller } from "../contacts/require-portal-contact.js";
import type { NewUpdateRequest } from "./schema.js";
import { listAvailableReleases, listUpdateRequestRows } from "./update-requests-repo.js";

export const KIND_LABELS: Record<UpdateRequestKind, string> = {
  "sandbox-refresh": "Sandbox refresh",
  "staging-refresh": "Staging refresh",
  "version-update": "Version update",
};

/** Why a contact may not file update requests, or null when they may (technical contacts). */
async function refusal(db: Db, caller: PortalCaller): Promise<string | null> {
  if (caller.contact.type === "technical") return null;
  const technical = (await listContacts(db, caller.actor, { current: true })).filter((c) => c.type === "technical");
  const who = technical.length ? ` Ask ${technical.map((c) => `${c.name}${c.email ? ` (${c.email})` : ""}`).join(" or ")}.` : " Your district has no technical contact yet.";
  return `Update requests are filed by your district's authorized technical contact; you are a support contact.${who}`;
}

/**
 * Why a preferred day cannot be asked for, or null: Support cannot do work on a day already
 * gone, so yesterday (and the year 1) is refused; today is kept for an urgent request.
 */
export function preferredDateProblem(day: string, now: Date): string | null {
  const today = now.toISOString().slice(0, 10);
  if (day < today) return `Choose today (${today}) or a later day: Support cannot schedule work on a day that has passed.`;
  return null;
}

/** The Update Requests tool: every contact sees it; only technical contacts may file. */
export async function loadUpdateRequestPage(db: Db, caller: PortalCaller) {
  const district = (await findDistrict(db, caller.actor.districtId))!;
  const reason = await refusal(db, caller);
  const kinds: UpdateRequestKind[] = district.cloudChoice ? ["sandbox-refresh", "staging-refresh", "version-update"] : ["sandbox-refresh", "staging-refresh"];
  return {
    canRequest: reason === null,
    reason,
    kinds,
    releases: district.cloudChoice ? await listAvailableReleases(db) : [],
    requests: await listUpdateRequestRows(db, caller.actor),
  };
}

export async function fileUpdateRequest(deps: AppDeps, caller: PortalCaller, input: NewUpdateRequest) {
  const { db } = deps.database;
  const { actor, contact } = caller;
  const reason = await refusal(db, caller);
  if (reason) throw new AppError(403, "technical-contact-required", reason);
  const district = (await findDistrict(db, actor.districtId))!;
  if (input.kind === "version-update") {
    if (!district.cloudChoice) {
      throw new AppError(400, "version-update-needs-cloud-choice", "Version updates are requested only by Campus Cloud Choice districts; Support schedules updates for your district.", { path: "body.kind" });
    }
    if (!input.releaseId) throw new AppError(400, "release-required", "Choose the release to update to.", { path: "body.releaseId" });
    const [release] = await db.select().from(releases).where(and(eq(releases.id, input.releaseId), eq(releases.available, true))).limit(1);
    if (!release) throw new AppError(400, "release-not-available", "That release is not available for updates. Choose one from the list.", { path: "body.releaseId" });
  } else if (input.releaseId) {
    throw new AppError(400, "release-not-expected", "Only a version update takes a release.", { path: "body.releaseId" });
  }
  const now = deps.clock.now();
  const problem = input.preferredDate ? preferredDateProblem(input.preferredDate, now) : null;
  if (problem) throw new AppError(400, "preferred-date-past", problem, { path: "body.preferredDate" });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(updateRequests)
      .values({
        districtId: actor.districtId,
        contactId: contact.id,
        requestedByName: actor.displayName,
        kind: input.kind,
        releaseId: input.releaseId ?? null,
        preferredDate: input.preferredDate ?? null,
        notes: input.notes,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordContactActivity(tx, { districtId: actor.districtId, contactId: contact.id, kind: "case-activity", at: now });
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: { id: actor.userId, name: actor.username },
      action: "update-request.filed",
      target: { type: "update-request", id: row!.id, name: `${KIND_LABELS[input.kind]} #${row!.number}` },
      after: { kind: input.kind, releaseId: input.releaseId ?? null, preferredDate: input.preferredDate ?? null },
    });
    if (contact.email) {
      const line = `${KIND_LABELS[input.kind]} request #${row!.number} for ${district.name} was received. Support will schedule it and let you know.`;
      await enqueueEmail(tx, { districtId: actor.districtId, kind: "update-request-filed", to: contact.email, subject: `${KIND_LABELS[input.kind]} request #${row!.number} received`, text: line, html: `<p>${escapeHtml(line)}</p>` });
    }
    return row!.id;
  });
  const [created] = await listUpdateRequestRows(db, actor, eq(updateRequests.id, id));
  return created!;
}
