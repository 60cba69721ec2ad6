import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db } from "./client";
import { contacts, interactions, notes, type Contact, type Interaction, type Note } from "./schema";

/** One page of contacts by address, after `after` (exclusive); read through contacts_owner_address. */
export async function listContacts(db: Db, ownerId: number, page: { after: string | null; limit: number }): Promise<Contact[]> {
  return db
    .select()
    .from(contacts)
    .where(page.after === null ? eq(contacts.ownerId, ownerId) : and(eq(contacts.ownerId, ownerId), gt(contacts.address, page.after)))
    .orderBy(asc(contacts.address))
    .limit(page.limit);
}

export async function getContactByAddress(db: Db, ownerId: number, address: string): Promise<Contact | null> {
  const row = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.address, address)))
    .get();
  return row ?? null;
}

export async function getContactById(db: Db, ownerId: number, id: number): Promise<Contact | null> {
  const row = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, id)))
    .get();
  return row ?? null;
}

export const MAX_INTERACTIONS_PER_PAGE = 200;

export async function contactHistory(
  db: Db,
  ownerId: number,
  contactId: number,
  limit = MAX_INTERACTIONS_PER_PAGE,
): Promise<{ interactions: Interaction[]; notes: Note[] }> {
  const [rows, noteRows] = await db.batch([
    db
      .select()
      .from(interactions)
      .where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId)))
      .orderBy(desc(interactions.at), desc(interactions.id))
      .limit(limit),
    db
      .select()
      .from(notes)
      .where(and(eq(notes.ownerId, ownerId), eq(notes.contactId, contactId)))
      .orderBy(asc(notes.createdAt)),
  ]);
  return { interactions: rows, notes: noteRows };
}
