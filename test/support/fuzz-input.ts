import fc from "fast-check";
import { z } from "zod";

/**
 * fast-check arbitraries from a route's zod schema (through its JSON Schema): values that fit,
 * mixed at every level with hostile ones — control characters, numbers past int4, days that do
 * not exist, very long strings and values of the wrong type.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

export const HOSTILE_STRINGS = [
  "a\u0000b", "\u0000", "bell\u0007", "esc\u001b[31m", "del\u007f", "2026-02-30", "2017-02-30", "2026-13-01", "0000-00-00",
  "99999999999999", "-1", "1e400", "NaN", "", " ", "x".repeat(5000), "<img src=x onerror=alert(1)>", "' OR 1=1 --", "../../etc/passwd",
  "\ud800", "%00", "open", "*", "null", "true", "2026-02-30T00:00:00.000Z",
];
const HOSTILE_NUMBERS = [99999999999999, 2147483648, -2147483649, -1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 63];
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { "a\u0000": 1 }) },
);

const INT4 = { min: -2147483648, max: 2147483647 };

/** Real values by field name (ids of existing rows, current versions), so requests get past "not found". */
export type Pools = { uuids: string[]; byName: Record<string, string[]>; numbers?: Record<string, number[]> };

function validFor(s: JsonSchema, depth: number, pools: Pools, name: string, mix = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return fc.oneof(...options.map((o) => arbitraryFor(o, depth, pools, name, mix)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringFor(s, pools, name);
    case "integer": {
      const known = pools.numbers?.[name];
      if (known?.length) return fc.oneof(fc.constantFrom(...known), fc.integer({ min: 1, max: 1000 }));
      const min = Math.max(INT4.min, s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -10));
      const max = Math.min(INT4.max, s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1000));
      return fc.integer({ min, max: Math.max(min, max) });
    }
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (depth > 3) return fc.constant([]);
      const minLength = s.minItems ?? 0;
      return fc.array(arbitraryFor(s.items ?? {}, depth + 1, pools, name, mix), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case "object": {
      if (depth > 3) return fc.constant({});
      if (!s.properties && typeof s.additionalProperties === "object") {
        return fc.dictionary(fc.constantFrom("a", "b", "name", "value"), arbitraryFor(s.additionalProperties, depth + 1, pools, name, mix), { maxKeys: 3 });
      }
      const props = Object.entries(s.properties ?? {});
      const record = Object.fromEntries(props.map(([key, inner]) => [key, arbitraryFor(inner, depth + 1, pools, key, mix)]));
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function stringFor(s: JsonSchema, pools: Pools, name: string): fc.Arbitrary<string> {
  const known = pools.byName[name];
  if (s.format === "uuid") return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(known?.length ? known : pools.uuids)) }, { weight: 1, arbitrary: fc.uuid() });
  if (s.format === "date") return fc.date({ min: new Date("2020-01-01"), max: new Date("2032-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === "date-time") return fc.date({ min: new Date("2020-01-01"), max: new Date("2032-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === "email") return fc.emailAddress();
  if (known?.length) return fc.constantFrom(...known);
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 200));
    } catch {
      // a pattern fast-check cannot read: plain strings will do
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
}

/** Values that fit the schema; with `mix`, that many in six hostile at every level. */
export function arbitraryFor(s: JsonSchema, depth: number, pools: Pools, name = "", mix = 0): fc.Arbitrary<unknown> {
  const valid = validFor(s, depth, pools, name, mix);
  return mix > 0 ? fc.oneof({ weight: 6 - mix, arbitrary: valid }, { weight: mix, arbitrary: hostile }) : valid;
}

type Poison = { at: number; how: "replace" | "control" | "huge"; value: unknown; char: string };
const poison: fc.Arbitrary<Poison | null> = fc.option(
  fc.record({ at: fc.nat(), how: fc.constantFrom<Poison["how"]>("replace", "control", "control", "huge"), value: hostile, char: fc.constantFrom("\u0000", "\u0000", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085") }),
  { freq: 4 },
);

/** Every place in a value where a primitive (or an empty container) sits. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...at, i])) : [at];
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...at, k])) : [at];
  }
  return [at];
}

/** A copy of `value` with one leaf poisoned: the best way to get one bad field past all the good ones. */
function poisoned<T>(value: T, p: Poison): T {
  const all = leafPaths(value).filter((path) => path.length > 0);
  const ofType = (type: string) => all.filter((path) => typeof path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value) === type);
  // a control character goes into text and a huge number into a number, where each does harm
  const preferred = p.how === "control" ? ofType("string") : p.how === "huge" ? ofType("number") : [];
  const paths = preferred.length > 0 ? preferred : all;
  if (paths.length === 0) return value;
  const path = paths[p.at % paths.length]!;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const old = parent[last];
  parent[last] = p.how === "control" ? (typeof old === "string" ? `${old}${p.char}` : p.char) : p.how === "huge" ? 99999999999999 : p.value;
  return copy as T;
}

export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

// a lone surrogate cannot be percent-encoded; send the bytes of one, which is hostile too
export const encodePart = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return "%ED%A0%80";
  }
};

