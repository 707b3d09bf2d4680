import { describe, expect, it } from "vitest";
import { contactAllowance, exceedsAllowance } from "./allowance.js";

describe("contactAllowance", () => {
  it("is 2 support + 1 technical, plus one support contact per add-on product", () => {
    expect(contactAllowance(0)).toEqual({ support: 2, technical: 1 });
    expect(contactAllowance(3)).toEqual({ support: 5, technical: 1 });
    expect(contactAllowance(-1)).toEqual({ support: 2, technical: 1 });
  });

  it("says when one more contact goes past it", () => {
    const allowance = contactAllowance(1);
    expect(exceedsAllowance(allowance, { support: 2, technical: 0 }, "support")).toBe(false);
    expect(exceedsAllowance(allowance, { support: 3, technical: 0 }, "support")).toBe(true);
    expect(exceedsAllowance(allowance, { support: 0, technical: 1 }, "technical")).toBe(true);
  });
});
