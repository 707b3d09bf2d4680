CREATE TABLE "oneroster_links" (
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sourced_id" text NOT NULL,
	"digest" text NOT NULL,
	"target_id" uuid,
	"user_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oneroster_links_key" UNIQUE("district_id","kind","sourced_id")
);
--> statement-breakpoint
CREATE TABLE "staff_automation_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "staff_automation_mappings_key" UNIQUE("district_id","kind","key","group_id")
);
--> statement-breakpoint
CREATE TABLE "staff_automation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"source" text NOT NULL,
	"actor_name" text,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oneroster_links" ADD CONSTRAINT "oneroster_links_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_automation_mappings" ADD CONSTRAINT "staff_automation_mappings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_automation_mappings" ADD CONSTRAINT "staff_automation_mappings_group_id_user_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."user_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_automation_runs" ADD CONSTRAINT "staff_automation_runs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_automation_runs_district_idx" ON "staff_automation_runs" USING btree ("district_id","ran_at");