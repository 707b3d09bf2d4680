import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOG_DATA, CATALOG_VERSION } from "./catalog-data.js";
import { CatalogDataError, buildCatalog, findNode, getCatalog, requireNode, suggestPath, UnknownToolPathError } from "./catalog.js";
import { templateRowPath } from "./templates.js";
import { normalizeToolPath } from "./tool-path.js";

const catalog = getCatalog();
const sharedSeed = fileURLToPath(new URL("../../../../shared/reference/seed-template-groups.json", import.meta.url));
const node = (p: string) => requireNode(catalog, p);

describe("catalog", () => {
  it("is versioned and indexed in preorder (parent before child)", () => {
    expect(CATALOG_VERSION).toBeGreaterThan(0);
    expect(catalog.nodes.length).toBe(CATALOG_DATA.length);
    for (const n of catalog.nodes) {
      if (n.parentIndex !== null) {
        expect(n.parentIndex).toBeLessThan(n.index);
        expect(catalog.nodes[n.parentIndex]!.children).toContain(n.index);
        expect(n.path.startsWith(catalog.nodes[n.parentIndex]!.path + " > ")).toBe(true);
      }
      expect(n.depth).toBe(n.path.split(" > ").length - 1);
    }
    expect(new Set(catalog.nodes.map((n) => n.id)).size).toBe(catalog.nodes.length);
    expect(node("Student Information > General > Schedule").id).toBe("student-information/general/schedule");
  });

  it("every path in the shared seed table resolves through the template loader's normalisation", () => {
    // The runtime copy is always checked; the shared reference only when it is present.
    const files = [fileURLToPath(new URL("./seed-template-groups.json", import.meta.url))];
    if (existsSync(sharedSeed)) files.push(sharedSeed);
    for (const file of files) {
      const seed = JSON.parse(readFileSync(file, "utf8")) as { groups: { group: string; rows: { label: string; path: string | null }[] }[] };
      expect(seed.groups.length).toBe(21);
      for (const g of seed.groups) {
        for (const row of g.rows) {
          const path = templateRowPath(g.group, row);
          expect(findNode(catalog, path), `${g.group}: ${row.label} → ${path}`).toBeDefined();
        }
      }
    }
  });

  it("normalises the seed's typos and bare names", () => {
    expect(normalizeToolPath("Medicaid > Batch Sevice Log Entry")).toBe("Medicaid > Batch Service Log Entry");
    expect(normalizeToolPath("SSN Rights > SNN for All People")).toBe("SSN Rights > SSN for All People");
    expect(normalizeToolPath("Allow Unfiltered Search")).toBe("Student Information > Allow Unfiltered Search");
    expect(normalizeToolPath("(System Administration >  Data Utilities>Student Records Transfer)")).toBe(
      "System Administration > Data Utilities > Student Records Transfer",
    );
    expect(findNode(catalog, "student information > general > SCHEDULE")?.path).toBe("Student Information > General > Schedule");
  });

  it("holds the privacy-law list, Campus Instruction and Gatehouse's own tools", () => {
    for (const p of [
      "Census > People > Demographics > Enrollments > State Reporting > Ward of State",
      "Student Information > Health > Conditions",
      "FRAM > Eligibility > Eligibility",
      "Student Information > Program Participation > English Learners (EL)",
      "Student Information > General > Enrollments > Enrollment History",
    ]) {
      expect(node(p).federallyProtected, p).toBe(true);
    }
    expect(node("Student Information > Health").federallyProtected).toBe(false);
    for (const p of [
      "System Administration > User Security > User Groups > Tool Rights",
      "System Administration > User Security > User Groups > Calendar Rights",
      "System Administration > User Security > User Groups > Members",
      "System Administration > User Security > Users",
      "System Administration > User Security > Account Security Preferences",
      "System Administration > User Security > Reviews",
      "System Administration > User Security > Audit Log",
      "System Administration > User Security > Access Log",
      "Ad Hoc Reporting > Filter Designer",
      "Census > People > Demographics",
      "Student Information > General > Behavior",
      "Support > Case Portal",
      "Support > Update Requests",
    ]) {
      expect(findNode(catalog, p), p).toBeDefined();
    }
    const ci = node("Campus Instruction");
    expect(ci.children.length).toBeGreaterThanOrEqual(6);
    for (const c of ci.children) expect(catalog.nodes[c]!.allOrNothing).toBe(true);
    expect(node("Scheduling").allOrNothing).toBe(false);
  });

  it("flags calendar-scoped student data but not administration", () => {
    for (const p of ["Student Information > General > Summary", "Census > People", "Attendance > Daily Attendance", "SSN Rights > SSN for Staff", "Campus Instruction > Grade Book", "FRAM > Eligibility > Eligibility"]) {
      expect(node(p).calendarScoped, p).toBe(true);
    }
    for (const p of ["System Administration > Health > Vaccines", "Ad Hoc Reporting", "Account Setting", "Log Off", "My Data", "Support > Case Portal", "System Administration > User Security > Users"]) {
      expect(node(p).calendarScoped, p).toBe(false);
    }
  });

  it("marks Delete on Schedule and Add Course, and the master-scheduling tools, as dangerous", () => {
    expect(node("Student Information > General > Schedule").dangerous).toMatchObject({ right: "D", reason: expect.stringMatching(/attendance and grades/) });
    expect(node("Scheduling > Add Course").dangerous?.right).toBe("D");
    expect(node("Scheduling > Schedule Wizard").dangerous?.reason).toMatch(/master scheduling period/);
    expect(node("Scheduling > Courses").dangerous).toBeNull();
  });

  it("suggests the closest path for a wrong one", () => {
    expect(suggestPath(catalog, "Student Informaton > General > Schedul")).toBe("Student Information > General > Schedule");
    expect(suggestPath(catalog, "Schedule Wizard")).toBe("Scheduling > Schedule Wizard");
    expect(suggestPath(catalog, "Attendance > Atendance Leters")).toBe("Attendance > Attendance Letters");
    expect(suggestPath(catalog, "zzzzzzzzzzzzzzzzzzzzzz")).toBeUndefined();
    expect(() => requireNode(catalog, "Attendance > Wizardz")).toThrow(UnknownToolPathError);
    expect(() => requireNode(catalog, "Scheduling > Schedule Wizzard")).toThrow(/did you mean "Scheduling > Schedule Wizard"/);
  });

  it("refuses data with an orphan, a duplicate or an unnormalised path", () => {
    expect(() => buildCatalog([{ path: "A > B" }], 1)).toThrow(CatalogDataError);
    expect(() => buildCatalog([{ path: "A" }, { path: "A" }], 1)).toThrow(/twice/);
    expect(() => buildCatalog([{ path: "A >B" }], 1)).toThrow(/not normalised/);
  });
});
