import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import { newTotpSecret, totpStep } from "./totp.js";

describe("totpStep", () => {
  it("names the time step of a current code, and none for a wrong one", () => {
    const secret = newTotpSecret();
    const step = totpStep(secret, authenticator.generate(secret));
    expect(step).toBeGreaterThanOrEqual(Math.floor(Date.now() / 30_000) - 1);
    expect(totpStep(secret, "000000" === authenticator.generate(secret) ? "111111" : "000000")).toBeNull();
  });

  it("accepts the next step's code (a phone a little ahead) as a later step", () => {
    const secret = newTotpSecret();
    const now = Math.floor(Date.now() / 30_000);
    const ahead = authenticator.clone({ epoch: (now + 1) * 30_000 + 1000 }).generate(secret);
    expect(totpStep(secret, ahead)).toBeGreaterThan(now - 1);
  });
});
