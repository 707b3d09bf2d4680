import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "../http/outbound-address.js";
import { urlProblem } from "./webhook-sender.js";

describe("where webhooks may go", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "::1", "fc00::1", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1"])("%s is private", (a) => expect(isPrivateAddress(a)).toBe(true));
  it.each(["93.184.216.34", "2606:4700::1111"])("%s is public", (a) => expect(isPrivateAddress(a)).toBe(false));

  it("asks for https, a full address and no password in it", async () => {
    expect(await urlProblem("example.org/hook", false)).toMatch(/full web address/);
    expect(await urlProblem("http://93.184.216.34/hook", false)).toMatch(/https:\/\//);
    expect(await urlProblem("https://user:pw@93.184.216.34/hook", false)).toMatch(/password/);
    expect(await urlProblem("https://93.184.216.34/hook", false)).toBeNull();
  });

  it("refuses private and local addresses unless the operator allows them", async () => {
    expect(await urlProblem("https://127.0.0.1:8443/hook", false)).toMatch(/private or local address.*WEBHOOK_ALLOW_PRIVATE_URLS/);
    expect(await urlProblem("https://[::1]/hook", false)).toMatch(/private or local/);
    expect(await urlProblem("https://169.254.169.254/latest/meta-data", false)).toMatch(/private or local/);
    expect(await urlProblem("https://localhost/hook", false)).toMatch(/private or local/);
    expect(await urlProblem("http://127.0.0.1:8443/hook", true)).toBeNull();
  });
});
