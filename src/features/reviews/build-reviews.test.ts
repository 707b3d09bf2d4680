import { describe, expect, it } from "vitest";
import { getCatalog } from "../../domain/rights/catalog.js";
import type { DistrictModel, UserModel } from "../../domain/rights/model.js";
import { buildDeleteRights } from "./build-delete-rights.js";
import { buildExpiringGrants, buildGroupsOverLimit, buildIndividualRights } from "./build-grant-reviews.js";
import { buildHeatMap } from "./build-heat-map.js";
import { buildProtectedAccess, describeVia, protectedAreas } from "./build-protected-access.js";
import { deleteRightsCsv, expiringGrantsCsv, heatMapCsv, protectedAccessCsv, toCsv } from "./review-csv.js";
import type { ReviewSource } from "./review-source.js";

const asOf = new Date("2026-03-01T12:00:00Z");
const days = (n: number) => new Date(asOf.getTime() + n * 86_400_000);

const user = (id: string, over: Partial<UserModel> = {}): UserModel => ({
  id,
  username: id,
  productSecurityRole: "none",
  memberships: [],
  entries: [],
  calendarGrants: [],
  ...over,
});

const model: DistrictModel = {
  groups: [
    {
      id: "g-counselors",
      name: "Counselors",
      entries: [
        { toolPath: "Student Information", rights: "RW" },
        { toolPath: "Student Information > Health", rights: "" },
        { toolPath: "Scheduling > Trials", rights: "R", until: days(10) },
      ],
      calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }],
    },
    {
      id: "g-registrars",
      name: "Registrars",
      entries: [
        { toolPath: "Student Information > General", rights: "RWAD" },
        { toolPath: "Student Information > General > Enrollments > Enrollment History", rights: "", deny: true },
      ],
      calendarGrants: [{ school: "*", year: "*", calendar: "*", modify: true }],
    },
    { id: "g-nurses", name: "Nurses", entries: [{ toolPath: "Student Information > Health", rights: "RWAD" }], calendarGrants: [] },
  ],
  users: [
    user("cora", { memberships: [{ groupId: "g-counselors" }] }),
    user("rex", { memberships: [{ groupId: "g-registrars", until: days(40) }] }),
    user("ida", { memberships: [{ groupId: "g-registrars", until: days(5) }], entries: [{ toolPath: "Student Information > Health > Conditions", rights: "R" }] }),
    user("old", { memberships: [{ groupId: "g-registrars", until: days(-1) }] }),
    user("sis", { productSecurityRole: "student-information-system" }),
    // tool rights everywhere, but a read-only calendar grant at one school only
    user("rosa", { memberships: [{ groupId: "g-nurses" }], calendarGrants: [{ school: "Ballard High", year: "*", calendar: "*", modify: false }] }),
    // tool rights and no calendar rights: no student's data at all
    user("nocal", { memberships: [{ groupId: "g-nurses" }] }),
  ],
};

const source: ReviewSource = {
  catalog: getCatalog(),
  model,
  groups: [
    { id: "g-counselors", name: "Counselors", memberLimit: null },
    { id: "g-registrars", name: "Registrars", memberLimit: 1 },
    { id: "g-nurses", name: "Nurses", memberLimit: null },
  ],
  users: model.users.map((u) => ({ id: u.id, username: u.username, displayName: u.username.toUpperCase() })),
  asOf,
};

describe("who can see protected data", () => {
  it("covers each area of the seed's list once", () => {
    const areas = protectedAreas(source);
    expect(areas).toHaveLength(15);
    expect(areas).toContain("FRAM > Eligibility > Eligibility");
    expect(areas).toContain("Student Information > Health > Conditions");
  });

  it("lists users with at least R and the grant that gives it; the blank row and the deny keep others out", () => {
    const areas = new Map(buildProtectedAccess(source).map((a) => [a.toolPath, a.holders]));
    const el = areas.get("Student Information > Program Participation > English Learners (EL)")!;
    expect(el.map((h) => h.username)).toEqual(["cora", "sis"]);
    expect(describeVia(el[0]!.via[0]!)).toBe('group "Counselors": RW from "Student Information"');
    expect(el[0]!.displayName).toBe("CORA");

    // Counselors' blank Health row narrows the module; ida has an individual R
    const conditions = areas.get("Student Information > Health > Conditions")!;
    expect(conditions.map((h) => [h.username, h.via.map((v) => v.kind)])).toEqual([["ida", ["user"]], ["rosa", ["group"]], ["sis", ["role"]]]);

    // Registrars deny Enrollment History; the expired member is not listed anywhere
    expect(areas.get("Student Information > General > Enrollments > Enrollment History")!.map((h) => h.username)).toEqual(["cora", "sis"]);
    expect(areas.get("Student Information > General > Enrollments > State Reporting > Homeless")!.map((h) => h.username)).toEqual(["cora", "ida", "rex", "sis"]);
  });

  it("honours calendar scope: a read-only one-school grant is R there, and no calendar grant is no access", () => {
    const areas = new Map(buildProtectedAccess(source).map((a) => [a.toolPath, a.holders]));
    const conditions = areas.get("Student Information > Health > Conditions")!;
    expect(conditions.find((h) => h.username === "rosa")).toMatchObject({ rights: "R", calendars: "Ballard High, every year (read-only)" });
    expect(conditions.map((h) => h.username)).not.toContain("nocal");
    expect(conditions.find((h) => h.username === "sis")!.calendars).toMatch(/every calendar/);
  });

  it("exports one CSV row per holder and area", () => {
    const csv = protectedAccessCsv(buildProtectedAccess(source));
    expect(csv.split("\r\n")[0]).toBe("Protected area,Username,Name,Rights,Calendars,Through");
    expect(csv).toContain('Student Information > Health > Conditions,ida,IDA,R,every calendar,"individual rights: R from ""Student Information > Health > Conditions"""');
  });
});

