ALTER TABLE `contacts` ADD `debt_until` integer GENERATED ALWAYS AS (max(coalesce(last_they_gave_at, 0), coalesce(last_they_asked_at, 0), coalesce(follow_up_due_at, follow_up_since + 31536000000, 0)) + 4838400000) VIRTUAL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_from` integer GENERATED ALWAYS AS (case when last_at is not null and inbound_count > 0 and outbound_count > 0 and conversation_count >= 2 and coalesce(last_conversation_at, last_at) - coalesce(first_at, last_at) >= 2419200000 and unanswered_outbound < 3 then max(last_at, coalesce(done_at, last_at)) end) VIRTUAL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_at` real GENERATED ALWAYS AS (quiet_from + (coalesce(case when cadence_days > 0 then cadence_days end, case when first_at is null or last_conversation_at is null or conversation_count < 2 then 90 else min(365, max(14, (max(0, last_conversation_at - first_at) / 86400000.0 + 90) / (conversation_count - 1 + 1))) end) - 1) * 86400000) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contacts_owner_debt_until` ON `contacts` (`owner_id`,`debt_until`);--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_at` ON `contacts` (`owner_id`,`quiet_at`);--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_from` ON `contacts` (`owner_id`,`quiet_from`);--> statement-breakpoint
ALTER TABLE `digests` ADD `weekly` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `digests_weekly_claim` ON `digests` (`owner_id`,`iso_week`) WHERE weekly = 1;--> statement-breakpoint
ALTER TABLE `owners` ADD `next_digest_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `owners_next_digest` ON `owners` (`paused`,`next_digest_at`);--> statement-breakpoint
CREATE INDEX `interactions_owner_message` ON `interactions` (`owner_id`,`message_id`,`contact_id`);