CREATE TABLE `sign_in_known_address` (
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`email`, `ip`)
);
