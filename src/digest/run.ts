// The scheduled() path: who is due → recommendations → render → send → remember what was numbered.
import { EmailMessage } from "cloudflare:email";
import { deleteDigest, digestCandidates, finishDigest, heldClaim, mailEventCounts, markDigestSending, recentActivity, weeklyClaim, type DigestCandidates, type MailEventCounts } from "../db/digest-store";
import { drizzleFor } from "../db/drizzle-later";
import { meetingsToCount } from "../db/due-meetings";
import { foldPeople, namesakesOf, newcomersOf, type Newcomer } from "../db/people-read";
import { readTogether, type Read } from "../db/statements";
import type { Digest, Meeting, Owner, WeeklyActivity } from "../db/schema";
import type { Config } from "../env";
import { newMessageId } from "../mail/compose";
import { cleanMessageId } from "../mail/message-id";
import { planDigest } from "./decide";
import { newThisWeek, sameSuggestions, type PersonRef } from "./newcomers";
import { buildDigestMime } from "./mime";
import { buildDigestModel, digestSubject, renderDigestHtml, renderDigestText, type DigestView } from "./render";
import type { DigestPlan, WeekActivity } from "./types";
import { isoWeekStart, WEEK_MS } from "../time";
import { ACTIVITY_WEEKS } from "./format";
import { localDayEnd, localTime, nextDigestAt } from "./schedule";
import { zoneOffsetsToKeep } from "../zone-clock";
import { DIGEST_TOKEN_TTL_MS, signDigestToken } from "./token";

/** The week's digest is claimed by a delivery that has not sent it yet: the job is tried again later. */
export class ClaimHeldError extends Error {
  constructor(ownerId: number, isoWeek: string) {
    super(`the digest of ${isoWeek} for owner ${ownerId} is claimed by another delivery that has not sent it yet`);
  }
}

export interface SentDigest {
  digestId: number;
  /** Names the sent mail exactly (the local scripts find wrangler's copy of it by this). */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
  items: number;
}

export interface DigestFacts {
  plan: DigestPlan;
  newPeople: PersonRef[];
  sameSuggestions: Array<[PersonRef, PersonRef]>;
  activity: WeekActivity[];
  counts: MailEventCounts;
  /** Contacts due now in some section, shown or left out. */
  candidateCount: number;
}

/** What one owner's digest shows: the plan, the last 12 weeks, the counts, in their language and zone. */
export function digestView(config: Config, owner: Owner, facts: DigestFacts, replyAddress: string, now: number): DigestView {
  const local = localTime(now, owner.timeZone);
  return {
    language: owner.language,
    timeZone: owner.timeZone,
    ownerName: owner.name,
    now,
    isoWeek: { year: local.year, week: local.week },
    plan: facts.plan,
    activity: facts.activity,
    balance: { youGave: facts.activity.reduce((s, w) => s + w.youGave, 0), theyGave: facts.activity.reduce((s, w) => s + w.theyGave, 0) },
    ignoredCount: facts.counts.ignored,
    failedCount: facts.counts.failed,
    failedDigestCount: facts.counts.failedDigests,
    unansweredCount: facts.counts.unanswered,
    // No contact is due and no mail in the last 12 weeks: a new owner (or one who has shared nothing for
    // three months). Told from what is loaded anyway, at no extra query.
    newcomer: facts.candidateCount === 0 && facts.activity.every((w) => w.sent === 0 && w.received === 0),
    assistantAddress: config.assistantAddress,
    replyAddress,
    newPeople: facts.newPeople,
    sameSuggestions: facts.sameSuggestions,
  };
}

/**
 * The people who can be shown at `now`, as they stand then (meetings that have happened since counted in, each
 * person once however many addresses they have), and how many more are due in each section. `meetings`: the
 * meetings to count, when the caller has read them already. `followUpsDueBy` goes on to planDigest with them.
 */
