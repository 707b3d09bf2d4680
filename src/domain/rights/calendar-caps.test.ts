import { describe, expect, it } from "vitest";
import { getCatalog } from "./catalog.js";
import { checkRight } from "./check-right.js";
import { compileDistrict, recompileForUser } from "./compile-district.js";
import type { CalendarRef, DistrictModel } from "./model.js";

const catalog = getCatalog();
const NOW = new Date("2026-03-01T00:00:00Z");
const summary = catalog.byKey.get("student information > general > summary")!;

// Counselors: RWAD on Student Information, read-only in Ballard's calendars and nowhere else.
const model: DistrictModel = {
  groups: [
    { id: "c", name: "Counselors", entries: [{ toolPath: "Student Information", rights: "RWAD" }], calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] },
  ],
  users: [{ id: "u", username: "jdoe", productSecurityRole: "none", memberships: [{ groupId: "c" }], entries: [], calendarGrants: [] }],
};
const R = 1;
const RWAD = 4;

describe("a calendar's slot, remembered on the calendar object", () => {
  it("answers again from the remembered slot, and afresh once the object names another calendar", () => {
    const compiled = compileDistrict(catalog, model, NOW);
    const calendar: CalendarRef = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };
    expect(checkRight(compiled, 0, summary, calendar)).toBe(R);
    expect(checkRight(compiled, 0, summary, calendar)).toBe(R);
    // The same object now names a school the group has no calendar rights in.
    calendar.school = "Roosevelt";
    calendar.calendar = "25-26 Roosevelt";
    expect(checkRight(compiled, 0, summary, calendar)).toBe(0);
    expect(checkRight(compiled, 0, summary, { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" })).toBe(R);
  });

  it("is not carried over to another compiled version, nor needed for a frozen calendar", () => {
    const calendar = Object.freeze({ school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" });
    const first = compileDistrict(catalog, model, NOW);
    expect(checkRight(first, 0, summary, calendar)).toBe(R);
    const open: CalendarRef = { ...calendar };
    expect(checkRight(first, 0, summary, open)).toBe(R);
    // A version where the user has calendar rights of their own everywhere: the object resolved
    // against the first version must be looked up in this one's table.
    const everywhere: DistrictModel = { ...model, users: [{ ...model.users[0]!, calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }] }] };
    const next = recompileForUser(first, everywhere, "u");
    expect(checkRight(next, 0, summary, open)).toBe(RWAD);
    expect(checkRight(first, 0, summary, open)).toBe(R);
  });
});
