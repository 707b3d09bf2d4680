/**
 * Property-based fuzzing of the policy-file parser: whatever the text — an example file with
 * values swapped for hostile ones, lines dropped or doubled, or YAML built from scratch — the
 * parser answers a policy or errors with file:line:column, and never throws.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getCatalog } from "../rights/catalog.js";
import { policyToDistrictModel } from "./policy-to-model.js";
import { parsePolicy, type ParsePolicyResult } from "./parse-policy.js";

const EXAMPLES = path.resolve(import.meta.dirname, "../../../examples");
const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".policy.yaml")).map((f) => fs.readFileSync(path.join(EXAMPLES, f), "utf8"));

const HOSTILE = [
  "2026-02-30", "2026-13-01", "0000-00-00", "99999999999999", "-1", "1e400", "\"a\\u0000b\"", "\"\\u0007\"", "null", "~", "[]", "{}",
  "&a [*a]", "!!binary aGVsbG8=", "!!js/function x", "<<: *missing", "\"\"", "'", "\"", "{", "- -", "RWADX", "deny", "\"" + "x".repeat(3000) + "\"",
  "<img src=x onerror=alert(1)>", "../../etc/passwd", "2147483648", "true", "1.5", "\"\\ud800\"",
];

/** One line-level change to a YAML text. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), at: fc.nat(), value: fc.constantFrom(...HOSTILE) }),
  fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("double" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
);

type Mutation = { kind: "value" | "drop" | "double" | "indent" | "insert"; at: number; value?: string; by?: number; text?: string };

function mutate(text: string, changes: Mutation[]): string {
  const lines = text.split("\n");
  for (const c of changes) {
    const i = c.at % lines.length;
    const line = lines[i]!;
    if (c.kind === "value") lines[i] = line.includes(":") ? `${line.slice(0, line.indexOf(":") + 1)} ${c.value}` : `${line} ${c.value}`;
    else if (c.kind === "drop") lines.splice(i, 1);
    else if (c.kind === "double") lines.splice(i, 0, line);
    else if (c.kind === "indent") lines[i] = c.by! >= 0 ? " ".repeat(c.by!) + line : line.replace(new RegExp(`^ {0,${-c.by!}}`), "");
    else lines.splice(i, 0, c.text!);
    if (lines.length === 0) lines.push("");
  }
  return lines.join("\n");
}

const KEYS = ["district", "preferences", "groups", "users", "calendars", "assertions", "support", "name", "rights", "until", "from", "limit", "username", "tool", "asOf"];
const scratch = fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).map((o) => JSON.stringify(o));

function expectWellFormed(result: ParsePolicyResult) {
  if (result.ok) {
    expect(() => policyToDistrictModel(result.policy, getCatalog())).not.toThrow();
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.file).toBe("fuzz.policy.yaml");
    expect(Number.isInteger(e.line) && e.line >= 1, JSON.stringify(e)).toBe(true);
    expect(Number.isInteger(e.column) && e.column >= 1, JSON.stringify(e)).toBe(true);
    expect(typeof e.message === "string" && e.message.length > 0).toBe(true);
  }
}

describe("the policy-file parser under fuzzing", () => {
  it("answers a policy or located errors for mutated example files", () => {
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, changes) => {
        expectWellFormed(parsePolicy(mutate(examples[which]!, changes), "fuzz.policy.yaml"));
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });

  it("answers a policy or located errors for YAML built from scratch and for any text", () => {
    fc.assert(
      fc.property(fc.oneof(scratch, fc.string({ maxLength: 200 })), (text) => {
        expectWellFormed(parsePolicy(text, "fuzz.policy.yaml"));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
