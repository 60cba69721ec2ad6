-- The owner's time zone's offsets, kept at a digest so that the next ones need no ICU (src/zone-clock.ts).
ALTER TABLE `owners` ADD `zone_offsets` text;