CREATE TABLE "learner_exercise_best" (
	"user_id" text NOT NULL,
	"exercise_id" text NOT NULL,
	"attempts" integer NOT NULL,
	"best_score" numeric(8, 2),
	"best_submission_id" uuid NOT NULL,
	"is_passed" boolean NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learner_exercise_best_user_id_exercise_id_pk" PRIMARY KEY("user_id","exercise_id")
);
--> statement-breakpoint
ALTER TABLE "learner_exercise_best" ADD CONSTRAINT "learner_exercise_best_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_exercise_best" ADD CONSTRAINT "learner_exercise_best_exercise_id_exercise_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learner_exercise_best" ADD CONSTRAINT "learner_exercise_best_best_submission_id_submission_id_fk" FOREIGN KEY ("best_submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recomputes the learner_exercise_best rows of the (learner, exercise) pairs in the statement's
-- transition table "changed" from the submissions the gradebook counts, in the writer's own
-- transaction. Each learner's rows are recomputed under a transaction lock on that learner (taken
-- in one order), and the recompute is the next statement, so its snapshot sees what a concurrent
-- grading of the same learner committed while this one waited.
CREATE FUNCTION "refresh_learner_exercise_best"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('learner_exercise_best'), hashtext(l.user_id))
	FROM (SELECT DISTINCT user_id FROM changed ORDER BY user_id) l;
	WITH pairs AS (
		SELECT DISTINCT user_id, exercise_id FROM changed
	), fresh AS (
		SELECT p.user_id, p.exercise_id, c.*
		FROM pairs p
		CROSS JOIN LATERAL (
			SELECT count(*)::int AS attempts, max(s.score) AS best_score,
				(array_agg(s.id ORDER BY s.score DESC NULLS LAST, s.created_at, s.id))[1] AS best_submission_id,
				coalesce(bool_or(s.status = 'passed'), false) AS is_passed, max(s.created_at) AS last_activity_at
			FROM submission s
			WHERE s.user_id = p.user_id AND s.exercise_id = p.exercise_id
				AND s.mode = 'submit' AND s.exam_attempt_id IS NULL AND s.status IN ('passed', 'failed', 'error', 'timeout')
		) c
	), emptied AS (
		DELETE FROM learner_exercise_best b USING fresh f
		WHERE b.user_id = f.user_id AND b.exercise_id = f.exercise_id AND f.attempts = 0
	)
	INSERT INTO learner_exercise_best (user_id, exercise_id, attempts, best_score, best_submission_id, is_passed, last_activity_at)
	SELECT user_id, exercise_id, attempts, best_score, best_submission_id, is_passed, last_activity_at FROM fresh WHERE attempts > 0
	ON CONFLICT (user_id, exercise_id) DO UPDATE SET attempts = excluded.attempts, best_score = excluded.best_score,
		best_submission_id = excluded.best_submission_id, is_passed = excluded.is_passed, last_activity_at = excluded.last_activity_at;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "submission_inserted_learner_exercise_best" AFTER INSERT ON "submission" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "refresh_learner_exercise_best"();
--> statement-breakpoint
CREATE TRIGGER "submission_updated_learner_exercise_best" AFTER UPDATE ON "submission" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "refresh_learner_exercise_best"();
--> statement-breakpoint
CREATE TRIGGER "submission_deleted_learner_exercise_best" AFTER DELETE ON "submission" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "refresh_learner_exercise_best"();
--> statement-breakpoint
-- Backfill: the existing submissions' cells, as the trigger computes them.
INSERT INTO "learner_exercise_best" (user_id, exercise_id, attempts, best_score, best_submission_id, is_passed, last_activity_at)
SELECT s.user_id, s.exercise_id, count(*)::int, max(s.score),
	(array_agg(s.id ORDER BY s.score DESC NULLS LAST, s.created_at, s.id))[1],
	bool_or(s.status = 'passed'), max(s.created_at)
FROM submission s
WHERE s.mode = 'submit' AND s.exam_attempt_id IS NULL AND s.status IN ('passed', 'failed', 'error', 'timeout')
GROUP BY s.user_id, s.exercise_id;
