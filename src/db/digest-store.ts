// The digest queue's statements: who can be due (ranked inside D1), the week's activity and counts, the weekly
// claim, and what a sent digest leaves behind. A cold queue invocation runs only these, so they bind SQL written
// ahead of time (hot-sql.ts, statements.ts) and load neither drizzle nor the schema, as the mail path does. The
// digest's other bookkeeping (a digest sent by hand, a failed one, a `status` list) is built by drizzle in digests.ts.
import { AT_RISK_RATIO, BALANCE_MIN_LEAD, BALANCE_MIN_RATIO, DEFAULT_CAPS, frequencyScore, RECONNECT_SHOWN_BEFORE_REST, REST_DAYS, SHOWN_LIMIT, STAKE, STRENGTH } from "../digest/decide";
import type { Section } from "../digest/types";
import { ITEM_HORIZON_DAYS, MAX_NUDGES, PROMISE_KEPT_WITHIN_DAYS } from "../rhythm";
import { DAY_MS } from "../time";
import { HOT_SQL, HOT_TABLES } from "./hot-sql";
import { INFERRED_CADENCE_SQL } from "./inferred-cadence";
import type { Contact, Digest, DigestItem, WeeklyActivity } from "./schema";
import { bind, jsonRows, readOf, readOne, rowsFrom, type Read } from "./statements";

const CONTACTS = HOT_TABLES.contacts;
const CONTACT_LIST = CONTACTS.names.map((name) => `contacts."${name}"`).join(", ");
/** Contact rows from D1's raw arrays, for reads that name every column of contacts first, in the table's order. */
const contactRows = rowsFrom<Contact>(CONTACTS.columns, CONTACTS.booleans);
const DAY = `${DAY_MS}.0`;

// The digest shows at most a few people per section, but a big network has thousands who are due: quiet ties never
// expire (they rest), and a busy owner has hundreds of open debts. So the candidates are ranked inside D1, by
// decide.ts's rules on the same columns, and the worker reads only those that can make their section, with a count
// of the rest. Which section a person is due in is a chain of comparisons of the same numbers, computed in the same
// order as decide.ts computes them, so the sections and their counts are exact (the test against planning over
// every contact checks it). The priority leaves out decide.ts's roundings (strength and bond to 0.1, priority to
// 0.001), so it is within RANK_MARGIN / 2 of the exact one (at most 3 × 0.05 / 10 for a strength, 1.4 × 0.05 × 8 / 2
// / 10 for a bond, plus 0.0005): every person whose rank comes within the margin of the last one a section can show
// is read, and decide.ts ranks those exactly. Recency uses pow(), one of SQLite's math functions, which D1 and
// workerd's local D1 include.
//
// Parameters: ?1 owner, ?2 now, ?3 and ?4 the owner's rhythm for the professional and private circle (null:
// inferred), ?5 how many per section must be read in full, ?6 the owner's follow-up days, ?7 the instant a
// follow-up is due by (decide.ts followUpDue: the end of the digest's local day); the circle terms' own follow.
const RANK_MARGIN = 0.06;

const settledSql = (by: string, evidence: string) => `coalesce(${by} >= ${evidence}, 0)`;
const inNetworkSql = (before: string) => `(coalesce(introduced_at <= ${before}, 0) or coalesce(first_outbound_at < ${before}, 0))`;
const shownSql = (section: Section, evidence: string) =>
  `(case when shown_section = '${section}' and shown_evidence_at = ${evidence} then shown_count else 0 end)`;
/** decide.ts `open`: not in the future, not settled by its answer or by done, inside its window, not shown too often. */
const openSql = (section: Exclude<Section, "reconnect">, evidence: string, settledBy: string | null, dueAt = evidence) =>
  `(${evidence} <= ?2 and ${settledBy === null ? "" : `not ${settledSql(settledBy, evidence)} and `}not ${settledSql("done_at", evidence)}` +
  ` and ?2 - ${dueAt} <= ${ITEM_HORIZON_DAYS * DAY_MS} and ${shownSql(section, evidence)} < ${SHOWN_LIMIT[section]})`;

