-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_units" table
CREATE TABLE `new_units` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `level` text NOT NULL, `tenant_id` integer NULL, `path` text NULL, `code` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `public_record` bool NOT NULL DEFAULT (false), `parent_id` integer NULL, CONSTRAINT `units_units_children` FOREIGN KEY (`parent_id`) REFERENCES `units` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "units" to new temporary table "new_units"
INSERT INTO `new_units` (`id`, `created_at`, `updated_at`, `level`, `tenant_id`, `path`, `code`, `name`, `status`, `parent_id`) SELECT `id`, `created_at`, `updated_at`, `level`, `tenant_id`, `path`, `code`, `name`, `status`, `parent_id` FROM `units`;
-- Drop "units" table after copying rows
DROP TABLE `units`;
-- Rename temporary table "new_units" to "units"
ALTER TABLE `new_units` RENAME TO `units`;
-- Create index "unit_parent_id_code" to table: "units"
CREATE UNIQUE INDEX `unit_parent_id_code` ON `units` (`parent_id`, `code`);
-- Create index "unit_code" to table: "units"
CREATE UNIQUE INDEX `unit_code` ON `units` (`code`) WHERE parent_id IS NULL;
-- Create index "unit_path" to table: "units"
CREATE INDEX `unit_path` ON `units` (`path`);
-- Create index "unit_tenant_id" to table: "units"
CREATE INDEX `unit_tenant_id` ON `units` (`tenant_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
