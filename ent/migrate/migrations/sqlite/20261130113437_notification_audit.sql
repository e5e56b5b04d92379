-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_notifications" table
CREATE TABLE `new_notifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `tenant_id` integer NOT NULL, `proposal_id` integer NULL, `event_id` integer NULL, `audit_id` integer NULL, `kind` text NOT NULL, `title` text NOT NULL, `body` text NULL, `read_at` datetime NULL, `created_at` datetime NOT NULL);
-- Copy rows from old table "notifications" to new temporary table "new_notifications"
INSERT INTO `new_notifications` (`id`, `user_id`, `tenant_id`, `proposal_id`, `event_id`, `kind`, `title`, `body`, `read_at`, `created_at`) SELECT `id`, `user_id`, `tenant_id`, `proposal_id`, `event_id`, `kind`, `title`, `body`, `read_at`, `created_at` FROM `notifications`;
-- Drop "notifications" table after copying rows
DROP TABLE `notifications`;
-- Rename temporary table "new_notifications" to "notifications"
ALTER TABLE `new_notifications` RENAME TO `notifications`;
-- Create index "notification_user_id_event_id" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_event_id` ON `notifications` (`user_id`, `event_id`);
-- Create index "notification_user_id_audit_id" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_audit_id` ON `notifications` (`user_id`, `audit_id`);
-- Create index "notification_user_id_id" to table: "notifications"
CREATE INDEX `notification_user_id_id` ON `notifications` (`user_id`, `id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
