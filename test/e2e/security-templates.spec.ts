import { expect, test } from "@playwright/test";
import { callApi } from "./support/api.js";
import { saveScreenshot } from "./support/screenshots.js";
import { signInAs } from "./support/sign-in.js";
import { findUser, tag, warmCatalog, type Group } from "./security-e2e-helpers.js";

// Both tests work in the district "e2e-templates", which only this spec uses: it starts with no
// groups and no end of the master scheduling period.
type Template = { name: string; memberLimit: number | null; entries: { masterSchedulingPeriod: boolean }[] };
type GroupSummary = { id: string; name: string; memberLimit: number | null; entryCount: number; template: string | null };
type Member = { userId: string; from: string | null; until: string | null };

warmCatalog();

test("an administrator creates the seed's example groups in one step, skipping the one that exists, and is warned about the ** rows", async ({ page }) => {
  await signInAs(page, "securityTemplatesAdmin", "/security/groups");
  const templates = await callApi<Template[]>(page, "GET", "/api/templates");
  expect(templates).toHaveLength(21);
  const counselors = templates.find((t) => t.name === "Counselors")!;
  await callApi(page, "POST", "/api/groups", { name: "Counselors", template: "Counselors", memberLimit: counselors.memberLimit });
  await page.reload();

  await page.getByRole("button", { name: "Create the seed's example groups" }).click();
  const dialog = page.getByRole("dialog", { name: "Create the seed's example groups" });
  await expect(dialog.getByText("21 of 21 chosen")).toBeVisible();
  await expect(dialog.getByText("1 already exists")).toBeVisible();
  await expect(dialog.getByText('The district already has a group named "Counselors".')).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "Skip it and create the others" })).toBeChecked();
  await expect(dialog.getByText(/"Schedulers".*no end of the master scheduling period is set/)).toBeVisible();
  await expect(dialog.getByRole("link", { name: "Account Security Preferences" })).toHaveAttribute("href", "/security/preferences");
  await saveScreenshot(page, "security-templates-dialog");

  await dialog.getByRole("button", { name: "Create 20 groups" }).click();
  await expect(dialog.getByText("20 groups created")).toBeVisible();
  await expect(dialog.getByText("Skipped, already a group: Counselors.")).toBeVisible();
  const warning = dialog.getByRole("alert").filter({ hasText: "Check before adding people" });
  await expect(warning).toContainText('"Schedulers": no end of the master scheduling period is set, so its ** rows grant nothing.');
  await expect(warning.getByRole("link", { name: "Open Account Security Preferences" })).toHaveAttribute("href", "/security/preferences");
  await saveScreenshot(page, "security-templates-result");
  await dialog.getByRole("button", { name: "Done" }).click();

  // The list was refreshed: every example group is there, each with the seed's member limit.
  await expect(page.getByTestId("group-row")).toHaveCount(21);
  const groups = (await callApi<{ items: GroupSummary[] }>(page, "GET", "/api/groups")).items;
  const limited = templates.filter((t) => t.memberLimit !== null);
  expect(limited.length).toBeGreaterThan(0);
  for (const t of templates) {
    const g = groups.find((x) => x.name === t.name);
    expect(g, `group ${t.name}`).toBeDefined();
    expect(g!.template, t.name).toBe(t.name);
    expect(g!.memberLimit, `member limit of ${t.name}`).toBe(t.memberLimit);
  }
  const first = limited[0]!;
  await expect(page.getByTestId("group-row").filter({ has: page.getByRole("link", { name: first.name, exact: true }) })).toContainText(`limit ${first.memberLimit}`);

  // Asking again: all 21 exist, so there is nothing to create.
  await page.getByRole("button", { name: "Create the seed's example groups" }).click();
  await expect(dialog.getByText("21 already exist")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Nothing to create" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("changing a member's end date after someone else changed it saves nothing and says what changed", async ({ page }) => {
  await signInAs(page, "securityTemplatesAdmin");
  const member = await findUser(page, "securityTemplatesMember");
  const group = await callApi<Group>(page, "POST", "/api/groups", { name: `Dated ${tag()}` });
  const membersUrl = `/api/groups/${group.id}/members`;
  await callApi(page, "POST", membersUrl, { userId: member.id, until: "2026-12-31" });

  await page.goto(`/security/groups/${group.id}?tab=members`);
  const row = page.getByTestId("member-row").filter({ hasText: "Mel Member" });
  await expect(row).toContainText("until Dec 31, 2026");
  await row.getByRole("button", { name: "Change end date" }).click();
  const dialog = page.getByRole("dialog", { name: /Mel Member in Dated/ });
  await expect(dialog.getByLabel("Until")).toHaveValue("2026-12-31");

  // Someone else moves the end date while the dialog is open.
  await callApi(page, "POST", membersUrl, { userId: member.id, until: "2027-06-30" });
  await dialog.getByLabel("Until").fill("2027-10-01");
  await dialog.getByRole("button", { name: "Save" }).click();
  const conflict = dialog.getByRole("alert").filter({ hasText: "Changed by someone else: nothing was saved" });
  await expect(conflict).toContainText("When you opened it, the membership ran until Dec 31, 2026; someone has since changed it to run until Jun 30, 2027.");
  await saveScreenshot(page, "security-membership-conflict");
  const kept = (await callApi<{ items: Member[] }>(page, "GET", membersUrl)).items.find((m) => m.userId === member.id);
  expect(kept?.until?.slice(0, 10)).toBe("2027-06-30");

  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(dialog.getByText("Member until Jun 30, 2027.")).toBeVisible();
  await expect(dialog.getByLabel("Until")).toHaveValue("2027-06-30");
  await expect(row).toContainText("until Jun 30, 2027");
  await dialog.getByLabel("Until").fill("2027-10-01");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("until Oct 1, 2027");
});
