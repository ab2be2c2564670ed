ALTER TABLE `pose_generations` ADD `init_strength` real;--> statement-breakpoint
ALTER TABLE `generated_poses` ADD `start_image` text;