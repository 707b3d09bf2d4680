import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";

type Protocol = typeof import("@electric-sql/pglite").protocol;
type Parse = typeof import("@electric-sql/pglite").parse;

type Statement = { name: string; paramTypes: number[] };

const CAPACITY = 200;
// PostgreSQL: "cached plan must not change result type" after a table a statement reads changed
const PLAN_CHANGED = "0A000";

/**
 * PGlite's query() parses and plans every statement again, in six calls into PostgreSQL's
 * WebAssembly (parse, describe, bind, describe, execute, sync). This keeps the statements used
 * most recently parsed once under a name, as node-postgres does for named queries on a server,
 * and runs each call as one bind-describe-execute-sync message: a session lookup costs a quarter
 * of what it did. Statements inside a transaction (PGlite's own Transaction object), COPY through
 * a blob and calls with explicit parameter types keep PGlite's path. Results and errors are the
 * ones query() gives.
 */
export function useNamedStatements(client: PGlite, { protocol, parse }: { protocol: Protocol; parse: Parse }, capacity = CAPACITY): void {
  const plainQuery = client.query.bind(client);
  const statements = new Map<string, Statement>(); // in use order: the first is the least recent
  let counter = 0;

  async function send(messages: Uint8Array[]) {
    return (await client.execProtocol(concat(messages), { syncToFs: false })).messages;
  }

  async function statementFor(text: string): Promise<Statement> {
    const known = statements.get(text);
    if (known) {
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    if (statements.size >= capacity) {
      const [oldestText, oldest] = statements.entries().next().value as [string, Statement];
      statements.delete(oldestText);
      await send([protocol.serialize.close({ type: "S", name: oldest.name }), protocol.serialize.sync()]);
    }
    const name = `gh_pglite_${++counter}`;
    const described = await send([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: "S", name }), protocol.serialize.sync()]);
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    statements.set(text, statement);
    return statement;
  }

  async function runNamed<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const statement = await statementFor(text);
    const values = params.map((value, i) => serialise(client, options, statement.paramTypes[i]!, value));
    const messages = await send([
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: "P" }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    if (!options?.parsers) return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    return parse.parseResults(messages, withDefaults(options.parsers) as typeof client.parsers, { ...options, parsers: undefined })[0] as Results<T>;
  }

  // parseResults spreads PGlite's hundred default parsers under the caller's on every call;
  // Drizzle passes the same parsers object for every run of a prepared query
  const merged = new WeakMap<object, QueryOptions["parsers"]>();
  function withDefaults(parsers: NonNullable<QueryOptions["parsers"]>) {
    let all = merged.get(parsers);
    if (!all) merged.set(parsers, (all = { ...client.parsers, ...parsers }));
    return all;
  }

  async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (options?.blob || options?.paramTypes || options?.onNotice) return plainQuery<T>(text, params, options);
    // the checks and the two locks PGlite's query() takes: nothing runs inside another's transaction
    await client._checkReady();
    try {
      const result = await client._runExclusiveTransaction(() => client._runExclusiveQuery(() => runNamed<T>(text, params, options)));
      await client.syncToFs();
      return result;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === PLAN_CHANGED) {
        statements.delete(text); // the next call parses it again; this one takes PGlite's path
        return plainQuery<T>(text, params, options);
      }
      throw Object.assign(error as object, { query: text, params });
    }
  }

  client.query = query as PGlite["query"];
}

/** The parameter as PGlite's query() turns it into text: by the type PostgreSQL inferred for it. */
function serialise(client: PGlite, options: QueryOptions | undefined, type: number, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const serializer = options?.serializers?.[type] ?? client.serializers[type];
  return serializer ? (serializer(value) as string) : String(value);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
