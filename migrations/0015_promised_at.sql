-- The owner's latest mail to someone, when it answered their open ask only with a promise ("I'll write properly at
-- the weekend"): a week later, with nothing written since, the ask is back in the digest. Null for every row now.
ALTER TABLE `contacts` ADD `promised_at` integer;
