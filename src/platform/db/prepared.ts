import type { Db } from "./connect.js";

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A hot-path statement built once per database handle and reused: Drizzle otherwise rebuilds the
 * SQL text on every call, and node-postgres parses a named statement once per connection.
 * `build` must prepare under `name` and use placeholders for every value.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) byName.set(name, (statement = build(db)));
  return statement;
}