const GIFT_KIND = "coalesce(last_they_gave_kind, 'help')";
const THANK_STAKE_SQL =
  `case when last_they_gave_at is not null` +
  ` and ${openSql("thank", "last_they_gave_at", `case when ${GIFT_KIND} in ('help', 'asked-for') then max(coalesce(last_you_thanked_at, last_outbound_at), coalesce(last_outbound_at, last_you_thanked_at)) else last_you_thanked_at end`)}` +
  ` and (${GIFT_KIND} <> 'help' or ${inNetworkSql("last_they_gave_at + 1")})` +
  ` then case ${GIFT_KIND} when 'help' then ${STAKE["help-given"]} when 'introduction' then ${STAKE.introduction} when 'referral' then ${STAKE.referral} else ${STAKE["asked-for"]} end end`;
/** decide.ts promiseUnkept: the owner's latest mail only promised an answer, a week or more ago, and nothing came since. */
const PROMISE_UNKEPT_SQL =
  `(promised_at = last_outbound_at and coalesce(last_inbound_at, 0) < promised_at and ?2 - promised_at >= ${PROMISE_KEPT_WITHIN_DAYS * DAY_MS})`;
const HELP_STAKE_SQL =
  `case when last_they_asked_at is not null and (${inNetworkSql("last_they_asked_at")} or ${PROMISE_UNKEPT_SQL})` +
  ` and ${openSql("help", "last_they_asked_at", `case when ${PROMISE_UNKEPT_SQL} then null else last_outbound_at end`)} then ${STAKE.request}` +
  ` when last_they_gave_at is not null and they_gave_count - you_gave_count >= ${BALANCE_MIN_LEAD} and they_gave_count >= ${BALANCE_MIN_RATIO} * you_gave_count` +
  ` and ${inNetworkSql("last_they_gave_at + 1")} and ${openSql("help", "last_they_gave_at", null)} then ${STAKE.balance} end`;
const FOLLOW_UP_DUE_AT = `coalesce(follow_up_due_at, follow_up_since + ?6 * ${DAY_MS})`;
const FOLLOW_UP_STAKE_SQL =
  `case when follow_up_since is not null and unanswered_outbound <= ${MAX_NUDGES}` +
  ` and ?7 >= ${FOLLOW_UP_DUE_AT}` +
  ` and ${openSql("follow-up", "follow_up_since", "last_inbound_at", FOLLOW_UP_DUE_AT)}` +
  ` then case coalesce(follow_up_reason, 'question') when 'proposal' then ${STAKE.proposal} when 'reminder' then ${STAKE.reminder}` +
  ` when 'first-contact' then ${STAKE["first-contact"]} else ${STAKE.question} end end`;

// Reconnect: quiet_from is decide.ts's eligibility (two-way, two conversations over three weeks or a
// fortnight with a gift of theirs, not left after the nudges); quiet for a rhythm or more (the contact's own, the circle's, the one their mail states, or the inferred one, rounded as decide.ts
// rounds it), not resting after three showings, at risk past AT_RISK_RATIO rhythms.
const CADENCE_SQL =
  `case when cadence_days > 0 then cadence_days when circle = 'private' and ?4 > 0 then ?4 when circle = 'professional' and ?3 > 0 then ?3` +
  ` when stated_cadence_days > 0 then stated_cadence_days else round(${INFERRED_CADENCE_SQL}) end`;
const RATIO_SQL = `(max(0, ?2 - quiet_from) / ${DAY} / (${CADENCE_SQL}))`;
const RESTING_SQL =
  `coalesce(${shownSql("reconnect", "last_at")} >= ${RECONNECT_SHOWN_BEFORE_REST} and ?2 - last_shown_at < ${REST_DAYS * DAY_MS}, 0)`;
const RECONNECT_STAKE_SQL =
  `case when quiet_from is not null and ${RATIO_SQL} >= 1 and not ${RESTING_SQL}` +
  ` then case when ${RATIO_SQL} >= ${AT_RISK_RATIO} then ${STAKE["at-risk"]} else ${STAKE.quiet} end end`;

