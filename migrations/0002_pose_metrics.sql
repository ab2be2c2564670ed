CREATE TABLE `pose_metrics` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`generation_id` text NOT NULL,
	`pose_template_id` text NOT NULL,
	`provider` text,
	`model` text,
	`quality` text NOT NULL,
	`attempts` integer NOT NULL,
	`generation_time` integer NOT NULL,
	`success` integer NOT NULL,
	`error_class` text,
	`estimated_cost_usd` real DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pose_metrics_template_idx` ON `pose_metrics` (`pose_template_id`,`success`);--> statement-breakpoint
CREATE INDEX `pose_metrics_provider_idx` ON `pose_metrics` (`provider`,`created_at`);--> statement-breakpoint
CREATE INDEX `pose_metrics_user_idx` ON `pose_metrics` (`user_id`,`created_at`);