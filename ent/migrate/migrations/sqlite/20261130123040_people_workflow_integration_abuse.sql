-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_users" table
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `phone` text NOT NULL, `name` text NOT NULL, `password_hash` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `privacy_notice_version` text NULL, `privacy_consented_at` datetime NULL, `deleted_at` datetime NULL, `notify_muted` json NULL, `notify_digest` bool NOT NULL DEFAULT (false));
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
-- Add column "address" to table: "proposals"
ALTER TABLE `proposals` ADD COLUMN `address` text NULL;
-- Add column "decision_vote_ids" to table: "proposals"
ALTER TABLE `proposals` ADD COLUMN `decision_vote_ids` json NULL;
-- Add column "decision_minutes_ids" to table: "proposals"
ALTER TABLE `proposals` ADD COLUMN `decision_minutes_ids` json NULL;
-- Add column "escalations" to table: "proposals"
ALTER TABLE `proposals` ADD COLUMN `escalations` json NULL;
-- Add column "questions" to table: "votes"
ALTER TABLE `votes` ADD COLUMN `questions` json NULL;
-- Create "new_vote_options" table
CREATE TABLE `new_vote_options` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `vote_id` integer NOT NULL, `label` text NOT NULL, `position` integer NOT NULL, `question` integer NOT NULL DEFAULT (0));
-- Copy rows from old table "vote_options" to new temporary table "new_vote_options"
INSERT INTO `new_vote_options` (`id`, `tenant_id`, `unit_id`, `unit_path`, `community_path`, `vote_id`, `label`, `position`) SELECT `id`, `tenant_id`, `unit_id`, `unit_path`, `community_path`, `vote_id`, `label`, `position` FROM `vote_options`;
-- Drop "vote_options" table after copying rows
DROP TABLE `vote_options`;
-- Rename temporary table "new_vote_options" to "vote_options"
ALTER TABLE `new_vote_options` RENAME TO `vote_options`;
-- Create index "voteoption_tenant_id" to table: "vote_options"
CREATE INDEX `voteoption_tenant_id` ON `vote_options` (`tenant_id`);
-- Create index "voteoption_unit_path" to table: "vote_options"
CREATE INDEX `voteoption_unit_path` ON `vote_options` (`unit_path`);
-- Create index "voteoption_community_path" to table: "vote_options"
CREATE INDEX `voteoption_community_path` ON `vote_options` (`community_path`);
-- Create index "voteoption_vote_id_position" to table: "vote_options"
CREATE UNIQUE INDEX `voteoption_vote_id_position` ON `vote_options` (`vote_id`, `position`);
-- Create "new_notifications" table
CREATE TABLE `new_notifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `tenant_id` integer NOT NULL, `proposal_id` integer NULL, `event_id` integer NULL, `membership_request_id` integer NULL, `audit_id` integer NULL, `kind` text NOT NULL, `title` text NOT NULL, `body` text NULL, `data` json NULL, `dedup_key` text NULL, `digest` bool NOT NULL DEFAULT (false), `read_at` datetime NULL, `created_at` datetime NOT NULL);
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
-- Create index "notification_user_id_audit_id" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_audit_id` ON `notifications` (`user_id`, `audit_id`);
-- Create index "notification_user_id_id" to table: "notifications"
CREATE INDEX `notification_user_id_id` ON `notifications` (`user_id`, `id`);
-- Add column "delivered" to table: "progress_reports"
ALTER TABLE `progress_reports` ADD COLUMN `delivered` integer NULL;
-- Create "new_tasks" table
CREATE TABLE `new_tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `proposal_id` integer NOT NULL, `title` text NOT NULL, `description` text NULL, `assignee_id` integer NULL, `organization_id` integer NULL, `due_at` datetime NOT NULL, `weight` real NOT NULL DEFAULT (1), `status` text NOT NULL DEFAULT ('todo'), `quantity` integer NULL, `quantity_unit` text NULL, `delivered` integer NOT NULL DEFAULT (0), `percent` integer NOT NULL DEFAULT (0), `done_at` datetime NULL, `created_by` integer NULL, `version` integer NOT NULL DEFAULT (1), `overdue_announced_at` datetime NULL);
-- Copy rows from old table "tasks" to new temporary table "new_tasks"
INSERT INTO `new_tasks` (`id`, `tenant_id`, `unit_id`, `unit_path`, `community_path`, `created_at`, `updated_at`, `proposal_id`, `title`, `description`, `assignee_id`, `organization_id`, `due_at`, `weight`, `status`, `percent`, `done_at`, `created_by`, `version`) SELECT `id`, `tenant_id`, `unit_id`, `unit_path`, `community_path`, `created_at`, `updated_at`, `proposal_id`, `title`, `description`, `assignee_id`, `organization_id`, `due_at`, `weight`, `status`, `percent`, `done_at`, `created_by`, `version` FROM `tasks`;
-- Drop "tasks" table after copying rows
DROP TABLE `tasks`;
-- Rename temporary table "new_tasks" to "tasks"
ALTER TABLE `new_tasks` RENAME TO `tasks`;
-- Create index "task_tenant_id" to table: "tasks"
CREATE INDEX `task_tenant_id` ON `tasks` (`tenant_id`);
-- Create index "task_unit_path" to table: "tasks"
CREATE INDEX `task_unit_path` ON `tasks` (`unit_path`);
-- Create index "task_community_path" to table: "tasks"
CREATE INDEX `task_community_path` ON `tasks` (`community_path`);
-- Create index "task_proposal_id" to table: "tasks"
CREATE INDEX `task_proposal_id` ON `tasks` (`proposal_id`);
-- Create index "task_status_due_at" to table: "tasks"
CREATE INDEX `task_status_due_at` ON `tasks` (`status`, `due_at`);
-- Create index "task_assignee_id" to table: "tasks"
CREATE INDEX `task_assignee_id` ON `tasks` (`assignee_id`);
-- Add column "archived_at" to table: "units"
ALTER TABLE `units` ADD COLUMN `archived_at` datetime NULL;
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
-- Create "invitations" table
CREATE TABLE `invitations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `phone` text NOT NULL, `name` text NOT NULL, `identities` json NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `invited_by` integer NULL, `claimed_by` integer NULL, `claimed_at` datetime NULL);
-- Create index "invitation_tenant_id" to table: "invitations"
CREATE INDEX `invitation_tenant_id` ON `invitations` (`tenant_id`);
-- Create index "invitation_unit_path" to table: "invitations"
CREATE INDEX `invitation_unit_path` ON `invitations` (`unit_path`);
-- Create index "invitation_phone_status" to table: "invitations"
CREATE INDEX `invitation_phone_status` ON `invitations` (`phone`, `status`);
-- Create index "invitation_unit_id_status" to table: "invitations"
CREATE INDEX `invitation_unit_id_status` ON `invitations` (`unit_id`, `status`);
-- Create "membership_requests" table
CREATE TABLE `membership_requests` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `user_id` integer NOT NULL, `building` text NULL, `unit_no` text NULL, `room` text NULL, `identities` json NOT NULL, `message` text NULL, `status` text NOT NULL DEFAULT ('pending'), `decided_by` integer NULL, `decided_at` datetime NULL, `decision_note` text NULL);
-- Create index "membershiprequest_tenant_id" to table: "membership_requests"
CREATE INDEX `membershiprequest_tenant_id` ON `membership_requests` (`tenant_id`);
-- Create index "membershiprequest_unit_path" to table: "membership_requests"
CREATE INDEX `membershiprequest_unit_path` ON `membership_requests` (`unit_path`);
-- Create index "membershiprequest_unit_id_status" to table: "membership_requests"
CREATE INDEX `membershiprequest_unit_id_status` ON `membership_requests` (`unit_id`, `status`);
-- Create index "membershiprequest_user_id" to table: "membership_requests"
CREATE INDEX `membershiprequest_user_id` ON `membership_requests` (`user_id`);
-- Create "one_time_codes" table
CREATE TABLE `one_time_codes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `phone` text NOT NULL, `purpose` text NOT NULL, `salt` text NOT NULL, `code_hash` text NOT NULL, `attempts` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL);
-- Create index "onetimecode_phone_purpose_created_at" to table: "one_time_codes"
CREATE INDEX `onetimecode_phone_purpose_created_at` ON `one_time_codes` (`phone`, `purpose`, `created_at`);
-- Create index "onetimecode_expires_at" to table: "one_time_codes"
CREATE INDEX `onetimecode_expires_at` ON `one_time_codes` (`expires_at`);
-- Create "talents" table
CREATE TABLE `talents` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `user_id` integer NULL, `name` text NOT NULL, `skills` json NOT NULL, `skill_index` text NOT NULL DEFAULT (''), `source` text NOT NULL, `found_by` integer NULL, `found_at` datetime NOT NULL, `profile` text NULL, `contact_consent` bool NOT NULL DEFAULT (false));
-- Create index "talent_tenant_id" to table: "talents"
CREATE INDEX `talent_tenant_id` ON `talents` (`tenant_id`);
-- Create index "talent_unit_path" to table: "talents"
CREATE INDEX `talent_unit_path` ON `talents` (`unit_path`);
-- Create index "talent_tenant_id_user_id" to table: "talents"
CREATE UNIQUE INDEX `talent_tenant_id_user_id` ON `talents` (`tenant_id`, `user_id`);
-- Create index "talent_unit_id" to table: "talents"
CREATE INDEX `talent_unit_id` ON `talents` (`unit_id`);
-- Create "talent_records" table
CREATE TABLE `talent_records` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `talent_id` integer NOT NULL, `kind` text NOT NULL, `title` text NOT NULL, `detail` text NULL, `occurred_on` datetime NOT NULL, `recorded_by` integer NULL);
-- Create index "talentrecord_tenant_id" to table: "talent_records"
CREATE INDEX `talentrecord_tenant_id` ON `talent_records` (`tenant_id`);
-- Create index "talentrecord_unit_path" to table: "talent_records"
CREATE INDEX `talentrecord_unit_path` ON `talent_records` (`unit_path`);
-- Create index "talentrecord_talent_id" to table: "talent_records"
CREATE INDEX `talentrecord_talent_id` ON `talent_records` (`talent_id`);
-- Create "webhooks" table
CREATE TABLE `webhooks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `url` text NOT NULL, `events` json NOT NULL, `description` text NULL, `secret` text NOT NULL, `disabled_at` datetime NULL, `disabled_reason` text NULL, `failing_since` datetime NULL, `created_by` integer NULL);
-- Create index "webhook_tenant_id" to table: "webhooks"
CREATE INDEX `webhook_tenant_id` ON `webhooks` (`tenant_id`);
-- Create index "webhook_unit_path" to table: "webhooks"
CREATE INDEX `webhook_unit_path` ON `webhooks` (`unit_path`);
-- Create index "webhook_tenant_id_id" to table: "webhooks"
CREATE INDEX `webhook_tenant_id_id` ON `webhooks` (`tenant_id`, `id`);
-- Create "webhook_deliveries" table
CREATE TABLE `webhook_deliveries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `webhook_id` integer NOT NULL, `event_id` integer NOT NULL, `event_type` text NOT NULL, `message_id` text NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `attempts` integer NOT NULL DEFAULT (0), `next_attempt_at` datetime NOT NULL, `lease_until` datetime NULL, `last_attempt_at` datetime NULL, `response_code` integer NULL, `duration_ms` integer NULL, `last_error` text NULL);
-- Create index "webhookdelivery_tenant_id" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_tenant_id` ON `webhook_deliveries` (`tenant_id`);
-- Create index "webhookdelivery_unit_path" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_unit_path` ON `webhook_deliveries` (`unit_path`);
-- Create index "webhookdelivery_webhook_id_status_id" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_webhook_id_status_id` ON `webhook_deliveries` (`webhook_id`, `status`, `id`);
-- Create index "webhookdelivery_status_next_attempt_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_status_next_attempt_at` ON `webhook_deliveries` (`status`, `next_attempt_at`);
-- Create "webhook_events" table
CREATE TABLE `webhook_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `type` text NOT NULL, `data` json NOT NULL, `fanned_out` bool NOT NULL DEFAULT (false), `created_at` datetime NOT NULL);
-- Create index "webhookevent_fanned_out_id" to table: "webhook_events"
CREATE INDEX `webhookevent_fanned_out_id` ON `webhook_events` (`fanned_out`, `id`);
-- Create index "webhookevent_tenant_id" to table: "webhook_events"
CREATE INDEX `webhookevent_tenant_id` ON `webhook_events` (`tenant_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
-- Notifications about timeline events take the stable kind proposal_update; the action moves to data (issue 12)
UPDATE `notifications` SET `data` = json_object('action', `kind`, 'proposal_id', `proposal_id`, 'event_id', `event_id`), `kind` = 'proposal_update' WHERE `event_id` IS NOT NULL;
