-- Recomputes the learner_exercise_best rows of the (learner, exercise) pairs in the statement's
-- transition table "changed" from the submissions the gradebook counts, in the writer's own
-- transaction. Each learner's rows are recomputed under a transaction lock on the learner's bucket
-- (one of 256, taken in one order: a statement over thousands of learners holds at most 256
-- locks, within the shared lock table), and the recompute is the next statement, so its snapshot
-- sees what a concurrent grading of the same learner committed while this one waited.
CREATE OR REPLACE FUNCTION "refresh_learner_exercise_best"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('learner_exercise_best'), l.bucket)
	FROM (SELECT DISTINCT hashtext(user_id) & 255 AS bucket FROM changed ORDER BY 1) l;
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
