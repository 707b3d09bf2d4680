/**
 * The Ad hoc screens' view of the API: wire types from the server's zod schemas, every call,
 * and the query keys to refresh after a change.
 */
import type { z } from "zod";
import type { ZColumn, ZCondition, ZConditionOp, ZDefinition, ZFieldGroup, ZFilter, ZPreview } from "../../../features/adhoc/schema.js";
import { api } from "../../api.js";

export type FieldGroup = z.infer<typeof ZFieldGroup>;
export type FieldType = FieldGroup["fields"][number]["type"];
/** One field as the designer shows it: what it is and which tool guards it. */
export type FieldInfo = FieldGroup["fields"][number] & { tool: string; protected: boolean };
export type Operator = z.infer<typeof ZConditionOp>;
export type Condition = z.infer<typeof ZCondition>;
export type Definition = z.infer<typeof ZDefinition>;
export type Filter = z.infer<typeof ZFilter>;
export type Preview = z.infer<typeof ZPreview>;
export type Column = z.infer<typeof ZColumn>;
export type ShareGroup = { id: string; name: string };

export const ADHOC_TOOL = "Ad Hoc Reporting";
export const DESIGNER_TOOL = "Ad Hoc Reporting > Filter Designer";

export const adhocKeys = {
  all: ["adhoc"] as const,
  fields: ["adhoc", "fields"] as const,
  filters: ["adhoc", "filters"] as const,
  filter: (id: string) => ["adhoc", "filters", id] as const,
  run: (id: string, version: number) => ["adhoc", "run", id, version] as const,
  shareGroups: ["adhoc", "share-groups"] as const,
};

export const adhocApi = {
  fields: () => api.get<{ groups: FieldGroup[] }>("/api/adhoc/fields").then((r) => r.groups),
  filters: () => api.get<{ filters: Filter[] }>("/api/adhoc/filters").then((r) => r.filters),
  filter: (id: string) => api.get<Filter>(`/api/adhoc/filters/${id}`),
  preview: (definition: Definition) => api.post<Preview>("/api/adhoc/preview", { definition }),
  runSaved: (id: string) => api.post<Preview>(`/api/adhoc/filters/${id}/preview`),
  create: (name: string, definition: Definition) => api.post<Filter>("/api/adhoc/filters", { name, definition }),
  update: (id: string, name: string, definition: Definition, version: number) => api.put<Filter>(`/api/adhoc/filters/${id}`, { name, definition, version }),
  remove: (id: string) => api.delete<void>(`/api/adhoc/filters/${id}`),
  shareGroups: () => api.get<{ groups: ShareGroup[] }>("/api/adhoc/share-groups").then((r) => r.groups),
  share: (id: string, groupIds: string[]) => api.put<Filter>(`/api/adhoc/filters/${id}/shares`, { groupIds }),
  /** A saved filter's CSV is a plain GET: the browser streams it straight to disk. */
  savedExportUrl: (id: string) => `/api/adhoc/filters/${id}/export.csv`,
};
