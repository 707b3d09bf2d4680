import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { tag } from "./security-e2e-helpers.js";

type Received = { headers: Record<string, string>; body: string };

test("an administrator connects a receiver, sees a rights change arrive signed, and pauses the endpoint", async ({ page }) => {
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gatehouse-${tag()}`;
  try {
    await signInAs(page, "admin", "/security/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await page.getByRole("textbox", { name: "Address (https)" }).fill(url);
    await page.getByRole("textbox", { name: "Description" }).fill("District SIEM");
    await page.getByRole("checkbox", { name: /Support cases/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.getByTestId("webhook-secret").getAttribute("data-value");
    expect(secret).toMatch(/^whsec_/);
    await saveScreenshot(page, "webhooks-secret-shown-once");
    await page.getByRole("button", { name: "I have stored the secret" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);

    const name = `Webhook group ${tag()}`;
    await callApi(page, "POST", "/api/groups", { name });
    await expect.poll(() => received.some((r) => r.body.includes(name)), { timeout: 20_000 }).toBe(true);
    const message = received.find((r) => r.body.includes(name))!;
    expect(new Webhook(secret!).verify(message.body, message.headers)).toMatchObject({ type: "group.created" });

    const card = page.getByRole("region", { name: `Endpoint ${url}` });
    await card.getByRole("button", { name: "Show messages" }).click();
    await expect(card.getByRole("table", { name: `Messages sent to ${url}` }).getByRole("row", { name: /group\.created.*delivered/ })).toBeVisible();
    await card.getByRole("button", { name: "Pause" }).click();
    await expect(card.getByText("Paused", { exact: true })).toBeVisible();
    await saveScreenshot(page, "webhooks-endpoint-paused");
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
