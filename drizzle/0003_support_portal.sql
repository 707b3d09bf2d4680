CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_side" text NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"internal" boolean DEFAULT false NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_watchers" (
	"case_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by_name" text NOT NULL,
	CONSTRAINT "case_watchers_case_id_contact_id_pk" PRIMARY KEY("case_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "district_add_on_products" (
	"district_id" uuid NOT NULL,
	"product" text NOT NULL,
	"licensed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_add_on_products_district_id_product_pk" PRIMARY KEY("district_id","product")
);
--> statement-breakpoint
CREATE TABLE "modify_contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"target_user_id" uuid NOT NULL,
	"target_contact_id" uuid,
	"new_type" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "modify_contact_requests_case" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"released_on" date NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "releases_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "support_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" text DEFAULT 'issue' NOT NULL,
	"contact_id" uuid NOT NULL,
	"opened_by_id" uuid NOT NULL,
	"opened_by_name" text NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"emergency_reason" text,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"product_area" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "update_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"district_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"kind" text NOT NULL,
	"release_id" uuid,
	"preferred_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"scheduled_for" timestamp with time zone,
	"vendor_note" text,
	"decided_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "update_requests_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "sis_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"excuse" text NOT NULL,
	"comments" text
);
--> statement-breakpoint
CREATE TABLE "sis_behavior_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"event_date" date NOT NULL,
	"event_type" text NOT NULL,
	"resolution" text,
	"details" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"school_name" text NOT NULL,
	"year_name" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "sis_calendars_district_name" UNIQUE("district_id","school_name","year_name","name")
);
--> statement-breakpoint
CREATE TABLE "sis_english_learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"identified_date" date,
	"exit_date" date,
	"proficiency_level" integer,
	"program_type" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_enrollment_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"changed_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"start_status" text,
	"end_status" text,
	"service_type" text DEFAULT 'P' NOT NULL,
	"ward_of_state" boolean DEFAULT false NOT NULL,
	"homeless" text,
	"migrant" boolean DEFAULT false NOT NULL,
	"service_hours" numeric(7, 2),
	"service_hours_percent" numeric(5, 2),
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_fram_eligibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"eligibility" text NOT NULL,
	"source" text NOT NULL,
	"start_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_grades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"course" text NOT NULL,
	"term" text NOT NULL,
	"score" numeric(5, 2) NOT NULL,
	"letter" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_health_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"instructions" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"local_id" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"race_ethnicity" text,
	"home_language" text,
	"ssn" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sis_people_district_local_id" UNIQUE("district_id","local_id")
);
--> statement-breakpoint
CREATE TABLE "sis_school_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "sis_school_years_district_name" UNIQUE("district_id","name")
);
--> statement-breakpoint
CREATE TABLE "sis_schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "sis_schools_district_name" UNIQUE("district_id","name")
);
--> statement-breakpoint
CREATE TABLE "sis_staff_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adhoc_filter_shares" (
	"district_id" uuid NOT NULL,
	"filter_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adhoc_filter_shares_filter_id_group_id_pk" PRIMARY KEY("filter_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "adhoc_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"person_id" uuid NOT NULL,
	"field" text NOT NULL,
	"tool" text NOT NULL,
	"route" text NOT NULL,
	"filter_id" uuid
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_watchers" ADD CONSTRAINT "case_watchers_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_watchers" ADD CONSTRAINT "case_watchers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_watchers" ADD CONSTRAINT "case_watchers_contact_id_authorized_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."authorized_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_add_on_products" ADD CONSTRAINT "district_add_on_products_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modify_contact_requests" ADD CONSTRAINT "modify_contact_requests_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modify_contact_requests" ADD CONSTRAINT "modify_contact_requests_case_id_support_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modify_contact_requests" ADD CONSTRAINT "modify_contact_requests_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modify_contact_requests" ADD CONSTRAINT "modify_contact_requests_target_contact_id_authorized_contacts_id_fk" FOREIGN KEY ("target_contact_id") REFERENCES "public"."authorized_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_contact_id_authorized_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."authorized_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_requests" ADD CONSTRAINT "update_requests_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_requests" ADD CONSTRAINT "update_requests_contact_id_authorized_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."authorized_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_requests" ADD CONSTRAINT "update_requests_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_attendance" ADD CONSTRAINT "sis_attendance_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_attendance" ADD CONSTRAINT "sis_attendance_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_attendance" ADD CONSTRAINT "sis_attendance_calendar_id_sis_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sis_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_behavior_events" ADD CONSTRAINT "sis_behavior_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_behavior_events" ADD CONSTRAINT "sis_behavior_events_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_behavior_events" ADD CONSTRAINT "sis_behavior_events_calendar_id_sis_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sis_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_calendars" ADD CONSTRAINT "sis_calendars_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_calendars" ADD CONSTRAINT "sis_calendars_school_id_sis_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."sis_schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_calendars" ADD CONSTRAINT "sis_calendars_year_id_sis_school_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."sis_school_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_english_learners" ADD CONSTRAINT "sis_english_learners_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_english_learners" ADD CONSTRAINT "sis_english_learners_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_enrollment_history" ADD CONSTRAINT "sis_enrollment_history_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_enrollment_history" ADD CONSTRAINT "sis_enrollment_history_enrollment_id_sis_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."sis_enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_enrollments" ADD CONSTRAINT "sis_enrollments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_enrollments" ADD CONSTRAINT "sis_enrollments_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_enrollments" ADD CONSTRAINT "sis_enrollments_calendar_id_sis_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sis_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_fram_eligibility" ADD CONSTRAINT "sis_fram_eligibility_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_fram_eligibility" ADD CONSTRAINT "sis_fram_eligibility_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_fram_eligibility" ADD CONSTRAINT "sis_fram_eligibility_year_id_sis_school_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."sis_school_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_grades" ADD CONSTRAINT "sis_grades_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_grades" ADD CONSTRAINT "sis_grades_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_grades" ADD CONSTRAINT "sis_grades_calendar_id_sis_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sis_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_health_conditions" ADD CONSTRAINT "sis_health_conditions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_health_conditions" ADD CONSTRAINT "sis_health_conditions_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_people" ADD CONSTRAINT "sis_people_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_school_years" ADD CONSTRAINT "sis_school_years_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_schools" ADD CONSTRAINT "sis_schools_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_staff_assignments" ADD CONSTRAINT "sis_staff_assignments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_staff_assignments" ADD CONSTRAINT "sis_staff_assignments_person_id_sis_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."sis_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_staff_assignments" ADD CONSTRAINT "sis_staff_assignments_calendar_id_sis_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sis_calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adhoc_filter_shares" ADD CONSTRAINT "adhoc_filter_shares_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adhoc_filter_shares" ADD CONSTRAINT "adhoc_filter_shares_filter_id_adhoc_filters_id_fk" FOREIGN KEY ("filter_id") REFERENCES "public"."adhoc_filters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adhoc_filters" ADD CONSTRAINT "adhoc_filters_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adhoc_filters" ADD CONSTRAINT "adhoc_filters_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sis_access_log" ADD CONSTRAINT "sis_access_log_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "modify_contact_requests_district_idx" ON "modify_contact_requests" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "support_cases_district_status_idx" ON "support_cases" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "support_cases_status_updated_idx" ON "support_cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "update_requests_district_idx" ON "update_requests" USING btree ("district_id","created_at");--> statement-breakpoint
CREATE INDEX "update_requests_status_idx" ON "update_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sis_attendance_person_idx" ON "sis_attendance" USING btree ("person_id","calendar_id");--> statement-breakpoint
CREATE INDEX "sis_behavior_events_person_idx" ON "sis_behavior_events" USING btree ("person_id","calendar_id");--> statement-breakpoint
CREATE INDEX "sis_english_learners_person_idx" ON "sis_english_learners" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sis_enrollment_history_enrollment_idx" ON "sis_enrollment_history" USING btree ("enrollment_id","changed_at");--> statement-breakpoint
CREATE INDEX "sis_enrollments_person_idx" ON "sis_enrollments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sis_enrollments_calendar_idx" ON "sis_enrollments" USING btree ("calendar_id");--> statement-breakpoint
CREATE INDEX "sis_enrollments_district_idx" ON "sis_enrollments" USING btree ("district_id","id");--> statement-breakpoint
CREATE INDEX "sis_fram_eligibility_person_idx" ON "sis_fram_eligibility" USING btree ("person_id","year_id");--> statement-breakpoint
CREATE INDEX "sis_grades_person_idx" ON "sis_grades" USING btree ("person_id","calendar_id");--> statement-breakpoint
CREATE INDEX "sis_health_conditions_person_idx" ON "sis_health_conditions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sis_people_name_idx" ON "sis_people" USING btree ("district_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "sis_staff_assignments_person_idx" ON "sis_staff_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sis_staff_assignments_calendar_idx" ON "sis_staff_assignments" USING btree ("calendar_id");--> statement-breakpoint
CREATE INDEX "adhoc_filter_shares_group_idx" ON "adhoc_filter_shares" USING btree ("district_id","group_id");--> statement-breakpoint
CREATE INDEX "adhoc_filters_district_owner_idx" ON "adhoc_filters" USING btree ("district_id","owner_id");--> statement-breakpoint
CREATE INDEX "sis_access_log_district_at_idx" ON "sis_access_log" USING btree ("district_id","at");--> statement-breakpoint
CREATE INDEX "sis_access_log_person_idx" ON "sis_access_log" USING btree ("district_id","person_id","at");--> statement-breakpoint
CREATE INDEX "sis_access_log_actor_idx" ON "sis_access_log" USING btree ("district_id","actor_id","at");