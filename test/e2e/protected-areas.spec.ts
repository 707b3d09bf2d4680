import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";
import { tag, type Group } from "./security-e2e-helpers.js";

// The paging district, not the demo: a protected area is district-wide and other specs read the demo's.
const TOOL = "Behavior";

test("an administrator marks a tool as protected: it is listed, flagged in the rights editor, audited, and can be unmarked", async ({ page }) => {
  await signInAs(page, "pagingAdmin", "/security/protected-areas");
  const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Behavior readers ${tag()}` });
  try {
    await page.goto("/security/protected-areas");
    const mine = page.getByRole("table", { name: "Protected by the district" });
    await expect(mine).toContainText("The district has not marked any tool");
    await page.getByRole("textbox", { name: "Tool to protect" }).fill(TOOL);
    await page.getByRole("option", { name: TOOL, exact: true }).click();
    await page.getByRole("button", { name: "Mark as protected" }).click();
    await expect(page.getByText(`${TOOL} is now protected.`)).toBeVisible();
    await expect(mine.getByRole("row", { name: new RegExp(`^${TOOL} e2e-paging-admin`) })).toBeVisible();

    // the rights editor flags it like the seed's own protected areas
    await page.goto(`/security/groups/${group.id}`);
    const row = page.locator(`[data-testid="rights-row"][data-path="${TOOL}"]`);
    await expect(row.getByText("Protected (district)")).toBeVisible();

    await page.goto("/security/audit");
    await expect(page.getByRole("main")).toContainText(TOOL);

    await page.goto("/security/protected-areas");
    await mine.getByRole("button", { name: `Unmark ${TOOL}` }).click();
    await expect(page.getByText(`${TOOL} is no longer protected by the district.`)).toBeVisible();
    await expect(mine).toContainText("The district has not marked any tool");
    await page.goto(`/security/groups/${group.id}`);
    await expect(page.locator(`[data-testid="rights-row"][data-path="${TOOL}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="rights-row"][data-path="${TOOL}"]`).getByText("Protected (district)")).toHaveCount(0);
  } finally {
    await callApi(page, "DELETE", `/api/protected-areas?toolPath=${encodeURIComponent(TOOL)}`).catch(() => undefined);
  }
});
