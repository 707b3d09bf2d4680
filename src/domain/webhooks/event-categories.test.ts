import { describe, expect, it } from "vitest";
import { categoryOfAction } from "./event-categories.js";

describe("the webhook category of an audited change", () => {
  it.each([
    ["group.rights-replaced", "rights"],
    ["group.member-added", "rights"],
    ["user.calendar-rights-replaced", "rights"],
    ["user.memberships-replaced", "rights"],
    ["user.role-changed", "rights"],
    ["policy.applied", "rights"],
    ["contact.deactivated", "contacts"],
    ["contact.designated", "contacts"],
    ["case.opened", "cases"],
    ["case.emergency-opened", "cases"],
    ["update-request.approved", "cases"],
  ])("%s is a %s event", (action, category) => expect(categoryOfAction(action)).toBe(category));

  it.each(["auth.signed-in", "user.unlocked", "user.password-changed", "sis.demographics-changed", "preferences.updated", "case.internal-note-added"])(
    "%s is not sent to webhooks",
    (action) => expect(categoryOfAction(action)).toBeNull(),
  );
});
