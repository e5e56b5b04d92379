-- Modify "progress_reports" table
ALTER TABLE "progress_reports" ADD COLUMN "delivered" bigint NULL;
-- Modify "proposals" table
ALTER TABLE "proposals" ADD COLUMN "address" character varying NULL, ADD COLUMN "decision_vote_ids" jsonb NULL, ADD COLUMN "decision_minutes_ids" jsonb NULL, ADD COLUMN "escalations" jsonb NULL;
-- Modify "tasks" table
ALTER TABLE "tasks" ADD COLUMN "quantity" bigint NULL, ADD COLUMN "quantity_unit" character varying NULL, ADD COLUMN "delivered" bigint NOT NULL DEFAULT 0;
-- Modify "vote_options" table
ALTER TABLE "vote_options" ADD COLUMN "question" bigint NOT NULL DEFAULT 0;
-- Modify "votes" table
ALTER TABLE "votes" ADD COLUMN "questions" jsonb NULL;
