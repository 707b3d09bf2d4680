import { describe, expect, it } from "vitest";
import { accessLogQuery, fieldLabel, loggedFields, NO_FILTERS } from "./access-log-query.js";

describe("accessLogQuery", () => {
  it("sends only the filters that are set, trimmed, with a page size", () => {
    expect(accessLogQuery({ ...NO_FILTERS, actor: "  admin ", person: "Adams, Abigail" })).toBe("actor=admin&limit=50");
    expect(accessLogQuery(NO_FILTERS, 10)).toBe("limit=10");
  });

  it("reads From and To as whole local days", () => {
    const q = new URLSearchParams(accessLogQuery({ ...NO_FILTERS, from: "2026-03-03", to: "2026-03-03" }));
    const from = new Date(q.get("from")!);
    const to = new Date(q.get("to")!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2026, 2, 3, 0]);
    expect(to.getTime() - from.getTime()).toBe(86_400_000);
  });
});

describe("the Field filter", () => {
  it("offers the protected fields and the SSN, not ordinary ones", () => {
    const ids = loggedFields().map((f) => f.value);
    expect(ids).toEqual(expect.arrayContaining(["demographics.ssn", "health.conditions", "enrollment.homeless", "el.status", "fram.eligibility"]));
    expect(ids).not.toContain("student.lastName");
    expect(fieldLabel("demographics.ssn")).toBe("SSN");
    expect(fieldLabel("unknown.field")).toBe("unknown.field");
  });
});
