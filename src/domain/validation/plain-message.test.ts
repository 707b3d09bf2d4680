import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, fieldPath, plainMessage, valueAt } from "./plain-message.js";
import { dayProblem } from "../calendar-day.js";

/** What a person reads for the first issue zod finds in `input`. */
function sentenceFor(schema: z.ZodType, input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a failure");
  const issue = r.error.issues[0]!;
  return plainMessage(issue as never, valueAt(input, issue.path));
}

const NO_DEVELOPER_WORDS = /body\.|expected|received|Invalid|string|undefined|ISO|Too (big|small)/;

describe("plain messages for validation issues", () => {
  it("keeps a sentence the schema wrote", () => {
    expect(sentenceFor(z.object({ name: z.string().min(1, "Give the group a name") }), { name: "" })).toBe("Give the group a name");
  });

  it("asks for a missing field by its name, not its type", () => {
    const m = sentenceFor(z.object({ subject: z.string() }), {});
    expect(m).toBe("Fill in the subject");
    expect(sentenceFor(z.object({ memberLimit: z.number() }), {})).toBe("Enter a number for the member limit");
  });

  it("says which kind of value a field takes when another was sent", () => {
    expect(sentenceFor(z.object({ subject: z.string() }), { subject: 5 })).toBe("The subject must be text");
    expect(sentenceFor(z.object({ modify: z.boolean() }), { modify: "yes" })).toBe("The modify must be yes or no (true or false)");
  });

  it("asks to choose one of few options, naming them, and from the list when there are many", () => {
    expect(sentenceFor(z.object({ priority: z.enum(["low", "normal", "high"]) }), { priority: "x" })).toBe("Choose a priority: low, normal, high");
    const areas = z.enum(["Attendance", "Grading", "Scheduling", "Census", "Health", "Fees", "Other"]);
    expect(sentenceFor(z.object({ productArea: areas }), { productArea: "Nowhere" })).toBe("Choose a product area from the list");
  });

  it("counts the characters of a value that is too long", () => {
    expect(sentenceFor(z.object({ subject: z.string().max(200) }), { subject: "x".repeat(5000) })).toBe("A subject is at most 200 characters; this one has 5,000");
  });

  it("names the row of a list", () => {
    const schema = z.object({ calendarGrants: z.array(z.object({ year: z.string().min(1) })) });
    expect(sentenceFor(schema, { calendarGrants: [{ year: "2025-26" }, { year: "" }] })).toBe("Fill in the year of calendar grant 2");
    expect(fieldPath(["calendarGrants", 1, "year"])).toBe("calendarGrants.1.year");
    expect(fieldLabel(["watcherContactIds", 0])).toBe("watcher contacts");
  });

  it("says which day does not exist", () => {
    expect(dayProblem("2026-02-30")).toBe("February has no 30th.");
    expect(dayProblem("2026-04-31")).toBe("April has no 31st.");
    expect(dayProblem("2025-02-29")).toBe("February 2025 has no 29th: 2025 is not a leap year.");
    expect(dayProblem("2026-13-01")).toMatch(/^There is no month 13/);
    expect(sentenceFor(z.object({ on: z.iso.date() }), { on: "2026-02-30" })).toBe("February has no 30th");
  });

  it("never names the body, a type or zod's words, whatever the issue", () => {
    const schema = z.object({
      name: z.string().min(2),
      count: z.int().min(1).max(10),
      tags: z.array(z.string()).min(1).max(2),
      email: z.email(),
      id: z.uuid(),
      on: z.iso.date(),
      at: z.iso.datetime(),
      kind: z.enum(["a", "b"]),
      either: z.union([z.string(), z.number()]),
    }).strict();
    const bad = { name: "x", count: 50, tags: [], email: "no", id: "no", on: "soon", at: "later", kind: "c", either: true, extra: 1 };
    const r = schema.safeParse(bad);
    expect(r.success).toBe(false);
    for (const issue of r.error!.issues) expect(plainMessage(issue as never, valueAt(bad, issue.path))).not.toMatch(NO_DEVELOPER_WORDS);
    const empty = schema.safeParse({});
    for (const issue of empty.error!.issues) expect(plainMessage(issue as never, undefined)).not.toMatch(NO_DEVELOPER_WORDS);
  });
});
