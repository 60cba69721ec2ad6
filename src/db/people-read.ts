// One person, several addresses. `same a b` marks b's row as one more address of a (merged_into); each row
// keeps its own mail and aggregates, so mail from either address lands as before and `split b` gives b back
// exactly as it was. Whatever reads people (the digest, `status`, the export) folds a person's rows into one.
//
// The folding is plain code, and the digest's reads of people bind SQL written ahead of time (hot-sql.ts), so
// the digest queue loads no drizzle for them. The writes and the commands' reads are built by drizzle in people.ts.
import { pairKeys } from "../digest/newcomers";
import { turnedName } from "../names";
import { DAY_MS } from "../time";
import { HOT_SQL } from "./hot-sql";
import type { Contact } from "./schema";
import { bind, readOf, readOne, type Read } from "./statements";

type TimeKey = { [K in keyof Contact]: Contact[K] extends number | null ? K : never }[keyof Contact];

const SUMS = ["inboundCount", "outboundCount", "theyGaveCount", "youGaveCount", "conversationCount", "meetingCount"] as const;
const FIRSTS = ["firstAt", "firstInboundAt", "firstOutboundAt", "introducedAt"] as const;
const LASTS = ["lastAt", "lastInboundAt", "lastOutboundAt", "lastYouThankedAt", "lastYouAskedAt", "lastConversationAt", "doneAt", "unreachableAt"] as const;
/** Values that belong to a time: taken from the row whose time is latest. */
const WITH_LATEST: Array<[TimeKey, Array<keyof Contact>]> = [
  ["lastAt", ["lastThreadId"]],
  ["lastInboundAt", ["lastInboundSubject"]],
  ["lastOutboundAt", ["lastOutboundSubject", "promisedAt"]],
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

export type NamedPerson = Pick<Contact, "id" | "name" | "address" | "splitFrom">;
/** What the notes read of a newcomer: who, and how they came into the network (newThisWeek). */
export type Newcomer = NamedPerson & Pick<Contact, "firstAt" | "firstOutboundAt" | "introducedAt">;

/** What the digest's notes about people need: newcomers of the week, and the people a pair with one could join. */
export interface PeopleForNotes {
  newcomers: Newcomer[];
  /** The newcomers and everyone who shares a name with one (pairKeys), by id; empty when no one is new. */
  sameNamed: NamedPerson[];
}

// A big network's week brings thousands of namesakes: they are read as arrays and mapped by hand, since D1's row
// objects and a generic mapping cost more CPU than the lookup itself.
const namesakeRows = (raw: unknown[][]): NamedPerson[] =>
  (raw as Array<[number, string | null, string, number | null]>).map(([id, name, address, splitFrom]) => ({ id, name, address, splitFrom }));

/**
 * Newcomers are read through contacts_owner_last_at (first contact this week means last contact this week
 * too). Only a newcomer can make a new pair to ask about, so only the people whose name or local part is one
 * of the newcomers' names are read (namesakesOf): rows read grow with the newcomers and their namesakes, not with
 * the network.
 */
export function newcomersOf(d1: D1Database, ownerId: number, now: number): Read<Newcomer[]> {
  return readOf<Newcomer>(d1, HOT_SQL.newcomers, { ownerId, since: now - 7 * DAY_MS });
}

/** The newcomers with everyone who shares a name with one, through contacts_owner_name_key and contacts_owner_local_key. */
export async function namesakesOf(d1: D1Database, ownerId: number, newcomers: Newcomer[]): Promise<PeopleForNotes> {
  if (newcomers.length === 0) return { newcomers, sameNamed: [] };
  const keys = pairKeys(newcomers);
  const list = (items: string[]) => JSON.stringify([...new Set(items)]);
  const rows = await readOne({ statement: bind(d1, HOT_SQL.namesakes, { ownerId, nameKeys: list(keys.map(turnedName)), localKeys: list(keys) }), result: namesakeRows });
  const found = new Map<number, NamedPerson>(newcomers.map((c) => [c.id, c]));
  for (const row of rows) found.set(row.id, row);
  return { newcomers, sameNamed: [...found.values()].sort((a, b) => a.id - b.id) };
}
