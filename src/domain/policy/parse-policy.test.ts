import { describe, expect, it } from "vitest";
import { getCatalog } from "../rights/catalog.js";
import { exportPolicy, districtModelToPolicy } from "./export-policy.js";
import { parsePolicy } from "./parse-policy.js";
import { formatPolicyError, type PolicyDocument } from "./policy-document.js";
import { policyToDistrictModel } from "./policy-to-model.js";
import { formatAssertionReport, runAssertions } from "./run-assertions.js";

const catalog = getCatalog();
const NOW = new Date("2026-03-01T00:00:00Z");

const DESIGN_EXAMPLE = `district: Example District
preferences: { automaticStaffAccounts: false }
calendars:
  - { school: Ballard High, year: "2025-26", calendar: "25-26 Ballard High" }
groups:
  - name: Attendance Clerks
    template: Attendance Clerks          # optional: start from a seed example group
    limit: 5                             # optional member limit
    rights:
      "Attendance": RWAD
      "Attendance > Attendance Letters": ""              # explicit none
      "Student Information > Health": deny
      "Scheduling > Schedule Wizard": { rights: RWAD, until: 2026-08-15 }
    calendars:
      - { school: "*", year: "*", calendar: "*", modify: true }
  - name: Schedulers
    template: Schedulers
users:
  - username: jdoe
    groups: [Attendance Clerks, { name: Schedulers, until: 2026-08-15 }]
    productSecurityRole: none            # none | student-information-system | sis-group-assignment
    rights: {}                           # individual rights, same form as a group's
    calendars: []
support:
  addOnProducts: 2
  contacts:
    - { username: kim, email: kim@example.org, type: technical, lastActivity: 2026-01-15 }
assertions:
  - { user: jdoe, tool: "Attendance > Attendance Wizards", rights: RWAD }
  - { user: jdoe, tool: "Student Information > General > Attendance", calendar: "25-26 Ballard High", rights: RWAD }
  - { user: jdoe, tool: "Scheduling > Schedule Wizard", asOf: 2026-09-01, rights: "" }
  - { user: jdoe, tool: "Attendance > Attendance Letters", rights: R }
`;

