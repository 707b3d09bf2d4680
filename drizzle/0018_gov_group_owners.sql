ALTER TABLE "user_groups" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "review_campaigns" ADD COLUMN "reviewer_mode" text DEFAULT 'named' NOT NULL;--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "reviewer_id" uuid;--> statement-breakpoint
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;