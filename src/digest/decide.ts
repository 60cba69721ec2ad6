// Who is due in this week's digest: pure functions of the owner's contacts, settings and `now`. The contact
// row carries every aggregate these rules need, so the digest reads contacts and never scans interactions.
//
// A rule is settled by a later timestamp of the kind that answers it: a thank by outbound thanks, an open
// question by any outbound mail, a follow-up by any inbound mail, a quiet tie by any mail either way. A
// "done" marks an item quiet until newer evidence arrives. A settling time equal to the evidence time counts
// as settled: with nothing to order them, the assistant gives the owner the benefit of the doubt.

import type { Contact, Owner } from "../db/schema";
import { DAY_MS } from "../time";
import type { DigestPlan, Evidence, Recommendation, Section } from "./types";


/** Display and priority order. A contact due in several sections appears only in the first of these. */
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
/** Frequency grows with the logarithm of the mail count: each doubling adds a fifth, full at 31 mails. */
const FREQUENCY_SATURATION_COUNT = 31;
/** Tenure is full after two years of knowing each other. */
const TENURE_SATURATION_DAYS = 730;
/** Mail in one direction only is a weak tie by definition, whatever its volume or age. */
export const ONE_WAY_MAX_STRENGTH = 2;

/** Cadence inferred from history is kept between a fortnight and a year (PRODUCT.md, "Cadence"). */
export const MIN_INFERRED_CADENCE_DAYS = 14;
export const MAX_INFERRED_CADENCE_DAYS = 365;
/** Cadence when the history shows no rhythm yet: once a quarter, the rhythm of a loose professional tie. */
export const DEFAULT_CADENCE_DAYS = 90;
/** Two mails are one gap; a typical gap needs at least two. */
const MIN_INTERACTIONS_FOR_RHYTHM = 3;
/** Mail that all falls within six weeks (three of the shortest cadence) is one conversation, not a rhythm: a
 * single busy thread would otherwise set a two-week cadence and ask the owner to reconnect a fortnight after
 * it ended. */
const MIN_HISTORY_SPAN_DAYS = 42;

/** The first unanswered outbound mail is the outreach; the owner is nudged at most this many times after it. */
export const MAX_NUDGES = 2;

/**
 * An item leaves the digest this long after it fell due, answered or not: eight weekly digests is enough
 * reminding, and a thank-you or an answer months late is no longer the habit being encouraged. Thanks and
 * questions fall due when the mail arrives; a follow-up at its due date; a quiet tie one cadence after the
 * last mail.
 */
export const ITEM_HORIZON_DAYS = 56;

/** 0–10, one decimal. Zero for a contact with no mail at all. */
export function tieStrength(contact: Contact, now: number): number {
  if (contact.lastAt === null) return 0;
  const inbound = contact.inboundCount;
  const outbound = contact.outboundCount;
  const total = inbound + outbound;
  const recency = 0.5 ** (daysBetween(contact.lastAt, now) / RECENCY_HALF_LIFE_DAYS);
  const reciprocity = total === 0 ? 0 : (2 * Math.min(inbound, outbound)) / total;
  const frequency = Math.min(1, Math.log2(1 + total) / Math.log2(1 + FREQUENCY_SATURATION_COUNT));
  const tenure = Math.min(1, daysBetween(contact.firstAt ?? contact.lastAt, now) / TENURE_SATURATION_DAYS);
  let score =
    RECENCY_POINTS * recency +
    RECIPROCITY_POINTS * reciprocity +
    FREQUENCY_POINTS * frequency +
    TENURE_POINTS * tenure;
  if (inbound === 0 || outbound === 0) score = Math.min(score, ONE_WAY_MAX_STRENGTH);
  return round(score, 1);
}

/**
 * Days between expected contacts, most specific first: the contact's own setting, then the owner's setting
 * for the circle, then the contact's typical gap. The owner's explicit settings are honoured as given (a
 * weekly cadence is their call); only the inferred gap is clamped, because a burst of mail or one stray
 * message years apart says little about the rhythm a relationship needs.
 */
export function cadenceDays(contact: Contact, owner: CadenceSettings): number {
  if (isPositive(contact.cadenceDays)) return contact.cadenceDays;
  const circleDays = contact.circle === "private" ? owner.cadencePrivateDays : owner.cadenceProfessionalDays;
  if (isPositive(circleDays)) return circleDays;
  return inferredCadenceDays(contact);
}

