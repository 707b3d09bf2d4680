CREATE TABLE "outbox_templates" (
	"key" text PRIMARY KEY NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "text_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "html_body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "template_key" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "template_values" text[];--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_bodies_or_template" CHECK (("outbox"."text_body" is not null and "outbox"."html_body" is not null) or ("outbox"."template_key" is not null and "outbox"."template_values" is not null));