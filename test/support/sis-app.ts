import type { RightsProvider } from "../../src/platform/deps.js";
import { buildDistrict, buildUser } from "./factories.js";
import { buildSisDistrict } from "./sis-fixtures.js";
import { createTestApp, signIn } from "./test-app.js";

/** A test app with the SIS fixture district and one signed-in staff user, whose rights the test sets. */
export async function startSisApp(rights: RightsProvider) {
  const t = await createTestApp({ rights });
  const district = await buildDistrict(t.database.db);
  const fx = await buildSisDistrict(t.database.db, district.id);
  const u = await buildUser(t.database.db, { districtId: district.id });
  const user = await signIn(t.app, { district: district.slug, username: u.username });
  return { t, fx, user, userId: u.id };
}
