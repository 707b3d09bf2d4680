import { z } from "zod";
import { zPageQuery } from "../../platform/http/paging.js";
import { tooLongMessage } from "../../domain/validation/plain-message.js";
import { ZDay } from "../../domain/calendar-day.js";
import { CONTACT_STATUSES, CONTACT_TYPES } from "../../platform/db/schema/contacts.js";
import {
  CASE_KINDS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  MODIFY_CONTACT_ACTIONS,
  MODIFY_CONTACT_STATUSES,
  UPDATE_REQUEST_KINDS,
  UPDATE_REQUEST_STATUSES,
} from "../../platform/db/schema/support.js";
import { PRODUCT_AREAS } from "./product-areas.js";

export const ZCaseStatus = z.enum(CASE_STATUSES);
export const ZCasePriority = z.enum(CASE_PRIORITIES);
const ZText = (max: number, what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, { error: (issue) => tooLongMessage(what, max, String(issue.input ?? "").length) });

export const ZContactCard = z.object({ name: z.string(), type: z.enum(CONTACT_TYPES), email: z.string().nullable() });
export const ZPortalContact = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), type: z.enum(CONTACT_TYPES), status: z.enum(CONTACT_STATUSES) });

export const ZNewCase = z.object({
  subject: ZText(200, "subject"),
  description: ZText(20_000, "description"),
  productArea: z.enum(PRODUCT_AREAS),
  priority: ZCasePriority.default("normal"),
  watcherContactIds: z.array(z.uuid()).max(20).default([]).describe("authorized contacts of your district to keep informed"),
});

export const ZEmergencyCase = ZNewCase.omit({ watcherContactIds: true }).extend({
  districtId: z.uuid(),
  contactId: z.uuid().describe("the existing active authorized contact the case is opened under"),
  reason: ZText(2000, "reason for the emergency"),
});

