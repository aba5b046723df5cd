CREATE TABLE `checklist_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`title` text NOT NULL,
	`side` text DEFAULT 'ours' NOT NULL,
	`due_on` text,
	`done_at` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "checklist_item_side_check" CHECK("checklist_item"."side" in ('ours', 'theirs'))
);
--> statement-breakpoint
CREATE INDEX `checklist_item_visit_idx` ON `checklist_item` (`visit_id`,`position`);--> statement-breakpoint
CREATE INDEX `checklist_item_open_due_idx` ON `checklist_item` (`due_on`) WHERE "checklist_item"."done_at" is null;--> statement-breakpoint
CREATE TABLE `planned_gift` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`item` text NOT NULL,
	`description` text,
	`to_person_id` integer,
	`estimated_value` real,
	`currency` text,
	`gift_id` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gift_id`) REFERENCES `gift`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "planned_gift_value_check" CHECK("planned_gift"."estimated_value" is null or "planned_gift"."estimated_value" >= 0)
);
--> statement-breakpoint
CREATE INDEX `planned_gift_visit_idx` ON `planned_gift` (`visit_id`);--> statement-breakpoint
CREATE TABLE `programme_attendee` (
	`item_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`item_id`, `person_id`),
	FOREIGN KEY (`item_id`) REFERENCES `programme_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programme_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`time_zone` text NOT NULL,
	`place` text,
	`notes` text,
	`meeting_id` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "programme_item_kind_check" CHECK("programme_item"."kind" in ('meeting', 'site_visit', 'meal', 'ceremony', 'transfer', 'press', 'free_time')),
	CONSTRAINT "programme_item_order_check" CHECK("programme_item"."ends_at" is null or "programme_item"."starts_at" is null or "programme_item"."ends_at" >= "programme_item"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `programme_item_visit_idx` ON `programme_item` (`visit_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `programme_item_meeting_idx` ON `programme_item` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `travel_leg` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`person_id` integer,
	`mode` text DEFAULT 'flight' NOT NULL,
	`number` text,
	`from_place` text NOT NULL,
	`from_time_zone` text NOT NULL,
	`departs_at` integer,
	`to_place` text NOT NULL,
	`to_time_zone` text NOT NULL,
	`arrives_at` integer,
	`notes` text,
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "travel_leg_mode_check" CHECK("travel_leg"."mode" in ('flight', 'train', 'car', 'other')),
	CONSTRAINT "travel_leg_order_check" CHECK("travel_leg"."arrives_at" is null or "travel_leg"."departs_at" is null or "travel_leg"."arrives_at" >= "travel_leg"."departs_at")
);
--> statement-breakpoint
CREATE INDEX `travel_leg_visit_idx` ON `travel_leg` (`visit_id`);--> statement-breakpoint
CREATE TABLE `visit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`title` text NOT NULL,
	`purpose` text,
	`status` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`head_person_id` integer,
	`hotel` text,
	`interpreter_languages` text,
	`dietary_needs` text,
	`access_needs` text,
	`budget_amount` real,
	`budget_currency` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`head_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "visit_direction_check" CHECK("visit"."direction" in ('outgoing', 'incoming')),
	CONSTRAINT "visit_status_check" CHECK("visit"."status" in ('idea', 'planned', 'confirmed', 'under_way', 'completed', 'cancelled')),
	CONSTRAINT "visit_precision_check" CHECK("visit"."date_precision" in ('year', 'month', 'day')),
	CONSTRAINT "visit_budget_check" CHECK("visit"."budget_amount" is null or "visit"."budget_amount" >= 0),
	CONSTRAINT "visit_dates_check" CHECK("visit"."ends_on" is null or "visit"."starts_on" is null or "visit"."ends_on" >= "visit"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `visit_live_starts_idx` ON `visit` (`starts_on`,`id`) WHERE "visit"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `visit_status_idx` ON `visit` (`status`,`starts_on`);--> statement-breakpoint
CREATE TABLE `visit_member` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`title_at_time` text,
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "visit_member_role_check" CHECK("visit_member"."role" in ('head', 'member', 'interpreter', 'protocol', 'press', 'security', 'support'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visit_member_person_idx` ON `visit_member` (`visit_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `visit_member_by_person_idx` ON `visit_member` (`person_id`);--> statement-breakpoint
CREATE TABLE `visit_partner` (
	`visit_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`visit_id`, `partner_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partner`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_partner_partner_idx` ON `visit_partner` (`partner_id`,`visit_id`);