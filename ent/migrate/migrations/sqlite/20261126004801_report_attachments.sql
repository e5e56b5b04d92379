-- Add column "attachment_ids" to table: "progress_reports"
ALTER TABLE `progress_reports` ADD COLUMN `attachment_ids` json NULL;
