import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { AppError } from "../../platform/http/errors.js";

/** The first of the two advisory-lock keys: "oner". The second is taken from the district id. */
const IMPORT_LOCK_CLASS = 0x6f6e6572;
const districtKey = (districtId: string) => Number.parseInt(districtId.replaceAll("-", "").slice(0, 8), 16) & 0x7fffffff;

/** The refusal of a second import of a district, with when the running one started when known. */
export function importRunning(startedAt: Date | null, extra = "", importId?: string): AppError {
  const when = startedAt ? ` (started at ${startedAt.toISOString()}${extra})` : "";
  return new AppError(409, "import-running", `An import for this district is running${when}. Wait for it to finish, then import again.`, importId ? { detail: { importId } } : {});
}

/**
 * Holds the district's import lock for the rest of the transaction, or refuses with 409 when
 * another transaction (another server, or the CLI beside it) holds it: two imports of one district
 * would otherwise read the same links and write over each other. On PostgreSQL a transaction-level
 * advisory lock; PGlite runs one transaction at a time, so there it is always free.
 */
export async function lockDistrictImport(tx: Db, scope: DistrictScope): Promise<void> {
  const key = districtKey(scope.districtId);
  const [row] = await rows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${IMPORT_LOCK_CLASS}::int4, ${key}::int4) as locked`);
  if (row?.locked) return;
  // the holder's transaction began when its import started writing
  const [holder] = await rows<{ started: Date | string | null }>(
    tx,
    sql`select a.xact_start as started from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = ${IMPORT_LOCK_CLASS}::oid and l.objid = ${key}::oid and l.objsubid = 2 limit 1`,
  );
  throw importRunning(holder?.started ? new Date(holder.started) : null);
}

async function rows<T>(tx: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Refuses at once (409) while another server or the CLI imports the district, so a caller is told before its import starts. */
export async function refuseWhileImporting(db: Db, scope: DistrictScope): Promise<void> {
  await db.transaction((tx) => lockDistrictImport(tx, scope));
}
