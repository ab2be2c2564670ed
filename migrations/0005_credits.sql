CREATE TABLE `credit_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`poses` integer DEFAULT 0 NOT NULL,
	`generation_id` text,
	`idempotency_key` text NOT NULL,
	`note` text,
	`granted_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_idempotency_key_unique` ON `credit_ledger` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `credit_ledger_user_created_idx` ON `credit_ledger` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `daily_pose_limit` integer;--> statement-breakpoint
-- Everyone who signed up before credits existed gets the same welcome credits as a new account.
INSERT INTO `credit_ledger` (`id`, `user_id`, `kind`, `amount`, `poses`, `idempotency_key`, `note`, `created_at`)
SELECT lower(hex(randomblob(16))), `id`, 'welcome', 200, 0, 'welcome:' || `id`, 'Welcome credits', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `users`;
