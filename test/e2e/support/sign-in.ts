import { expect, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { ACCOUNTS, type Account, type AccountName } from "./accounts.js";

// Sign-in is rate limited per address (all tests share 127.0.0.1), so each worker signs in once
// per account and reuses that session until something (a sign-out in a test) ends it.
const sessions = new Map<string, Cookie[]>();

/** A current 6-digit code for an authenticator secret, as the user's phone would show it. */
export function totpCode(secret: string): string {
  return authenticator.generate(secret);
}

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * A code the server has not seen yet: each code works once, so a second code within the same 30 s
 * is the next step's (the server accepts one step ahead, as for a phone whose clock runs fast);
 * past that it waits for time to catch up. Only this worker's codes are known here.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / STEP_MS);
  const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
  if (step > now + 1) await new Promise((r) => setTimeout(r, (step - 1) * STEP_MS - Date.now() + 500));
  lastStep.set(secret, step);
  return authenticator.clone({ epoch: step * STEP_MS + 1000 }).generate(secret);
}

async function sessionIsActive(context: BrowserContext): Promise<boolean> {
  const response = await context.request.get("/api/auth/me");
  return response.ok() && (await response.json()).stage === "active";
}

async function signInThroughApi(context: BrowserContext, account: Account) {
  const response = await context.request.post("/api/auth/sign-in", {
    data: { district: account.district ?? undefined, username: account.username, password: account.password },
  });
  expect(response.status(), `sign-in of ${account.username}: ${await response.text()}`).toBe(200);
  const { stage } = await response.json();
  if (stage === "mfa") {
    if (!account.mfaSecret) throw new Error(`${account.username} has MFA on but accounts.ts knows no secret for it`);
    const me = await (await context.request.get("/api/auth/me")).json();
    const send = async () => context.request.post("/api/auth/mfa", { data: { code: await freshTotpCode(account.mfaSecret!) }, headers: { "x-csrf-token": me.csrfToken } });
    let verified = await send();
    // Another worker may have used this step's code for the same account: try the next ones.
    for (let i = 0; i < 2 && verified.status() === 401; i++) verified = await send();
    expect(verified.status(), `MFA of ${account.username}: ${await verified.text()}`).toBe(200);
  } else if (stage !== "active") {
    throw new Error(`${account.username} must enrol in MFA first (stage ${stage}); use an account with an mfaSecret`);
  }
}

/**
 * Signs the page's browser context in as one of the e2e accounts (without going through the
 * form) and opens `path` (default: the home page), waiting until the app shows the user.
 */
export async function signInAs(page: Page, name: AccountName, path = "/") {
  const account = ACCOUNTS[name];
  const context = page.context();
  const cached = sessions.get(name);
  if (cached) await context.addCookies(cached);
  if (!cached || !(await sessionIsActive(context))) {
    await context.clearCookies();
    await signInThroughApi(context, account);
    sessions.set(name, await context.cookies());
  }
  await page.goto(path);
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.displayName);
}

/** Fills a sign-in form (district or vendor page) the way a person does. */
export async function fillSignInForm(page: Page, username: string, password: string) {
  await page.getByRole("textbox", { name: "Username" }).fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
