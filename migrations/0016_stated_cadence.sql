-- The rhythm a contact's mail states ("our monthly letter", "vi ses første torsdag i måneden"), in days: below the owner's
-- own settings, above the rhythm inferred from history. quiet_at reads it, so quiet_at goes with its index (SQLite cannot
-- drop an indexed generated column) and comes back, as in 0014; it is virtual, so no data moves.
ALTER TABLE `contacts` ADD `stated_cadence_days` integer;--> statement-breakpoint
DROP INDEX `contacts_owner_quiet_at`;--> statement-breakpoint
ALTER TABLE `contacts` DROP COLUMN `quiet_at`;--> statement-breakpoint
ALTER TABLE `contacts` ADD `quiet_at` real GENERATED ALWAYS AS (quiet_from + (coalesce(case when cadence_days > 0 then cadence_days end, case when stated_cadence_days > 0 then stated_cadence_days end, case when first_at is null or last_conversation_at is null or conversation_count < 2 then 90 else min(365, max(14, (max(0, last_conversation_at - first_at) / 86400000.0 + 45) / (conversation_count - 1 + 0.5))) end) - 1) * 86400000) VIRTUAL;--> statement-breakpoint
CREATE INDEX `contacts_owner_quiet_at` ON `contacts` (`owner_id`,`quiet_at`);
