CREATE INDEX `action_live_order_idx` ON `action` (("due_on" is null),`due_on`,`id`) WHERE "action"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `action_live_partner_idx` ON `action` (`partner_id`,`status`,`due_on`) WHERE "action"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `action_live_partner_order_idx` ON `action` (`partner_id`,("due_on" is null),`due_on`,`id`,`status`) WHERE "action"."archived_at" is null;--> statement-breakpoint
CREATE INDEX `meeting_live_starts_id_idx` ON `meeting` (`starts_at`,`id`) WHERE "meeting"."archived_at" is null;