CREATE TABLE `exchange_rate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`currency` text NOT NULL,
	`date` text NOT NULL,
	`rate_to_krw` real NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "exchange_rate_positive_check" CHECK("exchange_rate"."rate_to_krw" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_rate_currency_date_idx` ON `exchange_rate` (`currency`,`date`);