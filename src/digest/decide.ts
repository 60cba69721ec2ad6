// Who is due in this week's digest: pure functions of the owner's contacts, settings and `now`. The contact
// row carries every aggregate these rules need, so the digest reads contacts and never scans interactions.
//
// Each rule is settled by a later timestamp of the kind that answers it: a thank by outbound thanks, an open
// request by any outbound mail, a follow-up by any inbound mail, a quiet tie by any mail either way. `done`
// settles everything about the person up to that moment. A settling time equal to the evidence time counts as
// settled: with nothing to order them, the assistant gives the owner the benefit of the doubt.
//
// A person is due in at most one section: the one with the strongest evidence (an introduction outweighs a
// question in the same mail). Within a section, and for the caps, importance decides: what is at stake times
// how strong the tie is, with age only as the tiebreak.

import type { Contact, Owner } from "../db/schema";
import {
  DEFAULT_CADENCE_DAYS,
  ITEM_HORIZON_DAYS,
  MAX_INFERRED_CADENCE_DAYS,
  MAX_NUDGES,
  MIN_CONVERSATIONS_FOR_RHYTHM,
  MIN_CONVERSATIONS_TO_RECONNECT,
  MIN_HISTORY_DAYS_TO_RECONNECT,
  MIN_HISTORY_DAYS_TO_RECONNECT_AFTER_A_GIFT,
  PROMISE_KEPT_WITHIN_DAYS,
  MIN_INFERRED_CADENCE_DAYS,
  PRIOR_GAPS,
} from "../rhythm";
import { DAY_MS } from "../time";
import type { DigestPlan, Evidence, Recommendation, Section } from "./types";

/** Display order; when the total cap bites, later sections give way first. */
export const SECTION_ORDER: readonly Section[] = ["thank", "help", "follow-up", "reconnect"];

export interface DigestCaps {
  perSection: number;
  total: number;
}

/** A short digest: the network grows slowly, and ten items is already a week's worth of mail. */
export const DEFAULT_CAPS: DigestCaps = { perSection: 3, total: 10 };

export type CadenceSettings = Pick<Owner, "cadenceProfessionalDays" | "cadencePrivateDays">;
export type DigestSettings = Pick<Owner, "cadenceProfessionalDays" | "cadencePrivateDays" | "followUpDays">;

// Tie strength, after Gilbert & Karahalios, "Predicting Tie Strength with Social Media" (CHI 2009): days since
// last contact was their strongest single predictor, followed by intensity (how much is exchanged), duration
// (days since first contact) and reciprocity. Each part is scaled to 0–1 and weighted in points out of 10.
const RECENCY_POINTS = 2.5;
const RECIPROCITY_POINTS = 2.5;
const FREQUENCY_POINTS = 3;
const TENURE_POINTS = 2;
/** Recency halves every quarter of a year without mail. */
const RECENCY_HALF_LIFE_DAYS = 90;
/** Intensity grows with the logarithm of the number of conversations: full at a year of monthly ones. */
const FREQUENCY_SATURATION_CONVERSATIONS = 12;
/** Tenure is full after two years of knowing each other. */
const TENURE_SATURATION_DAYS = 730;
/** Mail in one direction only is a weak tie by definition, whatever its volume or age. */
export const ONE_WAY_MAX_STRENGTH = 2;

// The windows (horizon, rhythm clamps, history needed, nudges) live in ../rhythm, shared with the contact row's
// due columns (db/schema.ts) that select this digest's candidates in D1.
export { DEFAULT_CADENCE_DAYS, ITEM_HORIZON_DAYS, MAX_INFERRED_CADENCE_DAYS, MAX_NUDGES, MIN_INFERRED_CADENCE_DAYS };

/** Quiet for this many rhythms is a tie at risk (tie-decay research uses about 8× the usual gap). */
export const AT_RISK_RATIO = 8;


