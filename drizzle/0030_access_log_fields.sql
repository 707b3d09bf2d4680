ALTER TABLE "sis_access_log" RENAME COLUMN "field" TO "fields";--> statement-breakpoint
ALTER TABLE "sis_access_log" RENAME COLUMN "tool" TO "tools";--> statement-breakpoint
-- Hand-written: drizzle-kit renames the columns but emits no type change for a renamed column.
-- Each existing row (one field of one read) becomes a row of one field: ids, times and what was
-- read stay as they were. ALTER … TYPE rewrites the table without firing the append-only
-- row triggers (it updates no row).
ALTER TABLE "sis_access_log" ALTER COLUMN "fields" SET DATA TYPE text[] USING ARRAY["fields"];--> statement-breakpoint
ALTER TABLE "sis_access_log" ALTER COLUMN "tools" SET DATA TYPE text[] USING ARRAY["tools"];