/** A request for a route: params in the path, a query string and a JSON body, all from its schemas. */
export function requestArbitrary(route: { method: string; url: string; schema?: { params?: unknown; querystring?: unknown; body?: unknown } }, pools: Pools) {
  const params = jsonSchemaOf(route.schema?.params);
  const query = jsonSchemaOf(route.schema?.querystring);
  const body = jsonSchemaOf(route.schema?.body);
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const paramArb = fc.record(
    Object.fromEntries(names.map((n) => [n, arbitraryFor(params?.properties?.[n] ?? { type: "string" }, 1, pools, n)])),
  );
  const queryArb = query ? (validFor(query, 0, pools, "", 0) as fc.Arbitrary<Record<string, unknown>>) : fc.constant({});
  // half the time values hostile anywhere, half the time a valid request with one poisoned leaf
  const bodyArb = body ? fc.oneof(arbitraryFor(body, 0, pools, "", 1), arbitraryFor(body, 0, pools)) : fc.constant(undefined);
  const parts = fc.record({ params: paramArb, query: queryArb, body: bodyArb });
  return fc.tuple(parts, poison).map(([all, p]) => (p ? poisoned(all, p) : all)).map(({ params: rawParams, query: q, body: b }) => {
    const p = Object.fromEntries(Object.entries(rawParams).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""]));
    const path = route.url.replace(/:([A-Za-z]+)/g, (_, n: string) => encodePart(p[n] as string));
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q ?? {})) if (v !== undefined) search.set(k, typeof v === "string" ? v : JSON.stringify(v));
    const qs = search.toString();
    return { method: route.method, url: qs ? `${path}?${qs}` : path, body: b };
  });
}

/** One value that fits the schema with every optional key present, so that each field can be pushed to its edge. */
function fullValue(s: JsonSchema, pools: Pools, name: string, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const options = (s.anyOf ?? s.oneOf)?.filter((o) => o.type !== "null");
  if (options?.length) return fullValue(options[0]!, pools, name, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "integer" || type === "number") return pools.numbers?.[name]?.[0] ?? Math.max(1, s.minimum ?? 1);
  if (type === "boolean") return true;
  if (type === "string") return fc.sample(stringFor(s, pools, name), { seed: 1, numRuns: 1 })[0];
  if (type === "array") return depth > 3 ? [] : [fullValue(s.items ?? {}, pools, name, depth + 1)];
  if (type === "object") return depth > 3 ? {} : Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, inner]) => [key, fullValue(inner, pools, key, depth + 1)]));
  return null;
}

const EDGE_NUMBERS = [2147483648, -2147483649, 99999999999999];

/**
 * The edges, tried on every route before the random requests: a request that fits, aimed at a
 * real object at its current version (pools pinned to one row), with one field at a time pushed
 * past int4 or given a NUL. Random requests seldom line up a real id, its version and one bad
 * number at once; these do, so an overflow behind a version check cannot hide.
 */
export function edgeRequests(route: Parameters<typeof requestArbitrary>[0], pools: Pools, limit = 24) {
  const body = jsonSchemaOf(route.schema?.body);
  if (!body || route.method === "GET") return [];
  const full = fullValue(body, pools, "");
  const path = route.url.replace(/:([A-Za-z]+)/g, (_, n: string) => encodePart(pools.byName[n]?.[0] ?? pools.uuids[0] ?? "x"));
  // the required fields, plus one optional field at a time: another optional field (an owner that
  // does not exist, say) must not refuse the request before the edge reaches the code behind it
  const bases: unknown[] = [];
  if (full && typeof full === "object" && !Array.isArray(full)) {
    const required = Object.fromEntries(Object.entries(full).filter(([k]) => (body.required ?? []).includes(k)));
    bases.push(required, ...Object.keys(full).filter((k) => !(k in required)).map((k) => ({ ...required, [k]: (full as Record<string, unknown>)[k] })));
  }
  bases.push(full);
  const variants: unknown[] = [];
  for (const base of bases) {
    for (const leaf of leafPaths(base).filter((p) => p.length > 0)) {
      const old = leaf.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], base);
      // a version past int4 is the same refusal in every base; the random requests try it
      const replacements = typeof old === "number" && leaf[0] !== "version" ? EDGE_NUMBERS : typeof old === "string" ? [`${old}\u0000`] : [];
      for (const value of replacements) {
        const copy = structuredClone(base) as Record<string | number, unknown>;
        let parent = copy;
        for (const step of leaf.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
        parent[leaf[leaf.length - 1]!] = value;
        variants.push(copy);
      }
    }
  }
  const unique = [...new Map([...bases, ...variants].map((b) => [JSON.stringify(b), b])).values()];
  return unique.slice(0, limit).map((b) => ({ method: route.method, url: path, body: b }));
}
