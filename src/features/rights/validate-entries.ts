import { findNode, getCatalog, type Catalog } from "../../domain/rights/catalog.js";
import { validateEntry } from "../../domain/rights/model.js";
import { tryParseRights } from "../../domain/rights/rights.js";
import { asSentence } from "../../domain/validation/plain-message.js";
import { AppError, type FieldError } from "../../platform/http/errors.js";
import type { Entry, EntryInput, Grant, GrantInput } from "./schema.js";

/** "Nothing was saved: …" and every problem's own sentence (each names its tool or calendar; the paths stay in errors). */
const nothingSaved = (errors: FieldError[]) => `Nothing was saved. ${errors.map((e) => asSentence(e.message)).join(" ")}`;

/**
 * Client entries → stored entries: canonical catalog paths, rights closed upwards, and every
 * rule the engine enforces (unknown tool with a suggestion, Campus Instruction all or nothing,
 * time bounds). All problems are reported at once; nothing is saved when there is one.
 */
export function normaliseEntries(input: EntryInput[], where: string, catalog: Catalog = getCatalog()): Entry[] {
  const errors: FieldError[] = [];
  const out: Entry[] = [];
  const seen = new Set<string>();
  input.forEach((e, i) => {
    const at = `${where}[${i}]`;
    const parsed = tryParseRights(e.rights);
    if (!e.deny && !parsed.ok) return void errors.push({ path: `${at}.rights`, message: `On "${e.toolPath}", ${parsed.error.message}` });
    const rights = e.deny || !parsed.ok ? "" : parsed.rights;
    const problem = validateEntry(catalog, { toolPath: e.toolPath, rights, deny: e.deny, ...(e.from ? { from: e.from } : {}), ...(e.until ? { until: e.until } : {}) });
    if (problem) return void errors.push({ path: `${at}.${problem.code === "bad-time-bounds" ? "until" : problem.code === "unknown-tool" ? "toolPath" : "rights"}`, message: problem.message });
    const toolPath = findNode(catalog, e.toolPath)!.path;
    const key = `${toolPath}|${e.from?.getTime() ?? ""}|${e.until?.getTime() ?? ""}`;
    if (seen.has(key)) return void errors.push({ path: `${at}.toolPath`, message: `"${toolPath}" is listed twice with the same dates; keep one entry per tool and time window.` });
    seen.add(key);
    out.push({ toolPath, rights, deny: e.deny, from: e.from ?? null, until: e.until ?? null });
  });
  if (errors.length > 0) {
    throw new AppError(422, "invalid-rights", nothingSaved(errors), { errors });
  }
  return out;
}

export function normaliseGrants(input: GrantInput[], where: string): Grant[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out = input.map((g, i): Grant => {
    const key = `${g.school}|${g.year}|${g.calendar}`.toLowerCase();
    if (seen.has(key)) errors.push({ path: `${where}[${i}]`, message: `Calendar rights for ${g.school} / ${g.year} / ${g.calendar} are listed twice; keep one.` });
    seen.add(key);
    if (g.from && g.until && g.from >= g.until) errors.push({ path: `${where}[${i}].until`, message: `The calendar rights for ${g.school} / ${g.year} / ${g.calendar} must end after they start.` });
    return { school: g.school, year: g.year, calendar: g.calendar, modify: g.modify, from: g.from ?? null, until: g.until ?? null };
  });
  if (errors.length > 0) throw new AppError(422, "invalid-calendar-rights", nothingSaved(errors), { errors });
  return out;
}

/** Entries as the engine's RightEntry (stored nulls become absent bounds). */
export function toEngineEntries(entries: Entry[]) {
  return entries.map((e) => ({
    toolPath: e.toolPath,
    rights: e.rights,
    ...(e.deny ? { deny: true } : {}),
    ...(e.from ? { from: e.from } : {}),
    ...(e.until ? { until: e.until } : {}),
  }));
}