// Tie strength (decide.ts strengthAt) at `at`, unrounded; the bond is the strength at the last mail less its recency.
// A meeting is contact both ways: it counts on each side (decide.ts strengthAt).
const INBOUND = "(inbound_count + meeting_count)";
const OUTBOUND = "(outbound_count + meeting_count)";
const CONVERSATIONS = `max(conversation_count, ${INBOUND} + ${OUTBOUND} > 0)`;
const FREQUENCY_SQL = `case ${CONVERSATIONS} ${Array.from({ length: STRENGTH.frequencySaturationConversations }, (_, n) => `when ${n} then ${frequencyScore(n)}`).join(" ")} else 1 end`;
const strengthSql = (at: string, recency: boolean) => {
  const score =
    (recency ? `${STRENGTH.recencyPoints} * pow(0.5, max(0, ${at} - last_at) / ${DAY} / ${STRENGTH.recencyHalfLifeDays}) + ` : "") +
    `${STRENGTH.reciprocityPoints} * coalesce(2.0 * min(${INBOUND}, ${OUTBOUND}) / (${INBOUND} + ${OUTBOUND}), 0)` +
    ` + ${STRENGTH.frequencyPoints} * (${FREQUENCY_SQL})` +
    ` + ${STRENGTH.tenurePoints} * min(1, max(0, ${at} - coalesce(first_at, last_at)) / ${DAY} / ${STRENGTH.tenureSaturationDays})`;
  return `coalesce(case when ${INBOUND} = 0 or ${OUTBOUND} = 0 then min(${STRENGTH.oneWayMax}, ${score}) else ${score} end, 0)`;
};

// Each OR term names the owner, so that SQLite serves each from its own index (contacts_owner_debt_until,
// contacts_owner_quiet_at, contacts_owner_quiet_from: a MULTI-INDEX OR) and reads only the rows that can be due.
const DUE_SQL = "(owner_id = ?1 and debt_until >= ?2) or (owner_id = ?1 and quiet_at <= ?2)";
// A circle's cadence set by the owner replaces the rhythm inferred from history (decide.ts, cadenceDays).
const CIRCLE_QUIET_SQL = (param: number) => `(owner_id = ?1 and quiet_from <= ?${param + 1} and circle = ?${param} and coalesce(cadence_days, 0) <= 0)`;
// Every row of a person with several addresses (`same`): one address's reply settles what the other's mail
// left open, so people.ts folds them before anything is decided. They are read in full and left out of the
// ranking. Few rows: the merged addresses through contacts_owner_merged_into, and their persons by id
// ("+owner_id" keeps SQLite from walking an owner index for them instead of looking the ids up).
const PEOPLE_SQL =
  "(owner_id = ?1 and merged_into is not null) or (id in (select merged_into from contacts where owner_id = ?1 and merged_into is not null) and +owner_id = ?1)";
const NOT_PEOPLE_SQL = "merged_into is null and id not in (select merged_into from contacts where owner_id = ?1 and merged_into is not null)";

export interface CandidateSettings {
  cadenceProfessionalDays: number | null;
  cadencePrivateDays: number | null;
  followUpDays: number;
}

/** The candidates' SQL and its parameters (exported for the query-plan test). */
export function candidatesQuery(
  ownerId: number,
  owner: CandidateSettings,
  now: number,
  perSection = DEFAULT_CAPS.perSection,
  followUpsDueBy = now,
): { query: string; params: unknown[] } {
  // nth_value counts from 1; with no room at all, reading the first of each section is harmless.
  const params: unknown[] = [ownerId, now, owner.cadenceProfessionalDays, owner.cadencePrivateDays, Math.max(1, perSection), owner.followUpDays, followUpsDueBy];
  const terms = [DUE_SQL];
  for (const [circle, days] of [["professional", owner.cadenceProfessionalDays], ["private", owner.cadencePrivateDays]] as const) {
    if (days === null || !(days > 0)) continue;
    terms.push(CIRCLE_QUIET_SQL(params.length + 1));
    params.push(circle, now - days * DAY_MS);
  }
  // The strongest evidence picks the section (decide.ts dueSections: the highest stake, then section order).
  const section =
    `case when thank >= coalesce(help, 0) and thank >= coalesce(follow_up, 0) and thank >= coalesce(reconnect, 0) then 'thank'` +
    ` when help >= coalesce(follow_up, 0) and help >= coalesce(reconnect, 0) then 'help'` +
    ` when follow_up >= coalesce(reconnect, 0) then 'follow-up' when reconnect is not null then 'reconnect' end`;
  const query =
    `with stakes as (select id, thank, help, follow_up, reconnect, strength, bond, ratio from (select id,` +
    ` ${THANK_STAKE_SQL} as thank, ${HELP_STAKE_SQL} as help, ${FOLLOW_UP_STAKE_SQL} as follow_up, ${RECONNECT_STAKE_SQL} as reconnect,` +
    ` ${strengthSql("?2", true)} as strength, max(0, ${strengthSql("last_at", false)}) as bond, ${RATIO_SQL} as ratio` +
    ` from contacts where (${terms.join(" or ")}) and muted = 0 and (snoozed_until is null or snoozed_until <= ?2) and ${NOT_PEOPLE_SQL})),` +
    ` due as (select id, section, case section when 'reconnect' then reconnect * (1 + bond * min(ratio, ${AT_RISK_RATIO}) / 2 / 10)` +
    ` when 'thank' then thank * (1 + strength / 10) when 'help' then help * (1 + strength / 10) else follow_up * (1 + strength / 10) end as priority from (select *, ${section} as section from stakes) where section is not null),` +
    // One window pass per section gives its count and the priority of the last person it can show.
    ` ranked as (select id, section, priority, count(*) over bySection as due_count, nth_value(priority, ?5) over bySection as last_shown from due` +
    ` window bySection as (partition by section order by priority desc rows between unbounded preceding and unbounded following))` +
    ` select ${CONTACT_LIST}, ranked.section as due_section, ranked.due_count from ranked cross join contacts on contacts.id = ranked.id` +
    ` where contacts.owner_id = ?1 and ranked.priority >= coalesce(ranked.last_shown, 0) - ${RANK_MARGIN}` +
    ` union all select ${CONTACT_LIST}, null, 0 from contacts where ${PEOPLE_SQL}`;
  return { query, params };
}

