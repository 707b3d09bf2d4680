import type { Command } from "commander";
import { loadConfig } from "../platform/config.js";
import { grantAppRole } from "../platform/db/app-role.js";
import { connectDatabase } from "../platform/db/connect.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { fail } from "./io.js";

export function registerDb(program: Command) {
  const db = program.command("db").description("PostgreSQL roles: the owner migrates, a least-privilege role serves");
  db.command("grant-app-role")
    .description(
      "As the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL): migrate, then give ROLE what serving needs — " +
        "INSERT and SELECT only on audit_log, sis_access_log and case_events; also for tables created later",
    )
    .requiredOption("--role <name>", "the existing PostgreSQL role Gatehouse serves as (e.g. gatehouse_app)")
    .action(async (options: { role: string }) => {
      const config = loadConfig();
      const url = config.migrationDatabaseUrl ?? config.databaseUrl;
      if (!url) return fail("set MIGRATION_DATABASE_URL (or DATABASE_URL) to the PostgreSQL URL of the tables' owner", 2);
      const database = await connectDatabase({ databaseUrl: url });
      try {
        await migrateDatabase(database);
        await grantAppRole(database, options.role);
        process.stdout.write(`${options.role} may now serve Gatehouse: INSERT and SELECT only on the append-only tables.\n`);
      } catch (error) {
        fail((error as Error).message);
      } finally {
        await database.close();
      }
    });
}
