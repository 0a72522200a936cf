CREATE TABLE "cohort_project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"exercise_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"min_team_size" integer NOT NULL,
	"max_team_size" integer NOT NULL,
	"allows_self_join" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"actor_id" text,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_code_save" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"author_id" text,
	"version" integer NOT NULL,
	"previous_content" text NOT NULL,
	"content" text NOT NULL,
	"lines_added" integer NOT NULL,
	"lines_removed" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_file" (
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_file_team_id_name_pk" PRIMARY KEY("team_id","name")
);
--> statement-breakpoint
CREATE TABLE "peer_rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"rater_id" text NOT NULL,
	"ratee_id" text NOT NULL,
	"contribution" smallint NOT NULL,
	"quality" smallint NOT NULL,
	"communication" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_rating_milestoneId_raterId_rateeId_unique" UNIQUE("milestone_id","rater_id","ratee_id")
);
--> statement-breakpoint
ALTER TABLE "team" DROP CONSTRAINT "team_cohort_id_cohort_id_fk";
--> statement-breakpoint
ALTER TABLE "milestone" DROP CONSTRAINT "milestone_project_id_team_project_id_fk";
--> statement-breakpoint
ALTER TABLE "task" DROP CONSTRAINT "task_project_id_team_project_id_fk";
--> statement-breakpoint
DROP INDEX "task_project_id_status_index";--> statement-breakpoint
ALTER TABLE "task" ALTER COLUMN "position" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "project_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "join_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "team_membership" ADD COLUMN "project_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "milestone" ADD COLUMN "key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "milestone" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "team_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "cohort_project" ADD CONSTRAINT "cohort_project_cohort_id_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_project" ADD CONSTRAINT "cohort_project_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_project" ADD CONSTRAINT "cohort_project_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comment" ADD CONSTRAINT "task_comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activity" ADD CONSTRAINT "team_activity_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_activity" ADD CONSTRAINT "team_activity_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_code_save" ADD CONSTRAINT "team_code_save_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_code_save" ADD CONSTRAINT "team_code_save_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_file" ADD CONSTRAINT "team_file_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_file" ADD CONSTRAINT "team_file_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_rating" ADD CONSTRAINT "peer_rating_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_rating" ADD CONSTRAINT "peer_rating_milestone_id_milestone_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_rating" ADD CONSTRAINT "peer_rating_rater_id_user_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_rating" ADD CONSTRAINT "peer_rating_ratee_id_user_id_fk" FOREIGN KEY ("ratee_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohort_project_cohort_id_index" ON "cohort_project" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "task_comment_task_id_created_at_index" ON "task_comment" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "team_activity_team_id_created_at_index" ON "team_activity" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "team_code_save_team_id_created_at_index" ON "team_code_save" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "team_code_save_team_id_file_name_version_index" ON "team_code_save" USING btree ("team_id","file_name","version");--> statement-breakpoint
CREATE INDEX "peer_rating_team_id_milestone_id_index" ON "peer_rating" USING btree ("team_id","milestone_id");--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_project_id_cohort_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cohort_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_membership" ADD CONSTRAINT "team_membership_project_id_cohort_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cohort_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_project_id_cohort_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."cohort_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_project_id_index" ON "team" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "task_team_id_status_position_index" ON "task" USING btree ("team_id","status","position");--> statement-breakpoint
ALTER TABLE "team" DROP COLUMN "cohort_id";--> statement-breakpoint
ALTER TABLE "team_project" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "team_project" DROP COLUMN "description";--> statement-breakpoint
ALTER TABLE "milestone" DROP COLUMN "due_on";--> statement-breakpoint
ALTER TABLE "milestone" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "task" DROP COLUMN "project_id";--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_joinCode_unique" UNIQUE("join_code");--> statement-breakpoint
ALTER TABLE "team_membership" ADD CONSTRAINT "team_membership_projectId_userId_unique" UNIQUE("project_id","user_id");--> statement-breakpoint
ALTER TABLE "team_project" ADD CONSTRAINT "team_project_teamId_unique" UNIQUE("team_id");--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_projectId_key_unique" UNIQUE("project_id","key");