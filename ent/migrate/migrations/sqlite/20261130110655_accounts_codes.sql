-- Add column "privacy_notice_version" to table: "users"
ALTER TABLE `users` ADD COLUMN `privacy_notice_version` text NULL;
-- Add column "privacy_consented_at" to table: "users"
ALTER TABLE `users` ADD COLUMN `privacy_consented_at` datetime NULL;
-- Add column "deleted_at" to table: "users"
ALTER TABLE `users` ADD COLUMN `deleted_at` datetime NULL;
-- Create "one_time_codes" table
CREATE TABLE `one_time_codes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `phone` text NOT NULL, `purpose` text NOT NULL, `salt` text NOT NULL, `code_hash` text NOT NULL, `attempts` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL);
-- Create index "onetimecode_phone_purpose_created_at" to table: "one_time_codes"
CREATE INDEX `onetimecode_phone_purpose_created_at` ON `one_time_codes` (`phone`, `purpose`, `created_at`);
-- Create index "onetimecode_expires_at" to table: "one_time_codes"
CREATE INDEX `onetimecode_expires_at` ON `one_time_codes` (`expires_at`);