/**
 * How many digests in a row may show the same evidence before it stops: the owner has seen it and chosen.
 * A follow-up shown twice is two nudges from the assistant; good relationships are not forced.
 */
export const SHOWN_LIMIT: Record<Exclude<Section, "reconnect">, number> = { thank: 3, help: 3, "follow-up": 2 };
/** A quiet tie shown this many times without action rests for REST_DAYS, then comes back. */
export const RECONNECT_SHOWN_BEFORE_REST = 3;
export const REST_DAYS = 28;

/** What is at stake in each kind of evidence: it picks the section and ranks within it. */
export const STAKE = {
  introduction: 3,
  referral: 3,
  "asked-for": 2.6,
  "help-given": 1.6,
  request: 2.5,
  balance: 1,
  proposal: 2.4,
  reminder: 2.3,
  question: 2,
  "first-contact": 1.5,
  quiet: 1,
  "at-risk": 1.4,
} as const;

/** 0–10, one decimal. Zero for a contact with no mail at all. */
export function tieStrength(contact: Contact, now: number): number {
  if (contact.lastAt === null) return 0;
  return round(strengthAt(contact, now, contact.lastAt), 1);
}

/**
 * What a quiet tie is worth reviving: the tie without its recency (0–7.5), that is reciprocity, how many
 * conversations and how long they have known each other. Recency is what the quiet takes away, so it would only
 * rank every quiet tie alike.
 */
export function bondStrength(contact: Contact): number {
  if (contact.lastAt === null) return 0;
  return round(Math.max(0, strengthAt(contact, contact.lastAt, contact.lastAt) - RECENCY_POINTS), 1);
}

function strengthAt(contact: Contact, now: number, lastAt: number): number {
  // A meeting is contact both ways: it counts on each side of the reciprocity.
  const inbound = contact.inboundCount + contact.meetingCount;
  const outbound = contact.outboundCount + contact.meetingCount;
  const total = inbound + outbound;
  const conversations = Math.max(contact.conversationCount, total > 0 ? 1 : 0);
  const recency = 0.5 ** (daysBetween(lastAt, now) / RECENCY_HALF_LIFE_DAYS);
  const reciprocity = total === 0 ? 0 : (2 * Math.min(inbound, outbound)) / total;
  const frequency = frequencyScore(conversations);
  const tenure = Math.min(1, daysBetween(contact.firstAt ?? lastAt, now) / TENURE_SATURATION_DAYS);
  const score = RECENCY_POINTS * recency + RECIPROCITY_POINTS * reciprocity + FREQUENCY_POINTS * frequency + TENURE_POINTS * tenure;
  return inbound === 0 || outbound === 0 ? Math.min(score, ONE_WAY_MAX_STRENGTH) : score;
}

/** Intensity, 0–1: the logarithm of the number of conversations, full at FREQUENCY_SATURATION_CONVERSATIONS. */
export function frequencyScore(conversations: number): number {
  return Math.min(1, Math.log2(1 + conversations) / Math.log2(1 + FREQUENCY_SATURATION_CONVERSATIONS));
}

/** How the tie's strength is scored, for the digest's query that ranks candidates in SQL (db/digests.ts). */
export const STRENGTH = {
  recencyPoints: RECENCY_POINTS,
  reciprocityPoints: RECIPROCITY_POINTS,
  frequencyPoints: FREQUENCY_POINTS,
  tenurePoints: TENURE_POINTS,
  recencyHalfLifeDays: RECENCY_HALF_LIFE_DAYS,
  tenureSaturationDays: TENURE_SATURATION_DAYS,
  frequencySaturationConversations: FREQUENCY_SATURATION_CONVERSATIONS,
  oneWayMax: ONE_WAY_MAX_STRENGTH,
} as const;

/**
 * Days between expected contacts, most specific first: the contact's own setting, then the owner's setting
 * for the circle, then the rhythm their mail states ("our monthly letter"), then the contact's typical gap between
 * conversations. The owner's explicit settings are honoured as given; only the inferred gap is clamped.
 */
