CREATE TABLE "exam_draft" (
	"attempt_id" uuid NOT NULL,
	"exercise_id" text NOT NULL,
	"files" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exam_draft_attempt_id_exercise_id_pk" PRIMARY KEY("attempt_id","exercise_id")
);
--> statement-breakpoint
ALTER TABLE "exam_draft" ADD CONSTRAINT "exam_draft_attempt_id_exam_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_draft" ADD CONSTRAINT "exam_draft_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE cascade ON UPDATE no action;