export interface DigestCandidates {
  contacts: Contact[];
  /** Per section, the people due in it who rank too low to be shown: counted, not read (planDigest's notRead). */
  notRead: Record<Section, number>;
}

/**
 * What the digest must read to plan exactly what reading every contact would: per section, the people who can make
 * it (ranked above, inside D1), and how many more are due. Muted and snoozed people are left out. Rows read: the
 * contacts that can be due by the due columns (index searches, ranked inside D1) and the few read in full, not the
 * whole network. The rows are mapped by hand from D1's raw arrays (contactRows): drizzle's generic mapper took ~18 ms
 * of CPU for 5,000 contacts (bench/).
 */
export async function digestCandidates(
  d1: D1Database,
  ownerId: number,
  owner: CandidateSettings,
  now: number,
  perSection = DEFAULT_CAPS.perSection,
  followUpsDueBy = now,
): Promise<DigestCandidates> {
  const { query, params } = candidatesQuery(ownerId, owner, now, perSection, followUpsDueBy);
  const rows = await d1.prepare(query).bind(...params).raw();
  const notRead: Record<Section, number> = { thank: 0, help: 0, "follow-up": 0, reconnect: 0 };
  const read: Record<Section, number> = { thank: 0, help: 0, "follow-up": 0, reconnect: 0 };
  for (const row of rows) {
    // People with several addresses come unranked (section null): decide.ts decides on them once folded.
    const section = row[CONTACTS.names.length] as Section | null;
    if (section !== null) {
      read[section]++;
      notRead[section] = (row[CONTACTS.names.length + 1] as number) - read[section];
    }
  }
  return { contacts: contactRows(rows), notRead };
}

/** Activity rows of the weeks starting in [from, until). */
export function recentActivity(d1: D1Database, ownerId: number, from: number, until: number): Read<WeeklyActivity[]> {
  return readOf<WeeklyActivity>(d1, HOT_SQL.activityRows, { ownerId, from, until });
}

export interface MailEventCounts {
  ignored: number;
  failed: number;
  /** Weekly digests that could not be sent after every retry. */
  failedDigests: number;
  /** Mails handled whose answer (a command's confirmation, a notice) could not be sent. */
  unanswered: number;
}

/** Mail ignored as automated, dead letters, failed digests and unsent answers since this owner's last digest that went out, in one query. */
export function mailEventCounts(d1: D1Database, ownerId: number): Read<MailEventCounts> {
  const read = readOf<{ kind: string; n: number }>(d1, HOT_SQL.eventCounts, { ownerId });
  return {
    statement: read.statement,
    result: (raw) => {
      const rows = read.result(raw);
      const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
      return { ignored: n("ignored"), failed: n("dead-letter"), failedDigests: n("digest-failed"), unanswered: n("answer-failed") };
    },
  };
}

/**
 * How long a claim without a Message-ID is left to the delivery that wrote it. A queue consumer's invocation lives
 * at most 15 minutes, so an older one has no invocation behind it: it died between claiming and sending (over its
 * CPU limit, its isolate evicted), and another delivery may take the claim over. The queue's retries (fanout.ts,
 * RETRY_DELAYS_S) reach past it by the last one, and the hourly run brings the owner back after its own lease.
 */
