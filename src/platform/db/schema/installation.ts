import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Settings of the whole installation, one row. Stored, not read from each process's environment,
 * so every process (servers, the CLI) writes the same links into the emails it sends.
 */
export const installation = pgTable(
  "installation",
  {
    id: boolean("id").primaryKey().default(true),
    publicUrl: text("public_url").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("installation_one_row", sql`${t.id}`)],
);
