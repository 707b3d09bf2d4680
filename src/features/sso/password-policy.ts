import type { UserRow } from "../../platform/auth/session-store.js";
import type { Db } from "../../platform/db/connect.js";
import { readSettings } from "./repo.js";

/**
 * A district may turn password sign-in off for its staff once SSO is on. Student Information
 * System role holders always keep it: the local administrator is the break-glass account for
 * the day the identity provider is down or misconfigured.
 */
export async function passwordSignInRefused(db: Db, districtId: string, user: Pick<UserRow, "productSecurityRole">): Promise<boolean> {
  if (user.productSecurityRole === "student-information-system") return false;
  const settings = await readSettings(db, { districtId });
  return Boolean(settings?.passwordOnlyForAdministrators && (settings.oidcEnabled || settings.samlEnabled));
}