export function cadenceDays(contact: Contact, owner: CadenceSettings): number {
  if (isPositive(contact.cadenceDays)) return contact.cadenceDays;
  const circleDays = contact.circle === "private" ? owner.cadencePrivateDays : owner.cadenceProfessionalDays;
  if (isPositive(circleDays)) return circleDays;
  if (isPositive(contact.statedCadenceDays)) return contact.statedCadenceDays;
  return inferredCadenceDays(contact);
}

/**
 * The typical gap between conversation starts: a monthly exchange of a mail and a reply the next day is a
 * monthly rhythm, not a fortnightly one. The mean gap is drawn towards DEFAULT_CADENCE_DAYS as if one more gap
 * of that length had been seen: three quick conversations in a month say little yet, a year of them a lot.
 */
function inferredCadenceDays(contact: Contact): number {
  const conversations = contact.conversationCount;
  if (contact.firstAt === null || contact.lastConversationAt === null || conversations < MIN_CONVERSATIONS_FOR_RHYTHM) {
    return DEFAULT_CADENCE_DAYS;
  }
  const gaps = conversations - 1;
  const gap = (daysBetween(contact.firstAt, contact.lastConversationAt) + DEFAULT_CADENCE_DAYS * PRIOR_GAPS) / (gaps + PRIOR_GAPS);
  return Math.round(Math.min(MAX_INFERRED_CADENCE_DAYS, Math.max(MIN_INFERRED_CADENCE_DAYS, gap)));
}

/** In the owner's network: a two-way tie before the evidence, or someone introduced by one. */
function inNetwork(contact: Contact, before: number): boolean {
  if (contact.introducedAt !== null && contact.introducedAt <= before) return true;
  return contact.firstOutboundAt !== null && contact.firstOutboundAt < before;
}

/**
 * Every section this contact is due in, strongest evidence first, each with its evidence. Muted and snoozed
 * contacts are due in none.
 */
