ALTER TABLE "submission" ALTER COLUMN "score" SET DATA TYPE numeric(8, 2);--> statement-breakpoint
ALTER TABLE "submission" ALTER COLUMN "max_score" SET DATA TYPE numeric(8, 2);--> statement-breakpoint
ALTER TABLE "exam_attempt" ALTER COLUMN "score" SET DATA TYPE numeric(8, 2);--> statement-breakpoint
ALTER TABLE "exam_attempt" ALTER COLUMN "max_score" SET DATA TYPE numeric(8, 2);