import { describe, expect, it } from "vitest";
import { splitLinks } from "./linked-text.js";
import { caseSla, formatSpan } from "./sla.js";

describe("links in case text", () => {
  it("makes only http and https addresses into links, without the sentence's last punctuation", () => {
    expect(splitLinks("See https://a.example/x?y=1. Or (http://b.example/z).")).toEqual([
      { text: "See " },
      { href: "https://a.example/x?y=1" },
      { text: ". Or (" },
      { href: "http://b.example/z" },
      { text: ")." },
    ]);
    expect(splitLinks('javascript:alert(1) data:text/html,<b> "x"')).toEqual([{ text: 'javascript:alert(1) data:text/html,<b> "x"' }]);
  });
});

describe("case SLA", () => {
  const opened = new Date("2026-03-02T08:00:00Z");
  const reply = { id: 1, at: new Date("2026-03-02T13:00:00Z"), actorName: "Vera", actorSide: "vendor" as const, kind: "reply", body: "x", internal: false };
  it("reports the first reply against the priority's target", () => {
    expect(caseSla({ createdAt: opened, priority: "high", events: [reply] } as never, new Date("2026-03-03T08:00:00Z"))).toEqual({ age: "1 d 0 h", firstResponse: "5 h 0 min (past the target)", late: true });
    expect(caseSla({ createdAt: opened, priority: "normal", events: [] } as never, new Date("2026-03-02T10:30:00Z"))).toMatchObject({ firstResponse: "None yet: due within 21 h 30 min", late: false });
    expect(formatSpan(12 * 60_000)).toBe("12 min");
  });
});
