ALTER TABLE `pose_generations` ADD `stage_settings` text;--> statement-breakpoint
-- Rows written before: the same settings, by stage name.
UPDATE `pose_generations` SET `stage_settings` = json_object('fashion', json(`fashion_settings`), 'background', json(`background_settings`), 'theme', `profession_theme`);
