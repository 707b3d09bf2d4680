import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** Anything that knows which district it acts in: an Actor, or a scope made for a job. */
export type DistrictScope = { districtId: string };

type DistrictTable = { districtId: PgColumn };

/**
 * The where-clause every district query starts from. Repos take a DistrictScope rather than a
 * bare id, so the only way to reach district rows is through a scope that says whose they are.
 */
export function inDistrict(table: DistrictTable, scope: DistrictScope, ...conditions: (SQL | undefined)[]): SQL {
  if (!scope.districtId) throw new Error("inDistrict needs a district scope");
  return and(eq(table.districtId, scope.districtId), ...conditions) as SQL;
}
