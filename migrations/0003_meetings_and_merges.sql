CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`uid` text NOT NULL,
	`recurrence_id` integer DEFAULT 0 NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`start_at` integer NOT NULL,
	`title` text,
	`attendees` text NOT NULL,
	`large` integer DEFAULT false NOT NULL,
	`ics` text,
	`cancelled` integer DEFAULT false NOT NULL,
	`counted_until` integer,
	`next_due_at` integer,
	`message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_owner_uid` ON `meetings` (`owner_id`,`uid`,`recurrence_id`);--> statement-breakpoint
CREATE INDEX `meetings_owner_due` ON `meetings` (`owner_id`,`next_due_at`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `meeting_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_meeting_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_meeting_subject` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `merged_into` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `split_from` integer;--> statement-breakpoint
CREATE INDEX `contacts_owner_merged_into` ON `contacts` (`owner_id`,`merged_into`);--> statement-breakpoint
ALTER TABLE `digests` ADD `kind` text DEFAULT 'weekly' NOT NULL;--> statement-breakpoint
ALTER TABLE `interactions` ADD `kind` text DEFAULT 'mail' NOT NULL;