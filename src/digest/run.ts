// The scheduled() path: who is due → recommendations → render → send → remember what was numbered.
import { EmailMessage } from "cloudflare:email";
import type { Db } from "../db/client";
import { createDigest, deleteDigest, digestCandidates, finishDigest, mailEventCounts, recentActivity } from "../db/digests";
import { listOwners } from "../db/owners";
import { countPassedMeetings } from "../calendar/meetings";
import { foldPeople } from "../db/people";
import type { Contact, Owner } from "../db/schema";
import type { Config } from "../env";
import { newMessageId } from "../mail/compose";
import { planDigest } from "./decide";
import { newThisWeek, sameSuggestions, type PersonRef } from "./newcomers";
import { buildDigestMime } from "./mime";
import { digestSubject, renderDigestHtml, renderDigestText, type DigestView } from "./render";
import type { DigestPlan, WeekActivity } from "./types";
import { isoWeekStart, WEEK_MS } from "../time";
import { ACTIVITY_WEEKS } from "./format";
import { digestDue, localTime } from "./schedule";
import { DIGEST_TOKEN_TTL_MS, signDigestToken } from "./token";


export interface SentDigest {
  digestId: number;
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
  counts: { ignored: number; failed: number };
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
    assistantAddress: config.assistantAddress,
    replyAddress,
    newPeople: facts.newPeople,
    sameSuggestions: facts.sameSuggestions,
  };
}

/**
 * The contacts the digest weighs as they stand at `now`: meetings that have happened since counted in, each
 * person once however many addresses they have.
 */
export async function digestPeople(db: Db, owner: Owner, now: number): Promise<Contact[]> {
  await countPassedMeetings(db, owner.id, owner.timeZone, now);
  return foldPeople(await digestCandidates(db, owner.id));
}

/** Everything the digest needs from D1: one row per unmuted contact, 12 activity rows, two counts. */
export async function loadDigestFacts(db: Db, owner: Owner, now: number): Promise<DigestFacts> {
  // The picture: the complete weeks before the digest's own week, in the owner's calendar.
  const local = localTime(now, owner.timeZone);
  const until = isoWeekStart(local.year, local.week);
  const [people, activityRows, counts] = await Promise.all([
    digestPeople(db, owner, now),
    recentActivity(db, owner.id, until - ACTIVITY_WEEKS * WEEK_MS, until),
    mailEventCounts(db, owner.id),
  ]);
  return {
    plan: planDigest({ contacts: people, owner, now }),
    newPeople: newThisWeek(people, now),
    sameSuggestions: sameSuggestions(people),
    activity: activityRows.map((r) => ({ weekStart: r.weekStart, sent: r.sent, received: r.received, theyGave: r.theyGave, youGave: r.youGave })),
    counts,
  };
}

/** Builds and sends one owner's digest now, whatever the weekday. `isoWeek` marks the week as done. */
export async function sendDigest(db: Db, sendEmail: SendEmail, config: Config, owner: Owner, now: number, isoWeek: string | null): Promise<SentDigest> {
  const facts = await loadDigestFacts(db, owner, now);
  const { plan } = facts;
  const digest = await createDigest(db, { ownerId: owner.id, isoWeek: isoWeek ?? localTime(now, owner.timeZone).isoWeek, sentAt: now, subject: "" });
  try {
    const token = await signDigestToken(config.tokenSecret, { ownerId: owner.id, digestId: digest.id, expiresAt: now + DIGEST_TOKEN_TTL_MS });
    const view = digestView(config, owner, facts, `${config.assistantLocal}+${token}@${config.assistantDomain}`, now);
    const subject = digestSubject(view);
    const text = renderDigestText(view);
    const html = renderDigestHtml(view);
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
    await sendEmail.send(new EmailMessage(config.assistantAddress, owner.primaryAddress, raw));
    await finishDigest(db, {
      ownerId: owner.id,
      digestId: digest.id,
      messageId,
      subject,
      sentAt: now,
      isoWeek,
      items: plan.items.map((item, i) => ({
        number: i + 1,
        kind: item.section,
        contactId: item.contactId,
        circle: item.circle,
        evidenceAt: item.evidence.at,
        evidenceSubject: item.evidence.subject,
      })),
    });
    return { digestId: digest.id, to: owner.primaryAddress, subject, text, html, raw, items: plan.items.length };
  } catch (err) {
    // Nothing went out: forget the digest so the next hourly run tries again.
    await deleteDigest(db, owner.id, digest.id);
    throw err;
  }
}

export interface ScheduledRun {
  sent: Array<{ ownerId: number; digestId: number; items: number }>;
  failed: Array<{ ownerId: number; error: string }>;
}

/** Hourly: every owner whose weekday and hour have come this ISO week and who has not had it yet. */
export async function runScheduledDigests(db: Db, sendEmail: SendEmail, config: Config, now: number): Promise<ScheduledRun> {
  const run: ScheduledRun = { sent: [], failed: [] };
  for (const owner of await listOwners(db)) {
    const due = digestDue(owner, now);
    if (!due.due) continue;
    try {
      const sent = await sendDigest(db, sendEmail, config, owner, now, due.local.isoWeek);
      run.sent.push({ ownerId: owner.id, digestId: sent.digestId, items: sent.items });
    } catch (err) {
      // One owner's failure must not keep the others from their digest.
      console.error(`digest for owner ${owner.id} failed: ${String(err)}`);
      run.failed.push({ ownerId: owner.id, error: String(err) });
    }
  }
  return run;
}
