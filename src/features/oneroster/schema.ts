import { z } from "zod";
import { ZVersion } from "../rights/schema.js";

const ZTally = z.object({ created: z.number().int(), changed: z.number().int(), ended: z.number().int(), unchanged: z.number().int() });
export const ZImportSummary = z.object({ schools: ZTally, schoolYears: ZTally, calendars: ZTally, staff: ZTally, students: ZTally, staffAssignments: ZTally, enrollments: ZTally, links: ZTally });
export const ZImportRequest = z.object({
  /** the .zip of a OneRoster 1.2 CSV set, base64 */
  zipBase64: z.string().min(1).max(300_000_000).describe("A OneRoster 1.2 CSV set as a .zip, base64-encoded"),
  dryRun: z.boolean().default(false),
});
export const ZImportResult = z.object({ dryRun: z.boolean(), summary: ZImportSummary, automation: z.object({ ran: z.boolean(), actions: z.number().int() }) });
const ZProblem = z.object({ file: z.string(), row: z.number().int(), column: z.string(), reason: z.string() });
/** An import running in the background: its stages as they pass, then its result or its problems. */
export const ZImportJob = z.object({
  id: z.uuid(),
  state: z.enum(["running", "done", "invalid", "failed"]).describe("running; done (result); invalid (problems: nothing was imported); failed (error: nothing was changed)"),
  dryRun: z.boolean(),
  stages: z.array(z.object({ name: z.string(), done: z.number().int(), total: z.number().int().describe("0 when not known ahead") })),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  result: ZImportResult.nullable(),
  problems: z.array(ZProblem).max(1000).nullable().describe("the first 1,000 problems of an invalid set"),
  problemTotal: z.number().int(),
  error: z.string().nullable(),
});

export const ZMapping = z.object({ kind: z.enum(["school", "role"]), key: z.string().trim().min(1).max(200), groupId: z.uuid() });
export const ZMappings = z.object({ mappings: z.array(ZMapping.extend({ groupName: z.string() })) });
export const ZMappingsInput = z.object({ mappings: z.array(ZMapping).max(1000) });
export const ZRuns = z.object({
  runs: z.array(
    z.object({
      id: z.uuid(),
      source: z.string(),
      actorName: z.string().nullable(),
      ranAt: z.date(),
      actions: z.array(z.object({ username: z.string(), action: z.string(), detail: z.string() })),
    }),
  ),
});
export type Mapping = z.infer<typeof ZMapping>;

/** A staff member's school assignments from every source, and the district's schools to choose from. */
export const ZSchoolAssignments = z.object({
  userId: z.uuid(),
  username: z.string(),
  version: z.number().int().describe("the account's version: send it back with a change"),
  automaticStaffAccounts: z.boolean().describe("whether the staff account automation acts on these assignments now"),
  assignments: z.array(z.object({ source: z.enum(["oneroster", "scim", "web"]), schoolId: z.uuid().nullable(), schoolName: z.string(), title: z.string() })),
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export const ZSchoolAssignmentsInput = z.object({
  version: ZVersion,
  assignments: z
    .array(z.object({ schoolId: z.uuid("Choose a school of the district"), title: z.string().trim().max(100, "Use at most 100 characters in a title").default("") }))
    .max(100, "Give at most 100 school assignments"),
});
