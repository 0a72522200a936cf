ALTER TABLE "exam_attempt" ADD COLUMN "seed" text NOT NULL;--> statement-breakpoint
ALTER TABLE "exam_attempt" ADD COLUMN "choice_orders" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "exam_attempt" ADD COLUMN "flagged_question_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "exam_attempt" ADD COLUMN "part_a_score" numeric(8, 2);--> statement-breakpoint
ALTER TABLE "exam_attempt" ADD COLUMN "part_a_max_score" numeric(8, 2);--> statement-breakpoint
ALTER TABLE "exam_attempt" ADD COLUMN "part_a_chapters" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "exam_one_mock" ON "exam" USING btree ("kind") WHERE "exam"."kind" = 'mock';--> statement-breakpoint
CREATE UNIQUE INDEX "exam_attempt_one_active" ON "exam_attempt" USING btree ("exam_id","user_id") WHERE "exam_attempt"."status" = 'in-progress';--> statement-breakpoint
CREATE INDEX "exam_attempt_in_progress_deadline" ON "exam_attempt" USING btree ("deadline_at") WHERE "exam_attempt"."status" = 'in-progress';