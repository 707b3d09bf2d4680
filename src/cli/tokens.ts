import type { Command } from "commander";
import { findDistrictBySlug } from "../features/auth/repo.js";
import { createApiToken } from "../features/tokens/create-api-token.js";
import { listTokens } from "../features/tokens/repo.js";
import { revokeApiToken, revokeServiceAccountTokens } from "../features/tokens/revoke-api-token.js";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, ZScope } from "../features/tokens/schema.js";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "../platform/db/schema/api-tokens.js";
import type { Database } from "../platform/db/connect.js";
import { AppError } from "../platform/http/errors.js";
import { withDatabase } from "./context.js";
import { fail, out } from "./io.js";

const OPERATOR = null; // audited with no signed-in actor: the operator at the console

async function districtScope(database: Database, slug: string) {
  const district = await findDistrictBySlug(database.db, slug);
  if (!district) throw new AppError(404, "district-not-found", `There is no district "${slug}".`);
  return { districtId: district.id };
}

/** `--scope scim --scope api:read`, or `--scope scim,api:read`. */
function parseScopes(given: string[]): ApiTokenScope[] | string {
  const scopes = given.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  const wrong = scopes.filter((s) => !ZScope.safeParse(s).success);
  if (wrong.length > 0 || scopes.length === 0) return `--scope must be one or more of ${API_TOKEN_SCOPES.join(", ")}${wrong.length ? ` (not ${wrong.join(", ")})` : ""}`;
  return scopes as ApiTokenScope[];
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "never");

export function registerTokens(program: Command) {
  const cmd = program.command("tokens").description("API tokens for automation and SCIM, each acting as its service account");
  cmd
    .command("create")
    .description("Issue an API token to a service account (created when new); the token is printed alone on the last line, this once")
    .requiredOption("--district <slug>", "the district")
    .requiredOption("--name <name>", "the service account's username (give it groups and rights like a user's)")
    .requiredOption("--scope <scope...>", `${API_TOKEN_SCOPES.join(" | ")}; repeat or separate with commas`)
    .option("--expires-days <n>", `days until it expires (1-${MAX_TOKEN_DAYS})`, String(DEFAULT_TOKEN_DAYS))
    .action(async (o: { district: string; name: string; scope: string[]; expiresDays: string }) => {
      const scopes = parseScopes(o.scope);
      if (typeof scopes === "string") return fail(scopes);
      const days = Number(o.expiresDays);
      if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) return fail(`--expires-days must be a whole number from 1 to ${MAX_TOKEN_DAYS}`);
      await run(async (database) => {
        const scope = await districtScope(database, o.district);
        const { token, summary } = await createApiToken(database.db, scope, { serviceAccount: o.name, scopes, expiresInDays: days }, OPERATOR, new Date());
        out(`Created a token for service account ${summary.serviceAccount} (id ${summary.id}), scopes ${summary.scopes.join(", ")}, expires ${day(summary.expiresAt)} UTC.\n`);
        out("Copy it now: it is not shown again.\n");
        out(`${token}\n`);
      });
    });
  cmd
    .command("revoke")
    .description("Revoke a token by its id, or every live token of a service account by its name (audited)")
    .requiredOption("--district <slug>", "the district")
    .option("--name <name>", "the service account: revoke all its live tokens")
    .option("--id <tokenId>", "one token's id (shown by create and list)")
    .action(async (o: { district: string; name?: string; id?: string }) => {
      if (Boolean(o.name) === Boolean(o.id)) return fail("give --name <service account> or --id <token id> (one of them)");
      if (o.id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(o.id)) return fail(`--id must be a token id as shown by tokens create or tokens list, not "${o.id}"`);
      await run(async (database) => {
        const scope = await districtScope(database, o.district);
        const now = new Date();
        const revoked = o.id ? await revokeApiToken(database.db, scope, o.id, OPERATOR, now) : await revokeServiceAccountTokens(database.db, scope, o.name!, OPERATOR, now);
        out(revoked.length === 0 ? `${o.name} has no live tokens; nothing revoked.\n` : `Revoked ${revoked.length} ${revoked.length === 1 ? "token" : "tokens"}: ${revoked.map((t) => `${t.name} …${t.hint} (${t.id})`).join(", ")}.\n`);
      });
    });
  cmd
    .command("list")
    .description("The district's tokens: service account, scopes, created, last used, expiry, status")
    .requiredOption("--district <slug>", "the district")
    .action(async (o: { district: string }) => {
      await run(async (database) => {
        const rows = await listTokens(database.db, await districtScope(database, o.district), new Date());
        if (rows.length === 0) return void out("No API tokens.\n");
        for (const t of rows) out(`${t.id}  ${t.serviceAccount} …${t.hint}  ${t.scopes.join(",")}  created ${day(t.createdAt)}  last used ${day(t.lastUsedAt)}  expires ${day(t.expiresAt)}  ${t.status}\n`);
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
