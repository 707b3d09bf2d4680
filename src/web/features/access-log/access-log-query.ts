import type { z } from "zod";
import type { ZAccessLog } from "../../../features/sis/schema.js";
import { getCatalog } from "../../../domain/rights/catalog.js";
import { protectionFrom } from "../../../domain/rights/protected-areas.js";
import { FIELDS, isLoggedField } from "../../../features/sis/field-catalog.js";

export type AccessLogPage = z.infer<typeof ZAccessLog>;
export type AccessLogEntry = AccessLogPage["items"][number];

export const FILTER_KEYS = ["actor", "personId", "person", "field", "from", "to"] as const;
/** The filters as the page keeps them in its address; `person` is only the chosen record's label. */
export type AccessLogFilters = Record<(typeof FILTER_KEYS)[number], string>;

/** The list's order as the page keeps it in its address: newest first unless a column header says otherwise. */
export const SORT_DEFAULTS = { sort: "at", order: "desc" };

export const NO_FILTERS: AccessLogFilters = { actor: "", personId: "", person: "", field: "", from: "", to: "" };

/**
 * The API's query for the filters. Dates are days in the reader's time zone, and "to" takes in the
 * whole of its day, so From 3 March To 3 March means all of 3 March.
 */
export function accessLogQuery(f: AccessLogFilters, limit = 50): string {
  const p = new URLSearchParams();
  if (f.actor.trim()) p.set("actor", f.actor.trim());
  if (f.personId) p.set("personId", f.personId);
  if (f.field) p.set("field", f.field);
  if (f.from) p.set("from", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) p.set("to", new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  p.set("limit", String(limit));
  return p.toString();
}

/** The fields whose reading is logged (protected by the seed or the district, and SSNs), for the Field filter. */
export function loggedFields(districtProtected: readonly string[] = []) {
  const protection = protectionFrom(getCatalog(), districtProtected);
  return FIELDS.filter((f) => isLoggedField(f, protection)).map((f) => ({ value: f.id, label: f.label, tool: f.tool }));
}

const LABELS = new Map(FIELDS.map((f) => [f.id, f.label]));
export const fieldLabel = (id: string) => LABELS.get(id) ?? id;

export const ROUTE_LABELS: Record<string, string> = { screen: "Screen", "adhoc-preview": "Ad hoc preview", "adhoc-export": "Ad hoc export" };
