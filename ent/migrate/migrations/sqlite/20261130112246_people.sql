-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_notifications" table
CREATE TABLE `new_notifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `tenant_id` integer NOT NULL, `proposal_id` integer NULL, `event_id` integer NULL, `membership_request_id` integer NULL, `kind` text NOT NULL, `title` text NOT NULL, `body` text NULL, `read_at` datetime NULL, `created_at` datetime NOT NULL);
-- Copy rows from old table "notifications" to new temporary table "new_notifications"
INSERT INTO `new_notifications` (`id`, `user_id`, `tenant_id`, `proposal_id`, `event_id`, `kind`, `title`, `body`, `read_at`, `created_at`) SELECT `id`, `user_id`, `tenant_id`, `proposal_id`, `event_id`, `kind`, `title`, `body`, `read_at`, `created_at` FROM `notifications`;
-- Drop "notifications" table after copying rows
DROP TABLE `notifications`;
-- Rename temporary table "new_notifications" to "notifications"
ALTER TABLE `new_notifications` RENAME TO `notifications`;
-- Create index "notification_user_id_event_id" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_event_id` ON `notifications` (`user_id`, `event_id`);
-- Create index "notification_user_id_id" to table: "notifications"
CREATE INDEX `notification_user_id_id` ON `notifications` (`user_id`, `id`);
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
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
