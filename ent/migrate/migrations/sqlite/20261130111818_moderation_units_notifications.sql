-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Add column "archived_at" to table: "units"
ALTER TABLE `units` ADD COLUMN `archived_at` datetime NULL;
-- Create "new_users" table
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `phone` text NOT NULL, `name` text NOT NULL, `password_hash` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `notify_muted` json NULL, `notify_digest` bool NOT NULL DEFAULT (false));
-- Copy rows from old table "users" to new temporary table "new_users"
INSERT INTO `new_users` (`id`, `created_at`, `updated_at`, `phone`, `name`, `password_hash`, `status`) SELECT `id`, `created_at`, `updated_at`, `phone`, `name`, `password_hash`, `status` FROM `users`;
-- Drop "users" table after copying rows
DROP TABLE `users`;
-- Rename temporary table "new_users" to "users"
ALTER TABLE `new_users` RENAME TO `users`;
-- Create index "users_phone_key" to table: "users"
CREATE UNIQUE INDEX `users_phone_key` ON `users` (`phone`);
-- Add column "screening_flags" to table: "comments"
ALTER TABLE `comments` ADD COLUMN `screening_flags` json NULL;
-- Add column "hidden_at" to table: "comments"
ALTER TABLE `comments` ADD COLUMN `hidden_at` datetime NULL;
-- Add column "hidden_by" to table: "comments"
ALTER TABLE `comments` ADD COLUMN `hidden_by` integer NULL;
-- Add column "hidden_reason" to table: "comments"
ALTER TABLE `comments` ADD COLUMN `hidden_reason` text NULL;
-- Add column "deleted_at" to table: "comments"
ALTER TABLE `comments` ADD COLUMN `deleted_at` datetime NULL;
-- Create "new_notifications" table
CREATE TABLE `new_notifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `tenant_id` integer NOT NULL, `proposal_id` integer NULL, `event_id` integer NULL, `kind` text NOT NULL, `title` text NOT NULL, `body` text NULL, `data` json NULL, `dedup_key` text NULL, `digest` bool NOT NULL DEFAULT (false), `read_at` datetime NULL, `created_at` datetime NOT NULL);
-- Copy rows from old table "notifications" to new temporary table "new_notifications"
INSERT INTO `new_notifications` (`id`, `user_id`, `tenant_id`, `proposal_id`, `event_id`, `kind`, `title`, `body`, `read_at`, `created_at`) SELECT `id`, `user_id`, `tenant_id`, `proposal_id`, `event_id`, `kind`, `title`, `body`, `read_at`, `created_at` FROM `notifications`;
-- Drop "notifications" table after copying rows
DROP TABLE `notifications`;
-- Rename temporary table "new_notifications" to "notifications"
ALTER TABLE `new_notifications` RENAME TO `notifications`;
-- Create index "notification_user_id_event_id" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_event_id` ON `notifications` (`user_id`, `event_id`);
-- Create index "notification_user_id_dedup_key" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_dedup_key` ON `notifications` (`user_id`, `dedup_key`);
-- Create index "notification_user_id_id" to table: "notifications"
CREATE INDEX `notification_user_id_id` ON `notifications` (`user_id`, `id`);
-- Create "comment_reports" table
CREATE TABLE `comment_reports` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `comment_id` integer NOT NULL, `reporter_id` integer NOT NULL, `reason` text NOT NULL, `created_at` datetime NOT NULL);
-- Create index "commentreport_tenant_id" to table: "comment_reports"
CREATE INDEX `commentreport_tenant_id` ON `comment_reports` (`tenant_id`);
-- Create index "commentreport_unit_path" to table: "comment_reports"
CREATE INDEX `commentreport_unit_path` ON `comment_reports` (`unit_path`);
-- Create index "commentreport_community_path" to table: "comment_reports"
CREATE INDEX `commentreport_community_path` ON `comment_reports` (`community_path`);
-- Create index "commentreport_comment_id_reporter_id" to table: "comment_reports"
CREATE UNIQUE INDEX `commentreport_comment_id_reporter_id` ON `comment_reports` (`comment_id`, `reporter_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
-- Notifications about timeline events take the stable kind proposal_update; the action moves to data (issue 12)
UPDATE `notifications` SET `data` = json_object('action', `kind`, 'proposal_id', `proposal_id`, 'event_id', `event_id`), `kind` = 'proposal_update' WHERE `event_id` IS NOT NULL;
