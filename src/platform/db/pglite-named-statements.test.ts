import * as pglite from "@electric-sql/pglite";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "./connect.js";
import { useNamedStatements } from "./pglite-named-statements.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function twoClients(capacity?: number) {
  const plain = await PGlite.create();
  const named = await PGlite.create();
  open.push(plain, named);
  useNamedStatements(named, pglite, capacity);
  for (const client of [plain, named]) {
    await client.exec(`create table t (id uuid primary key, n int8, at timestamptz, doc jsonb, tags text[], ok boolean, label text unique);
      insert into t values ('00000000-0000-4000-8000-000000000001', 9007199254740993, '2026-12-03 10:00:00+00', '{"a":[1,2]}', '{x,"y z"}', true, 'one'),
                           ('00000000-0000-4000-8000-000000000002', null, null, null, null, null, 'two');`);
  }
  return { plain, named };
}

/** Statements PostgreSQL holds prepared on the client's one connection. */
async function preparedCount(client: PGlite) {
  const { rows } = await client.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements");
  return rows[0]!.n;
}

describe("PGlite with named statements", () => {
  it("answers as PGlite's own query does, with parameters, nulls, arrays and the row mode and parsers Drizzle asks for", async () => {
    const { plain, named } = await twoClients();
    const cases: [string, unknown[], pglite.QueryOptions?][] = [
      ["select * from t where id = $1", ["00000000-0000-4000-8000-000000000001"]],
      ["select * from t where label = any($1) order by label", [["one", "two"]]],
      ["select * from t where at > $1 or $2::boolean", [new Date("2026-01-01T00:00:00Z"), false]],
      ["select doc, n from t where doc @> $1", [{ a: [1, 2] }]],
      ["select $1::text as maybe", [null]],
      ["select id, at from t order by label", [], { rowMode: "array", parsers: { 1184: (value: string) => `parsed ${value}` } }],
      ["update t set ok = not coalesce(ok, false) where label = $1 returning ok", ["two"]],
    ];
    for (const [text, params, options] of cases) {
      for (let call = 0; call < 2; call++) {
        const [expected, actual] = [await plain.query(text, params, options), await named.query(text, params, options)];
        expect(actual.rows, text).toEqual(expected.rows);
        expect(actual.fields, text).toEqual(expected.fields);
        expect(actual.affectedRows, text).toEqual(expected.affectedRows);
      }
    }
    expect(await preparedCount(named)).toBeGreaterThan(0);
    expect(await preparedCount(plain)).toBe(0);
  });

  it("throws PostgreSQL's error with its code, keeps working after it, and does not keep a statement that did not parse", async () => {
    const { named } = await twoClients();
    const insert = "insert into t (id, label) values ($1, $2)";
    await expect(named.query(insert, ["00000000-0000-4000-8000-000000000003", "one"])).rejects.toMatchObject({ code: "23505", query: insert });
    await named.query(insert, ["00000000-0000-4000-8000-000000000003", "three"]);
    const before = await preparedCount(named);
    await expect(named.query("selec 1")).rejects.toMatchObject({ code: "42601" });
    expect(await preparedCount(named)).toBe(before);
    expect((await named.query("select count(*)::int as n from t")).rows).toEqual([{ n: 3 }]);
  });

  it("holds at most its capacity, closing the least recently used", async () => {
    const { named } = await twoClients(3);
    for (let i = 0; i < 6; i++) await named.query(`select ${i} as n`);
    expect(await preparedCount(named)).toBeLessThanOrEqual(3);
    expect((await named.query("select 0 as n")).rows).toEqual([{ n: 0 }]);
  });

  it("sees a table's new column after the table changed", async () => {
    const { named } = await twoClients();
    const text = "select * from t where label = $1";
    expect(Object.keys((await named.query<object>(text, ["one"])).rows[0]!)).not.toContain("extra");
    await named.exec("alter table t add column extra text default 'new'");
    expect((await named.query<{ extra: string }>(text, ["one"])).rows[0]!.extra).toBe("new");
    expect((await named.query<{ extra: string }>(text, ["one"])).rows[0]!.extra).toBe("new");
  });

  it("waits for a running transaction instead of running inside it", async () => {
    const { named } = await twoClients();
    let release!: () => void;
    let started!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (started = resolve));
    const transaction = named.transaction(async (tx) => {
      await tx.query("insert into t (id, label) values ('00000000-0000-4000-8000-000000000004', 'four')");
      started();
      await held;
      await tx.query("insert into t (id, label) values ('00000000-0000-4000-8000-000000000005', 'five')");
    });
    await inside;
    const outside = named.query<{ n: number }>("select count(*)::int as n from t");
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await transaction;
    expect((await outside).rows).toEqual([{ n: 4 }]);
  });

  it("is what the application's embedded database runs on", async () => {
    const database: Database = await connectDatabase({});
    open.push(database);
    await database.query("select $1::int as n", [1]);
    expect(await database.query("select count(*)::int as n from pg_prepared_statements")).toEqual([{ n: 2 }]);
  });
});
