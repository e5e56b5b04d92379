-- Modify "progress_reports" table
ALTER TABLE "progress_reports" ADD COLUMN "attachment_ids" jsonb NULL;
