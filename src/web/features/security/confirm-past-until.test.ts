import { describe, expect, it } from "vitest";
import { ApiError } from "../../api.js";
import { confirmingPastUntil } from "./confirm-past-until.js";

const refusal = new ApiError(422, { code: "past-until", detail: "kim's membership would end on 2020-01-01, which has passed." });

describe("confirmingPastUntil", () => {
  it("sends once when the server takes it, and asks nothing", async () => {
    const sent: boolean[] = [];
    expect(await confirmingPastUntil(async (c) => (sent.push(c), "ok"), () => { throw new Error("asked"); })).toBe("ok");
    expect(sent).toEqual([false]);
  });

  it("asks with the server's sentence and sends the confirmation only when the person agrees", async () => {
    const sent: boolean[] = [];
    const send = async (c: boolean) => {
      sent.push(c);
      if (!c) throw refusal;
      return "saved";
    };
    const asked: string[] = [];
    expect(await confirmingPastUntil(send, (m) => (asked.push(m), true))).toBe("saved");
    expect(asked[0]).toContain("which has passed");
    expect(sent).toEqual([false, true]);
    await expect(confirmingPastUntil(send, () => false)).rejects.toBe(refusal);
  });
});
