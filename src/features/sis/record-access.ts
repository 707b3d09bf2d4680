import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { getCatalog } from "../../domain/rights/catalog.js";
import { seedProtection } from "../../domain/rights/protected-areas.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { FIELDS, isProtectedField } from "./field-catalog.js";

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

const seed = seedProtection(getCatalog());

/**
 * A screen of `tool` was read: when the district marked that tool (or one above it) protected,
 * its fields' reading goes to the access log as the seed's protected fields' does. (The seed's
 * own protected screens log their fields themselves.)
 */
export async function recordScreenRead(db: Db, actor: DistrictActor, personId: string, tool: string): Promise<void> {
  if (!actor.rights.isProtected(tool) || seed.isProtected(tool)) return;
  const fields = FIELDS.filter((f) => f.tool === tool && isProtectedField(f, actor.rights));
  await recordFieldReads(db, actor, fields.map((f) => ({ personId, field: f.id, tool })), "screen");
}
