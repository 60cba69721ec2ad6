import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { contacts, interactions, notes, type Contact, type Interaction, type Note } from "./schema";

export async function listContacts(db: Db, ownerId: number): Promise<Contact[]> {
  return db.select().from(contacts).where(eq(contacts.ownerId, ownerId)).orderBy(asc(contacts.address));
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