describe("grant reviews", () => {
  it("lists individual rights", () => {
    expect(buildIndividualRights(source)).toEqual([
      { userId: "ida", username: "ida", displayName: "IDA", toolPath: "Student Information > Health > Conditions", rights: "R", deny: false, until: null, active: true },
    ]);
  });

  it("lists groups over their member limit, counting only memberships in force", () => {
    expect(buildGroupsOverLimit(source)).toEqual([{ groupId: "g-registrars", name: "Registrars", memberLimit: 1, members: 2 }]);
  });

  it("lists entries and memberships ending within 30 days, soonest first, not those already ended or later", () => {
    const rows = buildExpiringGrants(source);
    expect(rows.map((r) => [r.kind, r.username ?? r.groupName, r.toolPath])).toEqual([
      ["membership", "ida", null],
      ["group-entry", "Counselors", "Scheduling > Trials"],
    ]);
  });

  it("writes the expiring grants as CSV with days and plain kinds", () => {
    expect(expiringGrantsCsv(buildExpiringGrants(source)).split("\r\n")).toEqual([
      "Until,Kind,Group,Username,Tool,Rights",
      `${days(5).toISOString().slice(0, 10)},membership,Registrars,ida,,`,
      `${days(10).toISOString().slice(0, 10)},group right,Counselors,,Scheduling > Trials,R`,
      "",
    ]);
  });
});

describe("delete and dangerous rights", () => {
  it("lists Delete entries and marks Delete on a schedule as dangerous", () => {
    const rows = buildDeleteRights(source);
    expect(rows.filter((r) => r.groupName === "Counselors")).toEqual([
      expect.objectContaining({ toolPath: "Scheduling > Trials", rights: "R", dangerous: expect.stringMatching(/master scheduling period/) }),
    ]);
    const registrars = rows.filter((r) => r.groupName === "Registrars");
    expect(registrars).toContainEqual(expect.objectContaining({ toolPath: "Student Information > General", rights: "RWAD", dangerous: null }));
    expect(registrars).toContainEqual(
      expect.objectContaining({ toolPath: "Student Information > General > Schedule", entryPath: "Student Information > General", dangerous: expect.stringMatching(/attendance and grades/) }),
    );
    expect(deleteRightsCsv(rows).split("\r\n")).toHaveLength(rows.length + 2);
  });
});

describe("heat map", () => {
  it("gives each group the lowest and highest level inside each module", () => {
    const map = buildHeatMap(source);
    const si = map.modules.indexOf("Student Information");
    const sched = map.modules.indexOf("Scheduling");
    const counselors = map.rows.find((r) => r.groupName === "Counselors")!;
    expect(counselors.cells[si]).toEqual({ min: 0, max: 2, denied: false });
    expect(counselors.cells[sched]).toEqual({ min: 0, max: 1, denied: false });
    expect(counselors.members).toBe(1);
    const registrars = map.rows.find((r) => r.groupName === "Registrars")!;
    expect(registrars.cells[map.modules.indexOf("Attendance")]).toEqual({ min: 0, max: 0, denied: false });
    // Registrars deny Enrollment History: the Student Information cell says so
    expect(registrars.cells[si]).toMatchObject({ max: 4, denied: true });
    expect(heatMapCsv(map)).toContain("Counselors,1,");
  });
});

describe("csv", () => {
  it("quotes and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["=SUM(A1)", 'say "hi", ok']])).toBe("a,b\r\n'=SUM(A1),\"say \"\"hi\"\", ok\"\r\n");
  });
});
