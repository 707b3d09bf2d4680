import { expect, test, type Page } from "@playwright/test";
import { callApi } from "./support/api.js";
import { ACCOUNTS, type AccountName } from "./support/accounts.js";
import { signInAs } from "./support/sign-in.js";

/** What the user security specs share: unique names, the catalog warm-up, API shortcuts, tree navigation. */

export const US = "System Administration > User Security";
export const tag = () => Math.random().toString(36).slice(2, 7);

export type Group = { id: string; version: number; entries: { toolPath: string; rights: string; deny: boolean; until: string | null }[] };
export type User = { id: string; username: string; displayName: string };

/**
 * The server copies the code's tool catalog into the database the first time it compiles a
 * district's rights, which a signed-in teacher triggers (an SIS-role admin alone does not yet).
 */
export function warmCatalog() {
  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, "teacher");
    expect((await page.request.get("/api/me/tools")).status()).toBe(200);
    await page.context().close();
  });
}

export async function findUser(page: Page, account: AccountName): Promise<User> {
  const { username } = ACCOUNTS[account];
  const users = (await callApi<{ items: User[] }>(page, "GET", `/api/users?search=${encodeURIComponent(username)}`)).items;
  const user = users.find((u) => u.username === username);
  expect(user, `user ${username}`).toBeDefined();
  return user!;
}

export const getGroup = (page: Page, id: string) => callApi<Group>(page, "GET", `/api/groups/${id}`);

/** Opens the tree down to a tool's parent, so the tool's row is on screen. */
export async function openTool(page: Page, path: string) {
  const parts = path.split(" > ");
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join(" > ");
    const toggle = page.getByRole("button", { name: new RegExp(`^(Expand|Collapse) ${ancestor.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
    await expect(toggle).toBeVisible();
    if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  }
}

/** "2026-03-04" for a day `days` from today in the browser's (and the server's) time zone. */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
