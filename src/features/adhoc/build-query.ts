/**
 * Turns an Ad hoc definition into one parameterised SQL statement. Field expressions come from
 * the field catalog (constants); every user value is a bound parameter.
 *
 * Rows are the running user's students' enrollments in calendars they have calendar rights to.
 * Each field is gated per row: its value is selected only where the row's calendar is one in
 * which the RUNNING user has R on the field's tool (CASE WHEN calendar_id = ANY(...)), so a
 * shared filter shows each runner only what they may read. Conditions and sort use the same
 * gated expression, so filtering on a withheld field cannot reveal it either.
 */
import { sql, type SQL } from "drizzle-orm";
import { isCalendarDay } from "../../domain/calendar-day.js";
import type { AdhocDefinition } from "../../platform/db/schema/adhoc.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { calendarIdsWith, grantedCalendarIds, type CalendarRow } from "../sis/calendar-access.js";
import { fieldTools, findField, isLoggedField, isProtectedField, type FieldDef, type FieldType } from "../sis/field-catalog.js";

export type Column = { id: string; label: string; type: FieldType; tool: string; protected: boolean; withheld: boolean };
export type KeyValue = string | number | boolean | null;

export type BuiltQuery = {
  columns: Column[];
  /** calendar ids in which each logged column was actually read (for the access log) */
  /** Logged fields the query reads: shown as a column, or used only to filter or sort (that reads them too). */
  loggedColumns: { field: FieldDef; calendars: Set<string> }[];
  /** per column: the calendars whose rows show the value; null when every row does (or a mask stands in) */
  readableIn: (Set<string> | null)[];
  page(after: KeyValue[] | null, limit: number): SQL;
  /** the keyset position of a returned row */
  keyOf(row: Record<string, unknown>): KeyValue[];
  /**
   * The people name index serves the sort and no condition filters rows out, so a page reads
   * about `limit` rows whatever the district's size (its plan stays far below jit_above_cost).
   */
  boundedByLimit: boolean;
};

const CAST: Record<FieldType, string> = { text: "text", number: "float8", date: "date", boolean: "boolean" };

/**
 * Not-null person columns in the order of the people name index (district_id, last_name,
 * first_name). A sort on a prefix of them, ascending and ungated, seeks the next batch with a
 * row-value comparison the index serves, so each batch reads only its own rows instead of
 * re-sorting the district.
 */
const SEEKABLE_SORT = ["p.last_name", "p.first_name"];

type Gated = { field: FieldDef; expr: SQL; allowed: string[] };

/** strict: the designer's own definition must only name fields the user can read (else 400). */
export function buildQuery(actor: DistrictActor, calendars: CalendarRow[], def: AdhocDefinition, strict: boolean): BuiltQuery {
  const visible = grantedCalendarIds(actor.rights, calendars);
  const cache = new Map<string, Gated>();
  const gate = (id: string, path: string): Gated => {
    const hit = cache.get(id);
    if (hit) return hit;
    const field = findField(id);
    if (!field) throw new AppError(400, "unknown-field", `There is no Ad hoc field "${id}".`, { path });
    const allowed = calendarIdsWith(actor.rights, fieldTools(field), calendars).filter((c) => visible.includes(c));
    if (strict && allowed.length === 0) {
      throw new AppError(400, "field-not-readable", `You have no read right on ${field.tool}, so "${field.label}" cannot be used.`, { path });
    }
    const fallback = field.maskedExpr ? sql.raw(field.maskedExpr) : sql.raw(`null::${CAST[field.type]}`);
    // Where the field's calendars are all the rows' calendars, the gate could never close: skip it.
    const open = allowed.length === visible.length;
    const expr = open
      ? sql.raw(field.expr)
      : allowed.length === 0
        ? fallback
        : sql`(case when e.calendar_id = any(${sql.param(allowed)}::uuid[]) then ${sql.raw(field.expr)} else ${fallback} end)`;
    const gated = { field, expr, allowed };
    cache.set(id, gated);
    return gated;
  };

  const selected = def.fields.map((id, i) => gate(id, `definition.fields[${i}]`));
  const where = def.conditions.map((c, i) => condition(gate(c.field, `definition.conditions[${i}].field`), c, i));
  const sorts = def.sort.map((s, i) => ({ ...gate(s.field, `definition.sort[${i}].field`), direction: s.direction }));

  const columns = selected.map(({ field, allowed }) => ({
    id: field.id,
    label: field.label,
    type: field.type,
    tool: field.tool,
    protected: isProtectedField(field, actor.rights),
    withheld: allowed.length === 0 && !field.maskedExpr,
  }));
  const readableIn = selected.map(({ field, allowed }) => (field.maskedExpr || allowed.length === visible.length ? null : new Set(allowed)));
  const loggedColumns = [...cache.values()]
    .map((g) => ({ field: g.field, calendars: new Set(g.allowed) }))
    .filter((c) => isLoggedField(c.field, actor.rights) && c.calendars.size > 0);

  const outputs = selected.map((g, i) => sql`${g.field.type === "date" ? sql`(${g.expr})::text` : g.expr} as ${sql.raw(`f${i}`)}`);
  const keys = sorts.map((s, i) => sql`${s.field.type === "date" ? sql`(${s.expr})::text` : s.expr} as ${sql.raw(`k${i}`)}`);
  const seekable = sorts.length > 0 && sorts.every((s, i) => s.direction === "asc" && s.allowed.length === visible.length && s.field.expr === SEEKABLE_SORT[i]);
  const orderBy = [...sorts.map((s) => sql`${s.expr} ${sql.raw(s.direction === "desc" ? "desc" : "asc")} nulls last`), sql`e.id asc`];

  return {
    columns,
    loggedColumns,
    readableIn,
    keyOf: (row) => [...sorts.map((_, i) => row[`k${i}`] as KeyValue), row._id as string],
    boundedByLimit: seekable && where.length === 0,
    page(after, limit) {
      const conditions: (SQL | undefined)[] = [
        sql`e.district_id = ${actor.districtId}::uuid`,
        sql`p.district_id = ${actor.districtId}::uuid`, // lets the planner walk the people name index
        // every calendar granted: the district condition alone says it (and saves a per-row array scan)
        visible.length === calendars.length ? undefined : sql`e.calendar_id = any(${sql.param(visible)}::uuid[])`,
        sql`p.kind = 'student'`,
        ...where,
      ];
      if (after) conditions.push(...(seekable ? seekAfter(sorts, after) : [afterKey(sorts, after)]));
      // Two steps: find the page's ids by the (cheap) sort keys first, then compute the selected
      // fields - some are per-row subqueries - for those rows only, not for every candidate row.
      const pageKeys = sorts.map((s, i) => sql`page.${sql.raw(`k${i}`)} ${sql.raw(s.direction === "desc" ? "desc" : "asc")} nulls last`);
      return sql`select e.id as _id, e.person_id as _pid, e.calendar_id as _cal, ${sql.join([...outputs, ...sorts.map((_, i) => sql.raw(`page.k${i}`))], sql`, `)}
        from (
          select ${sql.join([sql`e.id as _id`, ...keys], sql`, `)}
          from sis_enrollments e
          join sis_people p on p.id = e.person_id
          join sis_calendars c on c.id = e.calendar_id
          where ${sql.join(conditions.filter((c): c is SQL => c !== undefined), sql` and `)}
          order by ${sql.join(orderBy, sql`, `)}
          limit ${limit}
        ) page
        join sis_enrollments e on e.id = page._id
        join sis_people p on p.id = e.person_id
        join sis_calendars c on c.id = e.calendar_id
        order by ${sql.join([...pageKeys, sql`page._id asc`], sql`, `)}`;
    },
  };
}

