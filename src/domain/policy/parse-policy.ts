/**
 * parsePolicy: YAML text → PolicyDocument, or every error with file:line:col and, where
 * possible, a "did you mean". Nothing is applied from a file that has any error.
 */
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { getCatalog, type Catalog } from "../rights/catalog.js";
import { suggestClosest } from "../rights/tool-path.js";
import type { PolicyDocument, PolicyError } from "./policy-document.js";
import { ZAssertion, ZCalendar, ZPolicyFile, ZPolicyGroup, ZPolicyUser, type PolicyFile } from "./policy-schema.js";
import { validatePolicyFile, type Report } from "./validate-policy.js";
import { formatPath, locate, type YamlPath } from "./yaml-locate.js";

export type ParsePolicyResult = { ok: true; policy: PolicyDocument } | { ok: false; errors: PolicyError[] };

const KNOWN_KEYS = [
  "district", "preferences", "calendars", "groups", "users", "support", "assertions", "automaticStaffAccounts",
  "masterSchedulingEnds", "name", "template", "limit", "rights", "username", "productSecurityRole", "school", "year",
  "calendar", "modify", "from", "until", "deny", "addOnProducts", "contacts", "email", "type", "lastActivity", "user",
  "tool", "asOf", "protected",
];

function issueMessage(issue: z.core.$ZodIssue): { message: string; keyPath?: YamlPath; suggestion?: string } {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    const s = suggestClosest(key, KNOWN_KEYS);
    return {
      message: `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${s ? `; did you mean "${s}"?` : ""}`,
      keyPath: [...(issue.path as YamlPath), key],
      ...(s ? { suggestion: s } : {}),
    };
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { message: `Missing required field "${String(issue.path[issue.path.length - 1])}"` };
  }
  return { message: issue.message };
}

/** Parses array items one by one so one bad item does not hide the errors of the others. */
function goodItems<T extends z.ZodType>(schema: T, raw: unknown): z.output<T>[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const r = parseLenient(schema, item);
    return r.success ? [r.data] : [];
  });
}

/**
 * Parses an item; if the only problems are unknown fields (already reported), parses it
 * again without them so the rest of the item is still checked.
 */
function parseLenient<T extends z.ZodType>(schema: T, item: unknown): { success: true; data: z.output<T> } | { success: false } {
  const r = schema.safeParse(item);
  if (r.success) return { success: true, data: r.data };
  if (!item || typeof item !== "object" || Array.isArray(item)) return { success: false };
  const unknown = r.error.issues.filter((i) => i.code === "unrecognized_keys" && i.path.length === 0);
  if (unknown.length === 0 || unknown.length !== r.error.issues.length) return { success: false };
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const i of unknown) if (i.code === "unrecognized_keys") for (const k of i.keys) delete copy[k];
  const again = schema.safeParse(copy);
  return again.success ? { success: true, data: again.data } : { success: false };
}

function brokenNames(raw: unknown, key: "groups" | "users", field: "name" | "username", schema: z.ZodType): Set<string> {
  const items = Array.isArray(raw) ? raw : [];
  return new Set(
    items
      .filter((i) => !parseLenient(schema, i).success && i && typeof i === "object" && typeof (i as Record<string, unknown>)[field] === "string")
      .map((i) => (i as Record<string, string>)[field]!),
  );
}

export function parsePolicy(text: string, fileName: string, catalog: Catalog = getCatalog()): ParsePolicyResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const errors: PolicyError[] = [];
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      errors.push({ file: fileName, line: pos.line, column: pos.col, path: "", code: "yaml", message: e.message.split("\n")[0]! });
    }
    return { ok: false, errors };
  }
  const raw: unknown = doc.toJS();

  const report: Report = (path, code, message, opts = {}) => {
    const pos = locate(doc, lc, path, { key: opts.key === true });
    errors.push({
      file: fileName,
      line: pos.line,
      column: pos.column,
      path: formatPath(path),
      code,
      message,
      ...(opts.suggestion !== undefined ? { suggestion: opts.suggestion } : {}),
    });
  };

  const parsed = ZPolicyFile.safeParse(raw);
  let file: PolicyFile;
  const broken = { groups: new Set<string>(), users: new Set<string>() };
  if (parsed.success) file = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      const m = issueMessage(issue);
      report(m.keyPath ?? (issue.path as YamlPath), "schema", m.message, { key: m.keyPath !== undefined, suggestion: m.suggestion });
    }
    // keep checking what did parse, so every error is reported in one go
    const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    broken.groups = brokenNames(r.groups, "groups", "name", ZPolicyGroup);
    broken.users = brokenNames(r.users, "users", "username", ZPolicyUser);
    const prefs = ZPolicyFile.shape.preferences.safeParse(r.preferences);
    file = {
      district: typeof r.district === "string" ? r.district : "",
      preferences: prefs.success ? prefs.data : { automaticStaffAccounts: false },
      calendars: goodItems(ZCalendar, r.calendars),
      groups: goodItems(ZPolicyGroup, r.groups),
      users: goodItems(ZPolicyUser, r.users),
      assertions: goodItems(ZAssertion, r.assertions),
      ...(Array.isArray(r.protected) ? { protected: r.protected.filter((p): p is string => typeof p === "string") } : {}),
    };
  }
  // Only well-formed items were kept above, so validation paths must use original indices.
  const policy = parsed.success ? validatePolicyFile(file, catalog, report, broken) : validateSubset(file, raw, catalog, report, broken);
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, errors };
  }
  policy.source = {
    fileName,
    assertionLines: policy.assertions.map((_, i) => locate(doc, lc, ["assertions", i]).line),
  };
  return { ok: true, policy };
}

/**
 * Validation of the well-formed items of a file that also has shape errors: runs the
 * checks item by item with the item's own index so positions stay right.
 */
function validateSubset(
  file: PolicyFile,
  raw: unknown,
  catalog: Catalog,
  report: Report,
  broken: { groups: Set<string>; users: Set<string> },
): PolicyDocument {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown[]>;
  const indexMap = (key: string, schema: z.ZodType): number[] =>
    (Array.isArray(r[key]) ? r[key] : []).flatMap((item, i) => (parseLenient(schema, item).success ? [i] : []));
  const maps: Record<string, number[]> = {
    groups: indexMap("groups", ZPolicyGroup),
    users: indexMap("users", ZPolicyUser),
    assertions: indexMap("assertions", ZAssertion),
    calendars: indexMap("calendars", ZCalendar),
  };
  const remap: Report = (path, code, message, opts) => {
    const [head, idx, ...rest] = path;
    const m = typeof head === "string" ? maps[head] : undefined;
    report(m && typeof idx === "number" ? [head!, m[idx]!, ...rest] : path, code, message, opts);
  };
  return validatePolicyFile(file, catalog, remap, broken);
}
