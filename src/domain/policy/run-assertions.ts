/**
 * Runs a policy file's assertions against the engine, like SpiceDB's validation files:
 * every assertion is evaluated directly, with its explanation kept for the report.
 */
import type { Catalog } from "../rights/catalog.js";
import { explainRight, type RightExplanation } from "../rights/explain-right.js";
import { explainPath } from "../rights/format-explanation.js";
import type { Rights } from "../rights/rights.js";
import type { PolicyAssertion, PolicyDocument } from "./policy-document.js";
import { findPolicyCalendar, policyToDistrictModel } from "./policy-to-model.js";

export interface AssertionResult {
  assertion: PolicyAssertion;
  /** line in the policy file, 0 when the document did not come from a file */
  line: number;
  expected: Rights;
  actual: Rights;
  explanation: RightExplanation;
  passed: boolean;
}

export interface AssertionReport {
  fileName: string;
  results: AssertionResult[];
  passed: number;
  failed: number;
}

/** Assertions without asOf are evaluated at `now` (default: the current time). */
export function runAssertions(policy: PolicyDocument, catalog: Catalog, opts: { now?: Date } = {}): AssertionReport {
  const model = policyToDistrictModel(policy, catalog);
  const now = opts.now ?? new Date();
  const results = policy.assertions.map((a, i): AssertionResult => {
    const calendar = a.calendar !== undefined ? findPolicyCalendar(policy, a.calendar) : undefined;
    if (a.calendar !== undefined && !calendar) throw new Error(`Assertion ${i + 1}: unknown calendar "${a.calendar}"`);
    const explanation = explainRight(catalog, model, a.user, a.tool, { asOf: a.asOf ?? now, ...(calendar ? { calendar } : {}) });
    return {
      assertion: a,
      line: policy.source?.assertionLines[i] ?? 0,
      expected: a.rights,
      actual: explanation.rights,
      explanation,
      passed: explanation.rights === a.rights,
    };
  });
  const passed = results.filter((r) => r.passed).length;
  return { fileName: policy.source?.fileName ?? "<policy>", results, passed, failed: results.length - passed };
}

const show = (r: string): string => (r === "" ? '""' : r);

/** One line per failed assertion (expected, actual, explain path); last line "N passed, M failed". */
export function formatAssertionReport(report: AssertionReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.passed) continue;
    const a = r.assertion;
    const where = [a.calendar !== undefined ? `in calendar "${a.calendar}"` : "", a.asOf ? `as of ${a.asOf.toISOString().slice(0, 10)}` : ""]
      .filter(Boolean)
      .join(" ");
    lines.push(
      `FAIL ${report.fileName}:${r.line}: ${a.user} on "${a.tool}"${where ? ` ${where}` : ""}: expected ${show(r.expected)}, actual ${show(r.actual)}; ` +
        `path: ${explainPath(r.explanation)}`,
    );
  }
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  return lines.join("\n");
}
