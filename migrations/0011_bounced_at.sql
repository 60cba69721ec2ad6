-- When a mail to this address last bounced for good (src/mail/bounce.ts): the digest suggests no follow-up or
-- reconnect to an address that cannot receive mail, until it writes again (digest/decide.ts).
ALTER TABLE `contacts` ADD `bounced_at` integer;