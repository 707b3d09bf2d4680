import { and, not, or, sql, type SQL } from "drizzle-orm";
import { parse, type AttrExp, type Filter } from "scim2-parse-filter";
import { ScimError } from "./scim-error.js";

/** A filterable attribute: the SQL it reads, and whether it compares case-exactly (RFC 7643's caseExact). */
export type FilterColumn = { expr: SQL; caseExact: boolean; multi?: (op: Filter) => SQL | null };
export type FilterColumns = Record<string, FilterColumn>;

const invalidFilter = (message: string) => new ScimError(400, message, "invalidFilter");
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) as a SQL condition on the columns given: eq, ne, sw, ew, co
 * and pr, joined with and/or/not. Attribute names are case-insensitive, as the RFC says; the
 * filter's values only ever reach SQL as parameters.
 */
export function filterToSql(text: string, columns: FilterColumns): SQL {
  let ast: Filter;
  try {
    ast = parse(text);
  } catch (error) {
    throw invalidFilter(`The filter could not be read: ${(error as Error).message}`);
  }
  const byName = new Map(Object.entries(columns).map(([k, v]) => [k.toLowerCase(), v]));
  return toSql(ast, byName);
}

function toSql(f: Filter, columns: Map<string, FilterColumn>): SQL {
  if (f.op === "and" || f.op === "or") {
    const parts = f.filters.map((x) => toSql(x, columns));
    return (f.op === "and" ? and(...parts) : or(...parts))!;
  }
  if (f.op === "not") return not(toSql((f as { filter: Filter }).filter, columns));
  if (f.op === "[]") {
    const vp = f as { attrPath: string; valFilter: Filter };
    // members[value eq "x"], emails[value eq "x"]: the sub-attribute on the multi-valued attribute
    const inner = vp.valFilter;
    if ("attrPath" in inner && inner.op !== "[]") return toSql({ ...inner, attrPath: `${vp.attrPath}.${inner.attrPath}` } as Filter, columns);
    throw invalidFilter(`The filter ${vp.attrPath}[…] is more than Gatehouse can answer.`);
  }
  return compare(f as AttrExp, columns);
}

function compare(f: AttrExp, columns: Map<string, FilterColumn>): SQL {
  const name = f.attrPath.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, "").toLowerCase();
  const column = columns.get(name);
  if (!column) throw invalidFilter(`Gatehouse cannot filter on "${f.attrPath}". It filters on ${[...columns.keys()].join(", ")}.`);
  if (column.multi) {
    const answer = column.multi(f);
    if (answer) return answer;
  }
  if (f.op === "pr") return sql`(${column.expr} is not null and ${column.expr} <> '')`;
  if (f.compValue === null) return f.op === "eq" ? sql`${column.expr} is null` : sql`${column.expr} is not null`;
  const value = String(f.compValue);
  const left = column.caseExact ? column.expr : sql`lower(${column.expr})`;
  const right = column.caseExact ? value : value.toLowerCase();
  switch (f.op) {
    case "eq":
      return typeof f.compValue === "boolean" ? sql`${column.expr} = ${f.compValue}` : sql`${left} = ${right}`;
    case "ne":
      return sql`${left} is distinct from ${right}`;
    case "sw":
      return sql`${left} like ${likeEscape(right) + "%"}`;
    case "ew":
      return sql`${left} like ${"%" + likeEscape(right)}`;
    case "co":
      return sql`${left} like ${"%" + likeEscape(right) + "%"}`;
    default:
      throw invalidFilter(`The filter operator "${f.op}" is not supported on ${f.attrPath}.`);
  }
}
