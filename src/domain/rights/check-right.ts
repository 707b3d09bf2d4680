/**
 * Answers from a compiled district. `checkRight` is the hot path (array read + calendar
 * cap); `getRights` adds path lookup and falls back to direct evaluation for an asOf
 * outside the compiled window, so both always give the same answer.
 */
import { requireNode } from "./catalog.js";
import { ROW_CAP_SLOTS, type CompiledDistrict } from "./compile-district.js";
import { evaluateRight, UnknownUserError, type EvaluateOptions } from "./explain-right.js";
import { calendarSlot, capInSlot } from "./calendar-caps.js";
import type { CalendarRef } from "./model.js";
import { rightsFromLevel, type Rights, type RightsLevel } from "./rights.js";

/** Level cap a user's compiled grants put on a calendar-scoped tool in `calendar`. */
export function calendarCapLevel(compiled: CompiledDistrict, userIdx: number, calendar: CalendarRef): RightsLevel {
  return capInSlot(compiled, userIdx, calendarSlot(compiled, calendar)) as RightsLevel;
}

/**
 * Rights level of user `userIdx` on node `nodeIdx`, at compiled.asOf: one read in the user's
 * row, and for a calendar-scoped tool one more read of their cap in that calendar, in the same row.
 */
export function checkRight(compiled: CompiledDistrict, userIdx: number, nodeIdx: number, calendar?: CalendarRef): RightsLevel {
  const levels = compiled.rows;
  const row = compiled.rowAt[userIdx]!;
  if (calendar === undefined) return levels[row + nodeIdx] as RightsLevel;
  // The slot first, then both reads with nothing between them: the row is usually not in the
  // CPU cache, and two independent loads wait for memory once instead of twice.
  const slot = calendarSlot(compiled, calendar);
  const level = levels[row + nodeIdx]!;
  const cap = slot < ROW_CAP_SLOTS ? levels[row + compiled.capOffset + slot]! : compiled.calendarCaps.caps[slot]![userIdx]!;
  return (compiled.calendarScoped[nodeIdx] === 0 || level < cap ? level : cap) as RightsLevel;
}

/** checkRight with the calendar already resolved to its slot (calendarSlot), or -1 for none. */
export function checkRightInSlot(compiled: CompiledDistrict, userIdx: number, nodeIdx: number, slot: number): RightsLevel {
  const level = compiled.rows[compiled.rowAt[userIdx]! + nodeIdx]!;
  if (level === 0 || slot < 0 || compiled.calendarScoped[nodeIdx] === 0) return level as RightsLevel;
  const cap = capInSlot(compiled, userIdx, slot);
  return (level < cap ? level : cap) as RightsLevel;
}

export function userIndexOf(compiled: CompiledDistrict, userId: string): number {
  const idx = compiled.userIndex.get(userId);
  if (idx === undefined) throw new UnknownUserError(userId);
  return idx;
}

/** True when asOf is inside the window the compiled arrays are valid for. */
export function isWithinWindow(compiled: CompiledDistrict, asOf: Date): boolean {
  const t = asOf.getTime();
  return (compiled.validFrom === null || t >= compiled.validFrom.getTime()) &&
    (compiled.validUntil === null || t < compiled.validUntil.getTime());
}

/** Rights of a user on a tool; slow path when opts.asOf is outside the compiled window. */
export function getRights(compiled: CompiledDistrict, userId: string, toolPath: string, opts: EvaluateOptions = {}): Rights {
  if (opts.asOf && !isWithinWindow(compiled, opts.asOf)) {
    return evaluateRight(compiled.catalog, compiled.model, userId, toolPath, opts);
  }
  const node = requireNode(compiled.catalog, toolPath);
  return rightsFromLevel(checkRight(compiled, userIndexOf(compiled, userId), node.index, opts.calendar));
}

/**
 * Ad hoc field gate. Federally protected fields are deny-by-default in Ad hoc: shown only
 * to a user with at least R on the field's tool (capped by the calendar's rights). Fields
 * that are not protected are governed by the Ad hoc tool rights alone, so this returns true.
 */
export function canReadProtectedField(
  compiled: CompiledDistrict,
  userIdx: number,
  toolPath: string,
  calendar?: CalendarRef,
): boolean {
  const node = requireNode(compiled.catalog, toolPath);
  if (compiled.protectedNodes[node.index] !== 1) return true;
  return checkRight(compiled, userIdx, node.index, calendar) >= 1;
}
