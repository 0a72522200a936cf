CREATE TYPE "public"."cohort_role" AS ENUM('learner', 'instructor');--> statement-breakpoint
-- Existing cohorts get their own random code (a volatile default is evaluated per row; gen_random_uuid draws from a strong source), then the default goes: the app writes codes.
ALTER TABLE "cohort" ADD COLUMN "invite_code" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "cohort" ALTER COLUMN "invite_code" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "cohort" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cohort_membership" ADD COLUMN "role" "cohort_role" DEFAULT 'learner' NOT NULL;--> statement-breakpoint
-- Who teaches a cohort is now a membership: each existing cohort's instructor becomes one.
INSERT INTO "cohort_membership" ("cohort_id", "user_id", "role") SELECT "id", "instructor_id", 'instructor' FROM "cohort" ON CONFLICT ("cohort_id", "user_id") DO UPDATE SET "role" = 'instructor';--> statement-breakpoint
ALTER TABLE "cohort" ADD CONSTRAINT "cohort_inviteCode_unique" UNIQUE("invite_code");
