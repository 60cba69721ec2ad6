// Seeds an owner's network straight into D1, fast: contacts as multi-row INSERTs with literal values
// (no bound parameters, so D1's 100-parameter limit does not apply, and each statement stays far below its
// 100 KB limit), then every interaction and message generated inside SQLite from the contact rows, so the
// interactions agree with each contact's counts and dates. Aggregates are drawn so that a weekly digest at
// `now` finds candidates in all four sections, in the proportions a real network might show.
import { domainKey, localKey, nameKey } from "../../src/names";
import { weekStartOf } from "../../src/time";
import { seededRandom } from "./encode";

const DAY_MS = 86_400_000;
/** Contacts per INSERT: ~450 bytes of literals a row keeps a statement near 45 KB (D1: 100 KB a statement). */
const CONTACTS_PER_INSERT = 100;
/** Contacts whose interactions one INSERT … SELECT generates. */
const CONTACTS_PER_GENERATE = 250;
/** The most interactions one contact gets: the length of the generated number series. */
const MAX_PER_CONTACT = 2000;
const STATEMENTS_PER_BATCH = 20;

export interface NetworkShape {
  contacts: number;
  interactions: number;
  /** Same seed, same network. Any size is drawn from the same distributions. */
  seed: number;
}

export interface SeededNetwork {
  contacts: number;
  interactions: number;
  messages: number;
  weeklyActivity: number;
  mailEvents: number;
  privateContacts: number;
}

const FIRST = ["Anna", "Bo", "Sarah", "Peter", "Maria", "Lars", "Nina", "Jonas", "Søren", "Åse", "Tom", "Mette", "Henrik", "Camilla", "Ole", "Freja", "Mikkel", "Ida", "Rasmus", "Sofie", "Emil", "Laura", "Kasper", "Julie", "Frederik", "Emma", "David", "Olivia", "James", "Chloe"];
const LAST = ["Holm", "Nielsen", "Miller", "Hansen", "Lund", "Kjær", "Friis", "Berg", "Bæk", "Nørgaard", "Becker", "Jensen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Smith", "Brown", "Taylor", "Wilson", "Clarke"];
const DOMAINS = ["gmail.com", "outlook.com", "designbureau.dk", "nielsen-consult.dk", "brightlabs.io", "hansen-ventures.com", "lund-studio.dk", "kjaer.io", "friis-law.dk", "berg-advisory.se", "northwind.co.uk", "baek.dk", "norgaard.dk", "aarhusfounders.dk", "startup-cph.dk", "mail.dk", "hotmail.com", "icloud.com"];
const SUBJECTS = [
  "Coffee next week?",
  "Intro: you and Tom Becker",
  "Could you review our pitch deck?",
  "Tilbud på workshop i december",
  "Thanks for the referral",
  "Pilot with the municipality",
  "Møde på fredag",
  "Slides from Founders Friday",
  "Quick question about pricing",
  "Kan du hjælpe med budgettet?",
  "Board seat at Aarhus Founders?",
  "Following up on our call",
  "Tak for sidst",
  "Introduction to the Northwind team",
  "Your talk at the meetup",
  "Opfølgning på mødet",
];

function ascii(text: string): string {
  return text.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
}

function sqlValue(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(Math.round(value));
  return `'${value.replace(/'/g, "''")}'`;
}

/** Heavy-tailed interaction counts that add up exactly to `total`: most ties are light, a few are busy. */
function interactionCounts(random: () => number, contacts: number, total: number): number[] {
  const weights = Array.from({ length: contacts }, () => Math.exp(1.1 * gaussian(random)));
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.min(MAX_PER_CONTACT, Math.max(1, Math.round((w / sum) * total))));
  let diff = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % contacts) {
    if (diff > 0 && counts[i] < MAX_PER_CONTACT) {
      counts[i]++;
      diff--;
    } else if (diff < 0 && counts[i] > 1) {
      counts[i]--;
      diff++;
    }
  }
  return counts;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

type Row = Record<string, string | number | null>;

