-- Create "attachments" table
CREATE TABLE `attachments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `owner_type` text NOT NULL, `owner_id` integer NOT NULL, `filename` text NOT NULL, `content_type` text NOT NULL, `size` integer NOT NULL, `sha256` text NOT NULL, `storage_key` text NOT NULL, `uploaded_by` integer NULL, `internal` bool NOT NULL DEFAULT (false));
-- Create index "attachment_tenant_id" to table: "attachments"
CREATE INDEX `attachment_tenant_id` ON `attachments` (`tenant_id`);
-- Create index "attachment_unit_path" to table: "attachments"
CREATE INDEX `attachment_unit_path` ON `attachments` (`unit_path`);
-- Create index "attachment_community_path" to table: "attachments"
CREATE INDEX `attachment_community_path` ON `attachments` (`community_path`);
-- Create index "attachment_owner_type_owner_id" to table: "attachments"
CREATE INDEX `attachment_owner_type_owner_id` ON `attachments` (`owner_type`, `owner_id`);
-- Create "comments" table
CREATE TABLE `comments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `proposal_id` integer NOT NULL, `author_id` integer NOT NULL, `body` text NOT NULL, `internal` bool NOT NULL DEFAULT (false));
-- Create index "comment_tenant_id" to table: "comments"
CREATE INDEX `comment_tenant_id` ON `comments` (`tenant_id`);
-- Create index "comment_unit_path" to table: "comments"
CREATE INDEX `comment_unit_path` ON `comments` (`unit_path`);
-- Create index "comment_community_path" to table: "comments"
CREATE INDEX `comment_community_path` ON `comments` (`community_path`);
-- Create index "comment_proposal_id_id" to table: "comments"
CREATE INDEX `comment_proposal_id_id` ON `comments` (`proposal_id`, `id`);
-- Create "cosignatures" table
CREATE TABLE `cosignatures` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `proposal_id` integer NOT NULL, `user_id` integer NOT NULL, `merged_from` integer NULL, `created_at` datetime NOT NULL);
-- Create index "cosignature_tenant_id" to table: "cosignatures"
CREATE INDEX `cosignature_tenant_id` ON `cosignatures` (`tenant_id`);
-- Create index "cosignature_unit_path" to table: "cosignatures"
CREATE INDEX `cosignature_unit_path` ON `cosignatures` (`unit_path`);
-- Create index "cosignature_community_path" to table: "cosignatures"
CREATE INDEX `cosignature_community_path` ON `cosignatures` (`community_path`);
-- Create index "cosignature_proposal_id_user_id" to table: "cosignatures"
CREATE UNIQUE INDEX `cosignature_proposal_id_user_id` ON `cosignatures` (`proposal_id`, `user_id`);
-- Create index "cosignature_user_id" to table: "cosignatures"
CREATE INDEX `cosignature_user_id` ON `cosignatures` (`user_id`);
-- Create "list_items" table
CREATE TABLE `list_items` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `code` text NOT NULL, `title` text NOT NULL, `title_en` text NULL, `description` text NULL, `keywords` json NOT NULL, `status` text NOT NULL DEFAULT ('active'), `position` integer NOT NULL DEFAULT (0));
-- Create index "listitem_tenant_id" to table: "list_items"
CREATE INDEX `listitem_tenant_id` ON `list_items` (`tenant_id`);
-- Create index "listitem_unit_path" to table: "list_items"
CREATE INDEX `listitem_unit_path` ON `list_items` (`unit_path`);
-- Create index "listitem_tenant_id_kind_code" to table: "list_items"
CREATE UNIQUE INDEX `listitem_tenant_id_kind_code` ON `list_items` (`tenant_id`, `kind`, `code`);
-- Create "organizations" table
CREATE TABLE `organizations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `kind` text NOT NULL, `description` text NULL, `status` text NOT NULL DEFAULT ('active'));
-- Create index "organization_tenant_id" to table: "organizations"
CREATE INDEX `organization_tenant_id` ON `organizations` (`tenant_id`);
-- Create index "organization_unit_path" to table: "organizations"
CREATE INDEX `organization_unit_path` ON `organizations` (`unit_path`);
-- Create index "organization_unit_id_name" to table: "organizations"
CREATE UNIQUE INDEX `organization_unit_id_name` ON `organizations` (`unit_id`, `name`);
-- Create "organization_members" table
CREATE TABLE `organization_members` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `organization_id` integer NOT NULL, `user_id` integer NOT NULL, `role` text NOT NULL DEFAULT ('member'));
-- Create index "organizationmember_tenant_id" to table: "organization_members"
CREATE INDEX `organizationmember_tenant_id` ON `organization_members` (`tenant_id`);
-- Create index "organizationmember_unit_path" to table: "organization_members"
CREATE INDEX `organizationmember_unit_path` ON `organization_members` (`unit_path`);
-- Create index "organizationmember_organization_id_user_id" to table: "organization_members"
CREATE UNIQUE INDEX `organizationmember_organization_id_user_id` ON `organization_members` (`organization_id`, `user_id`);
-- Create index "organizationmember_user_id" to table: "organization_members"
CREATE INDEX `organizationmember_user_id` ON `organization_members` (`user_id`);
-- Create "proposals" table
CREATE TABLE `proposals` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `origin_unit_id` integer NOT NULL, `origin_path` text NOT NULL, `title` text NOT NULL, `body` text NOT NULL, `kind` text NOT NULL, `channel` text NOT NULL, `category_code` text NULL, `status` text NOT NULL DEFAULT ('draft'), `author_id` integer NULL, `author_name` text NOT NULL, `author_phone` text NULL, `organization_id` integer NULL, `entered_by` integer NULL, `cosign_threshold` integer NULL, `cosign_deadline` datetime NULL, `cosign_count` integer NOT NULL DEFAULT (0), `screening_flags` json NULL, `reason_code` text NULL, `referred_to` text NULL, `merged_into_id` integer NULL, `outcome` text NULL, `decision_note` text NULL, `follow_up_of_id` integer NULL, `version` integer NOT NULL DEFAULT (1), `submitted_at` datetime NULL, `resolved_at` datetime NULL, `closed_at` datetime NULL);
-- Create index "proposal_tenant_id" to table: "proposals"
CREATE INDEX `proposal_tenant_id` ON `proposals` (`tenant_id`);
-- Create index "proposal_unit_path" to table: "proposals"
CREATE INDEX `proposal_unit_path` ON `proposals` (`unit_path`);
-- Create index "proposal_community_path" to table: "proposals"
CREATE INDEX `proposal_community_path` ON `proposals` (`community_path`);
-- Create index "proposal_tenant_id_status" to table: "proposals"
CREATE INDEX `proposal_tenant_id_status` ON `proposals` (`tenant_id`, `status`);
-- Create index "proposal_status_cosign_deadline" to table: "proposals"
CREATE INDEX `proposal_status_cosign_deadline` ON `proposals` (`status`, `cosign_deadline`);
-- Create index "proposal_author_id" to table: "proposals"
CREATE INDEX `proposal_author_id` ON `proposals` (`author_id`);
-- Create index "proposal_created_at" to table: "proposals"
CREATE INDEX `proposal_created_at` ON `proposals` (`created_at`);
-- Create "proposal_events" table
CREATE TABLE `proposal_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `proposal_id` integer NOT NULL, `actor` text NOT NULL, `actor_name` text NULL, `action` text NOT NULL, `from_status` text NULL, `to_status` text NOT NULL, `note` text NULL, `reason_code` text NULL, `detail` json NULL, `created_at` datetime NOT NULL);
-- Create index "proposalevent_tenant_id" to table: "proposal_events"
CREATE INDEX `proposalevent_tenant_id` ON `proposal_events` (`tenant_id`);
-- Create index "proposalevent_unit_path" to table: "proposal_events"
CREATE INDEX `proposalevent_unit_path` ON `proposal_events` (`unit_path`);
-- Create index "proposalevent_community_path" to table: "proposal_events"
CREATE INDEX `proposalevent_community_path` ON `proposal_events` (`community_path`);
-- Create index "proposalevent_proposal_id_id" to table: "proposal_events"
CREATE INDEX `proposalevent_proposal_id_id` ON `proposal_events` (`proposal_id`, `id`);