export const ZCaseSummary = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(CASE_KINDS),
  districtId: z.string(),
  districtName: z.string(),
  subject: z.string(),
  productArea: z.string(),
  priority: ZCasePriority,
  status: ZCaseStatus,
  emergency: z.boolean(),
  contactName: z.string(),
  assigneeName: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZCaseEvent = z.object({
  id: z.number(),
  at: z.date(),
  actorName: z.string(),
  actorSide: z.enum(["district", "vendor"]),
  kind: z.string(),
  body: z.string().nullable(),
  internal: z.boolean(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const ZAttachmentMeta = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.date(),
});

export const ZModifyRequest = z.object({
  id: z.string(),
  action: z.enum(MODIFY_CONTACT_ACTIONS),
  targetName: z.string(),
  targetEmail: z.string().nullable(),
  targetContactStatus: z.enum(CONTACT_STATUSES).nullable(),
  targetContactType: z.enum(CONTACT_TYPES).nullable(),
  newType: z.enum(CONTACT_TYPES).nullable(),
  status: z.enum(MODIFY_CONTACT_STATUSES),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
});

export const ZCaseDetail = ZCaseSummary.extend({
  description: z.string(),
  contactId: z.string(),
  openedByName: z.string(),
  emergencyReason: z.string().nullable(),
  assigneeId: z.string().nullable(),
  closedAt: z.date().nullable(),
  version: z.number(),
  events: z.array(ZCaseEvent),
  watchers: z.array(z.object({ contactId: z.string(), name: z.string(), email: z.string().nullable(), type: z.enum(CONTACT_TYPES) })),
  attachments: z.array(ZAttachmentMeta),
  modifyRequest: ZModifyRequest.nullable(),
  /** What the caller may do now, so the screen can offer only those actions. */
  can: z.object({ comment: z.boolean(), close: z.boolean(), reopen: z.boolean(), watch: z.boolean(), attach: z.boolean() }),
});

/** The columns a case list sorts by; `priority` is the queue's order (emergencies, then urgent to low). */
export const CASE_SORTS = ["priority", "number", "subject", "district", "contact", "status", "assignee", "created", "updated"] as const;

export const ZCaseFilters = z.object({
  status: z.enum([...CASE_STATUSES, "active", "all"]).default("active").describe("`active` is everything not resolved or closed"),
  priority: ZCasePriority.optional(),
  search: z.string().trim().max(200).default("").describe("words in the subject or description, or a case number"),
  districtId: z.uuid().optional(),
  assignee: z.enum(["me", "unassigned", "any"]).default("any"),
  emergency: z.enum(["true", "false"]).optional(),
});
export const ZCaseQuery = zPageQuery(CASE_SORTS, { sort: "priority", limit: 50, max: 200 }).extend(ZCaseFilters.shape);

export const ZComment = z.object({ body: ZText(20_000, "message") });
export const ZVendorComment = ZComment.extend({ internal: z.boolean().default(false).describe("an internal note: never shown to the district") });
export const ZCaseUpdate = z.object({
  status: ZCaseStatus.optional(),
  priority: ZCasePriority.optional(),
  assigneeId: z.uuid().nullable().optional(),
  version: z.int32().positive(),
});
export const ZVersioned = z.object({ version: z.int32().positive() });
export const ZCaseRef = z.object({ id: z.string(), number: z.number() });

export const ZNewUpdateRequest = z.object({
  kind: z.enum(UPDATE_REQUEST_KINDS),
  releaseId: z.uuid().optional().describe("the release to update to (version updates only)"),
  preferredDate: ZDay.optional(),
  notes: z.string().trim().max(5000).default(""),
});

export const ZUpdateRequest = z.object({
  id: z.string(),
  number: z.number(),
  districtId: z.string(),
  districtName: z.string(),
  kind: z.enum(UPDATE_REQUEST_KINDS),
  releaseVersion: z.string().nullable(),
  preferredDate: z.string().nullable(),
  notes: z.string(),
  status: z.enum(UPDATE_REQUEST_STATUSES),
  scheduledFor: z.date().nullable(),
  vendorNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  requestedByName: z.string(),
  createdAt: z.date(),
  version: z.number(),
});

export const ZRelease = z.object({ id: z.string(), version: z.string(), name: z.string(), releasedOn: z.string(), available: z.boolean() });
export const ZNewRelease = z.object({ version: ZText(40, "version"), name: ZText(200, "name"), releasedOn: ZDay });

export const ZUpdateRequestPage = z.object({
  canRequest: z.boolean(),
  /** Why the caller cannot file requests (support contacts), or null. */
  reason: z.string().nullable(),
  kinds: z.array(z.enum(UPDATE_REQUEST_KINDS)).describe("the kinds this district may request"),
  releases: z.array(ZRelease),
  requests: z.array(ZUpdateRequest),
});

export const ZUpdateRequestDecision = z.object({
  action: z.enum(["schedule", "complete", "decline"]),
  scheduledFor: z.iso.datetime({ offset: true }).transform((at) => new Date(at)).optional(),
  note: z.string().trim().max(5000).optional(),
  version: z.int32().positive(),
});

export const ZNewModifyContact = z.discriminatedUnion("action", [
  z.object({ action: z.literal("add"), userId: z.uuid(), newType: z.enum(CONTACT_TYPES), reason: ZText(5000, "reason") }),
  z.object({ action: z.literal("remove"), contactId: z.uuid(), reason: ZText(5000, "reason") }),
  z.object({ action: z.literal("change-type"), contactId: z.uuid(), newType: z.enum(CONTACT_TYPES), reason: ZText(5000, "reason") }),
  z.object({ action: z.literal("reactivate"), contactId: z.uuid(), reason: ZText(5000, "reason") }),
]);

export const ZModifyDecision = z.object({
  decision: z.enum(["approve", "decline"]),
  note: z.string().trim().max(5000).optional(),
  approveOverAllowance: z.boolean().default(false),
  confirmConsequences: z.boolean().default(false).describe("apply even though it removes the last technical contact or adds one with no email"),
});

export type NewCase = z.infer<typeof ZNewCase>;
export type EmergencyCase = z.infer<typeof ZEmergencyCase>;
export type CaseQuery = z.infer<typeof ZCaseQuery>;
export type CaseUpdate = z.infer<typeof ZCaseUpdate>;
export type NewUpdateRequest = z.infer<typeof ZNewUpdateRequest>;
export type UpdateRequestDecision = z.infer<typeof ZUpdateRequestDecision>;
export type NewModifyContact = z.infer<typeof ZNewModifyContact>;
export type ModifyDecision = z.infer<typeof ZModifyDecision>;
