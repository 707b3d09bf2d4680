/**
 * Pure helpers for the filter designer: which operators a field type takes, how a condition
 * reads in words, where a problem+json path points in the form, and how a value is shown.
 */
import { isApiError } from "../../api.js";
import type { Condition, Definition, FieldGroup, FieldInfo, FieldType, Operator } from "./adhoc-api.js";

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: "is",
  ne: "is not",
  lt: "less than",
  lte: "at most",
  gt: "greater than",
  gte: "at least",
  contains: "contains",
  empty: "is empty",
  notEmpty: "is not empty",
};

const DATE_LABELS: Partial<Record<Operator, string>> = { lt: "before", lte: "on or before", gt: "after", gte: "on or after" };
const TEXT_LABELS: Partial<Record<Operator, string>> = { lt: "sorts before", gt: "sorts after" };

const OPERATORS_BY_TYPE: Record<FieldType, Operator[]> = {
  text: ["eq", "ne", "contains", "lt", "gt", "empty", "notEmpty"],
  number: ["eq", "ne", "lt", "lte", "gt", "gte", "empty", "notEmpty"],
  date: ["eq", "ne", "lt", "lte", "gt", "gte", "empty", "notEmpty"],
  boolean: ["eq", "ne", "empty", "notEmpty"],
};

export function operatorsFor(type: FieldType): { value: Operator; label: string }[] {
  return OPERATORS_BY_TYPE[type].map((op) => ({ value: op, label: operatorLabel(op, type) }));
}

export function operatorLabel(op: Operator, type: FieldType): string {
  return (type === "date" ? DATE_LABELS[op] : type === "text" ? TEXT_LABELS[op] : undefined) ?? OPERATOR_LABELS[op];
}

export function needsValue(op: Operator): boolean {
  return op !== "empty" && op !== "notEmpty";
}

/** Every readable field by id, with the tool that guards it. */
export function indexFields(groups: FieldGroup[]): Map<string, FieldInfo> {
  const index = new Map<string, FieldInfo>();
  for (const g of groups) for (const f of g.fields) index.set(f.id, { ...f, tool: g.tool, protected: g.protected });
  return index;
}

/** A tool path as two lines: its own name, and where it sits. */
export function splitTool(tool: string): { name: string; parent: string } {
  const parts = tool.split(" > ");
  return { name: parts[parts.length - 1] ?? tool, parent: parts.slice(0, -1).join(" › ") };
}

/** Groups (and their fields) whose tool or field label contains the search words. */
export function searchFields(groups: FieldGroup[], search: string): FieldGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  return groups
    .map((g) => (matches(g.tool) ? g : { ...g, fields: g.fields.filter((f) => matches(`${f.label} ${g.tool}`)) }))
    .filter((g) => g.fields.length > 0);
}

/** What a new condition on this field starts as. */
export function newCondition(field: FieldInfo): Condition {
  return { field: field.id, op: field.type === "boolean" ? "eq" : field.type === "text" ? "contains" : "eq", value: field.type === "boolean" ? true : "" };
}

/** The definition as the API takes it: no values on empty / not empty, numbers as numbers. */
export function toApiDefinition(def: Definition, fields: Map<string, FieldInfo>): Definition {
  return {
    fields: def.fields,
    sort: def.sort,
    conditions: def.conditions.map((c) => {
      if (!needsValue(c.op)) return { field: c.field, op: c.op };
      const type = fields.get(c.field)?.type;
      const numeric = type === "number" && typeof c.value === "string" && c.value.trim() !== "" && Number.isFinite(Number(c.value));
      return { field: c.field, op: c.op, value: numeric ? Number(c.value) : c.value };
    }),
  };
}

export function sameDefinition(a: Definition, b: Definition): boolean {
  return JSON.stringify([a.fields, a.conditions, a.sort]) === JSON.stringify([b.fields, b.conditions, b.sort]);
}

/** A condition in words: "Grade is 10", "Homeless is not empty". */
export function describeCondition(c: Condition, fields: Map<string, FieldInfo>): string {
  const field = fields.get(c.field);
  const label = field?.label ?? "(a field you cannot read)";
  const op = operatorLabel(c.op, field?.type ?? "text");
  if (!needsValue(c.op)) return `${label} ${op}`;
  if (!field) return `${label} ${op} (a value you may not see)`; // the server leaves it out
  const value = typeof c.value === "boolean" ? (c.value ? "Yes" : "No") : c.value === "" || c.value == null ? "(no value)" : String(c.value);
  return `${label} ${op} ${field?.type === "text" ? `"${value}"` : value}`;
}

/**
 * The problem's field paths in the designer's own form: "body.definition.conditions.0.value"
 * (schema validation) and "definition.conditions[0].value" (the query builder) both become the
 * latter; "body.name" becomes "name".
 */
export function normalizePath(path: string): string {
  return path
    .replace(/^(body|params|querystring)\./, "")
    .replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** Field messages of a failed call, by normalised path. */
export function problemsByPath(error: unknown): Map<string, string> {
  const found = new Map<string, string>();
  if (!isApiError(error)) return found;
  for (const e of error.errors) if (!found.has(normalizePath(e.path))) found.set(normalizePath(e.path), e.message);
  return found;
}

/** A preview cell as text: booleans as Yes / No, nothing as an empty string. */
export function formatCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

const INLINE = /^(name|definition\.fields(\[\d+\])?|definition\.conditions\[\d+\]\.(field|op|value)|definition\.sort\[\d+\]\.field)$/;

/** True when every field message of the problem is shown beside its input, so no alert is needed. */
export function allShownInline(error: unknown): boolean {
  const paths = [...problemsByPath(error).keys()];
  return paths.length > 0 && paths.every((p) => INLINE.test(p));
}
