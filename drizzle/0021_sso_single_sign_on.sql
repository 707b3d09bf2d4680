CREATE TABLE "sso_flows" (
	"id" text PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"nonce" text,
	"code_verifier" text,
	"browser_hash" text,
	"link_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_identity_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_links_subject" UNIQUE("district_id","provider","subject")
);
--> statement-breakpoint
CREATE TABLE "sso_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"oidc_enabled" boolean DEFAULT false NOT NULL,
	"oidc_label" text,
	"oidc_issuer" text,
	"oidc_client_id" text,
	"oidc_client_secret" text,
	"oidc_subject_claim" text DEFAULT 'sub' NOT NULL,
	"oidc_allowed_domain" text,
	"saml_enabled" boolean DEFAULT false NOT NULL,
	"saml_label" text,
	"saml_idp_metadata_xml" text,
	"saml_idp_metadata_url" text,
	"saml_idp_entity_id" text,
	"saml_idp_sso_url" text,
	"saml_idp_certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sp_private_key" text,
	"sp_certificate" text,
	"jit_enabled" boolean DEFAULT false NOT NULL,
	"jit_group_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"password_only_for_administrators" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_used_assertions" (
	"district_id" uuid NOT NULL,
	"assertion_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sso_used_assertions_district_id_assertion_id_pk" PRIMARY KEY("district_id","assertion_id")
);
--> statement-breakpoint
ALTER TABLE "sso_flows" ADD CONSTRAINT "sso_flows_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_flows" ADD CONSTRAINT "sso_flows_link_user_id_users_id_fk" FOREIGN KEY ("link_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_identity_links" ADD CONSTRAINT "sso_identity_links_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_identity_links" ADD CONSTRAINT "sso_identity_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_settings" ADD CONSTRAINT "sso_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_used_assertions" ADD CONSTRAINT "sso_used_assertions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_links_user_idx" ON "sso_identity_links" USING btree ("user_id");