-- A quiet tie may also be two conversations over a fortnight, first mail to last, in which they gave the owner something (advice,
-- feedback, an introduction) and were thanked: a former boss met for lunch, a teacher who read the portfolio. quiet_from changes;
-- quiet_at reads it, so both go with their indexes (SQLite cannot change or drop an indexed generated column) and
-- come back, as in 0013; they are virtual, so no data moves.
DROP INDEX `contacts_owner_quiet_at`;--> statement-breakpoint
DROP INDEX `contacts_owner_quiet_from`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `quiet_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `quiet_from`;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_from` integer GENERATED ALWAYS AS (case when last_at is not null and inbound_count + meeting_count > 0 and outbound_count + meeting_count > 0 and conversation_count >= 2 and (coalesce(last_conversation_at, last_at) - coalesce(first_at, last_at) >= 1814400000 or (they_gave_count > 0 and last_you_thanked_at is not null and last_at - coalesce(first_at, last_at) >= 1209600000)) and unanswered_outbound < 3 then max(last_at, coalesce(done_at, last_at)) end) VIRTUAL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_at` real GENERATED ALWAYS AS (quiet_from + (coalesce(case when cadence_days > 0 then cadence_days end, case when first_at is null or last_conversation_at is null or conversation_count < 2 then 90 else min(365, max(14, (max(0, last_conversation_at - first_at) / 86400000.0 + 45) / (conversation_count - 1 + 0.5))) end) - 1) * 86400000) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_at` ON `contacts` (`owner_id`,`quiet_at`);--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_from` ON `contacts` (`owner_id`,`quiet_from`);
