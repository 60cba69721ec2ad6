// A command mail's common reads and writes, bound into SQL written ahead of time (command-sql.ts, from
// hot-queries.ts's commandQueries): reading the digest a reply answers and the people its lines name, and the
// writes of done, snooze, never, note, cadence and private/professional. A mail of such lines loads no drizzle.
// The rare lines' statements are built by drizzle in commands.ts, which their verbs import when they run.
import type { Section } from "../digest/types";
import { domainKey, localKey } from "../names";
import { COMMAND_SQL } from "./command-sql";
import { chunk, JSON_LOOKUP_CHUNK, listParam } from "./limits";
import type { Contact } from "./schema";
import { bind, readOf, readOne, readTogether, type Statement } from "./statements";

export type { Statement };

export interface NumberedItem {
  number: number;
  kind: Section;
  contact: Contact;
}

/** A References header can name hundreds of mails; the newest (last) are the ones a reply to a digest names. */
const MAX_THREAD_IDS = 200;

/**
 * The newest of this owner's digests among the Message-IDs a reply's thread names, or null. Reads through the
 * owner's digests only: a Message-ID never names another owner's digest.
 */
export async function digestByMessageId(d1: D1Database, ownerId: number, messageIds: string[]): Promise<{ id: number; sentAt: number } | null> {
  if (!messageIds.length) return null;
  const ids = listParam([...new Set(messageIds)].slice(-MAX_THREAD_IDS));
  const [row] = await readOne(readOf<{ id: number; sentAt: number }>(d1, COMMAND_SQL.digestByMessageIds, { ownerId, ids }));
  return row ?? null;
}

/**
 * A digest's numbered items with their contacts (one round trip), or null when this owner has no such digest. An
 * item whose person has since been forgotten is not among them: there is nobody to act on.
 */
export async function digestItemsWithContacts(d1: D1Database, ownerId: number, digestId: number): Promise<NumberedItem[] | null> {
  const values = { ownerId, digestId };
  const [digest, rows] = await readTogether<[{ id: number }[], Array<Contact & Pick<NumberedItem, "number" | "kind">>]>(d1, [
    readOf(d1, COMMAND_SQL.digestOfOwner, values),
    readOf(d1, COMMAND_SQL.digestItemsWithContacts, values),
  ]);
  return digest.length ? rows.map(({ number, kind, ...contact }) => ({ number, kind, contact })) : null;
}

export async function contactsByAddress(d1: D1Database, ownerId: number, addresses: string[]): Promise<Contact[]> {
  const out: Contact[] = [];
  for (const part of chunk([...new Set(addresses)], JSON_LOOKUP_CHUNK)) {
    out.push(...(await readOne(readOf<Contact>(d1, COMMAND_SQL.contactsWithAddresses, { ownerId, addresses: listParam(part) }))));
  }
  return out;
}

/**
 * The contacts a line may name, to resolve "snooze Anna 2w": by contacts_owner_name_key, the name as normalised
 * in code (SQLite's lower() folds ASCII only, and "østergaard" must find "Østergaard"). Each lookup is one of
 * resolve.ts's `nameLookup`: exact keys, or a first name read as the range of keys "anna " up to "anna!". Reads
 * the contacts with those names only, in one round trip; contactsNamed picks among them.
 */
export async function contactsByName(d1: D1Database, ownerId: number, lookups: Array<{ exact: string[]; firstName: string | null }>): Promise<Contact[]> {
  const exact = lookups.flatMap((l) => l.exact);
  const firstNames = [...new Set(lookups.flatMap((l) => (l.firstName ? [l.firstName] : [])))];
  const reads = [
    readOf<Contact>(d1, COMMAND_SQL.contactsWithNameKeys, { ownerId, nameKeys: listParam(exact) }),
    ...firstNames.map((first) => readOf<Contact>(d1, COMMAND_SQL.contactsWithNameKeysFrom, { ownerId, from: `${first} `, to: `${first}!` })),
  ];
  const found = new Map<number, Contact>();
  for (const rows of await readTogether<Contact[][]>(d1, reads)) for (const c of rows) found.set(c.id, c);
  return [...found.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** The person's own row for each of these rows (itself, or the row it was merged into). */
export async function personRows(d1: D1Database, ownerId: number, found: Contact[]): Promise<Map<number, Contact>> {
  const out = new Map<number, Contact>(found.map((c) => [c.id, c]));
  const missing = [...new Set(found.flatMap((c) => (c.mergedInto !== null && !out.has(c.mergedInto) ? [c.mergedInto] : [])))];
  if (missing.length) {
    for (const c of await readOne(readOf<Contact>(d1, COMMAND_SQL.contactsWithIds, { ownerId, ids: JSON.stringify(missing) }))) out.set(c.id, c);
  }
  return out;
}

/** The fields a line sets on a contact, each with updated_at. */
const CONTACT_FIELDS = {
  doneAt: COMMAND_SQL.contactDoneAt,
  snoozedUntil: COMMAND_SQL.contactSnoozedUntil,
  muted: COMMAND_SQL.contactMuted,
  cadenceDays: COMMAND_SQL.contactCadenceDays,
  circle: COMMAND_SQL.contactCircle,
} as const;

export function setContactField<F extends keyof typeof CONTACT_FIELDS>(
  d1: D1Database,
  ownerId: number,
  contactId: number,
  field: F,
  value: Contact[F],
  now: number,
): Statement {
  return bind(d1, CONTACT_FIELDS[field], { ownerId, contactId, value, now });
}

/** `done`: everything open about the person up to now is settled, in every section, until newer evidence. */
export function markDone(d1: D1Database, ownerId: number, contactId: number, now: number): Statement {
  return setContactField(d1, ownerId, contactId, "doneAt", now, now);
}

/** A note on a contact, named by id, or by address when the same batch creates the contact. */
export function addNote(d1: D1Database, ownerId: number, contact: number | string, body: string, messageId: string | null, now: number): Statement {
  const byId = typeof contact === "number";
  return bind(d1, COMMAND_SQL.commandNote, { ownerId, contactId: byId ? contact : null, address: byId ? null : contact, body, messageId, now });
}

/**
 * A contact the owner names before any mail (`note`, `met` on a new address). `vouched`: the owner says they
 * know them, so they join the network as if introduced.
 */
export function contactCreateStatement(d1: D1Database, ownerId: number, address: string, now: number, vouched: boolean): Statement {
  return bind(d1, COMMAND_SQL.contactCreate, { ownerId, address, localKey: localKey(address), domainKey: domainKey(address), introducedAt: vouched ? now : null, now });
}
