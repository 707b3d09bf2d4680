import type { FieldGroup } from "./adhoc-api.js";

export type FieldOptions = { group: string; items: { value: string; label: string }[] }[];

/** The readable fields as grouped options for a Select, plus any chosen field no longer readable. */
export function fieldOptions(groups: FieldGroup[], chosen: string[] = []): FieldOptions {
  const options = groups.map((g) => ({ group: g.tool.replace(/ > /g, " › "), items: g.fields.map((f) => ({ value: f.id, label: f.label })) }));
  const known = new Set(groups.flatMap((g) => g.fields.map((f) => f.id)));
  const missing = [...new Set(chosen.filter((id) => !known.has(id)))];
  if (missing.length) options.push({ group: "Not readable for you", items: missing.map((id) => ({ value: id, label: id })) });
  return options;
}
