CREATE TABLE `pose_favourites` (
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`template_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `template_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `pose_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pose_favourites_template_idx` ON `pose_favourites` (`template_id`);