CREATE TABLE "regrade_preview" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"exercise_id" text NOT NULL,
	"exercise_version_id" text NOT NULL,
	"requested_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by_id" text
);
--> statement-breakpoint
CREATE TABLE "regrade_preview_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"preview_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"source_submission_id" uuid NOT NULL,
	"status" "submission_status" DEFAULT 'queued' NOT NULL,
	"score" numeric(8, 2),
	"max_score" numeric(8, 2),
	"report" jsonb,
	"error_message" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"applied_submission_id" uuid
);
--> statement-breakpoint
ALTER TABLE "regrade_preview" ADD CONSTRAINT "regrade_preview_cohort_id_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview" ADD CONSTRAINT "regrade_preview_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview" ADD CONSTRAINT "regrade_preview_exercise_version_id_exercise_version_id_fk" FOREIGN KEY ("exercise_version_id") REFERENCES "public"."exercise_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview" ADD CONSTRAINT "regrade_preview_requested_by_id_user_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview" ADD CONSTRAINT "regrade_preview_applied_by_id_user_id_fk" FOREIGN KEY ("applied_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview_item" ADD CONSTRAINT "regrade_preview_item_preview_id_regrade_preview_id_fk" FOREIGN KEY ("preview_id") REFERENCES "public"."regrade_preview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview_item" ADD CONSTRAINT "regrade_preview_item_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview_item" ADD CONSTRAINT "regrade_preview_item_source_submission_id_submission_id_fk" FOREIGN KEY ("source_submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_preview_item" ADD CONSTRAINT "regrade_preview_item_applied_submission_id_submission_id_fk" FOREIGN KEY ("applied_submission_id") REFERENCES "public"."submission"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regrade_preview_open_unique" ON "regrade_preview" USING btree ("cohort_id","exercise_id") WHERE "regrade_preview"."applied_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "regrade_preview_item_preview_id_user_id_index" ON "regrade_preview_item" USING btree ("preview_id","user_id");--> statement-breakpoint
CREATE INDEX "regrade_preview_item_status_index" ON "regrade_preview_item" USING btree ("status");--> statement-breakpoint
CREATE INDEX "regrade_preview_item_applied_submission_id_index" ON "regrade_preview_item" USING btree ("applied_submission_id");