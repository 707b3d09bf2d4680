import { z } from "zod";

export const ZReportList = z.object({
  reports: z.array(z.object({ slug: z.string(), title: z.string(), tool: z.string(), description: z.string() })),
});

export const ZReportResult = z.object({
  slug: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  calendars: z.array(z.string()).describe("the calendars the report covers: those your calendar rights reach with R on the report"),
  generatedAt: z.string(),
});
export type ReportResult = z.infer<typeof ZReportResult>;
