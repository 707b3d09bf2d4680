import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { openCaseForKim } from "./support-e2e-helpers.js";

/**
 * The outbox and the FERPA access log page like the case lists: the total, "Showing N of M" with
 * Load more, sort by a column header (aria-sort), and sort and filters kept in the URL.
 */

test("the outbox shows its total, loads more, sorts by a column and keeps the filter in the URL", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "vendor", "/");
  const tag = `Outbox paging ${Date.now()}`;
  const opened = await openCaseForKim(page, tag);
  // each public reply writes one email to Kim: 55 replies are more than one page of 50
  for (let i = 0; i < 55; i++) await callApi(page, "POST", `/api/vendor/cases/${opened.id}/comments`, { body: `Reply ${i}`, internal: false });
  const expected = (await callApi<{ total: number }>(page, "GET", `/api/vendor/outbox?search=${encodeURIComponent(tag)}`)).total;
  expect(expected).toBeGreaterThan(55);

  await page.goto(`/vendor/outbox?search=${encodeURIComponent(tag)}`);
  const rows = page.getByRole("table", { name: "Outbox messages" }).locator("tbody tr");
  await expect(page.getByTestId("list-total")).toHaveText(`${expected} messages`);
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("list-shown")).toHaveText(`Showing 50 of ${expected}`);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(expected);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  const written = page.getByRole("columnheader", { name: /Written/ });
  await expect(written).toHaveAttribute("aria-sort", "descending");
  const subject = page.getByRole("columnheader", { name: /Subject/ });
  await subject.getByRole("button").click();
  await expect(subject).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=subject/);
  await expect(rows.first()).toContainText(`[Case #${opened.number}] ${tag}`);

  await page.locator("label", { hasText: /^Failed/ }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("No messages here")).toBeVisible();
  await page.reload();
  await expect(page.getByText("No messages here")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Search messages" })).toHaveValue(tag);
  await page.locator("label", { hasText: /^All$/ }).click();
  await expect(page.getByTestId("list-total")).toHaveText(`${expected} messages`);
  await expect(page.getByRole("columnheader", { name: /Subject/ })).toHaveAttribute("aria-sort", "ascending");
  await saveScreenshot(page, "outbox-paged");
});

test("the access log shows its total, loads more, sorts by a column and keeps the order in the URL", async ({ page }) => {
  await signInAs(page, "admin", "/");
  // an Ad hoc preview of a protected field records one reading per student shown (50 a preview)
  for (let i = 0; i < 2; i++) await callApi(page, "POST", "/api/adhoc/preview", { definition: { fields: ["student.localId", "demographics.ssn"] } });
  await page.goto("/access-log?actor=admin");
  const rows = page.getByTestId("access-row");
  await expect(page.getByTestId("list-total")).toHaveText(/^\d+ readings$/);
  const total = Number((await page.getByTestId("list-total").textContent())!.split(" ")[0]);
  expect(total).toBeGreaterThan(50);
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("list-shown")).toHaveText(`Showing 50 of ${total}`);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(Math.min(total, 100));

  const whose = page.getByRole("columnheader", { name: /Whose record/ });
  await expect(page.getByRole("columnheader", { name: /When/ })).toHaveAttribute("aria-sort", "descending");
  await whose.getByRole("button").click();
  await expect(whose).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=person/);
  await expect(page).toHaveURL(/actor=admin/);
  const names = await rows.locator("td:nth-child(3) button").allTextContents();
  expect(names.slice(0, 10)).toEqual([...names.slice(0, 10)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

  // a search keeps the order; a reload shows the same list
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/sort=person/);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /Whose record/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByLabel("Who (username)")).toHaveValue("admin");
  await expect(page.getByTestId("list-total")).toHaveText(`${total} readings`);
  await saveScreenshot(page, "access-log-paged");
});
