CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_user_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE TABLE `action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`meeting_id` integer,
	`title` text NOT NULL,
	`description` text,
	`side` text NOT NULL,
	`owner_person_id` integer,
	`owner_user_id` text,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`completed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "action_side_check" CHECK("action"."side" in ('ours', 'theirs')),
	CONSTRAINT "action_status_check" CHECK("action"."status" in ('open', 'in_progress', 'blocked', 'done', 'cancelled')),
	CONSTRAINT "action_priority_check" CHECK("action"."priority" in ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "action_completed_check" CHECK(("action"."status" = 'done') = ("action"."completed_at" is not null))
);
--> statement-breakpoint
CREATE INDEX `action_status_position_idx` ON `action` (`status`,`position`);--> statement-breakpoint
CREATE INDEX `action_partner_status_idx` ON `action` (`partner_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_due_idx` ON `action` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `action_meeting_idx` ON `action` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `action_owner_person_idx` ON `action` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `action_comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_comment_action_idx` ON `action_comment` (`action_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `api_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`scope` text DEFAULT 'api' NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`partner_id` integer,
	`created_by` text,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_token_role_check" CHECK("api_token"."role" in ('admin', 'editor', 'viewer')),
	CONSTRAINT "api_token_scope_check" CHECK("api_token"."scope" in ('api', 'calendar'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_token_token_hash_unique` ON `api_token` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor_label` text NOT NULL,
	`event` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text,
	`before` text,
	`after` text,
	`ip_address` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_record_idx` ON `audit_event` (`record_type`,`record_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_event` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_event` (`at`);--> statement-breakpoint
CREATE TABLE `gift` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`direction` text NOT NULL,
	`item` text NOT NULL,
	`description` text,
	`origin` text,
	`from_person_id` integer,
	`to_person_id` integer,
	`estimated_value` real,
	`currency` text,
	`declared_on` text,
	`disposition` text,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gift_direction_check" CHECK("gift"."direction" in ('given', 'received')),
	CONSTRAINT "gift_disposition_check" CHECK("gift"."disposition" is null or "gift"."disposition" in ('kept_by_office', 'transferred', 'archived', 'other')),
	CONSTRAINT "gift_value_check" CHECK("gift"."estimated_value" is null or "gift"."estimated_value" >= 0)
);
--> statement-breakpoint
CREATE INDEX `gift_meeting_idx` ON `gift` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`starts_at` integer NOT NULL,
	`time_zone` text NOT NULL,
	`duration_minutes` integer,
	`venue` text,
	`city` text,
	`attendee_count` integer,
	`topics` text,
	`summary` text,
	`outcomes` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_kind_check" CHECK("meeting"."kind" in ('meeting', 'visit', 'video_call', 'signing', 'event')),
	CONSTRAINT "meeting_status_check" CHECK("meeting"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "meeting_duration_check" CHECK("meeting"."duration_minutes" is null or "meeting"."duration_minutes" >= 0),
	CONSTRAINT "meeting_attendees_check" CHECK("meeting"."attendee_count" is null or "meeting"."attendee_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX `meeting_partner_starts_idx` ON `meeting` (`partner_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meeting_starts_idx` ON `meeting` (`starts_at`);--> statement-breakpoint
CREATE INDEX `meeting_status_starts_idx` ON `meeting` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `milestone` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`expires_on` text,
	`title` text NOT NULL,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "milestone_kind_check" CHECK("milestone"."kind" in ('start', 'agreement', 'mou', 'visit', 'delegation', 'other')),
	CONSTRAINT "milestone_precision_check" CHECK("milestone"."date_precision" in ('year', 'month', 'day'))
);
--> statement-breakpoint
CREATE INDEX `milestone_partner_date_idx` ON `milestone` (`partner_id`,`date`);--> statement-breakpoint
CREATE INDEX `milestone_expires_idx` ON `milestone` (`expires_on`);--> statement-breakpoint
CREATE TABLE `participant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text DEFAULT 'attendee' NOT NULL,
	`title_at_time` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "participant_role_check" CHECK("participant"."role" in ('lead', 'speaker', 'attendee', 'interpreter'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_meeting_person_idx` ON `participant` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `participant_person_idx` ON `participant` (`person_id`);--> statement-breakpoint
CREATE TABLE `partner` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_ko` text NOT NULL,
	`name_local` text,
	`country` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`status` text NOT NULL,
	`since_date` text,
	`since_precision` text,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`summary` text,
	`latitude` real,
	`longitude` real,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "partner_kind_check" CHECK("partner"."kind" in ('province', 'municipality', 'city', 'prefecture', 'state', 'other')),
	CONSTRAINT "partner_level_check" CHECK("partner"."level" in ('exploring', 'cooperation', 'friendship', 'sister')),
	CONSTRAINT "partner_status_check" CHECK("partner"."status" in ('active', 'dormant', 'exploring', 'ended')),
	CONSTRAINT "partner_since_precision_check" CHECK("partner"."since_precision" is null or "partner"."since_precision" in ('year', 'month', 'day')),
	CONSTRAINT "partner_country_check" CHECK(length("partner"."country") = 2)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_slug_unique` ON `partner` (`slug`);--> statement-breakpoint
CREATE INDEX `partner_status_idx` ON `partner` (`status`);--> statement-breakpoint
CREATE INDEX `partner_since_idx` ON `partner` (`since_date`);--> statement-breakpoint
CREATE INDEX `partner_archived_idx` ON `partner` (`archived_at`);--> statement-breakpoint
CREATE TABLE `person` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_en` text NOT NULL,
	`name_local` text,
	`title` text,
	`organisation` text,
	`side` text NOT NULL,
	`partner_id` integer,
	`email` text,
	`phone` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "person_side_check" CHECK("person"."side" in ('home', 'partner')),
	CONSTRAINT "person_partner_side_check" CHECK("person"."side" = 'partner' or "person"."partner_id" is null)
);
--> statement-breakpoint
CREATE INDEX `person_partner_idx` ON `person` (`partner_id`);--> statement-breakpoint
CREATE INDEX `person_name_idx` ON `person` (`name_en`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	`impersonated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_token_unique` ON `session` (`token`);--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempt_key_idx` ON `sign_in_attempt` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'viewer' NOT NULL,
	`banned` integer DEFAULT false,
	`ban_reason` text,
	`ban_expires` integer,
	`must_change_password` integer DEFAULT false NOT NULL,
	`locale` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "user_role_check" CHECK("user"."role" in ('admin', 'editor', 'viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `verification` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
