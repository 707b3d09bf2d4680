import type { Command } from "commander";
import { findDistrictBySlug, findLoginUser } from "../features/auth/repo.js";
import { portalBaseUrl } from "../features/lifecycle/sweep-options.js";
import { issuePasswordLink } from "../features/users/password-links.js";
import { createUser } from "../features/users/create-user.js";
import { unlockUser } from "../features/users/unlock-user.js";
import type { Config } from "../platform/config.js";
import { PRODUCT_SECURITY_ROLES, type ProductSecurityRole } from "../platform/db/schema/users.js";
import type { Database } from "../platform/db/connect.js";
import { AppError } from "../platform/http/errors.js";
import { withDatabase } from "./context.js";
import { cli, fail, out } from "./io.js";
import { formatPasswordLinks } from "./password-link-output.js";

const OPERATOR = null; // CLI changes are audited with no signed-in actor: the operator at the console

async function districtIdFor(database: Database, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const district = await findDistrictBySlug(database.db, slug);
  if (!district) throw new AppError(404, "district-not-found", `There is no district "${slug}".`);
  return district.id;
}

async function findUser(database: Database, o: { username: string; district?: string }) {
  const districtId = await districtIdFor(database, o.district);
  const user = await findLoginUser(database.db, districtId, o.username);
  if (!user) throw new AppError(404, "user-not-found", `There is no user "${o.username}"${o.district ? ` in ${o.district}` : " among vendor staff"}.`);
  return user;
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
      await run(async (database, config) => {
        const districtId = o.vendor ? null : await districtIdFor(database, o.district);
        const user = await createUser(
          database.db,
          { districtId, username: o.username, displayName: o.name ?? o.username, email: o.email, password: o.password ?? cli().env.GATEHOUSE_PASSWORD, productSecurityRole: o.role as ProductSecurityRole },
          OPERATOR,
        );
        out(`Created ${user.kind} user ${user.username} (${user.id}).\n`);
        if (!user.passwordHash) out(formatPasswordLinks([await issuePasswordLink(database.db, portalBaseUrl(config), user, "new-account", OPERATOR, new Date())]));
      });
    });
  cmd
    .command("password-link")
    .description("Issue a one-time link (24 hours) for a user to set a new password; printed and emailed (audited)")
    .requiredOption("--username <name>", "the user")
    .option("--district <slug>", "the user's district (omit for vendor staff)")
    .action(async (o: { username: string; district?: string }) => {
      await run(async (database, config) => {
        const user = await findUser(database, o);
        out(formatPasswordLinks([await issuePasswordLink(database.db, portalBaseUrl(config), user, "reset", OPERATOR, new Date())]));
      });
    });
  cmd
    .command("unlock")
    .description("Unlock an account locked after failed sign-ins (audited)")
    .requiredOption("--username <name>", "the locked user")
    .option("--district <slug>", "the user's district (omit for vendor staff)")
    .action(async (o: { username: string; district?: string }) => {
      await run(async (database) => {
        const user = await findUser(database, o);
        await unlockUser(database.db, { districtId: user.districtId }, user.id, OPERATOR);
        out(`Unlocked ${o.username}.\n`);
      });
    });
}

async function run(work: (database: Database, config: Config) => Promise<void>) {
  try {
    await withDatabase(work);
  } catch (error) {
    if (error instanceof AppError) return fail(error.message);
    throw error;
  }
}
