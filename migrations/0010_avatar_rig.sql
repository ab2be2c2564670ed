ALTER TABLE `avatars` ADD `rig_key` text;--> statement-breakpoint
ALTER TABLE `avatars` ADD `rig_pose` text;