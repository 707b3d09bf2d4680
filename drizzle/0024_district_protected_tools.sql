CREATE TABLE "district_protected_tools" (
	"district_id" uuid NOT NULL,
	"tool_path" text NOT NULL,
	"marked_by_id" uuid,
	"marked_by_name" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_protected_tools_district_id_tool_path_pk" PRIMARY KEY("district_id","tool_path")
);
--> statement-breakpoint
ALTER TABLE "district_protected_tools" ADD CONSTRAINT "district_protected_tools_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;