function contactRow(random: () => number, i: number, count: number, ownerId: number, now: number): Row {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const first = pick(FIRST);
  const last = pick(LAST);
  const days = (d: number) => d * DAY_MS;
  const subject = () => pick(SUBJECTS);

  // Who writes: most ties go both ways, some are the owner's cold outreach, a few only ever write in.
  const kind = random();
  const inShare = kind < 0.1 ? 0 : kind < 0.15 ? 1 : 0.3 + random() * 0.4;
  let inbound = Math.round(count * inShare);
  if (inShare > 0 && inShare < 1 && count >= 2) inbound = Math.min(count - 1, Math.max(1, inbound));
  const outbound = count - inbound;

  const recency = random();
  const lastAgo = recency < 0.3 ? random() * 14 : recency < 0.6 ? 14 + random() * 76 : 90 + random() * 630;
  const tenure = lastAgo + (count > 1 ? 10 + random() * 1500 : 0);
  const lastAt = now - days(lastAgo);
  const firstAt = now - days(tenure);
  const lastIsInbound = outbound === 0 || (inbound > 0 && random() < 0.5);
  const otherLast = Math.max(firstAt, lastAt - days(1 + random() * 30));
  const lastInboundAt = inbound === 0 ? null : lastIsInbound ? lastAt : otherLast;
  const lastOutboundAt = outbound === 0 ? null : lastIsInbound ? otherLast : lastAt;
  const firstIsInbound = inbound > 0 && (outbound === 0 || random() < 0.5);
  const otherFirst = (lastOther: number | null) => (lastOther === null ? null : Math.min(lastOther, firstAt + days(random() * 20)));
  const firstInboundAt = inbound === 0 ? null : firstIsInbound ? firstAt : otherFirst(lastInboundAt);
  const firstOutboundAt = outbound === 0 ? null : firstIsInbound ? otherFirst(lastOutboundAt) : firstAt;

  // Give and take: some of their mails gave the owner something, some of the owner's gave back.
  const theyGaveCount = inbound === 0 ? 0 : Math.round(inbound * random() * 0.35);
  const youGaveCount = outbound === 0 ? 0 : Math.round(outbound * random() * 0.25);
  const lastGaveAt = theyGaveCount === 0 ? null : random() < 0.4 ? lastInboundAt : Math.max(firstInboundAt!, lastInboundAt! - days(random() * 200));
  const thanked = lastGaveAt !== null && lastOutboundAt !== null && lastOutboundAt >= lastGaveAt && random() < 0.7;
  const lastRequestAt = inbound > 0 && random() < 0.25 ? (random() < 0.5 ? lastInboundAt : Math.max(firstInboundAt!, lastInboundAt! - days(random() * 120))) : null;

  // The owner wrote last and waits: the outreach and maybe a nudge or two, due after the owner's 7 days.
  const waiting = outbound > 0 && !lastIsInbound && random() < 0.7;
  const unanswered = waiting ? 1 + (random() < 0.3 ? 1 : 0) + (random() < 0.1 ? 1 : 0) : 0;
  const followUpDays = random() < 0.1 ? 3 : 7;

  const circle = random() < 0.15 ? "private" : "professional";
  const snoozed = random() < 0.02 ? now + days(14) : null;
  const done = random() < 0.03 ? now - days(10 + random() * 30) : null;
  const address = `${ascii(first)}.${ascii(last)}.${i}@${pick(DOMAINS)}`;
  return {
    owner_id: ownerId,
    address,
    name: `${first} ${last}`,
    name_key: nameKey(`${first} ${last}`),
    local_key: localKey(address),
    domain_key: domainKey(address),
    circle,
    muted: random() < 0.02 ? 1 : 0,
    cadence_days: random() < 0.05 ? pick([30, 60, 90, 180]) : null,
    snoozed_until: snoozed,
    first_at: firstAt,
    last_at: lastAt,
    first_inbound_at: firstInboundAt,
    last_inbound_at: lastInboundAt,
    last_inbound_subject: inbound > 0 ? subject() : null,
    first_outbound_at: firstOutboundAt,
    last_outbound_at: lastOutboundAt,
    last_outbound_subject: outbound > 0 ? `Re: ${subject()}` : null,
    inbound_count: inbound,
    outbound_count: outbound,
    they_gave_count: theyGaveCount,
    you_gave_count: youGaveCount,
    last_they_gave_at: lastGaveAt,
    last_they_gave_subject: lastGaveAt === null ? null : subject(),
    last_they_gave_kind: lastGaveAt === null ? null : pick(["introduction", "referral", "asked-for", "help"]),
    last_you_thanked_at: thanked ? lastOutboundAt : null,
    last_they_asked_at: lastRequestAt,
    last_they_asked_subject: lastRequestAt === null ? null : subject(),
    conversation_count: Math.max(1, Math.round(count / 2.5)),
    last_conversation_at: lastAt,
    follow_up_since: waiting ? lastOutboundAt : null,
    follow_up_due_at: waiting ? lastOutboundAt! + days(followUpDays) : null,
    follow_up_subject: waiting ? subject() : null,
    unanswered_outbound: unanswered,
    follow_up_reason: waiting ? "question" : null,
    done_at: done,
    created_at: firstAt,
    updated_at: lastAt,
  };
}

