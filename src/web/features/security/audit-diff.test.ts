import { describe, expect, it } from "vitest";
import { diffAudit } from "./audit-diff.js";

describe("diffAudit", () => {
  it("lists changed fields by dotted path", () => {
    expect(diffAudit({ name: "A", limit: 5, nested: { x: 1 } }, { name: "B", limit: 5, nested: { x: 2 } })).toEqual([
      { path: "name", before: "A", after: "B" },
      { path: "nested.x", before: "1", after: "2" },
    ]);
  });

  it("keys rights entries by tool path so one change is one line", () => {
    const before = { entries: [{ toolPath: "Attendance", rights: "R", deny: false }, { toolPath: "Census", rights: "RW", deny: false }] };
    const after = { entries: [{ toolPath: "Attendance", rights: "RW", deny: false }, { toolPath: "Census", rights: "RW", deny: false }, { toolPath: "FRAM", rights: "", deny: true }] };
    expect(diffAudit(before, after)).toEqual([
      { path: "entries[Attendance]", before: "rights: R", after: "rights: RW" },
      { path: "entries[FRAM]", before: null, after: 'rights: "", deny: true' },
    ]);
  });

  it("tells apart one tool's entries for different dates", () => {
    const wizard = "Scheduling > Schedule Wizard";
    const after = {
      entries: [
        { toolPath: wizard, rights: "RWAD", from: null, until: "2026-08-15T00:00:00.000Z" },
        { toolPath: wizard, rights: "", from: "2026-08-15T00:00:00.000Z", until: null },
      ],
    };
    expect(diffAudit({ entries: [] }, after)).toEqual([
      { path: `entries[${wizard}, until 2026-08-15]`, before: null, after: "rights: RWAD, until: 2026-08-15T00:00:00.000Z" },
      { path: `entries[${wizard}, from 2026-08-15]`, before: null, after: 'rights: "", from: 2026-08-15T00:00:00.000Z' },
    ]);
  });

  it("shows a value taken away as none", () => {
    expect(diffAudit({ until: "2026-08-15" }, { until: null })).toEqual([{ path: "until", before: "2026-08-15", after: "none" }]);
  });

  it("an empty list turning into one entry is one line", () => {
    expect(diffAudit({ entries: [] }, { entries: [{ toolPath: "Attendance", rights: "R" }] })).toEqual([
      { path: "entries[Attendance]", before: null, after: "rights: R" },
    ]);
  });

  it("handles a creation (no before) and a deletion (no after)", () => {
    expect(diffAudit(null, { name: "G" })).toEqual([{ path: "name", before: null, after: "G" }]);
    expect(diffAudit({ name: "G" }, undefined)).toEqual([{ path: "name", before: "G", after: null }]);
  });
});
