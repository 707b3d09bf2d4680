import { describe, expect, it } from "vitest";
import { ApiError } from "../../api.js";
import type { FieldGroup } from "./adhoc-api.js";
import { allShownInline, describeCondition, indexFields, normalizePath, operatorsFor, problemsByPath, searchFields, splitTool, toApiDefinition } from "./definition.js";

const groups: FieldGroup[] = [
  { tool: "Student Information > General > Summary", protected: false, fields: [{ id: "student.lastName", label: "Last name", type: "text" }] },
  {
    tool: "Student Information > General > Enrollments > Special Ed > Service Hours",
    protected: true,
    fields: [{ id: "enrollment.serviceHours", label: "Special Ed service minutes/week", type: "number" }],
  },
  { tool: "Student Information > General > Enrollments > State Reporting > Migrant", protected: true, fields: [{ id: "enrollment.migrant", label: "Migrant", type: "boolean" }] },
];
const fields = indexFields(groups);

describe("filter designer helpers", () => {
  it("puts both kinds of problem path in the form's terms", () => {
    expect(normalizePath("body.definition.conditions.0.value")).toBe("definition.conditions[0].value");
    expect(normalizePath("definition.conditions[2].field")).toBe("definition.conditions[2].field");
    expect(normalizePath("body.name")).toBe("name");
    expect(normalizePath("body.groupIds.10")).toBe("groupIds[10]");
  });

  it("reads every field message of a problem by its path", () => {
    const error = new ApiError(400, { code: "validation-failed", detail: "Please correct", errors: [{ path: "body.name", message: "Give the filter a name." }, { path: "body.definition.fields", message: "Pick at least one field." }] });
    expect(problemsByPath(error)).toEqual(new Map([["name", "Give the filter a name."], ["definition.fields", "Pick at least one field."]]));
    const one = new ApiError(400, { code: "field-not-readable", detail: "No right", path: "definition.fields[1]" });
    expect(problemsByPath(one).get("definition.fields[1]")).toBe("No right");
    expect(problemsByPath(new Error("x")).size).toBe(0);
  });

  it("offers the operators each type takes", () => {
    expect(operatorsFor("boolean").map((o) => o.value)).toEqual(["eq", "ne", "empty", "notEmpty"]);
    expect(operatorsFor("date").find((o) => o.value === "lt")?.label).toBe("before");
    expect(operatorsFor("text").map((o) => o.value)).toContain("contains");
    expect(operatorsFor("number").map((o) => o.value)).not.toContain("contains");
  });

  it("finds fields by label or tool, keeping the group", () => {
    expect(searchFields(groups, "special ed").map((g) => g.fields.map((f) => f.id))).toEqual([["enrollment.serviceHours"]]);
    expect(searchFields(groups, "last NAME")[0]!.tool).toBe("Student Information > General > Summary");
    expect(searchFields(groups, "nothing like this")).toEqual([]);
    expect(searchFields(groups, "  ")).toBe(groups);
  });

  it("sends numbers as numbers and no value for empty / not empty", () => {
    const def = toApiDefinition(
      { fields: ["student.lastName"], sort: [], conditions: [{ field: "enrollment.serviceHours", op: "gt", value: "30" }, { field: "student.lastName", op: "empty", value: "x" }, { field: "enrollment.serviceHours", op: "eq", value: "lots" }] },
      fields,
    );
    expect(def.conditions).toEqual([{ field: "enrollment.serviceHours", op: "gt", value: 30 }, { field: "student.lastName", op: "empty" }, { field: "enrollment.serviceHours", op: "eq", value: "lots" }]);
  });

  it("says a condition in words", () => {
    expect(describeCondition({ field: "student.lastName", op: "contains", value: "An" }, fields)).toBe('Last name contains "An"');
    expect(describeCondition({ field: "enrollment.migrant", op: "eq", value: false }, fields)).toBe("Migrant is No");
    expect(describeCondition({ field: "enrollment.serviceHours", op: "notEmpty" }, fields)).toBe("Special Ed service minutes/week is not empty");
    expect(describeCondition({ field: "health.conditions", op: "notEmpty" }, fields)).toBe("(a field you cannot read) is not empty");
  });

  it("splits a tool path into its name and where it sits", () => {
    expect(splitTool("Student Information > General > Summary")).toEqual({ name: "Summary", parent: "Student Information › General" });
    expect(splitTool("Ad Hoc Reporting")).toEqual({ name: "Ad Hoc Reporting", parent: "" });
  });
});

describe("allShownInline", () => {
  it("needs an alert only for problems without a path the form shows", () => {
    expect(allShownInline(new ApiError(400, { path: "body.name", detail: "x" }))).toBe(true);
    expect(allShownInline(new ApiError(400, { path: "definition.conditions[3].value", detail: "x" }))).toBe(true);
    expect(allShownInline(new ApiError(400, { path: "body.groupIds.0", detail: "x" }))).toBe(false);
    expect(allShownInline(new ApiError(409, { code: "version-conflict", detail: "x" }))).toBe(false);
  });
});
