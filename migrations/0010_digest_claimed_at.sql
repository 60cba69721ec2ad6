-- When a weekly digest's claim was written, so that a claim whose invocation died before sending can be taken
-- over once it is older than any invocation lives (src/db/digest-store.ts, weeklyClaim).
ALTER TABLE `digests` ADD `claimed_at` integer;