function inferredCadenceDays(contact: Contact): number {
  const count = contact.inboundCount + contact.outboundCount;
  if (contact.firstAt === null || contact.lastAt === null || count < MIN_INTERACTIONS_FOR_RHYTHM) {
    return DEFAULT_CADENCE_DAYS;
  }
  const spanDays = daysBetween(contact.firstAt, contact.lastAt);
  if (spanDays < MIN_HISTORY_SPAN_DAYS) return DEFAULT_CADENCE_DAYS;
  const gap = spanDays / (count - 1);
  return Math.round(Math.min(MAX_INFERRED_CADENCE_DAYS, Math.max(MIN_INFERRED_CADENCE_DAYS, gap)));
}

/**
 * Every section this contact is due in, in SECTION_ORDER, each with its evidence. Muted and snoozed contacts
 * are due in none.
 */
export function dueSections(contact: Contact, owner: DigestSettings, now: number): Recommendation[] {
  if (contact.muted) return [];
  if (contact.snoozedUntil !== null && contact.snoozedUntil > now) return [];
  const strength = tieStrength(contact, now);
  const item = (section: Section, priority: number, evidence: Evidence): Recommendation => ({
    section,
    contactId: contact.id,
    address: contact.address,
    name: contact.name,
    circle: contact.circle,
    strength,
    priority: round(priority, 2),
    evidence,
  });
  const due: Recommendation[] = [];
  const thank = thankDue(contact, now);
  if (thank) due.push(item("thank", thank.priority, thank.evidence));
  const help = helpDue(contact, now);
  if (help) due.push(item("help", help.priority, help.evidence));
  const followUp = followUpDue(contact, owner, now);
  if (followUp) due.push(item("follow-up", followUp.priority, followUp.evidence));
  const reconnect = reconnectDue(contact, owner, now, strength);
  if (reconnect) due.push(item("reconnect", reconnect.priority, reconnect.evidence));
  return due;
}

interface Due {
  priority: number;
  evidence: Evidence;
}

// Thank: they gave something and no thanks went out since. Longest-waiting first, before it ages out.
function thankDue(contact: Contact, now: number): Due | null {
  const gaveAt = contact.lastGaveAt;
  if (gaveAt === null || gaveAt > now) return null;
  if (settled(contact.lastThankedAt, gaveAt) || settled(contact.doneThankAt, gaveAt)) return null;
  if (pastHorizon(gaveAt, now)) return null;
  return {
    priority: daysBetween(gaveAt, now),
    evidence: { what: "gave", at: gaveAt, subject: contact.lastGaveSubject, days: wholeDays(gaveAt, now) },
  };
}

/** "Clearly their way": at least two more gifts from them than from the owner, and at least twice as many. */
const BALANCE_MIN_LEAD = 2;
const BALANCE_MIN_RATIO = 2;

// Help: an open question comes first; failing that, a give/take balance that leans clearly to their side
// ("what can I contribute?"). Every open question outranks every balance item: both priorities are days
// waiting, and a question's is lifted by the horizon, which no balance item's can exceed.
function helpDue(contact: Contact, now: number): Due | null {
  const askedAt = contact.lastRequestAt;
  if (
    askedAt !== null &&
    askedAt <= now &&
    !settled(contact.lastOutboundAt, askedAt) &&
    !settled(contact.doneHelpAt, askedAt) &&
    !pastHorizon(askedAt, now)
  ) {
    return {
      priority: ITEM_HORIZON_DAYS + daysBetween(askedAt, now),
      evidence: { what: "asked", at: askedAt, subject: contact.lastRequestSubject, days: wholeDays(askedAt, now) },
    };
  }
  const gaveAt = contact.lastGaveAt;
  const { gaveCount: gave, gotCount: got } = contact;
  if (gaveAt === null || gaveAt > now) return null;
  if (gave - got < BALANCE_MIN_LEAD || gave < BALANCE_MIN_RATIO * got) return null;
  if (settled(contact.doneHelpAt, gaveAt) || pastHorizon(gaveAt, now)) return null;
  return {
    priority: daysBetween(gaveAt, now),
    evidence: {
      what: "balance",
      at: gaveAt,
      subject: contact.lastGaveSubject,
      days: wholeDays(gaveAt, now),
      gave,
      got,
    },
  };
}