export async function digestPeople(
  d1: D1Database,
  owner: Owner,
  now: number,
  perSection?: number,
  meetings?: Meeting[],
): Promise<DigestCandidates & { followUpsDueBy: number }> {
  // Most weeks no meeting has passed: then the calendar path (ical.js, drizzle) is not loaded at all.
  if (!meetings || meetings.length) {
    const [db, { countPassedMeetings }] = await Promise.all([drizzleFor(d1), import("../calendar/meetings")]);
    await countPassedMeetings(db, owner.id, owner.timeZone, now, meetings);
  }
  const followUpsDueBy = localDayEnd(now, owner.timeZone);
  const candidates = await digestCandidates(d1, owner.id, owner, now, perSection, followUpsDueBy);
  return { contacts: foldPeople(candidates.contacts), notRead: candidates.notRead, followUpsDueBy };
}

/** What the digest's first round trip reads: meetings to count, 12 activity rows, three counts, the newcomers. */
interface FirstReads {
  meetings: Meeting[];
  activityRows: WeeklyActivity[];
  counts: MailEventCounts;
  newcomers: Newcomer[];
}

/**
 * The digest's small reads in one round trip (each round trip costs the worker more CPU than their rows do, and
 * leaves garbage a long-lived queue isolate must collect). `claim`, the weekly claim, joins the same batch: a D1
 * batch is one transaction, so the claim is written before anything is sent, and a batch that fails leaves no claim
 * behind. `claimed` is null when the claim found the week held by another delivery.
 */
async function readFirst(d1: D1Database, owner: Owner, now: number, claim: Read<Digest[]> | null): Promise<{ claimed: Digest | null; first: FirstReads }> {
  // The picture: the complete weeks before the digest's own week, in the owner's calendar.
  const local = localTime(now, owner.timeZone);
  const until = isoWeekStart(local.year, local.week);
  const [meetings, activityRows, counts, newcomers, claimRows] = await readTogether<[Meeting[], WeeklyActivity[], MailEventCounts, Newcomer[], ...Digest[][]]>(d1, [
    meetingsToCount(d1, owner.id, now),
    recentActivity(d1, owner.id, until - ACTIVITY_WEEKS * WEEK_MS, until),
    mailEventCounts(d1, owner.id),
    newcomersOf(d1, owner.id, now),
    ...(claim ? [claim] : []),
  ]);
  return { claimed: claimRows?.[0] ?? null, first: { meetings, activityRows, counts, newcomers } };
}

/**
 * Everything the digest needs from D1: the contacts that can be due, 12 activity rows, three counts, newcomers.
 * `first`: the first round trip, when it was read already (with the weekly claim); the candidates and the
 * newcomers' namesakes follow it.
 */
export async function loadDigestFacts(d1: D1Database, owner: Owner, now: number, first?: FirstReads): Promise<DigestFacts> {
  const reads = first ?? (await readFirst(d1, owner, now, null)).first;
  const [people, notes] = await Promise.all([digestPeople(d1, owner, now, undefined, reads.meetings), namesakesOf(d1, owner.id, reads.newcomers)]);
  return {
    plan: planDigest({ ...people, owner, now }),
    newPeople: newThisWeek(notes.newcomers, now),
    sameSuggestions: sameSuggestions(notes.newcomers, notes.sameNamed),
    activity: reads.activityRows.map((r) => ({ weekStart: r.weekStart, sent: r.sent, received: r.received, theyGave: r.theyGave, youGave: r.youGave })),
    counts: reads.counts,
    candidateCount: people.contacts.length + Object.values(people.notRead).reduce((a, b) => a + b, 0),
  };
}

/** Builds and sends one owner's digest now, whatever the weekday (`npm run digest`, the `digest` command). */
export async function sendDigest(d1: D1Database, sendEmail: SendEmail, config: Config, owner: Owner, now: number, isoWeek: string | null = null): Promise<SentDigest> {
  if (isoWeek !== null) {
    const sent = await sendWeeklyDigest(d1, sendEmail, config, owner, now, isoWeek);
    if (!sent) throw new Error(`the digest of ${isoWeek} for owner ${owner.id} was already claimed`);
    return sent;
  }
  // Sent by hand, never by the queue: built by drizzle (db/digests.ts).
  const [db, { createDigest }] = await Promise.all([drizzleFor(d1), import("../db/digests")]);
  const digest = await createDigest(db, { ownerId: owner.id, isoWeek: localTime(now, owner.timeZone).isoWeek, sentAt: now, subject: "" });
  return deliver(d1, sendEmail, config, owner, now, digest.id, null);
}

