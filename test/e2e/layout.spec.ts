import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import type { AccountName } from "./support/accounts.js";
import { layoutProblems } from "./support/layout-checks.js";
import { makeDetailPages, settle, walkRoutes } from "./support/route-walk.js";
import { signInAs } from "./support/sign-in.js";

/**
 * Every page, for each kind of user, on a laptop (1280×800) and a phone (390×844): a screenshot of
 * each under test-results/layout/ to look at, and the checks of support/layout-checks.ts (no
 * sideways scroll, nothing past the edge, tables that scroll in their own box, dialogs that fit,
 * targets of 24 px). On the phone the navigation is behind a menu button that opens it.
 */
const SHOTS = path.join(fileURLToPath(new URL("../..", import.meta.url)), "test-results", "layout");
const SCREENS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const ACCOUNTS: AccountName[] = ["admin", "groupadmin", "teacher", "viewer", "a11yContact", "vendor"];

/** Buttons that open a dialog worth measuring, by route: each is opened, checked and closed. */
const DIALOG_BUTTONS: Record<string, string[]> = {
  "/security/groups": ["Create group", "Import memberships (CSV)"],
  "/security/users": ["Create account"],
  "/security/campaigns": ["Start an access review"],
  "/security/groups/:groupId": ["Add several people"],
};

const fileName = (pathname: string) => (pathname === "/" ? "home" : pathname.replace(/^\//, "").replace(/[^A-Za-z0-9-]+/g, "_").slice(0, 80));

async function shoot(page: Page, screen: string, account: string, name: string) {
  const dir = path.join(SHOTS, screen, account);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: "disabled" });
}

async function checkDialogs(page: Page, route: string, state: string, found: string[], shot: (name: string) => Promise<void>) {
  for (const name of DIALOG_BUTTONS[route] ?? []) {
    const button = page.getByRole("main").getByRole("button", { name, exact: true });
    if (!(await button.isVisible()) || (await button.isDisabled())) continue;
    await button.click();
    const dialog = page.getByRole("dialog").last();
    await expect(dialog).toBeVisible();
    await settle(page);
    for (const p of await layoutProblems(page)) found.push(`${state} › dialog ${name}: ${p}`);
    await shot(`dialog-${fileName(name)}`);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
}

/** The navigation can be reached: beside the page on a laptop, behind the menu button on a phone. */
async function checkNavigation(page: Page, screen: keyof typeof SCREENS, found: string[]) {
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  const home = nav.getByRole("link", { name: "Home", exact: true });
  if (screen === "laptop") {
    if (!(await home.isVisible())) found.push("laptop: the navigation is not beside the page");
    return;
  }
  const menu = page.getByRole("button", { name: "Open navigation" });
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(home).toBeInViewport();
  const links = nav.getByRole("link");
  const last = links.nth((await links.count()) - 1);
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await page.getByRole("button", { name: "Close navigation" }).click();
  await expect(home).not.toBeInViewport();
}

test.beforeAll(async ({ browser }) => {
  await makeDetailPages(browser);
});

for (const [screen, viewport] of Object.entries(SCREENS) as [keyof typeof SCREENS, (typeof SCREENS)[keyof typeof SCREENS]][]) {
  test.describe(`on a ${screen} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });
    for (const account of ACCOUNTS) {
      test(`every page reads well as ${account}`, async ({ page }) => {
        test.setTimeout(600_000);
        const found: string[] = [];
        let navChecked = false;
        await walkRoutes(page, account, async ({ pathname, route }) => {
          const state = `${screen} ${account} ${pathname}`;
          if (!navChecked) {
            await checkNavigation(page, screen, found);
            navChecked = true;
          }
          for (const p of await layoutProblems(page)) found.push(`${state}: ${p}`);
          const name = fileName(pathname);
          await shoot(page, screen, account, name);
          await checkDialogs(page, route, state, found, (dialog) => shoot(page, screen, account, `${name}--${dialog}`));
        });
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  });
}

test("the sign-in pages read well on a phone", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: SCREENS.phone })).newPage();
  const found: string[] = [];
  for (const pathname of ["/login", "/login/vendor", "/login/demo", "/set-password/not-a-real-token"]) {
    await page.goto(pathname);
    await settle(page);
    for (const p of await layoutProblems(page)) found.push(`phone ${pathname}: ${p}`);
    await shoot(page, "phone", "signed-out", fileName(pathname));
  }
  expect(found, found.join("\n")).toEqual([]);
});

test("the Create group dialog's choices are read in full on a phone", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: SCREENS.phone })).newPage();
  await signInAs(page, "admin", "/security/groups");
  await page.getByRole("main").getByRole("button", { name: "Create group", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Create a user group" });
  await expect(dialog.getByRole("radio")).toHaveCount(3);
  await page.screenshot({ path: path.join(SHOTS, "phone", "create-group-choices.png") });
  // each choice's words lie inside the dialog and inside their own box, nothing cut off
  const cut = await dialog.locator(".mantine-SegmentedControl-label").evaluateAll((els) => {
    const body = els[0]!.closest(".mantine-Modal-content")!.getBoundingClientRect();
    return els.filter((el) => { const r = el.getBoundingClientRect(); return el.scrollWidth > el.clientWidth + 1 || r.left < body.left || r.right > body.right; }).map((el) => el.textContent);
  });
  expect(cut).toEqual([]);
});
