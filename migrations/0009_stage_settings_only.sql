-- Stage settings live only in stage_settings (by stage name; 0008 copied these columns into it),
-- and a generation records no model of its own: each pose records the one that ran.
ALTER TABLE `pose_generations` DROP COLUMN `fashion_settings`;--> statement-breakpoint
ALTER TABLE `pose_generations` DROP COLUMN `background_settings`;--> statement-breakpoint
ALTER TABLE `pose_generations` DROP COLUMN `profession_theme`;--> statement-breakpoint
ALTER TABLE `pose_generations` DROP COLUMN `model_id`;