/**
 * The weekly digest of `isoWeek`: claimed before anything is sent, so it goes out at most once however often
 * the job is delivered. Null when it went out already (or was handed to send_email); ClaimHeldError when another
 * delivery holds the claim and has not got that far (digest-store.ts, CLAIM_LEASE_MS, for one that died).
 */
export async function sendWeeklyDigest(d1: D1Database, sendEmail: SendEmail, config: Config, owner: Owner, now: number, isoWeek: string): Promise<SentDigest | null> {
  // The claim's own time is the invocation's clock, not the hourly run's `now`: a message may wait in the queue.
  const { claimed, first } = await readFirst(d1, owner, now, weeklyClaim(d1, { ownerId: owner.id, isoWeek, sentAt: now, clock: Date.now() }));
  if (!claimed) {
    // Another delivery holds the week. If it has not sent yet, it may still, or it died and its claim lapses:
    // either way the queue tries again later; moving on to next week now would lose the week if it died.
    const held = await heldClaim(d1, owner.id, isoWeek);
    if (held && held.messageId === null) throw new ClaimHeldError(owner.id, isoWeek);
    return null;
  }
  return deliver(d1, sendEmail, config, owner, now, claimed.id, { isoWeek, nextDigestAt: nextDigestAt({ ...owner, lastDigestWeek: isoWeek }, now) }, first);
}

async function deliver(
  d1: D1Database,
  sendEmail: SendEmail,
  config: Config,
  owner: Owner,
  now: number,
  digestId: number,
  weekly: { isoWeek: string; nextDigestAt: number } | null,
  /** The first round trip, when it was read with the claim. */
  first?: FirstReads,
): Promise<SentDigest> {
  const digest = { id: digestId };
  let sent = false;
  try {
    const facts = await loadDigestFacts(d1, owner, now, first);
    // Missing, of another zone, or running out: asked of Intl now, kept with the digest for the next ones.
    const zoneOffsets = zoneOffsetsToKeep(owner.timeZone, owner.zoneOffsets, now);
    const { plan } = facts;
    const token = await signDigestToken(config.tokenSecret, { ownerId: owner.id, digestId: digest.id, expiresAt: now + DIGEST_TOKEN_TTL_MS });
    const view = digestView(config, owner, facts, `${config.assistantLocal}+${token}@${config.assistantDomain}`, now);
    const subject = digestSubject(view);
    const model = buildDigestModel(view);
    const text = renderDigestText(view, model);
    const html = renderDigestHtml(view, model);
    const messageId = newMessageId(config.assistantDomain, "digest");
    const raw = buildDigestMime({
      from: config.assistantAddress,
      to: owner.primaryAddress,
      replyTo: view.replyAddress,
      subject,
      text,
      html,
      messageId,
      date: new Date(now),
    });
    // From here on the claim is never taken over, even if this invocation dies before the mail is recorded.
    await markDigestSending(d1, digest.id, messageId, subject);
    // Cloudflare sets the Message-ID of what it sends and returns it; a reply names the digest by that one.
    const result = await sendEmail.send(new EmailMessage(config.assistantAddress, owner.primaryAddress, raw));
    sent = true;
    const sentId = cleanMessageId(result?.messageId) ?? messageId;
    await finishDigest(d1, {
      ownerId: owner.id,
      digestId: digest.id,
      messageId: sentId,
      subject,
      sentAt: now,
      weekly,
      items: numberedItems(plan),
      zoneOffsets,
    });
    return { digestId: digest.id, messageId: sentId, to: owner.primaryAddress, subject, text, html, raw, items: plan.items.length };
  } catch (err) {
    // Nothing went out: forget the digest, which releases the weekly claim for the queue's retry. Once the mail
    // has gone, the claim stays even if recording its items failed: a second copy is worse than lost numbers.
    if (!sent) await deleteDigest(d1, owner.id, digest.id);
    throw err;
  }
}

/** A plan's items as they are kept, numbered as the owner reads them (a digest, or a `status` list). */
export function numberedItems(plan: DigestPlan) {
  return plan.items.map((item, i) => ({
    number: i + 1,
    kind: item.section,
    contactId: item.contactId,
    circle: item.circle,
    evidenceAt: item.evidence.at,
    evidenceSubject: item.evidence.subject,
  }));
}
