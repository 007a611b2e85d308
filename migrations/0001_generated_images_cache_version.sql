ALTER TABLE `generated_images` ADD `cache_version` text DEFAULT 'v1' NOT NULL;--> statement-breakpoint
CREATE INDEX `generated_images_version_idx` ON `generated_images` (`cache_version`);