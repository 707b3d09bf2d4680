import { describe, expect, it } from "vitest";
import { getCatalog } from "./catalog.js";
import { compileDistrict } from "./compile-district.js";
import { getRights } from "./check-right.js";
import { validateEntry } from "./model.js";
import { findTemplate, listTemplates, resolveTemplateEntries, SEED_TEMPLATE_GROUPS } from "./templates.js";

const catalog = getCatalog();

describe("seed templates", () => {
  it("turns each of the 21 groups into a template keeping every row, blank ones included", () => {
    const templates = listTemplates();
    expect(templates).toHaveLength(21);
    SEED_TEMPLATE_GROUPS.forEach((g, i) => expect(templates[i]!.entries).toHaveLength(g.rows.length));
    const clerks = findTemplate("Attendance Clerks")!;
    expect(clerks.entries.find((e) => e.path === "Attendance > Attendance Letters")?.rights).toBe("");
    expect(clerks.entries.find((e) => e.path === "Attendance")?.rights).toBe("RWAD");
    expect(findTemplate("Health Staff")!.entries.map((e) => e.path)).toContain("Medicaid > Batch Service Log Entry");
    expect(findTemplate("Social Security Number Rights")!.entries[0]!.path).toBe("SSN Rights > SSN for All People");
    expect(findTemplate("Teachers")!.entries.map((e) => e.path)).toContain("Student Information > General > Assessment");
  });

  it("every template entry is valid against the catalog (Campus Instruction only \"\"/RWAD)", () => {
    for (const t of listTemplates()) {
      for (const e of resolveTemplateEntries(t, { masterSchedulingEnds: new Date("2026-08-15") })) {
        expect(validateEntry(catalog, e), `${t.name}: ${e.toolPath}`).toBeNull();
      }
    }
  });

  it("gives limited groups a member limit", () => {
    const limited = listTemplates().filter((t) => t.memberLimit !== undefined).map((t) => t.name);
    expect(limited).toEqual(
      expect.arrayContaining(["Health Administrators", "Special Education Administration", "Records Transfer (district-to-district and national)"]),
    );
    expect(findTemplate("Health Administrators")!.memberLimit).toBe(5);
    expect(findTemplate("Counselors")!.memberLimit).toBeUndefined();
  });

  it("marks the Schedulers' ** rows with the master-scheduling rule, and only those", () => {
    const s = findTemplate("Schedulers")!;
    const ruled = s.entries.filter((e) => e.untilRule).map((e) => e.path);
    expect(ruled).toHaveLength(11);
    expect(ruled).toContain("Scheduling > Schedule Wizard");
    expect(ruled).not.toContain("Scheduling > Add Course");
    expect(listTemplates().flatMap((t) => t.entries).filter((e) => e.untilRule)).toHaveLength(11);
  });

  it("** rows expire to nothing at the end of the master scheduling period instead of inheriting Scheduling", () => {
    const ends = new Date("2026-08-15T00:00:00Z");
    const entries = resolveTemplateEntries(findTemplate("Schedulers")!, { masterSchedulingEnds: ends });
    const model = {
      groups: [{ id: "s", name: "Schedulers", entries, calendarGrants: [] }],
      users: [{ id: "u", username: "u", productSecurityRole: "none" as const, memberships: [{ groupId: "s" }], entries: [], calendarGrants: [] }],
    };
    const before = compileDistrict(catalog, model, new Date("2026-08-14T12:00:00Z"));
    expect(getRights(before, "u", "Scheduling > Schedule Wizard")).toBe("RWAD");
    expect(before.validUntil).toEqual(ends);
    const after = compileDistrict(catalog, model, new Date("2026-08-15T00:00:00Z"));
    expect(getRights(after, "u", "Scheduling > Schedule Wizard")).toBe("");
    expect(getRights(after, "u", "Scheduling > Courses")).toBe("RWA");
    expect(getRights(after, "u", "Scheduling")).toBe("RWAD");
    // with no date known, the ** rows grant nothing at all
    const noDate = resolveTemplateEntries(findTemplate("Schedulers")!);
    expect(noDate.find((e) => e.toolPath === "Scheduling > Trials")).toEqual({ toolPath: "Scheduling > Trials", rights: "" });
  });
});
