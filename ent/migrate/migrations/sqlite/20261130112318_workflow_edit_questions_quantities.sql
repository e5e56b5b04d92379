-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
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
-- Add column "delivered" to table: "progress_reports"
ALTER TABLE `progress_reports` ADD COLUMN `delivered` integer NULL;
-- Create "new_tasks" table
CREATE TABLE `new_tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `proposal_id` integer NOT NULL, `title` text NOT NULL, `description` text NULL, `assignee_id` integer NULL, `organization_id` integer NULL, `due_at` datetime NOT NULL, `weight` real NOT NULL DEFAULT (1), `status` text NOT NULL DEFAULT ('todo'), `quantity` integer NULL, `quantity_unit` text NULL, `delivered` integer NOT NULL DEFAULT (0), `percent` integer NOT NULL DEFAULT (0), `done_at` datetime NULL, `created_by` integer NULL, `version` integer NOT NULL DEFAULT (1));
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
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
