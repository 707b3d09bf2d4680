import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { recordAudit } from "../../platform/audit.js";
import { findLoginUser } from "../auth/repo.js";
import { createUser } from "../users/create-user.js";
import { DEMO_DISTRICT, DEMO_LOGINS, DEMO_VENDOR_LOGIN } from "./demo-logins.js";
import { seedSupportDemo } from "./seed-support.js";

const ROLES = { admin: "student-information-system", groupadmin: "sis-group-assignment", teacher: "none", viewer: "none" } as const;
const DISPLAY_NAMES = { admin: "Alex Admin", groupadmin: "Gale Groups", teacher: "Terry Teacher", viewer: "Val Viewer" } as const;

/** Creates the demo district and its sign-ins; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean; districtId: string }> {
  // One transaction: a crash half-way leaves no half-made district that later runs would skip.
  return db.transaction((tx) => seedDemoIn(tx));
}

async function seedDemoIn(db: Db): Promise<{ created: boolean; districtId: string }> {
  const [existing] = await db.select().from(districts).where(eq(districts.slug, DEMO_DISTRICT.slug)).limit(1);
  if (existing) return { created: false, districtId: existing.id };
  const [district] = await db
    .insert(districts)
    .values({
      ...DEMO_DISTRICT,
      addOnProducts: 1,
      cloudChoice: true,
      helpContacts: [
        { name: "District Help Desk", role: "First stop for Campus questions", email: "helpdesk@demo-usd.example", phone: "555-0100" },
        { name: "Pat Rivera", role: "Building coach, Lincoln Elementary", email: "privera@demo-usd.example" },
      ],
    })
    .returning();
  await recordAudit(db, { districtId: district!.id, actor: null, action: "district.created", target: { type: "district", id: district!.id, name: district!.name } });
  for (const login of DEMO_LOGINS) {
    await createUser(
      db,
      {
        districtId: district!.id,
        username: login.username,
        displayName: DISPLAY_NAMES[login.username],
        email: `${login.username}@demo-usd.example`,
        password: login.password,
        productSecurityRole: ROLES[login.username],
      },
      null,
    );
  }
  if (!(await findLoginUser(db, null, DEMO_VENDOR_LOGIN.username))) {
    await createUser(db, { districtId: null, username: DEMO_VENDOR_LOGIN.username, displayName: "Vera Vendor", email: "vera@vendor.example", password: DEMO_VENDOR_LOGIN.password }, null);
  }
  await seedSupportDemo(db, district!.id);
  await (await import("./seed-rights.js")).seedDemoRights(db, district!.name);
  return { created: true, districtId: district!.id };
}