function parseOk(text: string): PolicyDocument {
  const r = parsePolicy(text, "test.policy.yaml");
  if (!r.ok) throw new Error(r.errors.map(formatPolicyError).join("\n"));
  return r.policy;
}
function parseErrors(text: string) {
  const r = parsePolicy(text, "bad.policy.yaml");
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("parsePolicy", () => {
  it("reads DESIGN.md's example into a typed document", () => {
    const p = parseOk(DESIGN_EXAMPLE);
    expect(p.groups[0]).toMatchObject({ name: "Attendance Clerks", template: "Attendance Clerks", limit: 5 });
    expect(p.groups[0]!.rights["Student Information > Health"]).toEqual([{ deny: true }]);
    expect(p.groups[0]!.rights["Scheduling > Schedule Wizard"]).toEqual([{ rights: "RWAD", until: new Date("2026-08-15T00:00:00Z") }]);
    expect(p.users[0]!.groups).toEqual([{ name: "Attendance Clerks" }, { name: "Schedulers", until: new Date("2026-08-15T00:00:00Z") }]);
    expect(p.support?.contacts[0]).toMatchObject({ type: "technical", lastActivity: new Date("2026-01-15T00:00:00Z") });
    expect(p.source?.assertionLines).toEqual([29, 30, 31, 32]);
  });

  it("collects every error with file:line:col and a suggestion", () => {
    const errors = parseErrors(`district: Bad
preferences: { automaticStaffAccounts: true }
calendars:
  - { school: Ballard High, year: "2025-26", calendar: "25-26 Ballard High" }
groups:
  - name: Clerks
    template: Attendance Clerk
    rights:
      "Attendance > Atendance Wizards": RWAD
      "Attendance": RWX
      "Campus Instruction > Grade Book": RW
  - name: Ballard Calendar
    rights:
      "Census": R
    calendars:
      - { school: Ballard High, year: "*", calendar: "*" }
users:
  - username: jdoe
    groups: [Clerks, Shedulers]
    rigths: {}
assertions:
  - { user: jdo, tool: "Scheduling > Schedule Wizzard", rights: RWAD, calendar: "25-26 Balard High" }
  - { user: jdoe, tool: "Census", rights: RWQ }
`);
    const by = (code: string) => errors.filter((e) => e.code === code);
    expect(by("unknown-template")[0]).toMatchObject({ line: 7, suggestion: "Attendance Clerks" });
    expect(by("unknown-tool").map((e) => [e.line, e.column, e.suggestion])).toEqual([
      [9, 7, "Attendance > Attendance Wizards"],
      [22, 24, "Scheduling > Schedule Wizard"],
    ]);
    expect(by("bad-rights").map((e) => e.line)).toEqual([10, 23]);
    expect(by("bad-rights")[0]!.message).toMatch(/"X" is not a right/);
    expect(by("all-or-nothing")[0]).toMatchObject({ line: 11 });
    expect(by("calendar-only-group")[0]).toMatchObject({ line: 13, column: 5 });
    expect(by("calendar-only-group")[0]!.message).toMatch(/separate group.*turn the preference off/);
    expect(by("unknown-group")[0]).toMatchObject({ line: 19, message: 'Unknown group "Shedulers" (define it under groups)' });
    expect(by("schema")[0]).toMatchObject({ line: 20, column: 5, suggestion: "rights" });
    expect(by("unknown-user")[0]).toMatchObject({ line: 22, suggestion: "jdoe" });
    expect(by("unknown-calendar")[0]).toMatchObject({ line: 22, suggestion: "25-26 Ballard High" });
    expect(formatPolicyError(by("unknown-tool")[0]!)).toBe(
      'bad.policy.yaml:9:7: Unknown tool path "Attendance > Atendance Wizards"; did you mean "Attendance > Attendance Wizards"?',
    );
    expect(errors.map((e) => e.line)).toEqual([...errors.map((e) => e.line)].sort((a, b) => a - b));
  });

  it("suggests a known group, and accepts a calendar group without tool rights under the preference", () => {
    const errors = parseErrors(`district: D
preferences: { automaticStaffAccounts: true }
calendars: [{ school: S, year: Y, calendar: C }]
groups:
  - { name: Schedulers, template: Schedulers }
  - { name: Cal S, calendars: [{ school: S, year: "*", calendar: "*" }] }
users:
  - { username: u, groups: [Scheduler, Cal S] }
`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "unknown-group", line: 8, suggestion: "Schedulers" });
  });

  it("reports YAML syntax errors and missing fields with positions", () => {
    expect(parseErrors("district: [unclosed\n")[0]).toMatchObject({ code: "yaml", line: expect.any(Number) });
    const e = parseErrors("groups:\n  - rights: {}\n");
    expect(e.map((x) => x.message)).toEqual(expect.arrayContaining(['Missing required field "district"', 'Missing required field "name"']));
    expect(parseErrors("district: D\ngroups:\n  - name: G\n    rights: { Census: { rights: R, from: 2026-05-01, until: 2026-04-01 } }\n")[0]).toMatchObject({
      code: "bad-time-bounds",
      line: 4,
    });
  });

  it("refuses a day that does not exist and a limit beyond what the database holds, at their line", () => {
    const [day] = parseErrors("district: D\ngroups:\n  - name: G\n    rights: { Census: { rights: R, until: 2026-02-30 } }\n");
    expect(day).toMatchObject({ line: 4, message: expect.stringContaining("2026-02-30 is not a day of the calendar") });
    expect(parseErrors("district: D\ngroups:\n  - name: G\n    limit: 99999999999999\n")[0]).toMatchObject({ line: 4 });
  });
});

describe("member limits from templates", () => {
  it("a template's 'limited members' gives the limit unless the file sets one or null", () => {
    const p = parseOk(`district: D
groups:
  - { name: A, template: Health Administrators }
  - { name: B, template: Health Administrators, limit: 2 }
  - { name: C, template: Health Administrators, limit: null }
  - { name: E, template: Health Staff }
`);
    expect(p.groups.map((g) => g.limit)).toEqual([5, 2, null, undefined]);
    const back = parseOk(exportPolicy(p));
    expect(back.groups.map((g) => g.limit)).toEqual([5, 2, null, undefined]);
  });
});

describe("policyToDistrictModel", () => {
  it("starts a group from its template and lets its own rights override per path", () => {
    const model = policyToDistrictModel(parseOk(DESIGN_EXAMPLE), catalog);
    const clerks = model.groups[0]!;
    expect(clerks.entries.filter((e) => e.toolPath === "Attendance")).toEqual([{ toolPath: "Attendance", rights: "RWAD" }]);
    expect(clerks.entries.find((e) => e.toolPath === "Attendance > Classroom Monitor")).toEqual({ toolPath: "Attendance > Classroom Monitor", rights: "RWAD" });
    expect(clerks.entries.find((e) => e.toolPath === "Student Information > Health")).toMatchObject({ deny: true });
    expect(model.users[0]!.memberships[1]).toEqual({ groupId: "Schedulers", until: new Date("2026-08-15T00:00:00Z") });
  });
});

