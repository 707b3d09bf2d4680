/**
 * A district for the HTTP benchmark: the seed generator's students, `users` staff accounts in
 * 200 groups (each user in up to three, each group with eight seeded tool entries and calendar
 * rights), and one reader whose own entries open the Summary, the group list and Ad hoc.
 */
import { randomBytes } from "node:crypto";
import { getCatalog } from "../../src/domain/rights/catalog.js";
import { seedSisDistrict, createRandom } from "../../src/features/demo/seed-sis.js";
import { hashPassword } from "../../src/platform/auth/passwords.js";
import type { Database } from "../../src/platform/db/connect.js";

export const READER = { username: "bench-reader", password: "bench-password-42-long" };
const GROUPS = 200;
const LEVELS = ["", "R", "RW", "RWA", "RWAD"];

export async function buildHttpDistrict(database: Database, size: { users: number; students: number }) {
  const q = database.query;
  const slug = `bench-${randomBytes(3).toString("hex")}`;
  const [district] = await q<{ id: string }>("insert into districts (slug, name) values ($1, $2) returning id", [slug, `Bench ${slug}`]);
  const districtId = district!.id;
  await database.db.transaction((tx) => seedSisDistrict(tx, districtId, { students: size.students, seed: 42 }));
  const hash = await hashPassword(READER.password);
  await q(
    "insert into users (district_id, username, display_name, password_hash) select $1, 'staff' || i, 'Staff ' || i, $2 from generate_series(1, $3::int) i",
    [districtId, hash, size.users - 1],
  );
  const [reader] = await q<{ id: string }>(
    "insert into users (district_id, username, display_name, password_hash) values ($1, $2, 'Bench Reader', $3) returning id",
    [districtId, READER.username, hash],
  );
  await q("insert into user_groups (district_id, name) select $1, 'Group ' || g from generate_series(1, $2::int) g", [districtId, GROUPS]);
  const groups = (await q<{ id: string }>("select id from user_groups where district_id = $1 order by name", [districtId])).map((g) => g.id);
  const random = createRandom(7);
  const paths = getCatalog().nodes.map((n) => n.path);
  const entries = { group: [] as string[], path: [] as string[], rights: [] as string[] };
  for (const g of groups) {
    for (const path of new Set(Array.from({ length: 8 }, () => random.pick(paths)))) {
      entries.group.push(g);
      entries.path.push(path);
      entries.rights.push(random.pick(LEVELS));
    }
  }
  await q(
    "insert into right_entries (district_id, group_id, tool_path, rights) select $1, * from unnest($2::uuid[], $3::text[], $4::text[])",
    [districtId, entries.group, entries.path, entries.rights],
  );
  await q("insert into calendar_grants (district_id, group_id, school, year, calendar, modify) select $1, id, '*', '*', '*', false from user_groups where district_id = $1", [districtId]);
  // every staff user in three groups picked from their row number (a few coincide: on conflict skips them)
  await q(
    `insert into user_group_members (district_id, group_id, user_id)
     select $1, g.ids[1 + ((u.n * m.k) % $2)::int], u.id
     from (select id, row_number() over (order by id) as n from users where district_id = $1 and username <> $3) u,
          (select array_agg(id order by name) as ids from user_groups where district_id = $1) g,
          (values (7), (13), (29)) m(k)
     on conflict do nothing`,
    [districtId, GROUPS, READER.username],
  );
  for (const path of ["Student Information", "Ad Hoc Reporting", "System Administration > User Security > User Groups"]) {
    await q("insert into right_entries (district_id, user_id, tool_path, rights) values ($1, $2, $3, 'RWAD')", [districtId, reader!.id, path]);
  }
  await q("insert into calendar_grants (district_id, user_id, school, year, calendar, modify) values ($1, $2, '*', '*', '*', true)", [districtId, reader!.id]);
  await q("insert into district_rights_state (district_id, rights_version) values ($1, 1) on conflict (district_id) do update set rights_version = 1", [districtId]);
  await q("analyze");
  const students = (await q<{ id: string }>("select id from sis_people where district_id = $1 and kind = 'student' order by local_id limit 500", [districtId])).map((s) => s.id);
  return { districtId, slug, students };
}
