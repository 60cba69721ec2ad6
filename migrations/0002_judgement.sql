ALTER TABLE `contacts` RENAME COLUMN "gave_count" TO "they_gave_count";--> statement-breakpoint
ALTER TABLE `contacts` RENAME COLUMN "got_count" TO "you_gave_count";--> statement-breakpoint
ALTER TABLE `contacts` RENAME COLUMN "last_gave_at" TO "last_they_gave_at";--> statement-breakpoint
ALTER TABLE `contacts` RENAME COLUMN "last_gave_subject" TO "last_they_gave_subject";--> statement-breakpoint
ALTER TABLE `contacts` RENAME COLUMN "last_thanked_at" TO "last_you_thanked_at";--> statement-breakpoint
ALTER TABLE `contacts` RENAME COLUMN "last_request_at" TO "last_they_asked_at";--> statement-breakpoint
ALTER TABLE `contacts` RENAME COLUMN "last_request_subject" TO "last_they_asked_subject";--> statement-breakpoint
ALTER TABLE `weekly_activity` RENAME COLUMN "gave" TO "they_gave";--> statement-breakpoint
ALTER TABLE `weekly_activity` RENAME COLUMN "got" TO "you_gave";--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_they_gave_kind` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_they_gave_detail` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_you_asked_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `introduced_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `introduced_by` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `follow_up_reason` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `conversation_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_conversation_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_thread_id` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `done_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `shown_section` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `shown_evidence_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `shown_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_shown_at` integer;--> statement-breakpoint
-- "done" now settles everything open about a person: keep the latest of the four per-section marks.
UPDATE `contacts` SET `done_at` = nullif(max(coalesce(`done_thank_at`, 0), coalesce(`done_help_at`, 0), coalesce(`done_follow_up_at`, 0), coalesce(`done_reconnect_at`, 0)), 0);--> statement-breakpoint
-- Conversations from the stored interactions: a mail more than four days after the previous one starts a new one.
UPDATE `contacts` SET `conversation_count` = `c`.`starts`, `last_conversation_at` = `c`.`last_start`, `last_thread_id` = `c`.`last_thread`
FROM (
  SELECT `contact_id`, sum(`prev` IS NULL OR `at` - `prev` > 345600000) AS `starts`,
    max(CASE WHEN `prev` IS NULL OR `at` - `prev` > 345600000 THEN `at` END) AS `last_start`,
    (SELECT `thread_id` FROM `interactions` `i2` WHERE `i2`.`contact_id` = `w`.`contact_id` ORDER BY `at` DESC LIMIT 1) AS `last_thread`
  FROM (SELECT `contact_id`, `at`, lag(`at`) OVER (PARTITION BY `contact_id` ORDER BY `at`) AS `prev` FROM `interactions`) AS `w`
  GROUP BY `contact_id`
) AS `c`
WHERE `contacts`.`id` = `c`.`contact_id`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `done_thank_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `done_help_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `done_follow_up_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `done_reconnect_at`;