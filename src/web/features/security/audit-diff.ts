/**
 * Before/after of an audit entry as a list of changed lines. Objects are flattened to dotted
 * paths; lists of rights entries are keyed by their tool path (and members by username), so a
 * one-entry change reads as one line instead of two whole lists.
 */

export type DiffLine = { path: string; before: string | null; after: string | null };

const KEY_FIELDS = ["toolPath", "username", "userId", "name", "id"];

const day = (v: unknown) => (typeof v === "string" ? v.slice(0, 10) : null);

function keyOf(item: unknown, index: number, repeated: Set<string>): string {
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    // one tool can hold entries for different dates (the seed's ** rows): the dates tell them apart
    if (typeof o.toolPath === "string" && repeated.has(o.toolPath)) {
      const window = [day(o.from) && `from ${day(o.from)}`, day(o.until) && `until ${day(o.until)}`].filter(Boolean).join(" ");
      return `[${o.toolPath}${window ? `, ${window}` : ""}]`;
    }
    for (const k of KEY_FIELDS) if (typeof o[k] === "string") return `[${o[k]}]`;
    if (typeof o.school === "string") return `[${o.school} / ${o.year} / ${o.calendar}]`;
  }
  return `[${index}]`;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    // an empty list adds no line: its items appearing or going are the lines that matter
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const item of value) {
      const tool = item && typeof item === "object" ? (item as Record<string, unknown>).toolPath : undefined;
      if (typeof tool !== "string") continue;
      if (seen.has(tool)) repeated.add(tool);
      seen.add(tool);
    }
    value.forEach((item, i) => {
      const path = `${prefix}${keyOf(item, i, repeated)}`;
      if (item && typeof item === "object") {
        const { toolPath: _t, username: _u, ...rest } = item as Record<string, unknown>;
        out.set(path, Object.entries(rest).filter(([, v]) => v !== null && v !== undefined && v !== false).map(([k, v]) => `${k}: ${typeof v === "string" ? v || '""' : JSON.stringify(v)}`).join(", ") || "(entry)");
      } else out.set(path, String(item));
    });
    return;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  // a missing side (creation, deletion) adds no lines of its own
  if (value === undefined || (value === null && !prefix)) return;
  out.set(prefix || "value", value === null ? "none" : String(value));
}

export function diffAudit(before: unknown, after: unknown): DiffLine[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, "", a);
  flatten(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, before: a.get(p) ?? null, after: b.get(p) ?? null }));
}
