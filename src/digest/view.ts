// What a digest shows, decided once for both parts: the text and HTML renderers only lay this out.

import {
  MAX_NAME_CHARS,
  MAX_QUOTED_SUBJECT_CHARS,
  cleanText,
  fillActivityWeeks,
  localDate,
  commandMailto,
  mailtoHref,
  shortName,
} from "./format";
import { replySubject } from "../mail/subject";
import { DAY_MS, isoWeekOf } from "../time";
import { DIGEST, type Strings, type Piece } from "../i18n/digest";
import type { Language } from "../i18n/language";
import type { PersonRef } from "./newcomers";
import type { Circle, DigestPlan, Recommendation, Section, WeekActivity } from "./types";

export interface DigestView {
  language: Language;
  /** IANA zone, e.g. Europe/Copenhagen: every date is shown in it. */
  timeZone: string;
  ownerName: string | null;
  now: number;
  isoWeek: { year: number; week: number };
  /** Items are numbered 1..n in this order; reply commands ("done 3") refer to these numbers. */
  plan: DigestPlan;
  /** The last 12 ISO weeks, oldest first. Missing weeks are drawn as zeros. */
  activity: WeekActivity[];
  /** Give and take over the period: mails in which the owner helped someone, and in which they were helped. */
  balance: { youGave: number; theyGave: number };
  /** Mails ignored as automated since the last digest. */
  ignoredCount: number;
  /** Dead letters since the last digest. */
  failedCount: number;
  /** Weekly digests that could not be sent since the last one that was. */
  failedDigestCount?: number;
  /** Mails handled since the last digest whose answer could not be sent. */
  unansweredCount?: number;
  /** Nothing can be due and no mail in 12 weeks: a new owner, whose digest says how to start. */
  newcomer: boolean;
  /** BCC of each mailto, so the mail the owner writes is captured too. */
  assistantAddress: string;
  /** The Reply-To carrying the signed token. */
  replyAddress: string;
  /** People who entered the network this week (digest/newcomers.ts). */
  newPeople: PersonRef[];
  /** Pairs of contacts that may be one person, to ask about in the footer. */
  sameSuggestions: Array<[PersonRef, PersonRef]>;
}

/** Names on the "new this week" line; the rest are counted. */
export const MAX_NEW_NAMES = 2;

export const SECTION_ORDER: readonly Section[] = ["thank", "help", "follow-up", "reconnect"];
export const CIRCLE_ORDER: readonly Circle[] = ["professional", "private"];

export interface ItemModel {
  number: number;
  section: Section;
  name: string;
  address: string;
  why: Piece[];
  mailto: string;
  action: string;
  /** One tap: a mail to the signed reply address with `done N`, and with `snooze N 2w`. */
  done: { label: string; href: string };
  later: { label: string; href: string };
}

export interface SectionModel {
  section: Section;
  title: string;
  hint: string;
  items: ItemModel[];
}

export interface PartModel {
  circle: Circle;
  /** Null when the digest has no private items: one unlabelled part reads better than a lone "Work". */
  title: string | null;
  sections: SectionModel[];
}

export interface BarModel {
  /** ISO week number, for the label under the bar. */
  week: number;
  sent: number;
  received: number;
}

export interface DigestModel {
  strings: Strings;
  subject: string;
  /** "Week 48 · 23 Nov 2026" */
  dateline: string;
  greeting: string;
  /** "5 small things this week…", the nothing-due note, or the welcome of a brand-new owner. */
  intro: string;
  /** For a brand-new owner: the ways to start, one line each; otherwise empty. */
  startSteps: string[];
  parts: PartModel[];
  itemCount: number;
  leftOut: string | null;
  bars: BarModel[];
  totals: { sent: number; received: number };
  balance: string;
  stats: string | null;
  /** "New this week: Tom Becker, Ida Holm and 2 more", or null. */
  newPeople: string | null;
  /** "Is Anna Holm <anna@x.dk> the same person as …? Reply "same …"." */
  sameQuestions: string[];
  replyAddress: string;
}

/** "Anna Holm <anna@x.dk>", or the address alone. */
function personText(p: PersonRef): string {
  const address = cleanText(p.address, MAX_NAME_CHARS * 2);
  return p.name ? `${cleanText(p.name, MAX_NAME_CHARS)} <${address}>` : address;
}

export function digestSubject(view: DigestView): string {
  const s = DIGEST[view.language];
  const parts: string[] = [];
  for (const section of SECTION_ORDER) {
    const items = view.plan.items.filter((i) => i.section === section);
    if (items.length === 1) parts.push(s.subjectOne[section](shortName(items[0].name, items[0].address)));
    else if (items.length > 1) parts.push(s.subjectMany[section](items.length));
  }
  return s.subject(parts.length ? parts.join(", ") : view.newcomer ? s.subjectWelcome : s.subjectQuiet, view.isoWeek.week);
}

/** The commands the one-tap links write; the same words in either language, so they never depend on the owner's setting. */
export const QUICK_DONE = (n: number) => `done ${n}`;
export const QUICK_LATER = (n: number) => `snooze ${n} 2w`;

