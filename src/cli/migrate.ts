import type { Command } from "commander";
import { withDatabase } from "./context.js";
import { out } from "./io.js";

export function registerMigrate(program: Command) {
  program
    .command("migrate")
    .description("Apply database migrations to DATABASE_URL, or to the embedded database in GATEHOUSE_DATA_DIR")
    .action(async () => {
      await withDatabase(async (database) => {
        out(`Database is up to date (${database.kind}).\n`);
      });
    });
}
