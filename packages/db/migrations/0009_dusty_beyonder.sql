CREATE TABLE "exercise_milestone" (
	"exercise_id" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"due_offset_days" integer,
	"points" numeric(8, 2) NOT NULL,
	"hidden_test_count" integer NOT NULL,
	"suite_hash" text NOT NULL,
	"exercise_version_id" text NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_milestone_exercise_id_key_pk" PRIMARY KEY("exercise_id","key")
);
--> statement-breakpoint
ALTER TABLE "submission" ADD COLUMN "team_project_id" uuid;--> statement-breakpoint
ALTER TABLE "submission" ADD COLUMN "milestone_key" text;--> statement-breakpoint
ALTER TABLE "exercise_milestone" ADD CONSTRAINT "exercise_milestone_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_milestone" ADD CONSTRAINT "exercise_milestone_exercise_version_id_exercise_version_id_fk" FOREIGN KEY ("exercise_version_id") REFERENCES "public"."exercise_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_milestone_exercise_id_position_index" ON "exercise_milestone" USING btree ("exercise_id","position");--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_team_project_id_team_project_id_fk" FOREIGN KEY ("team_project_id") REFERENCES "public"."team_project"("id") ON DELETE cascade ON UPDATE no action;