-- Whether the owner's latest request to this person asked for know-how ("which invoicing program do you use?",
-- "skal der moms på gavekort?"): a brief answer to it counts as help given (src/ingest/judge.ts).
ALTER TABLE `contacts` ADD `last_you_asked_advice` integer;
