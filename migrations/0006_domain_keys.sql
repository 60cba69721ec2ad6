ALTER TABLE `contacts` ADD `domain_key` text;--> statement-breakpoint
CREATE INDEX `contacts_owner_domain_key` ON `contacts` (`owner_id`,`domain_key`);--> statement-breakpoint
-- Backfill of the domain key, which code writes from now on (src/names.ts): the domain's labels turned round,
-- one label a step.
WITH RECURSIVE `labels`(`id`, `rest`, `acc`) AS (
  SELECT `id`, lower(substr(`address`, instr(`address`, '@') + 1)), NULL FROM `contacts`
  UNION ALL
  SELECT `id`,
    CASE WHEN instr(`rest`, '.') > 0 THEN substr(`rest`, instr(`rest`, '.') + 1) END,
    CASE WHEN instr(`rest`, '.') > 0 THEN substr(`rest`, 1, instr(`rest`, '.') - 1) ELSE `rest` END || coalesce('.' || `acc`, '')
  FROM `labels` WHERE `rest` IS NOT NULL
)
UPDATE `contacts` SET `domain_key` = `labels`.`acc` FROM `labels` WHERE `labels`.`id` = `contacts`.`id` AND `labels`.`rest` IS NULL;
