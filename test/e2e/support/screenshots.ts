import type { Page } from "@playwright/test";

/**
 * Saves a full-window screenshot under SCREENSHOT_DIR (e.g. /tmp/shots) when that is set, so
 * people can look at every page after a run; does nothing otherwise.
 */
export async function saveScreenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}.png`, animations: "disabled" });
}
