/**
 * Canned replies name what changes from case to case with placeholders: `{{contact.name}}`,
 * `{{case.number}}` and so on. Filling them is pure text work, done where the reply is inserted
 * (the agent then edits the text before sending); a placeholder with no value stays as written,
 * so the agent sees what is missing.
 */
export const PLACEHOLDERS = ["contact.name", "contact.firstName", "case.number", "case.subject", "district.name", "agent.name"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string | number | null>>;

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => {
    const value = values[name as Placeholder];
    return value === undefined || value === null || value === "" ? whole : String(value);
  });
}

/** The first word of a display name ("Kim Park" → "Kim"), for a friendlier greeting. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
