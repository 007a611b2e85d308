CREATE TABLE `admin_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_user_idx` ON `admin_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `admin_sessions_org_idx` ON `admin_sessions` (`org_id`);--> statement-breakpoint
CREATE INDEX `admin_sessions_expires_idx` ON `admin_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `asset_catalog` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`model_key` text NOT NULL,
	`thumbnail_key` text,
	`dimensions` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `asset_catalog_org_category_idx` ON `asset_catalog` (`org_id`,`category`);--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`email` text NOT NULL,
	`purpose` text NOT NULL,
	`role` text,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_tokens_hash_uq` ON `auth_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `auth_tokens_org_idx` ON `auth_tokens` (`org_id`);--> statement-breakpoint
CREATE INDEX `auth_tokens_email_idx` ON `auth_tokens` (`email`);--> statement-breakpoint
CREATE TABLE `buyer_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`floorplan_id` text NOT NULL,
	`selections` text NOT NULL,
	`quantities` text NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`email` text,
	`resume_token_hash` text,
	`resume_token_expires_at` integer,
	`last_active_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`floorplan_id`) REFERENCES `floorplans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `buyer_sessions_org_active_idx` ON `buyer_sessions` (`org_id`,`last_active_at`);--> statement-breakpoint
CREATE INDEX `buyer_sessions_floorplan_idx` ON `buyer_sessions` (`floorplan_id`);--> statement-breakpoint
CREATE INDEX `buyer_sessions_org_email_idx` ON `buyer_sessions` (`org_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `buyer_sessions_resume_uq` ON `buyer_sessions` (`resume_token_hash`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_org_slug_uq` ON `categories` (`org_id`,`slug`);--> statement-breakpoint
CREATE INDEX `categories_org_sort_idx` ON `categories` (`org_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`project_id` text NOT NULL,
	`element_id` text,
	`user_id` text,
	`author_name` text NOT NULL,
	`position` text,
	`body` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`element_id`) REFERENCES `scene_elements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comments_project_idx` ON `comments` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_element_idx` ON `comments` (`element_id`);--> statement-breakpoint
CREATE INDEX `comments_org_idx` ON `comments` (`org_id`);--> statement-breakpoint
CREATE TABLE `cost_items` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`category` text NOT NULL,
	`item` text NOT NULL,
	`description` text,
	`unit` text NOT NULL,
	`unit_cost_cents` integer NOT NULL,
	`labor_hours` real DEFAULT 0 NOT NULL,
	`region` text DEFAULT 'bay_area' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cost_items_org_uq` ON `cost_items` (`org_id`,`category`,`item`,`region`) WHERE org_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `cost_items_shared_uq` ON `cost_items` (`category`,`item`,`region`) WHERE org_id IS NULL;--> statement-breakpoint
CREATE INDEX `cost_items_org_region_idx` ON `cost_items` (`org_id`,`region`);--> statement-breakpoint
CREATE INDEX `cost_items_category_idx` ON `cost_items` (`category`);--> statement-breakpoint
CREATE TABLE `floorplans` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`bedrooms` integer,
	`bathrooms` real,
	`square_feet` integer,
	`base_price_cents` integer,
	`is_active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `floorplans_org_slug_uq` ON `floorplans` (`org_id`,`slug`);--> statement-breakpoint
CREATE INDEX `floorplans_org_sort_idx` ON `floorplans` (`org_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `generated_images` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`hash` text NOT NULL,
	`step_photo_id` text NOT NULL,
	`model` text NOT NULL,
	`status` text NOT NULL,
	`image_key` text,
	`selections` text NOT NULL,
	`buyer_session_id` text,
	`error` text,
	`claimed_at` integer NOT NULL,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_photo_id`) REFERENCES `step_photos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generated_images_org_hash_uq` ON `generated_images` (`org_id`,`hash`);--> statement-breakpoint
CREATE INDEX `generated_images_photo_idx` ON `generated_images` (`step_photo_id`);--> statement-breakpoint
CREATE INDEX `generated_images_org_status_idx` ON `generated_images` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `generation_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`hash` text NOT NULL,
	`attempt` integer NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`status` text NOT NULL,
	`swatch_count` integer DEFAULT 0 NOT NULL,
	`passes` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer,
	`estimated_cost_micros` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `generation_jobs_org_hash_idx` ON `generation_jobs` (`org_id`,`hash`);--> statement-breakpoint
CREATE INDEX `generation_jobs_org_created_idx` ON `generation_jobs` (`org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `generation_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`step_photo_id` text NOT NULL,
	`policy` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_photo_id`) REFERENCES `step_photos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generation_policies_photo_uq` ON `generation_policies` (`step_photo_id`);--> statement-breakpoint
CREATE INDEX `generation_policies_org_idx` ON `generation_policies` (`org_id`);--> statement-breakpoint
CREATE TABLE `option_floorplan_pricing` (
	`org_id` text NOT NULL,
	`option_id` text NOT NULL,
	`floorplan_id` text NOT NULL,
	`price_cents` integer NOT NULL,
	PRIMARY KEY(`option_id`, `floorplan_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`floorplan_id`) REFERENCES `floorplans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ofp_floorplan_idx` ON `option_floorplan_pricing` (`floorplan_id`);--> statement-breakpoint
