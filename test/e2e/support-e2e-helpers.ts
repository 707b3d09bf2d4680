import { expect, request as playwrightRequest, type Page } from "@playwright/test";
import { DEMO_DISTRICT } from "../../src/features/demo/demo-logins.js";
import { SUPPORT_DEMO_LOGINS } from "../../src/features/demo/seed-support.js";
import { freshTotpCode } from "./support/sign-in.js";

export type ContactLogin = { username: string; password: string; displayName: string; secret: string };

/**
 * The demo contacts (seed-support.ts) start without an authenticator; contacts must use MFA, so
 * a spec enrols the ones it owns once, through the API, and keeps the secret to make codes.
 * Each spec file owns different contacts, so parallel workers never enrol the same one.
 */
const enrolled = new Map<string, ContactLogin>();

export async function enrolContact(username: (typeof SUPPORT_DEMO_LOGINS)[number]["username"]): Promise<ContactLogin> {
  // Once MFA is on, moving to a new authenticator needs a code from the old one: enrol once per worker.
  const known = enrolled.get(username);
  if (known) return known;
  const login = SUPPORT_DEMO_LOGINS.find((l) => l.username === username)!;
  const api = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const signIn = await api.post("/api/auth/sign-in", { data: { district: DEMO_DISTRICT.slug, username, password: login.password } });
    expect(signIn.status(), await signIn.text()).toBe(200);
    const { csrfToken } = await (await api.get("/api/auth/me")).json();
    const setup = await (await api.post("/api/account/mfa/setup", { headers: { "x-csrf-token": csrfToken } })).json();
    const confirm = await api.post("/api/account/mfa/confirm", { data: { code: await freshTotpCode(setup.secret) }, headers: { "x-csrf-token": csrfToken } });
    expect(confirm.status(), await confirm.text()).toBe(200);
    const contact = { username, password: login.password, displayName: login.displayName, secret: setup.secret };
    enrolled.set(username, contact);
    return contact;
  } finally {
    await api.dispose();
  }
}

/** Signs a page's context in as a contact (password + authenticator code) and opens `path`. */
export async function signInContact(page: Page, contact: ContactLogin, path = "/support") {
  const context = page.context();
  await context.clearCookies();
  const signIn = await context.request.post("/api/auth/sign-in", { data: { district: DEMO_DISTRICT.slug, username: contact.username, password: contact.password } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrfToken } = await (await context.request.get("/api/auth/me")).json();
  const mfa = await context.request.post("/api/auth/mfa", { data: { code: await freshTotpCode(contact.secret) }, headers: { "x-csrf-token": csrfToken } });
  expect(mfa.status(), await mfa.text()).toBe(200);
  await page.goto(path);
  await expect(page.getByTestId("signed-in-user")).toHaveText(contact.displayName);
}

/** Picks an option in a Mantine Select by its label. */
export async function choose(page: Page, label: RegExp | string, option: RegExp | string) {
  await page.getByRole("textbox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

export const DEMO_NAME = DEMO_DISTRICT.name;

/** An emergency case on behalf of the demo's Kim, made through the API (no contact signs in). */
export async function openCaseForKim(page: Page, subject: string, priority = "normal") {
  const api = page.request;
  const { csrfToken } = await (await api.get("/api/auth/me")).json();
  const districts: { id: string; name: string }[] = await (await api.get("/api/vendor/districts")).json();
  const demo = districts.find((d) => d.name === DEMO_NAME)!;
  const detail: { contacts: { id: string; name: string }[] } = await (await api.get(`/api/vendor/districts/${demo.id}`)).json();
  const kim = detail.contacts.find((c) => c.name === "Kim Nguyen")!;
  const opened = await api.post("/api/vendor/cases", {
    headers: { "x-csrf-token": csrfToken },
    data: { districtId: demo.id, contactId: kim.id, subject, description: "Report cards print blank.", productArea: "Grading", priority, reason: "Kim phoned the hotline" },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  return (await opened.json()) as { id: string; number: number };
}