// Follow up: outreach with no word back by its due date. Stops after MAX_NUDGES unanswered nudges, because
// good relationships are not forced. Longest overdue first.
function followUpDue(contact: Contact, owner: DigestSettings, now: number): Due | null {
  const since = contact.followUpSince;
  if (since === null) return null;
  if (nudgesSent(contact) >= MAX_NUDGES) return null;
  if (settled(contact.lastInboundAt, since) || settled(contact.doneFollowUpAt, since)) return null;
  const dueAt = contact.followUpDueAt ?? since + owner.followUpDays * DAY_MS;
  if (now < dueAt || pastHorizon(dueAt, now)) return null;
  return {
    priority: daysBetween(dueAt, now),
    evidence: {
      what: "sent-no-reply",
      at: since,
      subject: contact.followUpSubject,
      days: wholeDays(since, now),
      nudges: nudgesSent(contact),
    },
  };
}

// Reconnect: quiet for at least one cadence since the last mail (or since the owner marked it done). Ranked
// by how overdue it is times how strong the tie is. Someone who never wrote back belongs under follow-up, and
// someone who left two nudges unanswered is not chased here either.
function reconnectDue(contact: Contact, owner: DigestSettings, now: number, strength: number): Due | null {
  const lastAt = contact.lastAt;
  if (lastAt === null || contact.inboundCount === 0) return null;
  if (nudgesSent(contact) >= MAX_NUDGES) return null;
  const from = Math.max(lastAt, contact.doneReconnectAt ?? lastAt);
  const cadence = cadenceDays(contact, owner);
  const ratio = daysBetween(from, now) / cadence;
  if (ratio < 1 || pastHorizon(from + cadence * DAY_MS, now)) return null;
  return {
    priority: ratio * strength,
    evidence: {
      what: "quiet",
      at: lastAt,
      subject: lastSubject(contact, lastAt),
      days: wholeDays(lastAt, now),
      cadenceDays: cadence,
    },
  };
}

// `unansweredOutbound` counts outbound mails in a row with no inbound since: the outreach, then the nudges.
function nudgesSent(contact: Contact): number {
  return Math.max(0, contact.unansweredOutbound - 1);
}

function lastSubject(contact: Contact, lastAt: number): string | null {
  if (contact.lastInboundAt === lastAt) return contact.lastInboundSubject;
  if (contact.lastOutboundAt === lastAt) return contact.lastOutboundSubject;
  return null;
}

/**
 * The digest: each contact's first due section, ranked within the section, capped per section and in all.
 * When the total cap bites, later sections give way first (reconnect, then follow-up, …): a debt of thanks or
 * an unanswered question matters more than a quiet tie. A contact whose first section is full is left out
 * rather than moved to a later one, so an item's section never depends on who else is due. Professional items
 * come first, then private ones, each part in section order.
 */
export function planDigest(input: {
  contacts: Contact[];
  owner: DigestSettings;
  now: number;
  caps?: DigestCaps;
}): DigestPlan {
  const caps = input.caps ?? DEFAULT_CAPS;
  if (!isCount(caps.perSection) || !isCount(caps.total)) {
    throw new RangeError(`digest caps must be non-negative integers, got ${JSON.stringify(caps)}`);
  }
  const bySection: Record<Section, Recommendation[]> = { thank: [], help: [], "follow-up": [], reconnect: [] };
  for (const contact of input.contacts) {
    const [first] = dueSections(contact, input.owner, input.now);
    if (first) bySection[first.section].push(first);
  }
  const leftOut: Record<Section, number> = { thank: 0, help: 0, "follow-up": 0, reconnect: 0 };
  const chosen: Recommendation[] = [];
  let room = caps.total;
  for (const section of SECTION_ORDER) {
    const ranked = bySection[section].sort(byRank);
    const take = Math.min(caps.perSection, room, ranked.length);
    chosen.push(...ranked.slice(0, take));
    leftOut[section] = ranked.length - take;
    room -= take;
  }
  const items = [
    ...chosen.filter((item) => item.circle === "professional"),
    ...chosen.filter((item) => item.circle === "private"),
  ];
  return { items, leftOut };
}

// Priority, then the stronger tie, then address and id so that equal items keep one order week to week.
function byRank(a: Recommendation, b: Recommendation): number {
  return (
    b.priority - a.priority ||
    b.strength - a.strength ||
    (a.address < b.address ? -1 : a.address > b.address ? 1 : 0) ||
    a.contactId - b.contactId
  );
}

function settled(settledAt: number | null, evidenceAt: number): boolean {
  return settledAt !== null && settledAt >= evidenceAt;
}

function pastHorizon(dueAt: number, now: number): boolean {
  return now - dueAt > ITEM_HORIZON_DAYS * DAY_MS;
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
