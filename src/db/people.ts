// A person's rows as the commands read and write them (`same`, `split`, a contact's addresses), built by drizzle.
// What a person is (their rows folded into one) and the digest's reads of people are in people-read.ts.
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "./client";
import type { Statement } from "./commands";
import { chunk, LOOKUP_CHUNK } from "./limits";
import { contacts, type Contact } from "./schema";

/** The person's own row for each of these rows (itself, or the row it was merged into). */
export async function personRows(db: Db, ownerId: number, found: Contact[]): Promise<Map<number, Contact>> {
  const out = new Map<number, Contact>(found.map((c) => [c.id, c]));
  const missing = [...new Set(found.flatMap((c) => (c.mergedInto !== null && !out.has(c.mergedInto) ? [c.mergedInto] : [])))];
  for (const part of chunk(missing, LOOKUP_CHUNK)) {
    for (const c of await db.select().from(contacts).where(and(eq(contacts.ownerId, ownerId), inArray(contacts.id, part)))) out.set(c.id, c);
  }
  return out;
}

/** All rows of a person: their own and every address merged into it, own row first. */
export async function personGroup(db: Db, ownerId: number, personId: number): Promise<Contact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), or(eq(contacts.id, personId), eq(contacts.mergedInto, personId))));
  return rows.sort((a, b) => (a.id === personId ? -1 : b.id === personId ? 1 : a.address.localeCompare(b.address)));
}

/** `same`: `other` and every address already merged into it become addresses of `person`. */
export function mergeStatements(db: Db, ownerId: number, personId: number, otherId: number, now: number): Statement[] {
  return [
    db
      .update(contacts)
      .set({ mergedInto: personId, splitFrom: null, updatedAt: now })
      .where(and(eq(contacts.ownerId, ownerId), or(eq(contacts.id, otherId), eq(contacts.mergedInto, otherId)))),
  ];
}

/** `split`: the address is its own contact again, with its own mail and settings as they were. */
export function splitStatement(db: Db, ownerId: number, contactId: number, personId: number, now: number): Statement {
  return db.update(contacts).set({ mergedInto: null, splitFrom: personId, updatedAt: now }).where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, contactId)));
}
