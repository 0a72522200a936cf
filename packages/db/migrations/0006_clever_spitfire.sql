CREATE TABLE "submission_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submission_comment" ADD CONSTRAINT "submission_comment_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_comment" ADD CONSTRAINT "submission_comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_comment_submission_id_created_at_index" ON "submission_comment" USING btree ("submission_id","created_at");--> statement-breakpoint
CREATE INDEX "submission_graded_covering" ON "submission" USING btree ("user_id","exercise_id","created_at","status","score","id") WHERE "submission"."mode" = 'submit' and "submission"."exam_attempt_id" is null and "submission"."status" in ('passed', 'failed', 'error', 'timeout');