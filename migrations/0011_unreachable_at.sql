-- When this address was last found not to reach the person: a mail to it bounced for good (src/mail/bounce.ts), or
-- the person wrote from a new address under the same name (src/ingest/store.ts). The digest suggests no follow-up or
-- reconnect to it until it writes again (digest/decide.ts).
ALTER TABLE `contacts` ADD `unreachable_at` integer;