-- Add column "decision_vote_id" to table: "proposals"
ALTER TABLE `proposals` ADD COLUMN `decision_vote_id` integer NULL;
-- Add column "decision_minutes_id" to table: "proposals"
ALTER TABLE `proposals` ADD COLUMN `decision_minutes_id` integer NULL;
-- Create "feedbacks" table
CREATE TABLE `feedbacks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `proposal_id` integer NOT NULL, `user_id` integer NOT NULL, `satisfaction` integer NOT NULL, `comment` text NULL, `new_need` bool NOT NULL DEFAULT (false), `follow_up_id` integer NULL, `created_at` datetime NOT NULL);
-- Create index "feedback_tenant_id" to table: "feedbacks"
CREATE INDEX `feedback_tenant_id` ON `feedbacks` (`tenant_id`);
-- Create index "feedback_unit_path" to table: "feedbacks"
CREATE INDEX `feedback_unit_path` ON `feedbacks` (`unit_path`);
-- Create index "feedback_community_path" to table: "feedbacks"
CREATE INDEX `feedback_community_path` ON `feedbacks` (`community_path`);
-- Create index "feedback_proposal_id_user_id" to table: "feedbacks"
CREATE UNIQUE INDEX `feedback_proposal_id_user_id` ON `feedbacks` (`proposal_id`, `user_id`);
-- Create "notifications" table
CREATE TABLE `notifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `tenant_id` integer NOT NULL, `proposal_id` integer NULL, `event_id` integer NOT NULL, `kind` text NOT NULL, `title` text NOT NULL, `body` text NULL, `read_at` datetime NULL, `created_at` datetime NOT NULL);
-- Create index "notification_user_id_event_id" to table: "notifications"
CREATE UNIQUE INDEX `notification_user_id_event_id` ON `notifications` (`user_id`, `event_id`);
-- Create index "notification_user_id_id" to table: "notifications"
CREATE INDEX `notification_user_id_id` ON `notifications` (`user_id`, `id`);
-- Create "progress_reports" table
CREATE TABLE `progress_reports` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `task_id` integer NOT NULL, `proposal_id` integer NOT NULL, `percent` integer NOT NULL, `note` text NULL, `author_id` integer NULL, `created_at` datetime NOT NULL);
-- Create index "progressreport_tenant_id" to table: "progress_reports"
CREATE INDEX `progressreport_tenant_id` ON `progress_reports` (`tenant_id`);
-- Create index "progressreport_unit_path" to table: "progress_reports"
CREATE INDEX `progressreport_unit_path` ON `progress_reports` (`unit_path`);
-- Create index "progressreport_community_path" to table: "progress_reports"
CREATE INDEX `progressreport_community_path` ON `progress_reports` (`community_path`);
-- Create index "progressreport_task_id_id" to table: "progress_reports"
CREATE INDEX `progressreport_task_id_id` ON `progress_reports` (`task_id`, `id`);
-- Create index "progressreport_proposal_id" to table: "progress_reports"
CREATE INDEX `progressreport_proposal_id` ON `progress_reports` (`proposal_id`);
-- Create "proposal_follows" table
CREATE TABLE `proposal_follows` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `proposal_id` integer NOT NULL, `user_id` integer NOT NULL, `created_at` datetime NOT NULL);
-- Create index "proposalfollow_tenant_id" to table: "proposal_follows"
CREATE INDEX `proposalfollow_tenant_id` ON `proposal_follows` (`tenant_id`);
-- Create index "proposalfollow_unit_path" to table: "proposal_follows"
CREATE INDEX `proposalfollow_unit_path` ON `proposal_follows` (`unit_path`);
-- Create index "proposalfollow_community_path" to table: "proposal_follows"
CREATE INDEX `proposalfollow_community_path` ON `proposal_follows` (`community_path`);
-- Create index "proposalfollow_proposal_id_user_id" to table: "proposal_follows"
CREATE UNIQUE INDEX `proposalfollow_proposal_id_user_id` ON `proposal_follows` (`proposal_id`, `user_id`);
-- Create index "proposalfollow_user_id" to table: "proposal_follows"
CREATE INDEX `proposalfollow_user_id` ON `proposal_follows` (`user_id`);
-- Create "tasks" table
CREATE TABLE `tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `proposal_id` integer NOT NULL, `title` text NOT NULL, `description` text NULL, `assignee_id` integer NULL, `organization_id` integer NULL, `due_at` datetime NOT NULL, `weight` real NOT NULL DEFAULT (1), `status` text NOT NULL DEFAULT ('todo'), `percent` integer NOT NULL DEFAULT (0), `done_at` datetime NULL, `created_by` integer NULL, `version` integer NOT NULL DEFAULT (1));
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
