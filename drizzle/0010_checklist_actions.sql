ALTER TABLE `checklist_item` ADD `action_id` integer REFERENCES action(id);--> statement-breakpoint
CREATE UNIQUE INDEX `checklist_item_action_idx` ON `checklist_item` (`action_id`);