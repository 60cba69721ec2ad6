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
ALTER TABLE `digests` ADD `kind` text DEFAULT 'digest' NOT NULL;--> statement-breakpoint
ALTER TABLE `interactions` ADD `kind` text DEFAULT 'mail' NOT NULL;--> statement-breakpoint
-- A meeting is contact both ways: quiet_from counts meeting_count on each side. SQLite cannot change a
-- generated column, so quiet_at (which reads quiet_from) and quiet_from are dropped with their indexes and
-- added again; they are virtual, so no data moves.
DROP INDEX `contacts_owner_quiet_at`;--> statement-breakpoint
DROP INDEX `contacts_owner_quiet_from`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `quiet_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `quiet_from`;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_from` integer GENERATED ALWAYS AS (case when last_at is not null and inbound_count + meeting_count > 0 and outbound_count + meeting_count > 0 and conversation_count >= 2 and coalesce(last_conversation_at, last_at) - coalesce(first_at, last_at) >= 2419200000 and unanswered_outbound < 3 then max(last_at, coalesce(done_at, last_at)) end) VIRTUAL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_at` real GENERATED ALWAYS AS (quiet_from + (coalesce(case when cadence_days > 0 then cadence_days end, case when first_at is null or last_conversation_at is null or conversation_count < 2 then 90 else min(365, max(14, (max(0, last_conversation_at - first_at) / 86400000.0 + 90) / (conversation_count - 1 + 1))) end) - 1) * 86400000) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_at` ON `contacts` (`owner_id`,`quiet_at`);--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_from` ON `contacts` (`owner_id`,`quiet_from`);
