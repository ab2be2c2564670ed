-- A user's results outlive the avatar: pose_generations.avatar_id becomes nullable with ON DELETE
-- SET NULL, and avatar_name keeps the avatar's name. SQLite changes a foreign key only by
-- rebuilding the table. Written by hand, not as drizzle-kit printed it:
-- * D1 runs every migration inside a transaction with foreign keys enforced, so drizzle-kit's
--   `PRAGMA foreign_keys=OFF` does nothing there; D1 offers `PRAGMA defer_foreign_keys = on`
--   instead (https://developers.cloudflare.com/d1/sql-api/foreign-keys/), which only postpones
--   constraint checks to the end of the transaction.
-- * Deferring does not stop ON DELETE actions: DROP TABLE first deletes every row, and that
--   delete cascades into generated_poses. So generated_poses is copied aside and dropped before
--   pose_generations, then made again (same definition as 0000) and refilled.
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_pose_generations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`avatar_id` text,
	`avatar_name` text,
	`total_poses` integer NOT NULL,
	`selected_pose_ids` text NOT NULL,
	`quality` text NOT NULL,
	`fashion_settings` text,
	`background_settings` text,
	`profession_theme` text,
	`provider` text,
	`model_id` text,
	`base_prompt` text,
	`negative_prompt` text,
	`seed` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`successful_poses` integer DEFAULT 0 NOT NULL,
	`failed_poses` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`avatar_id`) REFERENCES `avatars`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
-- Backfill: every existing generation still has its avatar (the old key cascaded), so its name is there.
INSERT INTO `__new_pose_generations`("id", "user_id", "avatar_id", "avatar_name", "total_poses", "selected_pose_ids", "quality", "fashion_settings", "background_settings", "profession_theme", "provider", "model_id", "base_prompt", "negative_prompt", "seed", "status", "progress", "successful_poses", "failed_poses", "created_at", "updated_at", "completed_at") SELECT g."id", g."user_id", g."avatar_id", (SELECT a."name" FROM `avatars` a WHERE a."id" = g."avatar_id"), g."total_poses", g."selected_pose_ids", g."quality", g."fashion_settings", g."background_settings", g."profession_theme", g."provider", g."model_id", g."base_prompt", g."negative_prompt", g."seed", g."status", g."progress", g."successful_poses", g."failed_poses", g."created_at", g."updated_at", g."completed_at" FROM `pose_generations` g;--> statement-breakpoint
-- A plain copy (no foreign keys) of the poses, so no cascade can reach it.
CREATE TABLE `__keep_generated_poses` AS SELECT * FROM `generated_poses`;--> statement-breakpoint
DROP TABLE `generated_poses`;--> statement-breakpoint
DROP TABLE `pose_generations`;--> statement-breakpoint
ALTER TABLE `__new_pose_generations` RENAME TO `pose_generations`;--> statement-breakpoint
CREATE INDEX `pose_generations_user_created_idx` ON `pose_generations` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `pose_generations_avatar_idx` ON `pose_generations` (`avatar_id`);--> statement-breakpoint
CREATE TABLE `generated_poses` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`generation_id` text NOT NULL,
	`pose_template_id` text NOT NULL,
	`prompt` text NOT NULL,
	`output_url` text,
	`output_key` text,
	`success` integer NOT NULL,
	`quality_score` real,
	`generation_time` integer,
	`provider` text,
	`error` text,
	`attempts` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`generation_id`) REFERENCES `pose_generations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `generated_poses`("id", "user_id", "generation_id", "pose_template_id", "prompt", "output_url", "output_key", "success", "quality_score", "generation_time", "provider", "error", "attempts", "created_at") SELECT "id", "user_id", "generation_id", "pose_template_id", "prompt", "output_url", "output_key", "success", "quality_score", "generation_time", "provider", "error", "attempts", "created_at" FROM `__keep_generated_poses`;--> statement-breakpoint
DROP TABLE `__keep_generated_poses`;--> statement-breakpoint
CREATE UNIQUE INDEX `generated_poses_generation_template_idx` ON `generated_poses` (`generation_id`,`pose_template_id`);--> statement-breakpoint
CREATE INDEX `generated_poses_user_idx` ON `generated_poses` (`user_id`,`created_at`);
