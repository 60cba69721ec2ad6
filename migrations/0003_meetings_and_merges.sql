ALTER TABLE `contacts` ADD `meeting_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_meeting_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_meeting_subject` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `merged_into` integer;--> statement-breakpoint
CREATE INDEX `contacts_owner_merged_into` ON `contacts` (`owner_id`,`merged_into`);--> statement-breakpoint
ALTER TABLE `digests` ADD `kind` text DEFAULT 'weekly' NOT NULL;--> statement-breakpoint
ALTER TABLE `interactions` ADD `kind` text DEFAULT 'mail' NOT NULL;