// A person's rows as the rare commands read and write them (`same`, `split`, `forget`), built by drizzle.
// What a person is (their rows folded into one) and the digest's reads of people are in people-read.ts.
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "./client";
import { d1Statement, type Statement } from "./commands";
import { contacts, type Contact } from "./schema";

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
    d1Statement(
      db,
      db
        .update(contacts)
        .set({ mergedInto: personId, splitFrom: null, updatedAt: now })
        .where(and(eq(contacts.ownerId, ownerId), or(eq(contacts.id, otherId), eq(contacts.mergedInto, otherId)))),
    ),
  ];
}

/**
 * `split`: the address is its own contact again, with its own mail and settings as they were. Two people, says the
 * owner: what the assistant read from one writing under the other's name goes too (ingest/namesakes.ts): the old
 * address found unreachable, and the new one in the network by its own first mail and no one's introduction.
 */
export function splitStatements(db: Db, ownerId: number, contactId: number, personId: number, now: number): Statement[] {
  const byItsOwnFirstMail = sql`case when ${contacts.introducedBy} is null and ${contacts.introducedAt} = ${contacts.firstInboundAt} then null else ${contacts.introducedAt} end`;
  return [
    d1Statement(
      db,
      db
        .update(contacts)
        .set({ mergedInto: null, splitFrom: personId, introducedAt: byItsOwnFirstMail, updatedAt: now })
        .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, contactId))),
    ),
    d1Statement(
      db,
      db
        .update(contacts)
        .set({ unreachableAt: null })
        .where(and(eq(contacts.ownerId, ownerId), or(eq(contacts.id, contactId), eq(contacts.id, personId)))),
    ),
  ];
}
