import { z } from "zod";

const ZTally = z.object({ created: z.number().int(), changed: z.number().int(), ended: z.number().int(), unchanged: z.number().int() });
export const ZImportSummary = z.object({ schools: ZTally, schoolYears: ZTally, calendars: ZTally, staff: ZTally, students: ZTally, staffAssignments: ZTally, enrollments: ZTally, links: ZTally });
export const ZImportRequest = z.object({
  /** the .zip of a OneRoster 1.2 CSV set, base64 */
  zipBase64: z.string().min(1).max(300_000_000).describe("A OneRoster 1.2 CSV set as a .zip, base64-encoded"),
  dryRun: z.boolean().default(false),
});
export const ZImportResult = z.object({ dryRun: z.boolean(), summary: ZImportSummary, automation: z.object({ ran: z.boolean(), actions: z.number().int() }) });

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
