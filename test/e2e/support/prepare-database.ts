/**
 * Runs before the e2e server starts (see playwright.config.ts): migrates the fresh database,
 * seeds the demo district and creates the accounts in accounts.ts. Exits non-zero on any failure
 * so the run stops with the reason instead of failing every test.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "../../../src/cli/context.js";
import { seedDemo } from "../../../src/features/demo/seed-demo.js";
import { createUser } from "../../../src/features/users/create-user.js";
import { findLoginUser } from "../../../src/features/auth/repo.js";
import { loadConfig } from "../../../src/platform/config.js";
import { users } from "../../../src/platform/db/schema/users.js";
import { ACCOUNTS } from "./accounts.js";
import { seedLifecycleFixtures } from "./lifecycle-fixtures.js";

const config = loadConfig();
const database = await openDatabase(config);
try {
  const { districtId } = await seedDemo(database.db);
  await seedLifecycleFixtures(database, config);
  for (const account of Object.values(ACCOUNTS)) {
    const inDistrict = account.district ? districtId : null;
    if (await findLoginUser(database.db, inDistrict, account.username)) continue; // the seed made it
    const user = await createUser(
      database.db,
      {
        districtId: inDistrict,
        username: account.username,
        displayName: account.displayName,
        email: `${account.username}@e2e.example`,
        password: account.password,
        productSecurityRole: "role" in account ? account.role : "none",
      },
      null,
    );
    if ("mfaSecret" in account && account.mfaSecret) {
      await database.db.update(users).set({ mfaSecret: account.mfaSecret, mfaEnabledAt: new Date() }).where(eq(users.id, user.id));
    }
  }
} finally {
  await database.close();
}
