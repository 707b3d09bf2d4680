CREATE TABLE "staff_school_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"school_name" text NOT NULL,
	"school_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_school_assignments_key" UNIQUE("district_id","user_id","source","school_name","title")
);
--> statement-breakpoint
ALTER TABLE "staff_school_assignments" ADD CONSTRAINT "staff_school_assignments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_school_assignments" ADD CONSTRAINT "staff_school_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_school_assignments" ADD CONSTRAINT "staff_school_assignments_school_id_sis_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."sis_schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_school_assignments_user_idx" ON "staff_school_assignments" USING btree ("user_id");--> statement-breakpoint
-- What SCIM and OneRoster had assigned before: SCIM's department and title, OneRoster's staff assignments by school.
INSERT INTO "staff_school_assignments" ("district_id", "user_id", "source", "school_name", "title")
SELECT "district_id", "user_id", 'scim', "department", coalesce("title", '') FROM "scim_users" WHERE "department" IS NOT NULL AND "deleted_at" IS NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "staff_school_assignments" ("district_id", "user_id", "source", "school_name", "school_id", "title")
SELECT DISTINCT a."district_id", l."user_id", 'oneroster', c."school_name", c."school_id", a."title"
FROM "sis_staff_assignments" a
JOIN "sis_calendars" c ON c."id" = a."calendar_id"
JOIN "oneroster_links" l ON l."district_id" = a."district_id" AND l."kind" = 'user' AND l."target_id" = a."person_id" AND l."user_id" IS NOT NULL AND l."ended_at" IS NULL
ON CONFLICT DO NOTHING;
