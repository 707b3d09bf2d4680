import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictActor } from "../../platform/http/actor.js";

export type FieldRead = { personId: string; field: string; tool: string };
export type AccessRoute = "screen" | "adhoc-preview" | "adhoc-export";

/**
 * FERPA's record of access, written set-based: one statement however many people and fields
 * were read (an export batch of thousands of rows is still one insert).
 */
export async function recordFieldReads(
  db: Db,
  actor: DistrictActor,
  reads: FieldRead[],
  route: AccessRoute,
  filterId: string | null = null,
): Promise<void> {
  if (reads.length === 0) return;
  await db.execute(sql`
    insert into sis_access_log (district_id, actor_id, actor_name, person_id, field, tool, route, filter_id)
    select ${actor.districtId}::uuid, ${actor.preview?.userId ?? actor.userId}::uuid, ${actor.preview ? `${actor.preview.username} (previewing as ${actor.username})` : actor.username}, r.person_id, r.field, r.tool, ${route}, ${filterId}::uuid
    from unnest(${sql.param(reads.map((r) => r.personId))}::uuid[], ${sql.param(reads.map((r) => r.field))}::text[],
                ${sql.param(reads.map((r) => r.tool))}::text[]) as r(person_id, field, tool)`);
}
