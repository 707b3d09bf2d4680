CREATE TABLE "group_rights_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"saved_by_id" uuid,
	"saved_by_name" text,
	"reason" text NOT NULL,
	"entries" jsonb NOT NULL,
	"calendar_grants" jsonb NOT NULL,
	CONSTRAINT "group_rights_versions_group_number" UNIQUE("group_id","number")
);
--> statement-breakpoint
ALTER TABLE "group_rights_versions" ADD CONSTRAINT "group_rights_versions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_rights_versions" ADD CONSTRAINT "group_rights_versions_group_id_user_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."user_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_rights_versions_district_idx" ON "group_rights_versions" USING btree ("district_id");