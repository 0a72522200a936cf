CREATE INDEX "submission_user_id_created_at_index" ON "submission" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "lesson_progress_user_id_read_at_index" ON "lesson_progress" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "quiz_attempt_user_id_created_at_index" ON "quiz_attempt" USING btree ("user_id","created_at");