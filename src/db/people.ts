// One person, several addresses. `same a b` marks b's row as one more address of a (merged_into); each row
// keeps its own mail and aggregates, so mail from either address lands as before and `split b` gives b back
// exactly as it was. Whatever reads people (the digest, `status`, the export) folds a person's rows into one.
import { and, eq, gt, inArray, or, sql, type Placeholder } from "drizzle-orm";
import { pairKeys } from "../digest/newcomers";
import { turnedName } from "../names";
import { DAY_MS } from "../time";
import type { Db } from "./client";
import type { Statement } from "./commands";
import { chunk, LOOKUP_CHUNK } from "./limits";
import { selectStatement } from "./prepared";
import { contacts, type Contact } from "./schema";

type TimeKey = { [K in keyof Contact]: Contact[K] extends number | null ? K : never }[keyof Contact];

const SUMS = ["inboundCount", "outboundCount", "theyGaveCount", "youGaveCount", "conversationCount", "meetingCount"] as const;
const FIRSTS = ["firstAt", "firstInboundAt", "firstOutboundAt", "introducedAt"] as const;
const LASTS = ["lastAt", "lastInboundAt", "lastOutboundAt", "lastYouThankedAt", "lastYouAskedAt", "lastConversationAt", "doneAt"] as const;
/** Values that belong to a time: taken from the row whose time is latest. */
const WITH_LATEST: Array<[TimeKey, Array<keyof Contact>]> = [
  ["lastAt", ["lastThreadId"]],
  ["lastInboundAt", ["lastInboundSubject"]],
  ["lastOutboundAt", ["lastOutboundSubject"]],
  ["lastTheyGaveAt", ["lastTheyGaveAt", "lastTheyGaveSubject", "lastTheyGaveKind", "lastTheyGaveDetail"]],
  ["lastTheyAskedAt", ["lastTheyAskedAt", "lastTheyAskedSubject"]],
  ["lastMeetingAt", ["lastMeetingAt", "lastMeetingSubject"]],
  ["followUpSince", ["followUpSince", "followUpDueAt", "followUpSubject", "followUpReason", "unansweredOutbound"]],
];

function latestRow(rows: Contact[], key: TimeKey): Contact | undefined {
  let best: Contact | undefined;
  for (const r of rows) if (r[key] !== null && (best === undefined || (r[key] as number) > (best[key] as number))) best = r;
  return best;
}

/**
 * One person from their rows, the first being the person's own (its id, address, name and settings stand).
 * Counts add up, first times take the earliest, last times the latest with what belongs to them: a reply
 * from one address settles what was sent to the other.
 */
export function foldPerson(rows: Contact[]): Contact {
  const [own, ...others] = rows;
  if (others.length === 0) return own;
  const person: Contact = { ...own, name: own.name ?? others.find((r) => r.name)?.name ?? null };
  const p = person as Record<string, unknown>;
  for (const k of SUMS) p[k] = rows.reduce((s, r) => s + r[k], 0);
  for (const k of FIRSTS) p[k] = minOf(rows.map((r) => r[k]));
  for (const k of LASTS) p[k] = maxOf(rows.map((r) => r[k]));
  for (const [time, keys] of WITH_LATEST) {
    const row = latestRow(rows, time);
    if (row) for (const k of keys) p[k] = row[k];
  }
  const introduced = latestRow(rows.filter((r) => r.introducedAt === person.introducedAt), "introducedAt");
  person.introducedBy = introduced?.introducedBy ?? own.introducedBy;
  return person;
}

const minOf = (xs: Array<number | null>) => xs.reduce<number | null>((m, x) => (x === null ? m : m === null ? x : Math.min(m, x)), null);
const maxOf = (xs: Array<number | null>) => xs.reduce<number | null>((m, x) => (x === null ? m : m === null ? x : Math.max(m, x)), null);

/** Every person once: rows merged into another join it; a muted person, and the rows of one, are left out. */
export function foldPeople(rows: Contact[]): Contact[] {
  const groups = new Map<number, Contact[]>();
  for (const r of rows) if (r.mergedInto === null && !r.muted) groups.set(r.id, [r]);
  for (const r of rows) if (r.mergedInto !== null) groups.get(r.mergedInto)?.push(r);
  return [...groups.values()].map(foldPerson);
}

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

