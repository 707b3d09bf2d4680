CREATE TABLE "contact_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"inactivity_cycle" integer NOT NULL,
	"stage" text NOT NULL,
	"sent_on" date NOT NULL,
	"due_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"acted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_notices_contact_cycle_stage" UNIQUE("contact_id","inactivity_cycle","stage")
);
--> statement-breakpoint
ALTER TABLE "contact_notices" ADD CONSTRAINT "contact_notices_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_notices" ADD CONSTRAINT "contact_notices_contact_id_authorized_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."authorized_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_notices_district_sent_idx" ON "contact_notices" USING btree ("district_id","sent_on");