import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/connect.js";
import { authorizedContacts } from "../../platform/db/schema/contacts.js";
import { supportCases } from "../../platform/db/schema/support.js";
import { createTestDatabase } from "../../../test/support/test-db.js";
import { seedDemo } from "./seed-demo.js";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.close());

describe("demo support data", () => {
  it("gives the demo district its contacts and cases, once", async () => {
    const { districtId } = await seedDemo(database.db);
    const contacts = await database.db.select().from(authorizedContacts).where(eq(authorizedContacts.districtId, districtId));
    expect(contacts.map((c) => `${c.type}:${c.status}`).sort()).toEqual(["support:active", "support:active", "support:deactivated", "technical:active"]);
    expect(await database.db.select().from(supportCases).where(eq(supportCases.districtId, districtId))).toHaveLength(2);
    expect((await seedDemo(database.db)).created).toBe(false);
    expect(await database.db.select().from(authorizedContacts).where(eq(authorizedContacts.districtId, districtId))).toHaveLength(4);
  });
});
