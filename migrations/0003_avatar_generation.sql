CREATE TABLE `avatar_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`image_key` text NOT NULL,
	`content_type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`description` text NOT NULL,
	`prompt` text NOT NULL,
	`gender` text,
	`age_range` text,
	`style` text,
	`seed` integer NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `avatar_candidates_user_idx` ON `avatar_candidates` (`user_id`);--> statement-breakpoint
CREATE INDEX `avatar_candidates_expiry_idx` ON `avatar_candidates` (`expires_at`);--> statement-breakpoint
CREATE TABLE `avatar_generation_metrics` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text,
	`model` text,
	`attempts` integer NOT NULL,
	`generation_time` integer NOT NULL,
	`success` integer NOT NULL,
	`error_class` text,
	`estimated_cost_usd` real DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `avatar_generation_metrics_provider_idx` ON `avatar_generation_metrics` (`provider`,`created_at`);--> statement-breakpoint
CREATE INDEX `avatar_generation_metrics_user_idx` ON `avatar_generation_metrics` (`user_id`,`created_at`);