/**
 * Calendar caps as a table: per calendar of the district, every user's cap there (0 none,
 * 1 read-only, 4 modify), filled the first time a check names that calendar. Calendars are
 * few (schools × years), so a capped check is a slot lookup and one more array read instead
 * of a walk over the user's grants.
 */
import { capFromGrants, ROW_CAP_SLOTS, type CalendarCapTable, type CalendarSlot, type CompiledDistrict } from "./compile-district.js";
import type { CalendarRef } from "./model.js";

/** Calendars named in queries need not exist: past this many, a fresh table is started rather than grown. */
const MAX_SLOTS = 4096;

function findSlot(table: CalendarCapTable, calendar: CalendarRef): CalendarSlot | undefined {
  // calendar names are nearly unique in a district: one map read, then two string compares
  const list = table.slots.get(calendar.calendar);
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s.school === calendar.school && s.year === calendar.year) return s;
  }
  return undefined;
}

/**
 * A table for a version that has named more calendars than one holds. Its slots start past the
 * row's cap slots: the rows are shared with other versions, whose slots there mean other
 * calendars, so this version keeps its later calendars' caps in columns of its own.
 */
const freshTable = (): CalendarCapTable => ({ slots: new Map(), keys: new Array<CalendarSlot>(ROW_CAP_SLOTS), inRow: [], caps: [] });

/**
 * Where a calendar object last resolved: its table, its slot and the names it had then. A request
 * checks many tools in one calendar; each check after the first skips the name lookup. The names
 * are compared again, so an object whose fields changed since is looked up afresh.
 */
const RESOLVED = Symbol("calendar slot");
type Resolved = { table: CalendarCapTable; slot: number; school: string; year: string; calendar: string };
type Resolvable = CalendarRef & { [RESOLVED]?: Resolved };

/** The calendar's slot in compiled.calendarCaps, its caps filled for every user. */
export function calendarSlot(compiled: CompiledDistrict, calendar: CalendarRef): number {
  const last = (calendar as Resolvable)[RESOLVED];
  if (last !== undefined && last.table === compiled.calendarCaps && last.calendar === calendar.calendar && last.school === calendar.school && last.year === calendar.year) {
    return last.slot;
  }
  const slot = resolveSlot(compiled, calendar);
  if (Object.isExtensible(calendar)) {
    const resolved: Resolved = { table: compiled.calendarCaps, slot, school: calendar.school, year: calendar.year, calendar: calendar.calendar };
    Object.defineProperty(calendar, RESOLVED, { value: resolved, writable: true, configurable: true, enumerable: false });
  }
  return slot;
}

function resolveSlot(compiled: CompiledDistrict, calendar: CalendarRef): number {
  let table = compiled.calendarCaps;
  let found = findSlot(table, calendar);
  if (found === undefined) {
    if (table.keys.length >= MAX_SLOTS) table = compiled.calendarCaps = freshTable();
    found = { school: calendar.school, year: calendar.year, calendar: calendar.calendar, slot: table.keys.length };
    table.keys.push(found);
    const list = table.slots.get(calendar.calendar);
    if (list) list.push(found);
    else table.slots.set(calendar.calendar, [found]);
  }
  const slot = found.slot;
  if (slot < ROW_CAP_SLOTS) {
    if (!table.inRow[slot]) fillInRows(compiled, found), (table.inRow[slot] = true);
  } else if (table.caps[slot] === undefined) table.caps[slot] = fillColumn(compiled, found);
  return slot;
}

/** The user's cap in the slot's calendar, wherever that slot keeps it. */
export function capInSlot(compiled: CompiledDistrict, userIdx: number, slot: number): number {
  return slot < ROW_CAP_SLOTS ? compiled.rows[compiled.rowAt[userIdx]! + compiled.capOffset + slot]! : compiled.calendarCaps.caps[slot]![userIdx]!;
}

// Deriving the caps adds to the compiled rows without changing any answer, so it is safe
// even while other readers hold this compiled district. A row can be another version's too:
// then its user is the same in both (a recompile gives a changed user a fresh row), so both
// compute the same caps there.
function fillInRows(compiled: CompiledDistrict, c: CalendarSlot): void {
  const { rows, rowAt } = compiled;
  const at = compiled.capOffset + c.slot;
  for (let u = 0; u < compiled.userIds.length; u++) rows[rowAt[u]! + at] = capFromGrants(compiled, u, c.school, c.year, c.calendar);
}

function fillColumn(compiled: CompiledDistrict, calendar: CalendarRef): Uint8Array {
  const n = compiled.userIds.length;
  const caps = new Uint8Array(n);
  for (let u = 0; u < n; u++) caps[u] = capFromGrants(compiled, u, calendar.school, calendar.year, calendar.calendar);
  return caps;
}