CREATE INDEX `ofp_org_idx` ON `option_floorplan_pricing` (`org_id`);--> statement-breakpoint
CREATE TABLE `option_floorplans` (
	`org_id` text NOT NULL,
	`option_id` text NOT NULL,
	`floorplan_id` text NOT NULL,
	PRIMARY KEY(`option_id`, `floorplan_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`floorplan_id`) REFERENCES `floorplans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `option_floorplans_fp_idx` ON `option_floorplans` (`floorplan_id`);--> statement-breakpoint
CREATE INDEX `option_floorplans_org_idx` ON `option_floorplans` (`org_id`);--> statement-breakpoint
CREATE TABLE `option_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`option_id` text NOT NULL,
	`kind` text NOT NULL,
	`target_option_id` text NOT NULL,
	`message` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_option_id`) REFERENCES `options`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `option_rules_uq` ON `option_rules` (`option_id`,`kind`,`target_option_id`);--> statement-breakpoint
CREATE INDEX `option_rules_org_idx` ON `option_rules` (`org_id`);--> statement-breakpoint
CREATE INDEX `option_rules_target_idx` ON `option_rules` (`target_option_id`);--> statement-breakpoint
CREATE TABLE `options` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`subcategory_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`swatch_key` text,
	`swatch_color` text,
	`prompt_descriptor` text,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subcategory_id`) REFERENCES `subcategories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `options_org_slug_uq` ON `options` (`org_id`,`slug`);--> statement-breakpoint
CREATE INDEX `options_subcategory_idx` ON `options` (`subcategory_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `org_users` (
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `user_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `org_users_user_idx` ON `org_users` (`user_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`primary_color` text DEFAULT '#1f2a44' NOT NULL,
	`secondary_color` text DEFAULT '#f4f1ea' NOT NULL,
	`accent_color` text DEFAULT '#c8702a' NOT NULL,
	`logo_key` text,
	`custom_domain` text,
	`catalog_version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_slug_uq` ON `organizations` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_custom_domain_uq` ON `organizations` (`custom_domain`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text,
	`to_email` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_org_created_idx` ON `outbox` (`org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`);--> statement-breakpoint
CREATE TABLE `pm_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`project_id` text NOT NULL,
	`scene_version` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`labor_hours` real NOT NULL,
	`cost_breakdown` text NOT NULL,
	`schedule` text NOT NULL,
	`takeoff` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pm_snapshots_project_idx` ON `pm_snapshots` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pm_snapshots_org_idx` ON `pm_snapshots` (`org_id`);--> statement-breakpoint
CREATE TABLE `project_shares` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`project_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`permission` text DEFAULT 'view' NOT NULL,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_shares_token_uq` ON `project_shares` (`token_hash`);--> statement-breakpoint
CREATE INDEX `project_shares_project_idx` ON `project_shares` (`project_id`);--> statement-breakpoint
CREATE INDEX `project_shares_org_idx` ON `project_shares` (`org_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`project_type` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`address` text,
	`region` text DEFAULT 'bay_area' NOT NULL,
	`created_by` text,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `projects_org_status_idx` ON `projects` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `projects_org_updated_idx` ON `projects` (`org_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `rate_limits_window_idx` ON `rate_limits` (`window_start`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`room_type` text NOT NULL,
	`width_m` real NOT NULL,
	`depth_m` real NOT NULL,
	`height_m` real DEFAULT 2.7 NOT NULL,
	`bounds` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rooms_project_idx` ON `rooms` (`project_id`);--> statement-breakpoint
CREATE INDEX `rooms_org_idx` ON `rooms` (`org_id`);--> statement-breakpoint
CREATE TABLE `scene_elements` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`scene_id` text NOT NULL,
	`type` text NOT NULL,
	`phase` integer DEFAULT 3 NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`position` text NOT NULL,
	`rotation` text NOT NULL,
	`scale` text NOT NULL,
	`properties` text NOT NULL,
	`material_id` text,
	`asset_id` text,
	`cost_item_id` text,
	`notes` text,
	`visible` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scene_elements_scene_idx` ON `scene_elements` (`scene_id`);--> statement-breakpoint
CREATE INDEX `scene_elements_org_idx` ON `scene_elements` (`org_id`);--> statement-breakpoint
CREATE INDEX `scene_elements_scene_type_idx` ON `scene_elements` (`scene_id`,`type`);--> statement-breakpoint
CREATE INDEX `scene_elements_scene_phase_idx` ON `scene_elements` (`scene_id`,`phase`);--> statement-breakpoint
CREATE TABLE `scenes` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`project_id` text NOT NULL,
	`environment` text DEFAULT '{}' NOT NULL,
	`camera_presets` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenes_project_uq` ON `scenes` (`project_id`);--> statement-breakpoint
CREATE INDEX `scenes_org_idx` ON `scenes` (`org_id`);--> statement-breakpoint
CREATE TABLE `step_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`step_id` text NOT NULL,
	`image_key` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`is_hero` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`alt` text,
	`surfaces` text DEFAULT '[]' NOT NULL,
	`spatial_hint` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `steps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `step_photos_step_idx` ON `step_photos` (`step_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `step_photos_org_idx` ON `step_photos` (`org_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `step_photos_one_hero_uq` ON `step_photos` (`step_id`) WHERE is_hero = 1;--> statement-breakpoint
CREATE TABLE `steps` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`floorplan_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`subtitle` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`sections` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`floorplan_id`) REFERENCES `floorplans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `steps_floorplan_slug_uq` ON `steps` (`floorplan_id`,`slug`);--> statement-breakpoint
CREATE INDEX `steps_floorplan_sort_idx` ON `steps` (`floorplan_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `steps_org_idx` ON `steps` (`org_id`);--> statement-breakpoint
CREATE TABLE `subcategories` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`category_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`is_visual` integer DEFAULT false NOT NULL,
	`is_additive` integer DEFAULT false NOT NULL,
	`max_quantity` integer DEFAULT 1 NOT NULL,
	`unit_label` text,
	`prompt_descriptor` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subcategories_org_slug_uq` ON `subcategories` (`org_id`,`slug`);--> statement-breakpoint
CREATE INDEX `subcategories_category_idx` ON `subcategories` (`category_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`password_hash` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);