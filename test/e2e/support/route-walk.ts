import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Browser, type Page } from "@playwright/test";
import { callApi } from "./api.js";
import type { AccountName } from "./accounts.js";
import { signInAs } from "./sign-in.js";

/**
 * Every route of the web app, read from the router's own files, and a walk that reaches each one a
 * user can reach: the accessibility and layout specs both visit every page this way, so a new
 * page is checked without editing either spec.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));

/** Every `path: "/…"` and `<Route path="…">` of the signed-in and public app. */
function routerPaths(): string[] {
  const files = [path.join(root, "src/web/app/app.tsx"), path.join(root, "src/web/app/feature-routes.tsx")];
  const features = path.join(root, "src/web/features");
  for (const f of fs.readdirSync(features)) {
    const file = path.join(features, f, "routes.tsx");
    if (fs.existsSync(file)) files.push(file);
  }
  const paths = new Set<string>();
  for (const file of files) for (const m of fs.readFileSync(file, "utf8").matchAll(/path[:=]\s*"(\/[^"]*)"/g)) paths.add(m[1]!);
  return [...paths];
}

export const ROUTE_PATTERNS = routerPaths().map((p) => ({ route: p, re: new RegExp(`^${p.replace(/:[A-Za-z]+/g, "[^/]+")}$`) }));

/** The router pattern of an address: the most specific one, a literal "/support/cases/new" before "/support/cases/:caseId". */
export const routeOf = (pathname: string) =>
  ROUTE_PATTERNS.filter((p) => p.re.test(pathname)).sort((a, b) => (a.route.match(/:/g)?.length ?? 0) - (b.route.match(/:/g)?.length ?? 0))[0]?.route;

/** The pages signed-out people see, visited by the specs on their own. */
export const PUBLIC_ROUTES = ["/login", "/login/vendor", "/login/:slug", "/sign-in/mfa", "/sign-in/mfa-setup", "/set-password/:token"];

/** Waits until the page has its data: no request in flight and no loader showing. */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".mantine-Loader-root:visible")).toHaveCount(0, { timeout: 20_000 });
}

export type Visit = { pathname: string; route: string };

/**
 * Signs in as the account, then opens the home page, every page of the navigation and, from each,
 * the first link to each route not seen yet (detail pages, tabs, "new" pages), calling `check` on
 * each page once it has its content (the student search is given a name, so it lists students).
 */
export async function walkRoutes(page: Page, account: AccountName, check: (visit: Visit) => Promise<void>) {
  await signInAs(page, account, "/");
  const seen = new Set<string>();
  const queue: string[] = ["/", "/no-such-page"];
  for (const href of await page.locator("nav a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))) queue.push(href);
  while (queue.length > 0) {
    const pathname = queue.shift()!;
    const route = routeOf(pathname) ?? (pathname === "/" ? "/" : "*");
    if (seen.has(route)) continue;
    seen.add(route);
    await page.goto(pathname);
    if (route === "/students") {
      await page.getByRole("textbox", { name: "Name or student number" }).fill("a");
      await page.getByRole("textbox", { name: "Name or student number" }).press("Enter");
    }
    await settle(page);
    await check({ pathname, route });
    const links = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const link of links) {
      const r = routeOf(link);
      if (r && !seen.has(r) && !queue.some((q) => routeOf(q) === r)) queue.push(link);
    }
  }
}

/** An access review and a saved Ad hoc filter, so their detail pages exist to be walked. */
export async function makeDetailPages(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "teacher"); // compiles the catalog (see security-e2e-helpers.ts)
  await signInAs(page, "admin");
  const { filters } = await callApi<{ filters: { id: string }[] }>(page, "GET", "/api/adhoc/filters");
  if (filters.length === 0) {
    const { groups } = await callApi<{ groups: { fields: { id: string }[] }[] }>(page, "GET", "/api/adhoc/fields");
    await callApi(page, "POST", "/api/adhoc/filters", { name: "Accessibility check", definition: { fields: [groups[0]!.fields[0]!.id] } });
  }
  const campaigns = await callApi<unknown[] | { campaigns: unknown[] }>(page, "GET", "/api/campaigns");
  if ((Array.isArray(campaigns) ? campaigns : campaigns.campaigns ?? []).length === 0) {
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await callApi(page, "POST", "/api/campaigns", { name: "Accessibility review", scope: { kind: "protected" }, dueOn: due, defaultDecision: "keep" });
  }
  await page.context().close();
}
