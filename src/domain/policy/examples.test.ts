/** Every examples/*.policy.yaml must parse and all its assertions must hold. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getCatalog } from "../rights/catalog.js";
import { listTemplates } from "../rights/templates.js";
import { parsePolicy } from "./parse-policy.js";
import { formatPolicyError } from "./policy-document.js";
import { formatAssertionReport, runAssertions } from "./run-assertions.js";

const dir = fileURLToPath(new URL("../../../examples/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".policy.yaml")).sort();

describe("examples/*.policy.yaml", () => {
  it("has one example per seed template group", () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
    const templatesUsed = files.map((f) => readFileSync(dir + f, "utf8").match(/template: "(.+)"/)?.[1]);
    for (const t of listTemplates()) expect(templatesUsed).toContain(t.name);
  });

  it.each(files)("%s parses and every assertion holds", (file) => {
    const parsed = parsePolicy(readFileSync(dir + file, "utf8"), `examples/${file}`);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatPolicyError).join("\n"));
    const report = runAssertions(parsed.policy, getCatalog());
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.failed, formatAssertionReport(report)).toBe(0);
  });
});
