-- Add column "overdue_announced_at" to table: "tasks"
ALTER TABLE `tasks` ADD COLUMN `overdue_announced_at` datetime NULL;
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
