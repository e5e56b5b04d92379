-- Create "api_clients" table
CREATE TABLE `api_clients` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `client_id` text NOT NULL, `name` text NOT NULL, `secret_hash` text NOT NULL, `role` text NOT NULL, `scopes` json NOT NULL, `created_by` integer NULL, `revoked_at` datetime NULL);
-- Create index "api_clients_client_id_key" to table: "api_clients"
CREATE UNIQUE INDEX `api_clients_client_id_key` ON `api_clients` (`client_id`);
-- Create index "apiclient_tenant_id" to table: "api_clients"
CREATE INDEX `apiclient_tenant_id` ON `api_clients` (`tenant_id`);
-- Create index "apiclient_unit_path" to table: "api_clients"
CREATE INDEX `apiclient_unit_path` ON `api_clients` (`unit_path`);
-- Create index "apiclient_unit_id" to table: "api_clients"
CREATE INDEX `apiclient_unit_id` ON `api_clients` (`unit_id`);
-- Create "audit_logs" table
CREATE TABLE `audit_logs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NULL, `unit_path` text NULL, `actor` text NOT NULL, `action` text NOT NULL, `target_type` text NOT NULL, `target_id` integer NOT NULL, `request_id` text NULL, `detail` json NULL, `created_at` datetime NOT NULL);
-- Create index "auditlog_tenant_id_created_at" to table: "audit_logs"
CREATE INDEX `auditlog_tenant_id_created_at` ON `audit_logs` (`tenant_id`, `created_at`);
-- Create index "auditlog_unit_path" to table: "audit_logs"
CREATE INDEX `auditlog_unit_path` ON `audit_logs` (`unit_path`);
-- Create "memberships" table
CREATE TABLE `memberships` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `identities` json NOT NULL, `address` text NULL, `verified_by` integer NULL, `user_id` integer NOT NULL, CONSTRAINT `memberships_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "membership_tenant_id" to table: "memberships"
CREATE INDEX `membership_tenant_id` ON `memberships` (`tenant_id`);
-- Create index "membership_unit_path" to table: "memberships"
CREATE INDEX `membership_unit_path` ON `memberships` (`unit_path`);
-- Create index "membership_unit_id_user_id" to table: "memberships"
CREATE UNIQUE INDEX `membership_unit_id_user_id` ON `memberships` (`unit_id`, `user_id`);
-- Create index "membership_user_id" to table: "memberships"
CREATE INDEX `membership_user_id` ON `memberships` (`user_id`);
-- Create "policy_states" table
CREATE TABLE `policy_states` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `version` integer NOT NULL DEFAULT (0));
-- Create "refresh_tokens" table
CREATE TABLE `refresh_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `token_hash` text NOT NULL, `family` text NOT NULL, `user_id` integer NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `revoked_at` datetime NULL);
-- Create index "refresh_tokens_token_hash_key" to table: "refresh_tokens"
CREATE UNIQUE INDEX `refresh_tokens_token_hash_key` ON `refresh_tokens` (`token_hash`);
-- Create index "refreshtoken_family" to table: "refresh_tokens"
CREATE INDEX `refreshtoken_family` ON `refresh_tokens` (`family`);
-- Create index "refreshtoken_user_id" to table: "refresh_tokens"
CREATE INDEX `refreshtoken_user_id` ON `refresh_tokens` (`user_id`);
-- Create "role_assignments" table
CREATE TABLE `role_assignments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `subject` text NOT NULL, `user_id` integer NULL, `api_client_id` integer NULL, `role` text NOT NULL, `tenant_id` integer NULL, `unit_id` integer NULL, `domain` text NOT NULL, `granted_by` integer NULL, `granted_at` datetime NOT NULL, `granted_version` integer NOT NULL, `revoked_at` datetime NULL, `revoked_by` integer NULL, `revoked_version` integer NULL);
-- Create index "roleassignment_subject_role_domain" to table: "role_assignments"
CREATE UNIQUE INDEX `roleassignment_subject_role_domain` ON `role_assignments` (`subject`, `role`, `domain`) WHERE revoked_at IS NULL;
-- Create index "roleassignment_granted_version" to table: "role_assignments"
CREATE INDEX `roleassignment_granted_version` ON `role_assignments` (`granted_version`);
-- Create index "roleassignment_revoked_version" to table: "role_assignments"
CREATE INDEX `roleassignment_revoked_version` ON `role_assignments` (`revoked_version`);
-- Create index "roleassignment_domain" to table: "role_assignments"
CREATE INDEX `roleassignment_domain` ON `role_assignments` (`domain`);
-- Create index "roleassignment_subject" to table: "role_assignments"
CREATE INDEX `roleassignment_subject` ON `role_assignments` (`subject`);
-- Create index "roleassignment_unit_id" to table: "role_assignments"
CREATE INDEX `roleassignment_unit_id` ON `role_assignments` (`unit_id`);
-- Create "units" table
CREATE TABLE `units` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `level` text NOT NULL, `tenant_id` integer NULL, `path` text NULL, `code` text NOT NULL, `name` text NOT NULL, `status` text NOT NULL DEFAULT ('active'), `parent_id` integer NULL, CONSTRAINT `units_units_children` FOREIGN KEY (`parent_id`) REFERENCES `units` (`id`) ON DELETE SET NULL);
-- Create index "unit_parent_id_code" to table: "units"
CREATE UNIQUE INDEX `unit_parent_id_code` ON `units` (`parent_id`, `code`);
-- Create index "unit_code" to table: "units"
CREATE UNIQUE INDEX `unit_code` ON `units` (`code`) WHERE parent_id IS NULL;
-- Create index "unit_path" to table: "units"
CREATE INDEX `unit_path` ON `units` (`path`);
-- Create index "unit_tenant_id" to table: "units"
CREATE INDEX `unit_tenant_id` ON `units` (`tenant_id`);
-- Create "users" table
CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `phone` text NOT NULL, `name` text NOT NULL, `password_hash` text NOT NULL, `status` text NOT NULL DEFAULT ('active'));
-- Create index "users_phone_key" to table: "users"
CREATE UNIQUE INDEX `users_phone_key` ON `users` (`phone`);
