import { describe, expect, it } from "vitest";
import { getCatalog } from "./catalog.js";
import { compileDistrict } from "./compile-district.js";
import { getRights } from "./check-right.js";
import { evaluateRight } from "./explain-right.js";
import { validateEntry, type DistrictModel, type GroupModel, type UserModel } from "./model.js";
import { findTemplate, listTemplates, resolveTemplateEntries, SEED_TEMPLATE_GROUPS } from "./templates.js";

const catalog = getCatalog();
const NOW = new Date("2026-03-01T12:00:00Z");

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

describe("the seed's own example groups", () => {
  const asGroup = (name: string): GroupModel => ({ id: name, name, entries: resolveTemplateEntries(findTemplate(name)!, { masterSchedulingEnds: new Date("2026-08-15") }), calendarGrants: [] });
  const user = (id: string, groups: string[]): UserModel => ({ id, username: id, productSecurityRole: "none", memberships: groups.map((groupId) => ({ groupId })), entries: [], calendarGrants: [] });
  /** the direct evaluation and the compiled arrays must agree */
  const rightsOf = (m: DistrictModel, userId: string, tool: string) => {
    const slow = evaluateRight(catalog, m, userId, tool, { asOf: NOW });
    expect(getRights(compileDistrict(catalog, m, NOW), userId, tool), `${userId} on ${tool}`).toBe(slow);
    return slow;
  };
  const model: DistrictModel = {
    groups: [asGroup("Principals"), asGroup("Registrars (Census)"), asGroup("Attendance Clerks")],
    users: [
      user("principal", ["Principals"]),
      user("registrar", ["Registrars (Census)"]),
      user("both", ["Principals", "Attendance Clerks"]),
    ],
  };
  it("blank rows under a checked module narrow it to nothing, and their subtrees with them", () => {
    expect(rightsOf(model, "principal", "Student Information")).toBe("R");
    expect(rightsOf(model, "principal", "Student Information > Allow Unfiltered Search")).toBe("R");
    expect(rightsOf(model, "principal", "Student Information > General")).toBe("");
    expect(rightsOf(model, "principal", "Student Information > General > Enrollments")).toBe("");
    expect(rightsOf(model, "principal", "Student Information > Health > Conditions")).toBe("");
    expect(rightsOf(model, "principal", "Student Information > General > Grades")).toBe("RWAD");
    expect(rightsOf(model, "registrar", "Census")).toBe("RWAD");
    expect(rightsOf(model, "registrar", "Census > People > District Employment")).toBe("");
    expect(rightsOf(model, "registrar", "Census > Household > Fees")).toBe("");
    expect(rightsOf(model, "registrar", "Census > Household")).toBe("RWAD");
  });
  it("another group's row is not narrowed by a blank row (union)", () => {
    expect(rightsOf(model, "both", "Student Information > General > Attendance")).toBe("RWAD");
    expect(rightsOf(model, "both", "Student Information > General > Summary")).toBe("");
  });
});
