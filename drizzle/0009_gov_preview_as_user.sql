ALTER TABLE "sessions" ADD COLUMN "preview_user_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "preview_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_preview_user_id_users_id_fk" FOREIGN KEY ("preview_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;