function condition(g: Gated, c: AdhocDefinition["conditions"][number], i: number): SQL {
  const path = `definition.conditions[${i}].value`;
  if (c.op === "empty") return sql`${g.expr} is null`;
  if (c.op === "notEmpty") return sql`${g.expr} is not null`;
  const value = typedValue(g.field, c.value, path);
  const param = sql`${value}::${sql.raw(CAST[g.field.type])}`;
  switch (c.op) {
    case "eq": return sql`${g.expr} = ${param}`;
    case "ne": return sql`${g.expr} is distinct from ${param}`;
    case "lt": return sql`${g.expr} < ${param}`;
    case "lte": return sql`${g.expr} <= ${param}`;
    case "gt": return sql`${g.expr} > ${param}`;
    case "gte": return sql`${g.expr} >= ${param}`;
    case "contains":
      return sql`(${g.expr})::text ilike '%' || ${String(value).replace(/[\\%_]/g, (m) => `\\${m}`)} || '%'`;
    default:
      throw new AppError(400, "unknown-operator", `Unknown condition operator "${c.op}".`, { path: `definition.conditions[${i}].op` });
  }
}

function typedValue(field: FieldDef, value: unknown, path: string): string | number | boolean {
  const bad = (what: string) => new AppError(400, "condition-value-invalid", `"${field.label}" compares with ${what}.`, { path });
  if (value === undefined || value === null || value === "") throw bad("a value: give one, or use empty / not empty");
  if (field.type === "number") {
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(n)) throw bad("a number");
    return n;
  }
  if (field.type === "boolean") {
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    throw bad("true or false");
  }
  if (field.type === "date") {
    if (typeof value !== "string" || !isCalendarDay(value)) throw bad("a day that exists, written YYYY-MM-DD");
    return value;
  }
  return String(value);
}

/**
 * The seekable case (see SEEKABLE_SORT): the same "strictly after" as afterKey for not-null
 * ascending keys, as a row-value comparison, plus its bound on the sort keys alone, which the
 * people name index serves.
 */
function seekAfter(sorts: Gated[], after: KeyValue[]): SQL[] {
  const keys = sorts.map((s) => s.expr);
  const values = sorts.map((s, i) => sql`${after[i] ?? null}::${sql.raw(CAST[s.field.type])}`);
  return [
    sql`(${sql.join(keys, sql`, `)}) >= (${sql.join(values, sql`, `)})`,
    sql`(${sql.join([...keys, sql`e.id`], sql`, `)}) > (${sql.join([...values, sql`${after[sorts.length]}::uuid`], sql`, `)})`,
  ];
}

/** Rows strictly after `after` in (sort keys…, e.id) order, nulls last in both directions. */
function afterKey(sorts: (Gated & { direction: "asc" | "desc" })[], after: KeyValue[]): SQL {
  const parts: SQL[] = [];
  const equalSoFar: SQL[] = [];
  sorts.forEach((s, i) => {
    const v = after[i] ?? null;
    const typed = sql`${v}::${sql.raw(CAST[s.field.type])}`;
    if (v !== null) {
      const beyond = s.direction === "desc" ? sql`${s.expr} < ${typed}` : sql`${s.expr} > ${typed}`;
      parts.push(sql.join([...equalSoFar, sql`(${beyond} or ${s.expr} is null)`], sql` and `));
      equalSoFar.push(sql`${s.expr} = ${typed}`);
    } else {
      equalSoFar.push(sql`${s.expr} is null`);
    }
  });
  parts.push(sql.join([...equalSoFar, sql`e.id > ${after[sorts.length]}::uuid`], sql` and `));
  return sql`(${sql.join(parts.map((p) => sql`(${p})`), sql` or `)})`;
}
