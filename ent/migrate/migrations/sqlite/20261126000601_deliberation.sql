-- Create "agenda_items" table
CREATE TABLE `agenda_items` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `meeting_id` integer NOT NULL, `proposal_id` integer NULL, `title` text NOT NULL, `position` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL);
-- Create index "agendaitem_tenant_id" to table: "agenda_items"
CREATE INDEX `agendaitem_tenant_id` ON `agenda_items` (`tenant_id`);
-- Create index "agendaitem_unit_path" to table: "agenda_items"
CREATE INDEX `agendaitem_unit_path` ON `agenda_items` (`unit_path`);
-- Create index "agendaitem_community_path" to table: "agenda_items"
CREATE INDEX `agendaitem_community_path` ON `agenda_items` (`community_path`);
-- Create index "agendaitem_meeting_id_proposal_id" to table: "agenda_items"
CREATE UNIQUE INDEX `agendaitem_meeting_id_proposal_id` ON `agenda_items` (`meeting_id`, `proposal_id`);
-- Create index "agendaitem_proposal_id" to table: "agenda_items"
CREATE INDEX `agendaitem_proposal_id` ON `agenda_items` (`proposal_id`);
-- Create "ballots" table
CREATE TABLE `ballots` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `vote_id` integer NOT NULL, `token` text NOT NULL, `receipt_hash` text NOT NULL, `voter_key` text NULL, `option_ids` json NOT NULL, `weight` real NOT NULL, `floor_area` real NOT NULL DEFAULT (0));
-- Create index "ballots_token_key" to table: "ballots"
CREATE UNIQUE INDEX `ballots_token_key` ON `ballots` (`token`);
-- Create index "ballot_tenant_id" to table: "ballots"
CREATE INDEX `ballot_tenant_id` ON `ballots` (`tenant_id`);
-- Create index "ballot_unit_path" to table: "ballots"
CREATE INDEX `ballot_unit_path` ON `ballots` (`unit_path`);
-- Create index "ballot_community_path" to table: "ballots"
CREATE INDEX `ballot_community_path` ON `ballots` (`community_path`);
-- Create index "ballot_vote_id_token" to table: "ballots"
CREATE INDEX `ballot_vote_id_token` ON `ballots` (`vote_id`, `token`);
-- Create index "ballot_vote_id_receipt_hash" to table: "ballots"
CREATE INDEX `ballot_vote_id_receipt_hash` ON `ballots` (`vote_id`, `receipt_hash`);
-- Create "eligible_voters" table
CREATE TABLE `eligible_voters` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `vote_id` integer NOT NULL, `voter_key` text NOT NULL, `weight` real NOT NULL, `floor_area` real NOT NULL DEFAULT (0));
-- Create index "eligiblevoter_tenant_id" to table: "eligible_voters"
CREATE INDEX `eligiblevoter_tenant_id` ON `eligible_voters` (`tenant_id`);
-- Create index "eligiblevoter_unit_path" to table: "eligible_voters"
CREATE INDEX `eligiblevoter_unit_path` ON `eligible_voters` (`unit_path`);
-- Create index "eligiblevoter_community_path" to table: "eligible_voters"
CREATE INDEX `eligiblevoter_community_path` ON `eligible_voters` (`community_path`);
-- Create index "eligiblevoter_vote_id_voter_key" to table: "eligible_voters"
CREATE UNIQUE INDEX `eligiblevoter_vote_id_voter_key` ON `eligible_voters` (`vote_id`, `voter_key`);
-- Create "households" table
CREATE TABLE `households` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `address` text NOT NULL, `floor_area` real NOT NULL, `owner_name` text NULL, `owner_phone` text NULL);
-- Create index "household_tenant_id" to table: "households"
CREATE INDEX `household_tenant_id` ON `households` (`tenant_id`);
-- Create index "household_unit_path" to table: "households"
CREATE INDEX `household_unit_path` ON `households` (`unit_path`);
-- Create index "household_community_path" to table: "households"
CREATE INDEX `household_community_path` ON `households` (`community_path`);
-- Create index "household_unit_id_address" to table: "households"
CREATE UNIQUE INDEX `household_unit_id_address` ON `households` (`unit_id`, `address`);
-- Create "household_members" table
CREATE TABLE `household_members` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `household_id` integer NOT NULL, `user_id` integer NOT NULL, `owner` bool NOT NULL DEFAULT (true));
-- Create index "householdmember_tenant_id" to table: "household_members"
CREATE INDEX `householdmember_tenant_id` ON `household_members` (`tenant_id`);
-- Create index "householdmember_unit_path" to table: "household_members"
CREATE INDEX `householdmember_unit_path` ON `household_members` (`unit_path`);
-- Create index "householdmember_community_path" to table: "household_members"
CREATE INDEX `householdmember_community_path` ON `household_members` (`community_path`);
-- Create index "householdmember_household_id_user_id" to table: "household_members"
CREATE UNIQUE INDEX `householdmember_household_id_user_id` ON `household_members` (`household_id`, `user_id`);
-- Create index "householdmember_user_id" to table: "household_members"
CREATE INDEX `householdmember_user_id` ON `household_members` (`user_id`);
-- Create "idempotency_keys" table
CREATE TABLE `idempotency_keys` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `subject` text NOT NULL, `key` text NOT NULL, `method` text NOT NULL, `path` text NOT NULL, `request_hash` text NOT NULL, `status` integer NOT NULL DEFAULT (0), `content_type` text NULL, `body` blob NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL);
-- Create index "idempotencykey_subject_key" to table: "idempotency_keys"
CREATE UNIQUE INDEX `idempotencykey_subject_key` ON `idempotency_keys` (`subject`, `key`);
-- Create index "idempotencykey_expires_at" to table: "idempotency_keys"
CREATE INDEX `idempotencykey_expires_at` ON `idempotency_keys` (`expires_at`);
-- Create "meetings" table
CREATE TABLE `meetings` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `format` text NOT NULL, `venue_id` integer NULL, `starts_at` datetime NOT NULL, `ends_at` datetime NULL, `status` text NOT NULL DEFAULT ('scheduled'), `convener_id` integer NULL, `series_id` integer NULL, `recurrence` text NULL, `version` integer NOT NULL DEFAULT (1));
-- Create index "meeting_tenant_id" to table: "meetings"
CREATE INDEX `meeting_tenant_id` ON `meetings` (`tenant_id`);
-- Create index "meeting_unit_path" to table: "meetings"
CREATE INDEX `meeting_unit_path` ON `meetings` (`unit_path`);
-- Create index "meeting_community_path" to table: "meetings"
CREATE INDEX `meeting_community_path` ON `meetings` (`community_path`);
-- Create index "meeting_unit_id_starts_at" to table: "meetings"
CREATE INDEX `meeting_unit_id_starts_at` ON `meetings` (`unit_id`, `starts_at`);
-- Create index "meeting_series_id" to table: "meetings"
CREATE INDEX `meeting_series_id` ON `meetings` (`series_id`);
-- Create "minutes" table
CREATE TABLE `minutes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `meeting_id` integer NOT NULL, `version` integer NOT NULL, `text` text NOT NULL, `decisions` json NULL, `status` text NOT NULL DEFAULT ('draft'), `written_by` integer NULL, `approved_by` integer NULL, `approved_at` datetime NULL);
-- Create index "minutes_tenant_id" to table: "minutes"
CREATE INDEX `minutes_tenant_id` ON `minutes` (`tenant_id`);
-- Create index "minutes_unit_path" to table: "minutes"
CREATE INDEX `minutes_unit_path` ON `minutes` (`unit_path`);
-- Create index "minutes_community_path" to table: "minutes"
CREATE INDEX `minutes_community_path` ON `minutes` (`community_path`);
-- Create index "minutes_meeting_id_version" to table: "minutes"
CREATE UNIQUE INDEX `minutes_meeting_id_version` ON `minutes` (`meeting_id`, `version`);
-- Create "participants" table
CREATE TABLE `participants` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `meeting_id` integer NOT NULL, `user_id` integer NULL, `guest_name` text NULL, `guest_phone` text NULL, `identity` text NOT NULL, `attended` bool NOT NULL DEFAULT (false), `created_at` datetime NOT NULL);
-- Create index "participant_tenant_id" to table: "participants"
CREATE INDEX `participant_tenant_id` ON `participants` (`tenant_id`);
-- Create index "participant_unit_path" to table: "participants"
CREATE INDEX `participant_unit_path` ON `participants` (`unit_path`);
-- Create index "participant_community_path" to table: "participants"
CREATE INDEX `participant_community_path` ON `participants` (`community_path`);
-- Create index "participant_meeting_id_user_id" to table: "participants"
CREATE UNIQUE INDEX `participant_meeting_id_user_id` ON `participants` (`meeting_id`, `user_id`);
-- Create "venues" table
CREATE TABLE `venues` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `kind` text NOT NULL, `address` text NULL, `capacity` integer NULL, `status` text NOT NULL DEFAULT ('active'));
-- Create index "venue_tenant_id" to table: "venues"
CREATE INDEX `venue_tenant_id` ON `venues` (`tenant_id`);
-- Create index "venue_unit_path" to table: "venues"
CREATE INDEX `venue_unit_path` ON `venues` (`unit_path`);
-- Create index "venue_community_path" to table: "venues"
CREATE INDEX `venue_community_path` ON `venues` (`community_path`);
-- Create index "venue_unit_id_name" to table: "venues"
CREATE UNIQUE INDEX `venue_unit_id_name` ON `venues` (`unit_id`, `name`);
-- Create "votes" table
CREATE TABLE `votes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `proposal_id` integer NULL, `meeting_id` integer NULL, `method` text NOT NULL, `max_choices` integer NOT NULL DEFAULT (1), `eligibility` text NOT NULL, `weighting` text NOT NULL, `rule` text NOT NULL DEFAULT ('plurality'), `major_matter` bool NOT NULL DEFAULT (false), `quorum` real NULL, `anonymous` bool NOT NULL DEFAULT (false), `results_visibility` text NOT NULL DEFAULT ('after_close'), `status` text NOT NULL DEFAULT ('draft'), `opens_at` datetime NULL, `closes_at` datetime NULL, `opened_at` datetime NULL, `closed_at` datetime NULL, `eligible_count` integer NOT NULL DEFAULT (0), `eligible_weight` real NOT NULL DEFAULT (0), `created_by` integer NULL, `version` integer NOT NULL DEFAULT (1));
-- Create index "vote_tenant_id" to table: "votes"
CREATE INDEX `vote_tenant_id` ON `votes` (`tenant_id`);
-- Create index "vote_unit_path" to table: "votes"
CREATE INDEX `vote_unit_path` ON `votes` (`unit_path`);
-- Create index "vote_community_path" to table: "votes"
CREATE INDEX `vote_community_path` ON `votes` (`community_path`);
-- Create index "vote_status_opens_at" to table: "votes"
CREATE INDEX `vote_status_opens_at` ON `votes` (`status`, `opens_at`);
-- Create index "vote_status_closes_at" to table: "votes"
CREATE INDEX `vote_status_closes_at` ON `votes` (`status`, `closes_at`);
-- Create index "vote_proposal_id" to table: "votes"
CREATE INDEX `vote_proposal_id` ON `votes` (`proposal_id`);
-- Create "vote_options" table
CREATE TABLE `vote_options` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `vote_id` integer NOT NULL, `label` text NOT NULL, `position` integer NOT NULL);
-- Create index "voteoption_tenant_id" to table: "vote_options"
CREATE INDEX `voteoption_tenant_id` ON `vote_options` (`tenant_id`);
-- Create index "voteoption_unit_path" to table: "vote_options"
CREATE INDEX `voteoption_unit_path` ON `vote_options` (`unit_path`);
-- Create index "voteoption_community_path" to table: "vote_options"
CREATE INDEX `voteoption_community_path` ON `vote_options` (`community_path`);
-- Create index "voteoption_vote_id_position" to table: "vote_options"
CREATE UNIQUE INDEX `voteoption_vote_id_position` ON `vote_options` (`vote_id`, `position`);
-- Create "vote_participations" table
CREATE TABLE `vote_participations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NOT NULL, `unit_id` integer NOT NULL, `unit_path` text NOT NULL, `community_path` text NOT NULL, `vote_id` integer NOT NULL, `voter_key` text NOT NULL, `cast_by` integer NULL, `created_at` datetime NOT NULL);
-- Create index "voteparticipation_tenant_id" to table: "vote_participations"
CREATE INDEX `voteparticipation_tenant_id` ON `vote_participations` (`tenant_id`);
-- Create index "voteparticipation_unit_path" to table: "vote_participations"
CREATE INDEX `voteparticipation_unit_path` ON `vote_participations` (`unit_path`);
-- Create index "voteparticipation_community_path" to table: "vote_participations"
CREATE INDEX `voteparticipation_community_path` ON `vote_participations` (`community_path`);
-- Create index "voteparticipation_vote_id_voter_key" to table: "vote_participations"
CREATE UNIQUE INDEX `voteparticipation_vote_id_voter_key` ON `vote_participations` (`vote_id`, `voter_key`);
