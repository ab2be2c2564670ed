ALTER TABLE `generated_poses` ADD `quality_source` text;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `quality_detection` text;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `requested_pose` text;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `rated_at` integer;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `downloads` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `zip_exports` integer DEFAULT 0 NOT NULL;