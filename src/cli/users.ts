import type { Command } from "commander";
import { and, eq, isNull, sql } from "drizzle-orm";
import { findDistrictBySlug } from "../features/auth/repo.js";
import { createUser } from "../features/users/create-user.js";
import { unlockUser } from "../features/users/unlock-user.js";
import { PRODUCT_SECURITY_ROLES, users, type ProductSecurityRole } from "../platform/db/schema/users.js";
import type { Database } from "../platform/db/connect.js";
import { AppError } from "../platform/http/errors.js";
import { fail, withDatabase } from "./context.js";
import { cli, out } from "./io.js";

const OPERATOR = null; // CLI changes are audited with no signed-in actor: the operator at the console

async function districtIdFor(database: Database, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const district = await findDistrictBySlug(database.db, slug);
  if (!district) throw new AppError(404, "district-not-found", `There is no district "${slug}".`);
  return district.id;
}

export function registerUsers(program: Command) {
  const cmd = program.command("users").description("Manage user accounts");
  cmd
    .command("create")
    .description("Create a district user, or vendor support staff with --vendor")
    .requiredOption("--username <name>", "sign-in name, unique within the district")
    .option("--district <slug>", "district the user belongs to")
    .option("--vendor", "create vendor support staff (no district; MFA required at first sign-in)")
    .option("--name <displayName>", "display name (default: the username)")
    .option("--email <email>", "email address")
    .option("--password <password>", "initial password (or set GATEHOUSE_PASSWORD to keep it out of shell history)")
    .option("--role <role>", `product security role: ${PRODUCT_SECURITY_ROLES.join(" | ")}`, "none")
    .action(async (o: { username: string; district?: string; vendor?: boolean; name?: string; email?: string; password?: string; role: string }) => {
      if (!o.vendor && !o.district) return fail("give --district <slug>, or --vendor for vendor support staff");
      if (!PRODUCT_SECURITY_ROLES.includes(o.role as ProductSecurityRole)) return fail(`--role must be one of ${PRODUCT_SECURITY_ROLES.join(", ")}`);
      await run(async (database) => {
        const districtId = o.vendor ? null : await districtIdFor(database, o.district);
        const user = await createUser(
          database.db,
          { districtId, username: o.username, displayName: o.name ?? o.username, email: o.email, password: o.password ?? cli().env.GATEHOUSE_PASSWORD, productSecurityRole: o.role as ProductSecurityRole },
          OPERATOR,
        );
        out(`Created ${user.kind} user ${user.username} (${user.id}).\n`);
      });
    });
  cmd
    .command("unlock")
    .description("Unlock an account locked after failed sign-ins (audited)")
    .requiredOption("--username <name>", "the locked user")
    .option("--district <slug>", "the user's district (omit for vendor staff)")
    .action(async (o: { username: string; district?: string }) => {
      await run(async (database) => {
        const districtId = await districtIdFor(database, o.district);
        const [user] = await database.db
          .select({ id: users.id })
          .from(users)
          .where(and(districtId ? eq(users.districtId, districtId) : isNull(users.districtId), sql`lower(${users.username}) = lower(${o.username})`))
          .limit(1);
        if (!user) throw new AppError(404, "user-not-found", `There is no user "${o.username}"${o.district ? ` in ${o.district}` : " among vendor staff"}.`);
        await unlockUser(database.db, { districtId }, user.id, OPERATOR);
        out(`Unlocked ${o.username}.\n`);
      });
    });
}

async function run(work: (database: Database) => Promise<void>) {
  try {
    await withDatabase(work);
  } catch (error) {
    if (error instanceof AppError) return fail(error.message);
    throw error;
  }
}
