import { describe, expect, it } from "vitest";
import { fillPlaceholders, firstName } from "./fill-placeholders.js";

describe("fillPlaceholders", () => {
  it("fills every known placeholder, with or without spaces inside the braces", () => {
    expect(fillPlaceholders("Hi {{contact.firstName}}, case #{{ case.number }} ({{case.subject}}) for {{district.name}}. — {{agent.name}}", {
      "contact.firstName": "Kim",
      "case.number": 42,
      "case.subject": "Report cards",
      "district.name": "Ballard",
      "agent.name": "Vera Vendor",
    })).toBe("Hi Kim, case #42 (Report cards) for Ballard. — Vera Vendor");
  });

  it("leaves a placeholder with no value as written, so the agent sees it", () => {
    expect(fillPlaceholders("Dear {{contact.name}} and {{nobody}}", { "contact.name": null })).toBe("Dear {{contact.name}} and {{nobody}}");
  });

  it("does not treat a value as a template", () => {
    expect(fillPlaceholders("Re: {{case.subject}}", { "case.subject": "{{agent.name}} $& $1" })).toBe("Re: {{agent.name}} $& $1");
  });

  it("takes the first word of a name", () => expect(firstName("  Kim  Park ")).toBe("Kim"));
});
