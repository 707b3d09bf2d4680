import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in.js";
import { openCaseForKim } from "./support-e2e-helpers.js";

test("an agent sorts the queue by a column, saves the filters as a named view and opens it again", async ({ page }) => {
  const name = `My urgent cases ${Date.now()}`;
  await signInAs(page, "vendor");
  await openCaseForKim(page, `Urgent for a view ${Date.now()}`, "urgent"); // so the view lists a case
  await page.goto("/vendor/cases");
  const caseHeader = page.getByRole("columnheader", { name: /Case/ });
  await caseHeader.getByRole("button").click();
  await expect(caseHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=number/);
  await caseHeader.getByRole("button").click();
  await expect(caseHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByTestId("list-total")).toContainText(/\d+ cases?/);

  await page.getByRole("textbox", { name: "Priority" }).click();
  await page.getByRole("option", { name: "urgent" }).click();
  await expect(page).toHaveURL(/priority=urgent/);
  await page.getByRole("button", { name: "Save this view" }).click();
  await page.getByRole("textbox", { name: "Name of the view" }).fill(name);
  await page.getByRole("button", { name: "Save view", exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Saved view" })).toHaveValue(name);

  await page.goto("/vendor/cases");
  await expect(page).not.toHaveURL(/priority/);
  await page.getByRole("textbox", { name: "Saved view" }).click();
  await page.getByRole("option", { name }).click();
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.getByRole("columnheader", { name: /Case/ })).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("button", { name: `Delete view "${name}"` }).click();
  await expect(page.getByRole("button", { name: `Delete view "${name}"` })).toHaveCount(0);
});

test("an agent adds a canned reply to the shared library and inserts it, filled for the case, then edits it before sending", async ({ page }) => {
  const title = `Screenshot please ${Date.now()}`;
  await signInAs(page, "vendor", "/vendor/canned-replies");
  await page.getByRole("button", { name: "New canned reply" }).click();
  const form = page.getByRole("form", { name: "New canned reply" });
  await form.getByRole("textbox", { name: /^Reply/ }).fill("Dear {{contact.shoesize}}");
  await form.getByRole("button", { name: "Add to the library" }).click();
  await expect(form.getByText("Give the reply a title")).toBeVisible();
  await form.getByRole("textbox", { name: /^Title/ }).fill(title);
  await form.getByRole("button", { name: "Add to the library" }).click();
  await expect(form.getByText(/A placeholder is not one of/)).toBeVisible();
  await form.getByRole("textbox", { name: /^Reply/ }).fill("Hi {{contact.firstName}}, please send a screenshot of case #{{case.number}}. — {{agent.name}}");
  await form.getByRole("button", { name: "Add to the library" }).click();
  await expect(page.getByRole("region", { name: title })).toBeVisible();

  const subject = `Canned ${Date.now()}`;
  const opened = await openCaseForKim(page, subject, "urgent");
  await page.goto(`/vendor/cases/${opened.id}`);
  const replyForm = page.getByRole("form", { name: "Reply or note" });
  await replyForm.getByRole("textbox", { name: "Insert a canned reply" }).fill(title.slice(0, 12));
  await page.getByRole("option", { name: title }).click();
  const box = replyForm.getByRole("textbox", { name: "Reply to the district" });
  await expect(box).toHaveValue(new RegExp(`^Hi Kim, please send a screenshot of case #${opened.number}\\. — \\S+`));
  await box.press("End");
  await box.pressSequentially(" Thanks!");
  await replyForm.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText(/Hi Kim, please send a screenshot .* Thanks!/)).toBeVisible();

  await page.goto("/vendor/canned-replies");
  await page.getByRole("region", { name: title }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("region", { name: title })).toHaveCount(0);
});

test("a reply that is too long is refused with the sentence under the reply box", async ({ page }) => {
  await signInAs(page, "vendor", "/vendor/cases");
  const opened = await openCaseForKim(page, `Long reply ${Date.now()}`);
  await page.goto(`/vendor/cases/${opened.id}`);
  const replyForm = page.getByRole("form", { name: "Reply or note" });
  const box = replyForm.getByRole("textbox", { name: "Reply to the district" });
  await box.fill("x".repeat(20_001));
  await replyForm.getByRole("button", { name: "Send reply" }).click();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(replyForm.getByText(/message is at most 20,000 characters; this one has 20,001/)).toBeVisible();
  await expect(replyForm.getByRole("alert")).toHaveCount(0); // the page's own "Emergency case" alert is outside the form
});
