CREATE INDEX `digest_items_contact` ON `digest_items` (`contact_id`);--> statement-breakpoint
CREATE INDEX `interactions_contact` ON `interactions` (`contact_id`);--> statement-breakpoint
CREATE INDEX `notes_contact` ON `notes` (`contact_id`);--> statement-breakpoint
CREATE INDEX `owner_addresses_owner` ON `owner_addresses` (`owner_id`);