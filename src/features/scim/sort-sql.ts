import { sql, type SQL } from "drizzle-orm";
import type { FilterColumns } from "./filter-sql.js";
import { invalidValue } from "./scim-error.js";
import { GROUP_SCHEMA, USER_SCHEMA } from "./scim-schemas.js";

/**
 * sortBy/sortOrder (RFC 7644 §3.4.2.3) as an ORDER BY on the filterable attributes: ascending
 * unless "descending", case-insensitive strings compared in lower case, a missing value last
 * either way. Unsorted lists keep the order the accounts were made in.
 */
export function sortToSql(sortBy: string | undefined, sortOrder: string | undefined, columns: FilterColumns): SQL | null {
  if (!sortBy) return null;
  const order = (sortOrder ?? "ascending").toLowerCase();
  if (order !== "ascending" && order !== "descending") throw invalidValue(`sortOrder is "ascending" or "descending", not "${sortOrder}".`);
  const name = [USER_SCHEMA, GROUP_SCHEMA].reduce((n, urn) => (n.toLowerCase().startsWith(`${urn.toLowerCase()}:`) ? n.slice(urn.length + 1) : n), sortBy.trim());
  const sortable = Object.entries(columns).filter(([, c]) => !c.multi);
  const column = sortable.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (!column) throw invalidValue(`Gatehouse cannot sort by "${sortBy}". Sort by one of: ${sortable.map(([k]) => k).join(", ")}.`);
  const value = column.caseExact ? column.expr : sql`lower(${column.expr})`;
  return order === "descending" ? sql`${value} desc nulls last` : sql`${value} asc nulls last`;
}
