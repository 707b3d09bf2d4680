import { describe, expect, it } from "vitest";
import { getCatalog } from "../../domain/rights/catalog.js";
import type { DistrictModel, UserModel } from "../../domain/rights/model.js";
import { buildSeedCautions } from "./build-seed-cautions.js";
import type { ReviewSource } from "./review-source.js";

const asOf = new Date("2026-09-01T12:00:00Z");
const user = (id: string, over: Partial<UserModel> = {}): UserModel => ({ id, username: id, productSecurityRole: "none", memberships: [], entries: [], calendarGrants: [], ...over });
const ALL = { school: "*", year: "*", calendar: "*", modify: false };

const model: DistrictModel = {
  groups: [
    { id: "g-sched", name: "Schedulers", entries: [{ toolPath: "Scheduling", rights: "RWAD" }, { toolPath: "Student Information > General > Schedule", rights: "RWAD" }], calendarGrants: [ALL] },
    { id: "g-counsel", name: "Counselors", entries: [{ toolPath: "Student Information > General > Schedule", rights: "RWAD" }], calendarGrants: [ALL] },
    { id: "g-ssn", name: "SSN Staff", entries: [{ toolPath: "SSN Rights > SSN for Staff", rights: "R" }], calendarGrants: [] },
  ],
  users: [
    user("ann", { memberships: [{ groupId: "g-sched" }] }),
    user("bo", { entries: [{ toolPath: "Scheduling > Schedule Wizard", rights: "R" }], calendarGrants: [ALL] }),
    user("cy", { memberships: [{ groupId: "g-counsel" }] }),
    user("di", { memberships: [{ groupId: "g-ssn" }] }),
    user("ed", { memberships: [{ groupId: "g-ssn" }], calendarGrants: [ALL] }),
  ],
};

const source = (over: Partial<ReviewSource> = {}): ReviewSource => ({
  catalog: getCatalog(),
  model,
  groups: [
    { id: "g-sched", name: "Schedulers", memberLimit: null },
    { id: "g-counsel", name: "Counselors", memberLimit: null },
    { id: "g-ssn", name: "SSN Staff", memberLimit: 1 },
  ],
  users: model.users.map((u) => ({ id: u.id, username: u.id, displayName: u.id })),
  asOf,
  ...over,
});
const byCode = (rows: ReturnType<typeof buildSeedCautions>, code: string) => rows.filter((r) => r.code === code);

describe("the seed's cautions as checks", () => {
  const rows = buildSeedCautions(source({ masterSchedulingEnd: new Date("2026-08-15T00:00:00Z") }));

  it("more than one Schedule Wizard holder, in the seed's words", () => {
    const [c] = byCode(rows, "schedule-wizard-holders");
    expect(c).toMatchObject({ seedSays: "Campus recommends that one user be in charge of the Schedule Wizard.", finding: "2 users hold rights to the Schedule Wizard: ann, bo." });
  });

  it("Delete on Schedule outside Schedulers, never for Schedulers", () => {
    const found = byCode(rows, "schedule-delete-outside-schedulers");
    expect(found.map((r) => r.subject)).toEqual(["Counselors"]);
    expect(found[0]!.seedSays).toMatch(/^Delete rights allow a scheduler the ability to remove the schedule .* These rights should be limited\.$/);
  });

  it("master scheduling (**) rights still in force after the district's end date; none before it", () => {
    const found = byCode(rows, "master-scheduling-ended");
    expect(found.some((r) => r.finding === "The user bo still holds R on Scheduling > Schedule Wizard after the master scheduling period ended on 2026-08-15.")).toBe(true);
    expect(found.some((r) => r.finding.startsWith("The group Schedulers still holds RWAD on Scheduling > Trials"))).toBe(true);
    expect(found[0]!.seedSays).toMatch(/^Rights should ONLY be granted to these tools during the master scheduling period\./);
    expect(byCode(buildSeedCautions(source({ masterSchedulingEnd: new Date("2026-12-01T00:00:00Z") })), "master-scheduling-ended")).toEqual([]);
    expect(byCode(buildSeedCautions(source({ masterSchedulingEnd: null })), "master-scheduling-ended")).toEqual([]);
  });

  it("a limited group over its limit", () => {
    expect(byCode(rows, "limited-group-over-limit")).toEqual([
      { code: "limited-group-over-limit", seedSays: "This group should have limited members.", subject: "SSN Staff", finding: "The group SSN Staff has 2 members in force; its limit is 1.", groupIds: ["g-ssn"], userIds: [] },
    ]);
  });

  it("each finding names whom it concerns, so the rights editor can show a group's own", () => {
    expect(byCode(rows, "schedule-wizard-holders")[0]!.userIds.sort()).toEqual(["ann", "bo"]);
    expect(byCode(rows, "schedule-delete-outside-schedulers").map((r) => r.groupIds)).toEqual([["g-counsel"]]);
    expect(byCode(rows, "ssn-without-calendar-rights").map((r) => r.userIds)).toEqual([["di"]]);
  });

  it("SSN rights to a user without calendar rights, not to one with them", () => {
    const found = byCode(rows, "ssn-without-calendar-rights");
    expect(found.map((r) => r.subject)).toEqual(["di"]);
    expect(found[0]!.seedSays).toBe("Users assigned to a SSN group MUST have calendar tool rights to users included within the group.");
  });

  it("names the SSN holders whose calendar rights miss people their SSN right covers, and where (staff through their school assignment)", () => {
    const ballard = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };
    const lincoln = { school: "Lincoln Elementary", year: "2025-26", calendar: "25-26 Lincoln" };
    const ssn = (id: string, tool: string) => ({ id, name: id, entries: [{ toolPath: `SSN Rights > ${tool}`, rights: "R" as const }], calendarGrants: [{ ...ballard, modify: false }] });
    const found = byCode(
      buildSeedCautions(
        source({
          model: {
            groups: [ssn("g-staff-ssn", "SSN for Staff"), ssn("g-all-ssn", "SSN for All People")],
            users: [user("fay", { memberships: [{ groupId: "g-staff-ssn" }] }), user("gil", { memberships: [{ groupId: "g-all-ssn" }], calendarGrants: [{ ...lincoln, modify: false }] }), user("hal", { memberships: [{ groupId: "g-all-ssn" }] })],
          },
          ssnPopulation: [
            { ...ballard, students: 40, staff: 5 },
            { ...lincoln, students: 12, staff: 1 },
          ],
        }),
      ),
      "ssn-without-calendar-rights",
    );
    expect(found).toEqual([
      {
        code: "ssn-without-calendar-rights",
        seedSays: "Users assigned to a SSN group MUST have calendar tool rights to users included within the group.",
        subject: "fay",
        finding: "fay holds SSN Rights > SSN for Staff without calendar rights to 1 staff in Lincoln Elementary · 2025-26 · 25-26 Lincoln.",
        groupIds: ["g-staff-ssn"],
        userIds: ["fay"],
      },
      expect.objectContaining({ subject: "hal", finding: "hal holds SSN Rights > SSN for All People without calendar rights to 12 students and 1 staff in Lincoln Elementary · 2025-26 · 25-26 Lincoln." }),
    ]);
  });
});
