import { describe, expect, it } from "vitest";
import { afterFailure, classifySendError, DEFAULT_DELIVERY_POLICY, retryDelayMs } from "./delivery-policy.js";

const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 4, firstRetryMs: 1_000, maxRetryMs: 5_000 };

describe("delivery policy", () => {
  it("treats SMTP 5xx as permanent and 4xx or connection errors as temporary", () => {
    expect(classifySendError({ responseCode: 550, response: "550 No such user" })).toEqual({ permanent: true, message: "SMTP 550: 550 No such user" });
    expect(classifySendError({ responseCode: 451, response: "451 Try later" }).permanent).toBe(false);
    expect(classifySendError({ code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:2525" })).toEqual({
      permanent: false,
      message: "ESOCKET: connect ECONNREFUSED 127.0.0.1:2525",
    });
  });

  it("backs off exponentially, capped", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it("gives up after maxAttempts temporary failures, and at once on a permanent one", () => {
    const temporary = { permanent: false, message: "down" };
    expect(afterFailure(temporary, 3, policy)).toEqual({ status: "pending", retryInMs: 4_000 });
    expect(afterFailure(temporary, 4, policy)).toEqual({ status: "failed", retryInMs: 0 });
    expect(afterFailure({ permanent: true, message: "550" }, 1, policy).status).toBe("failed");
  });
});