async function runInBatches(db: D1Database, statements: string[]): Promise<void> {
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
    await db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH).map((s) => db.prepare(s)));
  }
}

/** Weeks of activity the owner's picture could show; the digest reads the last 12. */
const ACTIVITY_HISTORY_WEEKS = 104;

export async function seedNetwork(db: D1Database, ownerId: number, shape: NetworkShape, now: number): Promise<SeededNetwork> {
  const random = seededRandom(shape.seed);
  const counts = interactionCounts(random, shape.contacts, shape.interactions);
  const rows = counts.map((count, i) => contactRow(random, i, count, ownerId, now));
  const columns = Object.keys(rows[0]);
  const inserts: string[] = [];
  for (let i = 0; i < rows.length; i += CONTACTS_PER_INSERT) {
    const values = rows
      .slice(i, i + CONTACTS_PER_INSERT)
      .map((r) => `(${columns.map((c) => sqlValue(r[c])).join(", ")})`)
      .join(",\n");
    inserts.push(`INSERT INTO contacts (${columns.join(", ")}) VALUES\n${values}`);
  }
  await runInBatches(db, inserts);

  const ids = (await db.prepare("SELECT min(id) AS lo, max(id) AS hi FROM contacts WHERE owner_id = ?").bind(ownerId).first<{ lo: number; hi: number }>())!;
  const generate: string[] = [];
  for (let lo = ids.lo; lo <= ids.hi; lo += CONTACTS_PER_GENERATE) {
    const hi = Math.min(ids.hi, lo + CONTACTS_PER_GENERATE - 1);
    // Inbound mail first (n ≤ inbound_count), spread evenly between the first and last inbound time; then
    // outbound the same way. The last of each carries the contact's last subject.
    generate.push(`WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${MAX_PER_CONTACT})
INSERT INTO interactions (owner_id, contact_id, at, direction, subject, snippet, is_thanks, is_request, is_giving, is_outreach, message_id, thread_id, source, attachments, broadcast)
SELECT c.owner_id, c.id,
  CASE WHEN seq.n <= c.inbound_count
    THEN c.first_inbound_at + (c.last_inbound_at - c.first_inbound_at) * (seq.n - 1) / max(c.inbound_count - 1, 1)
    ELSE c.first_outbound_at + (c.last_outbound_at - c.first_outbound_at) * (seq.n - c.inbound_count - 1) / max(c.outbound_count - 1, 1) END,
  CASE WHEN seq.n <= c.inbound_count THEN 'in' ELSE 'out' END,
  CASE WHEN seq.n = c.inbound_count THEN c.last_inbound_subject
    WHEN seq.n = c.inbound_count + c.outbound_count THEN c.last_outbound_subject
    ELSE 'Re: ' || coalesce(c.last_inbound_subject, c.last_outbound_subject) END,
  'Thanks for the update on the plan, I will get back to you after the meeting on ' || (seq.n % 28 + 1) || ' with the numbers.',
  seq.n > c.inbound_count AND seq.n % 9 = 0,
  seq.n <= c.inbound_count AND seq.n % 5 = 0,
  seq.n <= c.they_gave_count,
  seq.n = c.inbound_count + 1 AND c.first_outbound_at = c.first_at,
  'seed-' || c.id || '-' || seq.n || '@mail.example.com',
  'seed-' || c.id || '-' || ((seq.n - 1) / 4) || '@mail.example.com',
  CASE WHEN seq.n <= c.inbound_count THEN 'thread-reply' ELSE 'bcc' END,
  CASE WHEN seq.n % 17 = 0 THEN '["proposal.pdf"]' END,
  0
FROM contacts c JOIN seq ON seq.n <= c.inbound_count + c.outbound_count
WHERE c.owner_id = ${ownerId} AND c.id BETWEEN ${lo} AND ${hi}`);
    generate.push(`INSERT INTO messages (owner_id, message_id, thread_id, kind, at, subject, received_at)
SELECT owner_id, message_id, thread_id, CASE direction WHEN 'in' THEN 'thread-reply' ELSE 'bcc' END, at, subject, at
FROM interactions WHERE owner_id = ${ownerId} AND contact_id BETWEEN ${lo} AND ${hi}`);
  }
  await runInBatches(db, generate);

  // The activity picture: sent and received per ISO week, scaled with the size of the network.
  const weekStart = weekStartOf(now);
  const perWeek = shape.interactions / (ACTIVITY_HISTORY_WEEKS * 4);
  const weeks: string[] = [];
  for (let w = 0; w < ACTIVITY_HISTORY_WEEKS; w++) {
    const sent = Math.round(perWeek * (0.5 + random()));
    const received = Math.round(perWeek * (0.5 + random()));
    weeks.push(`(${ownerId}, ${weekStart - w * 7 * DAY_MS}, ${sent}, ${received}, ${Math.round(received * 0.15)}, ${Math.round(sent * 0.1)})`);
  }
  // Mail that was ignored (newsletters, auto-replies) or failed, some since the last digest a week ago.
  const events: string[] = [];
  const eventCount = Math.round(shape.contacts / 5);
  for (let e = 0; e < eventCount; e++) {
    const at = now - Math.floor(random() * 180) * DAY_MS - Math.floor(random() * DAY_MS);
    const kind = random() < 0.95 ? "ignored" : "dead-letter";
    events.push(`(${ownerId}, '${kind}', ${at}, 'news@nordicsaas.io', 'gensidig@example.com', 'seed-event-${ownerId}-${e}@nordicsaas.io', 'Nordic SaaS Weekly', '${kind === "ignored" ? "a mailing list (List-Unsubscribe)" : "could not be stored"}', 48000)`);
  }
  const eventInserts: string[] = [];
  for (let i = 0; i < events.length; i += 200) {
    eventInserts.push(`INSERT INTO mail_events (owner_id, kind, at, envelope_from, envelope_to, message_id, subject, reason, size) VALUES\n${events.slice(i, i + 200).join(",\n")}`);
  }
  await runInBatches(db, [
    `INSERT INTO weekly_activity (owner_id, week_start, sent, received, they_gave, you_gave) VALUES\n${weeks.join(",\n")}`,
    ...eventInserts,
    // Last week's digest: this week's counts ignored and failed mail since then.
    `INSERT INTO digests (owner_id, iso_week, sent_at, subject, message_id) VALUES (${ownerId}, 'previous', ${now - 7 * DAY_MS}, 'Your week in your network', 'seed-digest-${ownerId}@example.com')`,
  ]);

  const count = async (sql: string) => (await db.prepare(sql).bind(ownerId).first<{ n: number }>())!.n;
  return {
    contacts: await count("SELECT count(*) AS n FROM contacts WHERE owner_id = ?"),
    interactions: await count("SELECT count(*) AS n FROM interactions WHERE owner_id = ?"),
    messages: await count("SELECT count(*) AS n FROM messages WHERE owner_id = ?"),
    weeklyActivity: await count("SELECT count(*) AS n FROM weekly_activity WHERE owner_id = ?"),
    mailEvents: await count("SELECT count(*) AS n FROM mail_events WHERE owner_id = ?"),
    privateContacts: await count("SELECT count(*) AS n FROM contacts WHERE owner_id = ? AND circle = 'private'"),
  };
}