/** Contacts that are addresses of another person: the rows a person-level list leaves out. */
export const isOwnPerson = sql`${contacts.mergedInto} is null`;

export type NamedPerson = Pick<Contact, "id" | "name" | "address" | "splitFrom">;
/** What the notes read of a newcomer: who, and how they came into the network (newThisWeek). */
export type Newcomer = NamedPerson & Pick<Contact, "firstAt" | "firstOutboundAt" | "introducedAt">;

/** What the digest's notes about people need: newcomers of the week, and the people a pair with one could join. */
export interface PeopleForNotes {
  newcomers: Newcomer[];
  /** The newcomers and everyone who shares a name with one (pairKeys), by id; empty when no one is new. */
  sameNamed: NamedPerson[];
}

/** The owner's people, each once (their own row), muted ones left out. */
const ownPeople = (ownerId: Placeholder) => and(eq(contacts.ownerId, ownerId), isOwnPerson, eq(contacts.muted, false));

const named = { id: contacts.id, name: contacts.name, address: contacts.address, splitFrom: contacts.splitFrom };
const newcomer = { ...named, firstAt: contacts.firstAt, firstOutboundAt: contacts.firstOutboundAt, introducedAt: contacts.introducedAt };
const newcomerRows = selectStatement<{ ownerId: number; since: number }, Newcomer>(newcomer, (db, p) =>
  db.select(newcomer).from(contacts).where(and(ownPeople(p.ownerId), gt(contacts.lastAt, p.since), gt(contacts.firstAt, p.since))),
);

// The keys go in as JSON arrays, so a week of a thousand newcomers is still one statement (D1 counts statements
// per invocation): an index search per key on each of the two indexes (each OR term names the owner, so SQLite
// serves each from its own index, a MULTI-INDEX OR), and a person found by both comes once. A big network's week
// brings thousands of namesakes: they are read as arrays, since D1's row objects and drizzle's mapping of them
// cost more CPU than the lookup itself.
const namesakeRows = selectStatement<{ ownerId: number; nameKeys: string; localKeys: string }, NamedPerson>(named, (db, p) =>
  db
    .select(named)
    .from(contacts)
    .where(
      and(
        or(
          and(eq(contacts.ownerId, p.ownerId), sql`${contacts.nameKey} in (select value from json_each(${p.nameKeys}))`),
          and(eq(contacts.ownerId, p.ownerId), sql`${contacts.localKey} in (select value from json_each(${p.localKeys}))`),
        ),
        isOwnPerson,
        eq(contacts.muted, false),
      ),
    ),
  (raw) => (raw as Array<[number, string | null, string, number | null]>).map(([id, name, address, splitFrom]) => ({ id, name, address, splitFrom })),
);

/**
 * Newcomers are read through contacts_owner_last_at (first contact this week means last contact this week
 * too). Only a newcomer can make a new pair to ask about, so only the people whose name or local part is one
 * of the newcomers' names are read, through contacts_owner_name_key and contacts_owner_local_key: rows read
 * grow with the newcomers and their namesakes, not with the network.
 */
export async function peopleForNotes(db: Db, ownerId: number, now: number): Promise<PeopleForNotes> {
  const newcomers = await newcomerRows.all(db, { ownerId, since: now - 7 * DAY_MS });
  if (newcomers.length === 0) return { newcomers, sameNamed: [] };
  const keys = pairKeys(newcomers);
  const list = (items: string[]) => JSON.stringify([...new Set(items)]);
  const rows = await namesakeRows.all(db, { ownerId, nameKeys: list(keys.map(turnedName)), localKeys: list(keys) });
  const found = new Map<number, NamedPerson>(newcomers.map((c) => [c.id, c]));
  for (const row of rows) found.set(row.id, row);
  return { newcomers, sameNamed: [...found.values()].sort((a, b) => a.id - b.id) };
}
