import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { getCatalog } from "../../domain/rights/catalog.js";
import { seedProtection } from "../../domain/rights/protected-areas.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { FIELDS_PER_ROW } from "./access-log-entries.js";
import { FIELDS, isProtectedField } from "./field-catalog.js";

export type FieldRead = { personId: string; field: string; tool: string };
export type AccessRoute = "screen" | "adhoc-preview" | "adhoc-export";

/** Field ids and their tools, position for position, as one access-log row holds them. */
type FieldSet = { fields: string[]; tools: string[] };

/**
 * The reads grouped into one row per person, and the rows' distinct field sets: an export batch
 * reads the same fields of every row, so the statement carries each set once, not once a person.
 */
function rowsOf(reads: FieldRead[]) {
  const byPerson = new Map<string, FieldSet>();
  for (const r of reads) {
    let row = byPerson.get(r.personId);
    if (!row) byPerson.set(r.personId, (row = { fields: [], tools: [] }));
    row.fields.push(r.field);
    row.tools.push(r.tool);
  }
  const sets: FieldSet[] = [];
  const setNumbers = new Map<string, number>();
  const people: string[] = [];
  const setOf: number[] = [];
  for (const [person, row] of byPerson) {
    if (row.fields.length >= FIELDS_PER_ROW) throw new Error(`${row.fields.length} fields of one person in one read: an access-log row holds fewer than ${FIELDS_PER_ROW}`);
    const key = `${row.fields.join("\0")}\0\0${row.tools.join("\0")}`;
    let n = setNumbers.get(key);
    if (n === undefined) setNumbers.set(key, (n = sets.push(row)));
    people.push(person);
    setOf.push(n);
  }
  return { people, setOf, sets };
}

/**
 * FERPA's record of access, written set-based: one statement however many people and fields
 * were read, one row per person holding every field read (an export batch of thousands of rows
 * is still one insert, of one row per student).
 */
export async function recordFieldReads(
  db: Db,
  actor: DistrictActor,
  reads: FieldRead[],
  route: AccessRoute,
  filterId: string | null = null,
): Promise<void> {
  if (reads.length === 0) return;
  const { people, setOf, sets } = rowsOf(reads);
  await db.execute(sql`
    insert into sis_access_log (district_id, actor_id, actor_name, person_id, fields, tools, route, filter_id)
    select ${actor.districtId}::uuid, ${actor.preview?.userId ?? actor.userId}::uuid, ${actor.preview ? `${actor.preview.username} (previewing as ${actor.username})` : actor.username}, r.person_id, s.fields, s.tools, ${route}, ${filterId}::uuid
    from unnest(${sql.param(people)}::uuid[], ${sql.param(setOf)}::int[]) as r(person_id, set_no)
    join jsonb_to_recordset(${JSON.stringify(sets.map((set, i) => ({ n: i + 1, ...set })))}::jsonb) as s(n int, fields text[], tools text[]) on s.n = r.set_no`);
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
