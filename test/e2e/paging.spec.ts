import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { signInAs } from "./support/sign-in.js";

/**
 * Lists that can grow page by page: the User groups screen of a district with more groups than
 * one page holds shows the total, loads the rest with "Load more", sorts by a column header
 * (aria-sort) and keeps sort and filters in the URL; the Users and Members lists do the same.
 */

test("the User groups list shows its total, loads more, sorts by column and keeps its filters in the URL", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "pagingAdmin");
  const existing = (await callApi<{ total: number }>(page, "GET", "/api/groups?search=Paged%20group")).total;
  for (let i = existing; i < 105; i++) await callApi(page, "POST", "/api/groups", { name: `Paged group ${String(i).padStart(3, "0")}`, ...(i % 10 === 0 ? { memberLimit: 4 } : {}) });

  await page.goto("/security/groups?search=Paged%20group");
  await expect(page.getByTestId("list-total")).toHaveText("105 groups");
  await expect(page.getByTestId("group-row")).toHaveCount(100);
  await expect(page.getByTestId("list-shown")).toHaveText("Showing 100 of 105");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByTestId("group-row")).toHaveCount(105);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(page.getByTestId("group-row").last()).toContainText("Paged group 104");

  const header = page.getByRole("columnheader", { name: /Group/ });
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.getByTestId("group-row").first()).toContainText("Paged group 104");

  await page.getByRole("textbox", { name: "Member limit" }).click();
  await page.getByRole("option", { name: "With a member limit" }).click();
  await expect(page.getByTestId("list-total")).toHaveText("11 groups");
  await expect(page).toHaveURL(/limited=yes/);

  // a reload (or a shared link) shows the same list
  await page.reload();
  await expect(page.getByTestId("list-total")).toHaveText("11 groups");
  await expect(page.getByRole("columnheader", { name: /Group/ })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByTestId("group-row").first()).toContainText("Paged group 100");
  await expect(page.getByRole("textbox", { name: "Search groups" })).toHaveValue("Paged group");
});

test("the Users and Members lists count, filter and sort with the filters in the URL", async ({ page }) => {
  await signInAs(page, "pagingAdmin");
  await page.goto("/security/users?search=paged");
  await expect(page.getByTestId("list-total")).toHaveText("2 users");
  await expect(page.getByTestId("user-row").first()).toContainText("Ann Paged");
  await page.getByRole("columnheader", { name: /Person/ }).getByRole("button").click();
  await expect(page.getByRole("columnheader", { name: /Person/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("columnheader", { name: /Person/ }).getByRole("button").click();
  await expect(page.getByTestId("user-row").first()).toContainText("Bo Paged");
  await expect(page).toHaveURL(/sort=name&order=desc|order=desc.*sort=name/);
  await page.getByRole("textbox", { name: "Product Security Role" }).click();
  await page.getByRole("option", { name: "Student Information System" }).click();
  await expect(page.getByTestId("list-total")).toHaveText("0 users");
  await page.goto("/security/users?role=student-information-system");
  await expect(page.getByTestId("list-total")).toHaveText("1 user");
  await expect(page.getByTestId("user-row")).toContainText("Page Pager");

  const users = (await callApi<{ items: { id: string }[] }>(page, "GET", "/api/users?search=paged")).items;
  const group = await callApi<{ id: string }>(page, "POST", "/api/groups", { name: `Members listed ${Date.now()}` });
  await callApi(page, "POST", `/api/groups/${group.id}/members/bulk-add`, { userIds: users.map((u) => u.id) });
  await page.goto(`/security/groups/${group.id}?tab=members`);
  await expect(page.getByTestId("list-total")).toHaveText("2 members");
  await page.getByRole("columnheader", { name: /Person/ }).getByRole("button").click();
  await expect(page.getByTestId("member-row").first()).toContainText("Bo Paged");
  await expect(page).toHaveURL(/memberOrder=desc/);
  await page.getByRole("textbox", { name: "Search members" }).fill("Ann");
  await expect(page.getByTestId("list-total")).toHaveText("1 member");
  await expect(page).toHaveURL(/memberSearch=Ann/);
});