describe("runAssertions and formatAssertionReport", () => {
  it("evaluates every assertion and prints failures with expected, actual and the explain path", () => {
    const report = runAssertions(parseOk(DESIGN_EXAMPLE), catalog, { now: NOW });
    expect(report.results.map((r) => r.passed)).toEqual([true, true, true, false]);
    expect(report.results[3]).toMatchObject({ line: 32, expected: "R", actual: "" });
    expect(formatAssertionReport(report).split("\n")).toEqual([
      'FAIL test.policy.yaml:32: jdoe on "Attendance > Attendance Letters": expected R, actual ""; path: ' +
        'group "Attendance Clerks" "" from "Attendance > Attendance Letters", group "Schedulers": no entry on the tool or above → union "" → ""',
      "3 passed, 1 failed",
    ]);
  });

  it("gives each failed assertion one line with the path through deny, calendar cap and dates", () => {
    const policy = parseOk(`district: D
calendars: [{ school: Ballard High, year: "2025-26", calendar: "25-26 Ballard High" }]
groups:
  - name: Clerks
    rights:
      "Student Information > General": RWAD
      "Student Information > Health": deny
      "Scheduling > Schedule Wizard": { rights: RWAD, until: 2026-08-15 }
  - name: Readers
    rights: { "Student Information": R }
    calendars: [{ school: "*", year: "*", calendar: "*", modify: false }]
users:
  - { username: jdoe, groups: [Clerks, Readers] }
  - { username: root, productSecurityRole: student-information-system }
assertions:
  - { user: jdoe, tool: "Student Information > Health > Conditions", rights: R }
  - { user: jdoe, tool: "Student Information > General > Summary", calendar: "25-26 Ballard High", rights: RW }
  - { user: jdoe, tool: "Scheduling > Schedule Wizard", asOf: 2026-09-01, rights: RWAD }
  - { user: root, tool: "Student Information > Health", rights: R }
  - { user: jdoe, tool: "Student Information > General > Summary", rights: RWAD }
`);
    const lines = formatAssertionReport(runAssertions(policy, catalog, { now: NOW })).split("\n");
    expect(lines).toEqual([
      'FAIL test.policy.yaml:16: jdoe on "Student Information > Health > Conditions": expected R, actual ""; path: group "Clerks": no entry on the tool or above, ' +
        'group "Readers" R from "Student Information" → union R → denied by group "Clerks" on "Student Information > Health" → ""',
      'FAIL test.policy.yaml:17: jdoe on "Student Information > General > Summary" in calendar "25-26 Ballard High": expected RW, actual R; path: ' +
        'group "Clerks" RWAD from "Student Information > General", group "Readers" R from "Student Information" → union RWAD → ' +
        'calendar "25-26 Ballard High": read-only grant from group "Readers", capped at R → R',
      'FAIL test.policy.yaml:18: jdoe on "Scheduling > Schedule Wizard" as of 2026-09-01: expected RWAD, actual ""; path: group "Clerks": no entry on the tool or above, ' +
        'group "Clerks" RWAD on "Scheduling > Schedule Wizard" expired (until 2026-08-15), group "Readers": no entry on the tool or above → union "" → ""',
      'FAIL test.policy.yaml:19: root on "Student Information > Health": expected R, actual RWAD; path: Student Information System role → RWAD everywhere, denies do not apply → RWAD',
      "1 passed, 4 failed",
    ]);
  });
});

describe("exportPolicy", () => {
  it("round-trips through parsePolicy", () => {
    const p = parseOk(DESIGN_EXAMPLE);
    const { source: _s, ...withoutSource } = p;
    const again = parseOk(exportPolicy(p));
    const { source: _s2, ...againWithoutSource } = again;
    expect(againWithoutSource).toEqual(withoutSource);
  });

  it("exports an engine model with time windows, lists and denies, and parses back to the same model", () => {
    const model = policyToDistrictModel(
      parseOk(DESIGN_EXAMPLE),
      catalog,
    );
    const doc = districtModelToPolicy(model, catalog, { district: "X", calendars: [{ school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" }], automaticStaffAccounts: false });
    doc.groups[1]!.rights["Scheduling > Trials"] = [{ rights: "RWAD", until: new Date("2026-08-15T00:00:00Z") }, { rights: "", from: new Date("2026-08-15T00:00:00Z") }];
    const text = exportPolicy(doc);
    const back = parseOk(text);
    const { source: _s, ...rest } = back;
    expect(rest).toEqual(doc);
    expect(policyToDistrictModel(back, catalog).groups[0]!.entries).toEqual(expect.arrayContaining(model.groups[0]!.entries));
  });
});
