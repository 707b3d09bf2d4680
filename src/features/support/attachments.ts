import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps.js";
import { caseAttachments } from "../../platform/db/schema/support.js";
import { inDistrict, type DistrictScope } from "../../platform/db/tenancy.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { recordContactActivity } from "../contacts/record-contact-activity.js";
import { loadAttachmentContent, storeAttachmentContent } from "./attachment-store.js";
import { auditCaseChange } from "./audit-case.js";
import { checkAttachment } from "./file-type.js";
import { notifyCase } from "./notify-case.js";
import { addEvent, districtRecipients, lockCase, updateCase, vendorRecipient } from "./repo.js";

export type Uploader = { userId: string; username: string; name: string; side: "district" | "vendor"; contactId?: string };

/** Stores a checked file on a case (see attachment-store.ts for where) and puts it on the timeline. */
export async function addAttachment(deps: AppDeps, scope: DistrictScope, caseId: string, uploader: Uploader, file: { fileName: string; data: Buffer }) {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const c = await lockCase(tx, scope, caseId);
    if (!c) throw notFound("Case");
    if (c.status === "closed") throw new AppError(409, "case-closed", "This case is closed. Reopen it to add files.");
    const checked = checkAttachment(file.fileName, file.data);
    const sha256 = createHash("sha256").update(file.data).digest("hex");
    const content = await storeAttachmentContent(deps.config.attachmentsDir, c.districtId, sha256, file.data);
    const [row] = await tx
      .insert(caseAttachments)
      .values({ districtId: c.districtId, caseId, fileName: checked.fileName, contentType: checked.contentType, sizeBytes: file.data.length, sha256, content, uploadedById: uploader.userId, uploadedByName: uploader.name, uploadedAt: now })
      .returning({ id: caseAttachments.id });
    await addEvent(tx, { districtId: c.districtId, caseId, at: now, actorId: uploader.userId, actorName: uploader.name, actorSide: uploader.side, kind: "attachment-added", data: { attachmentId: row!.id, fileName: checked.fileName, sizeBytes: file.data.length } });
    await auditCaseChange(tx, uploader, c, "case.attachment-added", { after: { fileName: checked.fileName, sizeBytes: file.data.length, side: uploader.side } });
    const updated = await updateCase(tx, scope, caseId, {}, now);
    if (uploader.contactId) await recordContactActivity(tx, { districtId: c.districtId, contactId: uploader.contactId, kind: "case-activity", at: now, caseId });
    const to = uploader.side === "vendor" ? await districtRecipients(tx, scope, c) : [await vendorRecipient(tx, c.assigneeId)];
    await notifyCase(tx, deps.config, updated, to, {
      audience: uploader.side === "vendor" ? "district" : "vendor",
      kind: "case-attachment",
      headline: `${uploader.name} attached ${checked.fileName}`,
    });
    return { id: row!.id, fileName: checked.fileName, contentType: checked.contentType, sizeBytes: file.data.length, sha256, uploadedByName: uploader.name, uploadedAt: now };
  });
}

/** The file itself, only from within its own district (another district's id answers 404). */
export async function readAttachment(deps: Pick<AppDeps, "database" | "config">, scope: DistrictScope | null, attachmentId: string) {
  const where = scope ? inDistrict(caseAttachments, scope, eq(caseAttachments.id, attachmentId)) : eq(caseAttachments.id, attachmentId);
  const [row] = await deps.database.db
    .select({
      districtId: caseAttachments.districtId,
      fileName: caseAttachments.fileName,
      contentType: caseAttachments.contentType,
      sizeBytes: caseAttachments.sizeBytes,
      content: caseAttachments.content,
      sha256: caseAttachments.sha256,
    })
    .from(caseAttachments)
    .where(where)
    .limit(1);
  if (!row) throw notFound("Attachment");
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, content: await loadAttachmentContent(deps.config.attachmentsDir, row) };
}
