ALTER TABLE `pose_metrics` ADD `provider_calls` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_ledger` ADD `pose_template_id` text;--> statement-breakpoint
ALTER TABLE `credit_ledger` ADD `round` integer;--> statement-breakpoint
CREATE INDEX `credit_ledger_generation_idx` ON `credit_ledger` (`generation_id`);