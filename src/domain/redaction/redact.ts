/**
 * The one redaction step. Every output that can carry a protected value (screens, Ad hoc and
 * its CSV, the audit log, the access log, emails, error messages) passes it through here on the
 * way out, with the reader's rights: what they may not read becomes the word "withheld".
 * What is stored stays whole, so a reader who holds the right sees the full value.
 *
 * Pure: the reader is anything that answers `has(tool, "R", calendar?)` (the request's
 * RightsView), and which tools guard a field is passed in by the field catalog's owner.
 */

export const WITHHELD = "withheld";

export type CalendarRef = { school: string; year: string; calendar: string };
export type Reader = { has(tool: string, right: "R", calendar?: CalendarRef): boolean };

/** Read right on any of `tools` — in any of `calendars` when the value belongs to records in them. */
export type Guard = { tools: string[]; calendars?: CalendarRef[] };

/** A protected value inside stored JSON (an audit row's before/after): the value and what guards it. */
export type ProtectedValue = { $protected: Guard; value: unknown; masked?: string };

/** `masked` is what a reader without the right may see instead ("***-**-6789" on the SSN screen). */
export function protect(guard: Guard, value: unknown, masked?: string): ProtectedValue {
  return masked === undefined ? { $protected: guard, value } : { $protected: guard, value, masked };
}

export function mayRead(reader: Reader, guard: Guard): boolean {
  if (guard.calendars === undefined) return guard.tools.some((t) => reader.has(t, "R"));
  return guard.calendars.some((c) => guard.tools.some((t) => reader.has(t, "R", c)));
}

/** The value itself, its mask, or "withheld". */
export function reveal(reader: Reader, p: ProtectedValue): unknown {
  if (mayRead(reader, p.$protected)) return p.value;
  return p.masked ?? WITHHELD;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isProtectedValue(v: Record<string, unknown>): v is ProtectedValue {
  return isObject(v.$protected) && Array.isArray(v.$protected.tools) && "value" in v;
}

/** The tools whose R reads a field id (an Ad hoc field), or undefined when the id is not a field. */
export type FieldTools = (fieldId: string) => string[] | undefined;

/**
 * Walks JSON (an audit row's before/after, a saved filter's definition): every ProtectedValue is
 * revealed or withheld, and every Ad hoc condition `{ field, op, value }` keeps its value only
 * when the reader may read that field (conditions were stored plain before this step existed).
 */
export function redactJson<T>(reader: Reader, data: T, fieldTools: FieldTools): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    if (isProtectedValue(v)) return reveal(reader, v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    if (typeof v.field === "string" && typeof v.op === "string" && "value" in v) {
      const tools = fieldTools(v.field);
      if (tools && !mayRead(reader, { tools }) && v.value !== null && v.value !== undefined) out.value = WITHHELD;
    }
    return out;
  };
  return walk(data) as T;
}

// 123-45-6789 or 123 45 6789, not inside a longer number
const SSN_IN_TEXT = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;

/**
 * Free text (a case description quoted in an email, an error message echoing input) cannot say
 * which field a value came from; what it can carry that is always protected is an SSN, so any
 * SSN-shaped number is withheld. (Text written by people for people is otherwise theirs.)
 */
export function redactFreeText(text: string): string {
  return text.replace(SSN_IN_TEXT, WITHHELD);
}
