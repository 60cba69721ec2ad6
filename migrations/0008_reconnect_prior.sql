-- The inferred cadence leans less on the 90-day prior (half a gap instead of one), so a short, regular history
-- (four monthly conversations) keeps about its own rhythm. SQLite cannot drop an indexed column: the index goes first.
DROP INDEX `contacts_owner_quiet_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `quiet_at`;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_at` real GENERATED ALWAYS AS (quiet_from + (coalesce(case when cadence_days > 0 then cadence_days end, case when first_at is null or last_conversation_at is null or conversation_count < 2 then 90 else min(365, max(14, (max(0, last_conversation_at - first_at) / 86400000.0 + 45) / (conversation_count - 1 + 0.5))) end) - 1) * 86400000) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_at` ON `contacts` (`owner_id`,`quiet_at`);
