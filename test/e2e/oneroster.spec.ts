import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";
import { tag } from "./security-e2e-helpers.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/oneroster/valid/", import.meta.url));
type Preferences = { automaticStaffAccounts: boolean; version: number };

/** The valid fixture as a zip, with usernames and local ids of this run (the demo district is shared). */
function fixtureZip(t: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const f of fs.readdirSync(FIXTURE)) {
    const text = fs.readFileSync(path.join(FIXTURE, f), "utf8").replace(/\bjdoe\b/g, `jdoe${t}`).replace(/\bmkim\b/g, `mkim${t}`).replace(/\b([ST]\d{3})\b/g, `$1-${t}`);
    files[f] = new TextEncoder().encode(text);
  }
  return Buffer.from(zipSync(files));
}

test("a district administrator uploads a OneRoster set, follows the server's stages to the end, reads the summary, and sees the automation's run history", async ({ page }) => {
  const t = tag();
  await signInAs(page, "admin", "/security/oneroster");
  const before = await callApi<Preferences>(page, "GET", "/api/preferences");
  const prefs = await callApi<Preferences>(page, "PUT", "/api/preferences", { automaticStaffAccounts: true, version: before.version });
  const group = await callApi<{ id: string; version: number }>(page, "POST", "/api/groups", { name: `Adams calendars ${t}` });
  await callApi(page, "PUT", `/api/groups/${group.id}/calendar-rights`, { version: group.version, calendarGrants: [{ school: "Adams Elementary", year: "*", calendar: "*", modify: false }] });
  await callApi(page, "PUT", "/api/staff-automation/mappings", { mappings: [{ kind: "school", key: "Adams Elementary", groupId: group.id }] });
  try {
    await page.goto("/security/oneroster");
    await expect(page.getByRole("heading", { name: "OneRoster import" })).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles({ name: "oneroster.zip", mimeType: "application/zip", buffer: fixtureZip(t) });
    await page.getByRole("button", { name: "Import" }).click();
    // the server's stages, as it reported them while the import ran in the background
    const progress = page.getByLabel("Import progress");
    await expect(progress.getByRole("status")).toHaveText("Finished");
    await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    const stages = page.getByRole("table", { name: "Import stages" });
    for (const stage of ["Reading users", "People", "Enrollments", "Saving links"]) await expect(stages.getByRole("row", { name: new RegExp(`^${stage}`) })).toContainText("done");
    await expect(stages.getByRole("row", { name: /^Reading enrollments/ })).toContainText("rows");
    const summary = page.getByLabel("Import summary");
    await expect(summary).toContainText("Imported");
    await expect(summary.getByRole("row", { name: /Students/ })).toContainText("2");
    await expect(summary).toContainText("Staff account automation took");

    await page.goto("/security/staff-automation");
    const history = page.getByRole("table", { name: "Run history" });
    await expect(history.getByRole("row", { name: new RegExp(`mkim${t}.*group-added.*Adams calendars ${t}`) })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Key 1" })).toHaveValue("Adams Elementary");
  } finally {
    await callApi(page, "PUT", "/api/staff-automation/mappings", { mappings: [] });
    await callApi(page, "PUT", "/api/preferences", { automaticStaffAccounts: false, version: prefs.version });
  }
});
