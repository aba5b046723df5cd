CREATE TABLE `follow` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follow_record_type_check" CHECK("follow"."record_type" in ('partner', 'meeting', 'action'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_user_record_idx` ON `follow` (`user_id`,`record_type`,`record_id`);--> statement-breakpoint
CREATE INDEX `follow_record_idx` ON `follow` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`stage` text NOT NULL,
	`key` text NOT NULL,
	`subject` text NOT NULL,
	`detail` text,
	`href` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`mail_state` text DEFAULT 'pending' NOT NULL,
	`mail_attempts` integer DEFAULT 0 NOT NULL,
	`mail_next_attempt_at` integer,
	`mail_sent_at` integer,
	`mail_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_kind_check" CHECK("notification"."kind" in ('assigned', 'due_soon', 'due_today', 'overdue', 'agreement_expiring', 'gift_undeclared', 'record_changed', 'record_commented')),
	CONSTRAINT "notification_mail_state_check" CHECK("notification"."mail_state" in ('pending', 'sending', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_key_unique` ON `notification` (`key`);--> statement-breakpoint
CREATE INDEX `notification_user_idx` ON `notification` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notification_unread_idx` ON `notification` (`user_id`) WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX `notification_mail_idx` ON `notification` (`mail_state`,`user_id`);--> statement-breakpoint
CREATE TABLE `notification_preference` (
	`user_id` text PRIMARY KEY NOT NULL,
	`mail` text DEFAULT 'immediate' NOT NULL,
	`muted_kinds` text DEFAULT '[]' NOT NULL,
	`time_zone` text,
	`next_digest_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_preference_mail_check" CHECK("notification_preference"."mail" in ('immediate', 'daily', 'weekly', 'off'))
);
--> statement-breakpoint
CREATE TABLE `scheduler_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL,
	`last_run_at` integer,
	`last_result` text
);
--> statement-breakpoint
ALTER TABLE `person` ADD `user_id` text REFERENCES user(id);--> statement-breakpoint
CREATE INDEX `person_user_idx` ON `person` (`user_id`);