export function dueSections(contact: Contact, owner: DigestSettings, now: number, followUpsDueBy = now): Recommendation[] {
  if (contact.muted) return [];
  if (contact.snoozedUntil !== null && contact.snoozedUntil > now) return [];
  const dues: Array<[Section, Due | null]> = [
    ["thank", thankDue(contact, now)],
    ["help", helpDue(contact, now)],
    ["follow-up", followUpDue(contact, owner, now, followUpsDueBy)],
    ["reconnect", reconnectDue(contact, owner, now)],
  ];
  // Most people are due in nothing: their strength is computed only when something is due.
  if (dues.every(([, d]) => d === null)) return [];
  const strength = tieStrength(contact, now);
  const due: Recommendation[] = [];
  for (const [section, d] of dues) {
    if (!d) continue;
    due.push({
      section,
      contactId: contact.id,
      address: contact.address,
      name: contact.name,
      circle: contact.circle,
      strength,
      stake: d.stake,
      priority: round(d.stake * (1 + (d.weight ?? strength) / 10), 3),
      evidence: d.evidence,
    });
  }
  return due.sort((a, b) => b.stake - a.stake || SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
}

interface Due {
  stake: number;
  evidence: Evidence;
  /** What ranks this item within its stake, when not the tie's strength today (a quiet tie: how overdue × what it was). */
  weight?: number;
}

/** Settled by done, by a later answer of the right kind, past its horizon, or shown often enough. */
function open(contact: Contact, section: Exclude<Section, "reconnect">, evidenceAt: number, settledAt: number | null, now: number, dueAt = evidenceAt): boolean {
  if (evidenceAt > now) return false;
  if (settled(settledAt, evidenceAt) || settled(contact.doneAt, evidenceAt)) return false;
  if (now - dueAt > ITEM_HORIZON_DAYS * DAY_MS) return false;
  return timesShown(contact, section, evidenceAt) < SHOWN_LIMIT[section];
}

function timesShown(contact: Contact, section: Section, evidenceAt: number): number {
  return contact.shownSection === section && contact.shownEvidenceAt === evidenceAt ? contact.shownCount : 0;
}

// Thank: they gave something and no thanks went out since. An introduction, a referral or what the owner
// asked for is a gift from anyone; help or information counts from people in the owner's network (a stranger's
// "thought you'd find this useful" is a pitch).
function thankDue(contact: Contact, now: number): Due | null {
  const gaveAt = contact.lastTheyGaveAt;
  const kind = contact.lastTheyGaveKind ?? "help";
  if (gaveAt === null) return null;
  // Help, and what was asked for, are acknowledged by any personal answer (people say "perfect, just what I
  // needed" more often than "thank you"); a debt for an introduction or a referral is settled by thanks.
  const settledBy = kind === "help" || kind === "asked-for" ? maxOf(contact.lastYouThankedAt, contact.lastOutboundAt) : contact.lastYouThankedAt;
  if (!open(contact, "thank", gaveAt, settledBy, now)) return null;
  if (kind === "help" && !inNetwork(contact, gaveAt + 1)) return null;
  return {
    stake: kind === "help" ? STAKE["help-given"] : STAKE[kind],
    evidence: { what: "gave", at: gaveAt, subject: contact.lastTheyGaveSubject, days: wholeDays(gaveAt, now), kind, detail: contact.lastTheyGaveDetail },
  };
}

/**
 * "Clearly their way": at least four more gifts from them than from the owner, and at least twice as many. A
 * balance names no mail that is owed, so it takes a clear lean before it earns a place in a short digest.
 */
export const BALANCE_MIN_LEAD = 4;
export const BALANCE_MIN_RATIO = 2;

// Help: a real request from someone in the owner's network, still unanswered; failing that, a give/take
// balance that leans clearly to their side ("what can I contribute?"). A stranger's first mail is not a debt.
function helpDue(contact: Contact, now: number): Due | null {
  const askedAt = contact.lastTheyAskedAt;
  // The owner's own promise to answer makes the ask theirs to keep, whoever asked.
  const promised = promiseUnkept(contact, now);
  if (askedAt !== null && (inNetwork(contact, askedAt) || promised) && open(contact, "help", askedAt, promised ? null : contact.lastOutboundAt, now)) {
    return {
      stake: STAKE.request,
      evidence: {
        what: "asked",
        at: askedAt,
        subject: contact.lastTheyAskedSubject,
        days: wholeDays(askedAt, now),
        detail: contact.introducedBy,
        ...(promised ? { promised: true } : {}),
      },
    };
  }
  const gaveAt = contact.lastTheyGaveAt;
  const { theyGaveCount: theyGave, youGaveCount: youGave } = contact;
  if (gaveAt === null || theyGave - youGave < BALANCE_MIN_LEAD || theyGave < BALANCE_MIN_RATIO * youGave) return null;
  if (!inNetwork(contact, gaveAt + 1) || !open(contact, "help", gaveAt, null, now)) return null;
  return {
    stake: STAKE.balance,
    evidence: { what: "balance", at: gaveAt, subject: contact.lastTheyGaveSubject, days: wholeDays(gaveAt, now), theyGave, youGave },
  };
}

/**
 * The owner's latest mail to them only promised an answer, a week has passed, and they have not written since. Any mail
 * of theirs after the promise ("No rush, sorted it anyway", "Super, glæder mig!") ends it: the exchange has moved on,
 * and asking again is a new ask. digest-store.ts PROMISE_UNKEPT_SQL reads it alike.
 */
function promiseUnkept(contact: Contact, now: number): boolean {
  const at = contact.promisedAt;
  return at !== null && at === contact.lastOutboundAt && (contact.lastInboundAt ?? 0) < at && now - at >= PROMISE_KEPT_WITHIN_DAYS * DAY_MS;
}

// Follow up: outreach that expected an answer (decided at ingest: a first contact, a request, a proposal,
// a +Nd reminder) with no word back by its due date. Stops after MAX_NUDGES unanswered nudges. Days are counted by
// the calendar, as the owner counts them: a follow-up due later on the digest's own day (before `dueBy`, schedule.ts
// localDayEnd) is due that morning, not a week late. A "+3d" sent on Friday at ten is in Monday's digest.
function followUpDue(contact: Contact, owner: DigestSettings, now: number, dueBy: number): Due | null {
  const since = contact.followUpSince;
  if (since === null) return null;
  if (nudgesSent(contact) >= MAX_NUDGES) return null;
  if (unreachableSince(contact, since)) return null;
  const dueAt = contact.followUpDueAt ?? since + owner.followUpDays * DAY_MS;
  if (dueBy < dueAt || !open(contact, "follow-up", since, contact.lastInboundAt, now, dueAt)) return null;
  const reason = contact.followUpReason ?? "question";
  return {
    stake: STAKE[reason],
    evidence: { what: "sent-no-reply", at: since, subject: contact.followUpSubject, days: wholeDays(since, now), nudges: nudgesSent(contact), reason },
  };
}

/**
 * The address was found not to reach them after `since` (a bounce for good, or the person writing from a new
 * address) and has not written since: a nudge to it reaches no one. Mail from it, or a later mail of the owner's
 * to it, lifts this.
 */
function unreachableSince(contact: Contact, since: number): boolean {
  const unreachable = contact.unreachableAt;
  return unreachable !== null && unreachable >= since && unreachable > (contact.lastInboundAt ?? 0);
}

// Reconnect: a two-way tie with some history, quiet for at least one rhythm since the last mail (or since the
// owner marked it done). Ranked by how overdue it is times how strong the tie was. A quiet tie never expires:
// shown a few weeks running without action, it rests, then comes back. Someone who left two nudges unanswered
// is not chased here either.
function reconnectDue(contact: Contact, owner: DigestSettings, now: number): Due | null {
  const lastAt = contact.lastAt;
  if (lastAt === null || contact.inboundCount + contact.meetingCount === 0 || contact.outboundCount + contact.meetingCount === 0) return null;
  if (contact.conversationCount < MIN_CONVERSATIONS_TO_RECONNECT) return null;
  if (!hasHistoryToKeepUp(contact, lastAt)) return null;
  if (nudgesSent(contact) >= MAX_NUDGES) return null;
  if (unreachableSince(contact, contact.lastOutboundAt ?? 0)) return null;
  const from = Math.max(lastAt, contact.doneAt ?? lastAt);
  const cadence = cadenceDays(contact, owner);
  const ratio = daysBetween(from, now) / cadence;
  if (ratio < 1) return null;
  if (resting(contact, lastAt, now)) return null;
  const atRisk = ratio >= AT_RISK_RATIO;
  const bond = bondStrength(contact);
  return {
    stake: atRisk ? STAKE["at-risk"] : STAKE.quiet,
    // How overdue, up to the at-risk point, times what the tie was worth.
    weight: (bond * Math.min(ratio, AT_RISK_RATIO)) / 2,
    evidence: {
      what: "quiet",
      at: lastAt,
      subject: lastSubject(contact, lastAt),
      days: wholeDays(lastAt, now),
      ...(contact.lastMeetingAt === lastAt ? { met: true } : {}),
      cadenceDays: cadence,
      atRisk,
    },
  };
}

/** Three weeks of conversations, or a fortnight in which they gave the owner something, thanked (schema.ts QUIET_FROM_SQL). */
function hasHistoryToKeepUp(contact: Contact, lastAt: number): boolean {
  const firstAt = contact.firstAt ?? lastAt;
  if (daysBetween(firstAt, contact.lastConversationAt ?? lastAt) >= MIN_HISTORY_DAYS_TO_RECONNECT) return true;
  return contact.theyGaveCount > 0 && contact.lastYouThankedAt !== null && daysBetween(firstAt, lastAt) >= MIN_HISTORY_DAYS_TO_RECONNECT_AFTER_A_GIFT;
}

function resting(contact: Contact, lastAt: number, now: number): boolean {
  if (timesShown(contact, "reconnect", lastAt) < RECONNECT_SHOWN_BEFORE_REST) return false;
  return contact.lastShownAt !== null && now - contact.lastShownAt < REST_DAYS * DAY_MS;
}

/**
 * The digest: each contact in the section of their strongest evidence, ranked by importance, capped per section
 * and in all. When the total cap bites, later sections give way first (reconnect, then follow-up, …). Professional
 * items come first, then private ones, each part in section order.
 */
export function planDigest(input: {
  contacts: Contact[];
  /**
   * Per section, people due in it who were counted but not read (db/digests.ts ranks the candidates in SQL and
   * reads only those that can make their section): every one of them ranks below the items read.
   */
  notRead?: Record<Section, number>;
  owner: DigestSettings;
  now: number;
  /** Follow-ups due by this instant are due now: the end of the digest's local day (schedule.ts localDayEnd). */
  followUpsDueBy?: number;
  caps?: DigestCaps;
}): DigestPlan {
  const caps = input.caps ?? DEFAULT_CAPS;
  if (!isCount(caps.perSection) || !isCount(caps.total)) {
    throw new RangeError(`digest caps must be non-negative integers, got ${JSON.stringify(caps)}`);
  }
  const bySection: Record<Section, Recommendation[]> = { thank: [], help: [], "follow-up": [], reconnect: [] };
  for (const contact of input.contacts) {
    const [strongest] = dueSections(contact, input.owner, input.now, input.followUpsDueBy);
    if (strongest) bySection[strongest.section].push(strongest);
  }
  const leftOut: Record<Section, number> = { thank: 0, help: 0, "follow-up": 0, reconnect: 0 };
  const chosen: Recommendation[] = [];
  let room = caps.total;
  for (const section of SECTION_ORDER) {
    const ranked = bySection[section].sort(byImportance);
    const take = Math.min(caps.perSection, room, ranked.length);
    chosen.push(...ranked.slice(0, take));
    leftOut[section] = ranked.length + (input.notRead?.[section] ?? 0) - take;
    room -= take;
  }
  const items = [
    ...chosen.filter((item) => item.circle === "professional"),
    ...chosen.filter((item) => item.circle === "private"),
  ];
  return { items, leftOut };
}

// Importance, then the older evidence (it has waited longest), then address and id so that equal items keep one
// order week to week.
function byImportance(a: Recommendation, b: Recommendation): number {
  return (
    b.priority - a.priority ||
    (a.evidence.at ?? 0) - (b.evidence.at ?? 0) ||
    (a.address < b.address ? -1 : a.address > b.address ? 1 : 0) ||
    a.contactId - b.contactId
  );
}

// `unansweredOutbound` counts outbound mails in a row with no inbound since: the outreach, then the nudges.
function nudgesSent(contact: Contact): number {
  return Math.max(0, contact.unansweredOutbound - 1);
}

function lastSubject(contact: Contact, lastAt: number): string | null {
  if (contact.lastMeetingAt === lastAt) return contact.lastMeetingSubject;
  if (contact.lastInboundAt === lastAt) return contact.lastInboundSubject;
  if (contact.lastOutboundAt === lastAt) return contact.lastOutboundSubject;
  return null;
}

function settled(settledAt: number | null, evidenceAt: number): boolean {
  return settledAt !== null && settledAt >= evidenceAt;
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function daysBetween(from: number, to: number): number {
  return Math.max(0, (to - from) / DAY_MS);
}

function wholeDays(from: number, to: number): number {
  return Math.floor(daysBetween(from, to));
}

function isPositive(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value > 0;
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
