import { describe, expect, it } from "vitest";
import type { GroupSummary, Template } from "./security-api.js";
import { existingTemplates, needingSchedulingEnd, templateGroupsBody } from "./template-groups.js";

const template = (name: string, scheduling = false): Template => ({ name, notes: [], memberLimit: null, entries: [{ path: "Scheduling", rights: "R", masterSchedulingPeriod: scheduling }] });
const templates = [template("Counselors"), template("Schedulers", true), template("Health Staff")];
const group = (name: string) => ({ name }) as GroupSummary;

describe("creating the seed's example groups", () => {
  it("finds the templates a group is already named like, ignoring case as the server does", () => {
    expect([...existingTemplates(templates, [group("counselors"), group("Counselors 2")])]).toEqual(["Counselors"]);
  });

  it("names the chosen templates whose ** rows need an end of master scheduling", () => {
    expect(needingSchedulingEnd(templates, new Set(["Counselors", "Schedulers"]))).toEqual(["Schedulers"]);
    expect(needingSchedulingEnd(templates, new Set(["Counselors"]))).toEqual([]);
  });

  it("asks for all templates by leaving the list out, and for a subset by name in the seed's order", () => {
    expect(templateGroupsBody(templates, new Set(templates.map((t) => t.name)), true, "")).toEqual({ skipExisting: true });
    expect(templateGroupsBody(templates, new Set(["Health Staff", "Counselors"]), false, "2026-08-15")).toEqual({
      templates: ["Counselors", "Health Staff"],
      skipExisting: false,
      masterSchedulingEnds: "2026-08-15",
    });
  });
});
