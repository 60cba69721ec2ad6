CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`address` text NOT NULL,
	`name` text,
	`circle` text DEFAULT 'professional' NOT NULL,
	`muted` integer DEFAULT false NOT NULL,
	`cadence_days` integer,
	`snoozed_until` integer,
	`first_at` integer,
	`last_at` integer,
	`first_inbound_at` integer,
	`last_inbound_at` integer,
	`last_inbound_subject` text,
	`first_outbound_at` integer,
	`last_outbound_at` integer,
	`last_outbound_subject` text,
	`inbound_count` integer DEFAULT 0 NOT NULL,
	`outbound_count` integer DEFAULT 0 NOT NULL,
	`gave_count` integer DEFAULT 0 NOT NULL,
	`got_count` integer DEFAULT 0 NOT NULL,
	`last_gave_at` integer,
	`last_gave_subject` text,
	`last_thanked_at` integer,
	`last_request_at` integer,
	`last_request_subject` text,
	`follow_up_since` integer,
	`follow_up_due_at` integer,
	`follow_up_subject` text,
	`unanswered_outbound` integer DEFAULT 0 NOT NULL,
	`done_thank_at` integer,
	`done_help_at` integer,
	`done_follow_up_at` integer,
	`done_reconnect_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_owner_address` ON `contacts` (`owner_id`,`address`);--> statement-breakpoint
CREATE INDEX `contacts_owner_last_at` ON `contacts` (`owner_id`,`last_at`);--> statement-breakpoint
CREATE TABLE `digest_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`digest_id` integer NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`contact_id` integer NOT NULL,
	`circle` text NOT NULL,
	`evidence_at` integer,
	`evidence_subject` text,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`digest_id`) REFERENCES `digests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_items_number` ON `digest_items` (`digest_id`,`number`);--> statement-breakpoint
CREATE TABLE `digests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`iso_week` text NOT NULL,
	`sent_at` integer NOT NULL,
	`subject` text NOT NULL,
	`message_id` text,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `digests_owner_sent` ON `digests` (`owner_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`at` integer NOT NULL,
	`direction` text NOT NULL,
	`subject` text,
	`snippet` text,
	`is_thanks` integer DEFAULT false NOT NULL,
	`is_request` integer DEFAULT false NOT NULL,
	`is_giving` integer DEFAULT false NOT NULL,
	`is_outreach` integer DEFAULT false NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text,
	`source` text NOT NULL,
	`attachments` text,
	`broadcast` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_unique` ON `interactions` (`owner_id`,`contact_id`,`message_id`,`direction`);--> statement-breakpoint
CREATE INDEX `interactions_contact_at` ON `interactions` (`owner_id`,`contact_id`,`at`);--> statement-breakpoint
CREATE TABLE `mail_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`envelope_from` text,
	`envelope_to` text,
	`message_id` text,
	`subject` text,
	`reason` text NOT NULL,
	`size` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mail_events_owner_at` ON `mail_events` (`owner_id`,`at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`message_id` text NOT NULL,
	`thread_id` text,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`subject` text,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_owner_message_id` ON `messages` (`owner_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`body` text NOT NULL,
	`source` text NOT NULL,
	`message_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notes_owner_contact` ON `notes` (`owner_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `owner_addresses` (
	`address` text PRIMARY KEY NOT NULL,
	`owner_id` integer NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`primary_address` text NOT NULL,
	`name` text,
	`api_token_hash` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/Copenhagen' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`digest_weekday` integer DEFAULT 1 NOT NULL,
	`digest_hour` integer DEFAULT 8 NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`cadence_professional_days` integer,
	`cadence_private_days` integer,
	`follow_up_days` integer DEFAULT 7 NOT NULL,
	`last_digest_week` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owners_primary_address_unique` ON `owners` (`primary_address`);--> statement-breakpoint
CREATE UNIQUE INDEX `owners_api_token_hash_unique` ON `owners` (`api_token_hash`);--> statement-breakpoint
CREATE TABLE `suppressions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`pattern` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppressions_owner_pattern` ON `suppressions` (`owner_id`,`pattern`);--> statement-breakpoint
CREATE TABLE `weekly_activity` (
	`owner_id` integer NOT NULL,
	`week_start` integer NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`gave` integer DEFAULT 0 NOT NULL,
	`got` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`owner_id`, `week_start`),
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade
);
