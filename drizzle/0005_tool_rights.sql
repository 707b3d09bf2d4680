CREATE TABLE "calendar_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid,
	"user_id" uuid,
	"school" text NOT NULL,
	"year" text NOT NULL,
	"calendar" text NOT NULL,
	"modify" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	CONSTRAINT "calendar_grants_grantee_calendar" UNIQUE NULLS NOT DISTINCT("group_id","user_id","school","year","calendar"),
	CONSTRAINT "calendar_grants_one_grantee" CHECK (("calendar_grants"."group_id" is null) <> ("calendar_grants"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "district_rights_state" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"rights_version" bigint DEFAULT 0 NOT NULL,
	"master_scheduling_ends" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "right_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid,
	"user_id" uuid,
	"tool_path" text NOT NULL,
	"rights" text NOT NULL,
	"deny" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	CONSTRAINT "right_entries_grantee_tool_window" UNIQUE NULLS NOT DISTINCT("group_id","user_id","tool_path","valid_from","valid_until"),
	CONSTRAINT "right_entries_one_grantee" CHECK (("right_entries"."group_id" is null) <> ("right_entries"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "rights_changes" (
	"district_id" uuid NOT NULL,
	"rights_version" bigint NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_changes_district_id_rights_version_kind_target_id_pk" PRIMARY KEY("district_id","rights_version","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "tool_catalog" (
	"path" text PRIMARY KEY NOT NULL,
	"parent_path" text,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"calendar_scoped" boolean NOT NULL,
	"federally_protected" boolean NOT NULL,
	"all_or_nothing" boolean NOT NULL,
	"dangerous" jsonb,
	"catalog_version" integer NOT NULL,
	"retired_in" integer
);
--> statement-breakpoint
CREATE TABLE "user_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_group_members_group_user" UNIQUE("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "user_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"member_limit" integer,
	"template" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_grants" ADD CONSTRAINT "calendar_grants_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_grants" ADD CONSTRAINT "calendar_grants_group_id_user_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."user_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_grants" ADD CONSTRAINT "calendar_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_rights_state" ADD CONSTRAINT "district_rights_state_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "right_entries" ADD CONSTRAINT "right_entries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "right_entries" ADD CONSTRAINT "right_entries_group_id_user_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."user_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "right_entries" ADD CONSTRAINT "right_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_changes" ADD CONSTRAINT "rights_changes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_group_members" ADD CONSTRAINT "user_group_members_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_group_members" ADD CONSTRAINT "user_group_members_group_id_user_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."user_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_group_members" ADD CONSTRAINT "user_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_grants_district_idx" ON "calendar_grants" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "right_entries_district_idx" ON "right_entries" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "right_entries_user_idx" ON "right_entries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_group_members_district_idx" ON "user_group_members" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "user_group_members_user_idx" ON "user_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_groups_district_name_idx" ON "user_groups" USING btree ("district_id",lower("name"));--> statement-breakpoint
CREATE INDEX "user_groups_district_idx" ON "user_groups" USING btree ("district_id");