/** What an item needs besides itself: the digest's, or a `status` answer's, language, zone, time and reply address. */
export type PlanContext = Pick<DigestView, "language" | "timeZone" | "now" | "plan" | "assistantAddress" | "replyAddress">;

function itemModel(view: PlanContext, s: Strings, rec: Recommendation, number: number, answerSubject: string, thisYear: number): ItemModel {
  const { evidence } = rec;
  const address = cleanText(rec.address, MAX_NAME_CHARS * 2);
  const subject = evidence.subject ? cleanText(evidence.subject, MAX_QUOTED_SUBJECT_CHARS) : "";
  let date: string | null = null;
  let days = evidence.days ?? null;
  if (evidence.at !== null) {
    const d = localDate(evidence.at, view.timeZone);
    date = s.date(d, d.year !== thisYear);
    days = Math.floor((view.now - evidence.at) / DAY_MS);
  }
  const why = s.why({
    evidence,
    date,
    subject: subject || null,
    elapsed: days !== null && days >= 1 ? s.duration(days) : null,
    cadence: evidence.cadenceDays ? s.cadence(evidence.cadenceDays) : null,
  });
  const mailSubject =
    rec.section !== "reconnect" && subject ? replySubject(subject) : s.mailtoSubject[rec.section];
  return {
    number,
    section: rec.section,
    name: cleanText(rec.name || rec.address, MAX_NAME_CHARS),
    address,
    why,
    mailto: mailtoHref(address, mailSubject, view.assistantAddress),
    action: s.action[rec.section],
    done: { label: s.quickDone, href: commandMailto(view.replyAddress, answerSubject, QUICK_DONE(number)) },
    later: { label: s.quickLater, href: commandMailto(view.replyAddress, answerSubject, QUICK_LATER(number)) },
  };
}

/**
 * The plan's items numbered 1..n, by circle and then section, each with why it is there. `answerSubject` is
 * the subject of the one-tap answers (done, later).
 */
export function planParts(view: PlanContext, answerSubject: string): PartModel[] {
  const s = DIGEST[view.language];
  const numbered = view.plan.items.map((rec, i) => ({ rec, number: i + 1 }));
  const hasPrivate = numbered.some(({ rec }) => rec.circle === "private");
  const thisYear = localDate(view.now, view.timeZone).year;
  const parts: PartModel[] = [];
  for (const circle of CIRCLE_ORDER) {
    const sections: SectionModel[] = [];
    for (const section of SECTION_ORDER) {
      const items = numbered
        .filter(({ rec }) => rec.circle === circle && rec.section === section)
        .map(({ rec, number }) => itemModel(view, s, rec, number, answerSubject, thisYear));
      if (items.length) sections.push({ section, title: s.section[section], hint: s.sectionHint[section], items });
    }
    if (sections.length) parts.push({ circle, title: hasPrivate ? s.part[circle] : null, sections });
  }
  return parts;
}

export function buildDigestModel(view: DigestView): DigestModel {
  const s = DIGEST[view.language];
  const parts = planParts(view, replySubject(digestSubject(view)));

  const leftOutParts = SECTION_ORDER.filter((sec) => (view.plan.leftOut[sec] ?? 0) > 0).map((sec) =>
    s.leftOutPart[sec](view.plan.leftOut[sec]),
  );
  const weeks = fillActivityWeeks(view.activity, view.isoWeek);
  const count = view.plan.items.length;

  return {
    strings: s,
    subject: digestSubject(view),
    dateline: `${s.week(view.isoWeek.week)} · ${s.date(localDate(view.now, view.timeZone), true)}`,
    greeting: s.greeting(view.ownerName ? shortName(view.ownerName, "") || null : null),
    intro: count ? s.intro(count) : view.newcomer ? s.welcome : s.nothingDue,
    startSteps: !count && view.newcomer ? s.startSteps(view.assistantAddress) : [],
    parts,
    itemCount: count,
    leftOut: leftOutParts.length ? s.leftOut(leftOutParts) : null,
    bars: weeks.map((w) => ({ week: isoWeekOf(w.weekStart).week, sent: w.sent, received: w.received })),
    totals: {
      sent: weeks.reduce((n, w) => n + w.sent, 0),
      received: weeks.reduce((n, w) => n + w.received, 0),
    },
    balance: s.balance(view.balance.youGave, view.balance.theyGave),
    stats:
      view.ignoredCount || view.failedCount || view.failedDigestCount || view.unansweredCount
        ? s.stats(view.ignoredCount, view.failedCount, view.failedDigestCount ?? 0, view.unansweredCount ?? 0)
        : null,
    newPeople: view.newPeople.length
      ? s.newThisWeek(
          view.newPeople.slice(0, MAX_NEW_NAMES).map((p) => cleanText(p.name || p.address, MAX_NAME_CHARS)),
          Math.max(0, view.newPeople.length - MAX_NEW_NAMES),
        )
      : null,
    sameQuestions: view.sameSuggestions.map(([a, b]) =>
      s.sameQuestion(personText(a), personText(b), `${view.language === "da" ? "samme" : "same"} ${a.address} ${b.address}`),
    ),
    replyAddress: view.replyAddress,
  };
}