export const CLAIM_LEASE_MS = 20 * 60_000;

/** The week's claim as it stands: sent, or handed to send_email, when it has a Message-ID. */
export interface HeldClaim {
  id: number;
  messageId: string | null;
}

/**
 * The claim on this owner's weekly digest for `isoWeek`, written before anything is sent: the digest row when this
 * delivery holds the claim, a new one or one older than CLAIM_LEASE_MS by `clock` whose mail never reached
 * send_email; no row when the week is sent, being sent, or held by another delivery still within its lease
 * (heldClaim tells those apart). A read, so that it can share the digest's first round trip (digest/run.ts): a D1
 * batch is one transaction.
 */
export function weeklyClaim(d1: D1Database, input: { ownerId: number; isoWeek: string; sentAt: number; clock: number }): Read<Digest[]> {
  const { ownerId, isoWeek, sentAt, clock } = input;
  return readOf<Digest>(d1, HOT_SQL.weeklyClaim, { ownerId, isoWeek, sentAt, claimedAt: clock, staleBefore: clock - CLAIM_LEASE_MS });
}

/** The week's claim as it stands, when weeklyClaim found it held: asked only then (a redelivery), not by every job. */
export async function heldClaim(d1: D1Database, ownerId: number, isoWeek: string): Promise<HeldClaim | null> {
  return (await readOne(readOf<HeldClaim>(d1, HOT_SQL.weeklyClaimHeld, { ownerId, isoWeek })))[0] ?? null;
}

/**
 * Marks a digest as handed to send_email, just before it is: from then on its claim is never taken over, even if
 * the invocation dies before the sent mail is recorded (a second copy is worse than a lost week's numbers).
 */
export async function markDigestSending(d1: D1Database, digestId: number, messageId: string, subject: string) {
  await bind(d1, HOT_SQL.digestSent, { digestId, messageId, subject }).run();
}

/** Forgets a digest that did not go out: for a weekly one, that releases its claim for the queue's retry. */
export async function deleteDigest(d1: D1Database, ownerId: number, digestId: number) {
  await bind(d1, HOT_SQL.digestDelete, { ownerId, digestId }).run();
}

export interface NewDigestItem {
  number: number;
  kind: DigestItem["kind"];
  contactId: number;
  circle: DigestItem["circle"];
  evidenceAt: number | null;
  evidenceSubject: string | null;
}

/** The numbered items and the owner's "sent this week" mark, in one batch after the mail went out. */
export async function finishDigest(
  d1: D1Database,
  input: {
    ownerId: number;
    digestId: number;
    messageId: string;
    subject: string;
    sentAt: number;
    /** Set for the weekly digest: the week is done and the owner's next digest time moves on. */
    weekly: { isoWeek: string; nextDigestAt: number } | null;
    items: NewDigestItem[];
    /** The owner's zone offsets to keep (zone-clock.ts), when they were renewed. */
    zoneOffsets?: string | null;
  },
) {
  const { ownerId, sentAt } = input;
  await d1.batch([
    bind(d1, HOT_SQL.digestSent, { digestId: input.digestId, messageId: input.messageId, subject: input.subject }),
    ...jsonRows(d1, HOT_SQL.digestItemInserts, input.items.map((i) => ({ ...i, ownerId, digestId: input.digestId }))),
    // What each person was shown, so that a reminder shown often without action can rest (digest/decide.ts).
    ...(input.items.length ? [bind(d1, HOT_SQL.shownUpdate, { ownerId, sentAt, shown: JSON.stringify(input.items.map((i) => [i.contactId, i.kind, i.evidenceAt])) })] : []),
    ...(input.weekly ? [bind(d1, HOT_SQL.weekDone, { ownerId, lastDigestWeek: input.weekly.isoWeek, nextDigestAt: input.weekly.nextDigestAt })] : []),
    ...(input.zoneOffsets ? [bind(d1, HOT_SQL.ownerZoneOffsets, { ownerId, zoneOffsets: input.zoneOffsets })] : []),
  ]);
}

/** When the hourly job looks at this owner next (a job that found them not due, or their digest claimed already). */
export async function setNextDigestAt(d1: D1Database, ownerId: number, at: number) {
  await bind(d1, HOT_SQL.nextDigestAt, { ownerId, at }).run();
}
