import { describe, expect, it } from "vitest";
import { mayRead, protect, redactFreeText, redactJson, reveal, WITHHELD, type Reader } from "./redact.js";

const BALLARD = { school: "Ballard High", year: "2025-26", calendar: "25-26 Ballard High" };
const LINCOLN = { school: "Lincoln Elementary", year: "2025-26", calendar: "25-26 Lincoln Elementary" };

/** R on `tools`, in Ballard only when `ballardOnly`. */
const reader = (tools: string[], ballardOnly = false): Reader => ({
  has: (tool, _r, calendar) => tools.includes(tool) && (!ballardOnly || calendar === undefined || calendar.calendar === BALLARD.calendar),
});
const fields = (id: string) => ({ "health.conditions": ["Health"], "demographics.ssn": ["SSN Students", "SSN All"] })[id];

describe("the redaction step", () => {
  it("reveals a protected value to a reader with R on any of its tools, in one of its calendars", () => {
    const ssn = protect({ tools: ["SSN Students", "SSN All"], calendars: [LINCOLN] }, "987-65-4329");
    expect(reveal(reader(["SSN All"]), ssn)).toBe("987-65-4329");
    expect(reveal(reader(["SSN All"], true), ssn)).toBe(WITHHELD);
    expect(reveal(reader([]), ssn)).toBe("withheld");
    expect(reveal(reader([]), protect({ tools: ["SSN All"] }, "987-65-4329", "***-**-4329"))).toBe("***-**-4329");
    expect(mayRead(reader(["Health"]), { tools: ["Health"], calendars: [] })).toBe(false);
  });

  it("walks stored JSON: markers anywhere, and Ad hoc conditions by their field", () => {
    const stored = {
      name: "Follow-up",
      ssn: protect({ tools: ["SSN All"] }, "987-65-4329"),
      nested: [{ before: protect({ tools: ["Health"] }, { condition: "Asthma" }) }],
      definition: {
        conditions: [
          { field: "health.conditions", op: "contains", value: "Asthma" },
          { field: "demographics.ssn", op: "empty", value: null },
          { field: "not.a.field", op: "eq", value: "kept" },
        ],
      },
    };
    expect(redactJson(reader([]), stored, fields)).toEqual({
      name: "Follow-up",
      ssn: WITHHELD,
      nested: [{ before: WITHHELD }],
      definition: {
        conditions: [
          { field: "health.conditions", op: "contains", value: WITHHELD },
          { field: "demographics.ssn", op: "empty", value: null },
          { field: "not.a.field", op: "eq", value: "kept" },
        ],
      },
    });
    const full = redactJson(reader(["SSN All", "Health"]), stored, fields);
    expect(full).toMatchObject({ ssn: "987-65-4329", nested: [{ before: { condition: "Asthma" } }] });
    expect(full.definition.conditions[0]!.value).toBe("Asthma");
    expect(redactJson(reader([]), null, fields)).toBeNull();
  });

  it("withholds SSN-shaped numbers in free text, and only those", () => {
    expect(redactFreeText("Ava (987-65-4329) and 987 65 4329 cannot enroll")).toBe("Ava (withheld) and withheld cannot enroll");
    expect(redactFreeText("Call 206-555-01234 or case 12345678901, ID 987-654-329, 987-65 4329")).toBe("Call 206-555-01234 or case 12345678901, ID 987-654-329, 987-65 4329");
  });
});
