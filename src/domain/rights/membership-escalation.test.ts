import { describe, expect, it } from "vitest";
import { getCatalog } from "./catalog.js";
import { describeEscalation, findEscalations, type AdministratorRights } from "./membership-escalation.js";
import type { CalendarGrant, RightEntry } from "./model.js";
import type { Rights } from "./rights.js";

const catalog = getCatalog();
const now = new Date("2026-03-01T00:00:00Z");
const ALL = { school: "*", year: "*", calendar: "*" };

/** An administrator holding exactly `rights` (nearest entry up the path) and `grants`. */
function admin(rights: Record<string, Rights>, grants: AdministratorRights["calendarGrants"] = []): AdministratorRights {
  return {
    level: (path) => {
      for (let p = path; ; p = p.slice(0, p.lastIndexOf(" > "))) {
        if (p in rights) return rights[p]!;
        if (!p.includes(" > ")) return "";
      }
    },
    calendarGrants: grants,
  };
}
const group = (entries: RightEntry[], calendarGrants: CalendarGrant[] = []) => ({ entries, calendarGrants });

describe("membership escalation", () => {
  it("allows a group whose rights and calendars are all within the administrator's", () => {
    const g = group([{ toolPath: "Attendance", rights: "RW" }], [{ school: "Ballard High", year: "*", calendar: "*", modify: false }]);
    expect(findEscalations(catalog, g, admin({ Attendance: "RWAD" }, [{ ...ALL, modify: true }]), now)).toEqual([]);
    expect(findEscalations(catalog, group([]), admin({}), now)).toEqual([]);
  });

  it("names the tool whose right exceeds the administrator's, once for its subtree", () => {
    const found = findEscalations(catalog, group([{ toolPath: "Student Information > Health", rights: "RWAD" }]), admin({ "Student Information": "R" }), now);
    expect(found).toEqual([{ kind: "tool", toolPath: "Student Information > Health", groupRights: "RWAD", yourRights: "R" }]);
    expect(describeEscalation(found[0]!)).toBe('RWAD on "Student Information > Health", where you hold R');
  });

  it("lists a child again when it exceeds by more than its parent", () => {
    const g = group([{ toolPath: "Attendance", rights: "R" }, { toolPath: "Attendance > Attendance Letters", rights: "RWAD" }]);
    expect(findEscalations(catalog, g, admin({}), now).map((e) => e.kind === "tool" && `${e.toolPath}=${e.groupRights}`)).toEqual(["Attendance=R", "Attendance > Attendance Letters=RWAD"]);
  });

  it("counts allows not yet in force, ignores expired ones, and lets denies narrow only while in force", () => {
    const later = new Date("2026-06-01T00:00:00Z");
    const past = new Date("2026-01-01T00:00:00Z");
    expect(findEscalations(catalog, group([{ toolPath: "Attendance", rights: "R", from: later }]), admin({}), now)).toHaveLength(1);
    expect(findEscalations(catalog, group([{ toolPath: "Attendance", rights: "R", until: past }]), admin({}), now)).toEqual([]);
    const denied = group([{ toolPath: "Attendance", rights: "RWAD" }, { toolPath: "Attendance", rights: "", deny: true }]);
    expect(findEscalations(catalog, denied, admin({}), now)).toEqual([]);
    const denyLater = group([{ toolPath: "Attendance", rights: "RWAD" }, { toolPath: "Attendance", rights: "", deny: true, from: later }]);
    expect(findEscalations(catalog, denyLater, admin({}), now)).toHaveLength(1);
  });

  it("refuses calendar rights the administrator's grants do not cover, modify included", () => {
    const g = group([], [{ school: "Ballard High", year: "2025-26", calendar: "*", modify: true }]);
    expect(findEscalations(catalog, g, admin({}, [{ school: "Ballard High", year: "*", calendar: "*", modify: true }]), now)).toEqual([]);
    const readOnly = findEscalations(catalog, g, admin({}, [{ ...ALL, modify: false }]), now);
    expect(readOnly).toEqual([{ kind: "calendar", grant: { school: "Ballard High", year: "2025-26", calendar: "*", modify: true } }]);
    expect(describeEscalation(readOnly[0]!)).toBe("calendar rights to Ballard High / 2025-26 / all calendars with modify, which your calendar rights do not cover");
    expect(findEscalations(catalog, group([], [{ ...ALL, modify: false }]), admin({}, [{ school: "Ballard High", year: "*", calendar: "*", modify: true }]), now)).toHaveLength(1);
  });
});
