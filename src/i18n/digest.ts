// Every string the digest shows, in English and Danish. `Record<Language, Strings>` makes the compiler
// refuse a language that lacks one.

import type { LocalDate } from "../digest/format";
import type { Circle, Evidence, Section } from "../digest/types";
import { type Language, shortDate } from "./language";

/** A sentence as pieces, so each renderer can escape plain text and style the quoted mail subject. */
export type Piece = string | { subject: string };

export interface WhyInput {
  evidence: Evidence;
  /** "3 Nov" / "3. nov.", or null when the evidence has no time. */
  date: string | null;
  subject: string | null;
  /** How long since the evidence mail, in words ("16 days", "3 months"), or null. */
  elapsed: string | null;
  /** The usual rhythm in words ("every month"), or null. */
  cadence: string | null;
}

export interface Strings {
  htmlLang: string;
  brand: string;
  week(week: number): string;
  subjectQuiet: string;
  /** A brand-new owner's first digest. */
  subjectWelcome: string;
  /** The whole subject: what to do first (inboxes cut subjects at about 45 characters on phones), the week last. */
  subject(what: string, week: number): string;
  subjectOne: Record<Section, (name: string) => string>;
  subjectMany: Record<Section, (count: number) => string>;
  greeting(name: string | null): string;
  intro(count: number): string;
  nothingDue: string;
  /** The first digest of an owner with no contacts yet: how to start instead of "all quiet". */
  welcome: string;
  /** The ways in, each a line; `assistant` is the assistant's address. */
  startSteps(assistant: string): string[];
  part: Record<Circle, string>;
  section: Record<Section, string>;
  sectionHint: Record<Section, string>;
  action: Record<Section, string>;
  /** The small one-tap links beside each item's button: a mail with `done N`, and with `snooze N 2w`. */
  quickDone: string;
  quickLater: string;
  date(d: LocalDate, withYear: boolean): string;
  quote(subject: string): string;
  duration(days: number): string;
  cadence(days: number): string;
  why(input: WhyInput): Piece[];
  mailtoSubject: { reconnect: string; thank: string; help: string; "follow-up": string };
  activityTitle: string;
  sent: string;
  received: string;
  weeksTotal(sent: number, received: number): string;
  /** The give-and-take line: mails in which the owner helped someone, and in which someone helped them. */
  balance(youGave: number, theyGave: number): string;
  leftOut(parts: string[]): string;
  leftOutPart: Record<Section, (count: number) => string>;
  stats(ignored: number, failed: number, failedDigests: number, unanswered: number): string;
  /** "New this week: Tom Becker, Ida Holm and 2 more". */
  newThisWeek(names: string[], more: number): string;
  /** The footer's question whether two contacts are one person, with the reply that says yes. */
  sameQuestion(a: string, b: string, command: string): string;
  footerIntro: string;
  /** The reply commands to show; item examples use numbers that exist in this digest (`count` items). */
  commands(count: number): Array<{ example: string; meaning: string }>;
  footerNote: string;
}

/** Give and take counts as even while the larger side is at most this many times the smaller… */
export const BALANCE_RATIO = 1.5;
/** …or the two differ by fewer than this many. Below this on both sides, the numbers are only stated. */
export const BALANCE_MIN_DIFFERENCE = 3;

export type BalanceLean = "none" | "few" | "even" | "giving" | "taking";

/** How the owner's give and take leans: `youGave` mails in which they helped someone, `theyGave` in which they were helped. */
export function balanceLean(youGave: number, theyGave: number): BalanceLean {
  if (youGave === 0 && theyGave === 0) return "none";
  const high = Math.max(youGave, theyGave);
  const low = Math.min(youGave, theyGave);
  if (high < BALANCE_MIN_DIFFERENCE) return "few";
  if (high - low < BALANCE_MIN_DIFFERENCE || high <= low * BALANCE_RATIO) return "even";
  return youGave > theyGave ? "giving" : "taking";
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  return [address.slice(0, at), address.slice(at + 1)];
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Ordinal spelling Danish uses for rhythms: "hver 3. uge". */
function daEvery(n: number, unit: string): string {
  return n === 1 ? `hver ${unit}` : `hver ${n}. ${unit}`;
}

// Below about four weeks people think in weeks ("every 3 weeks"), above it in months ("every month").
function rhythm(days: number): { unit: "week" | "month" | "year"; n: number } {
  if (days < 26) return { unit: "week", n: Math.max(1, Math.round(days / 7)) };
  if (days < 330) return { unit: "month", n: Math.max(1, Math.round(days / 30.44)) };
  return { unit: "year", n: Math.max(1, Math.round(days / 365.25)) };
}

function span(days: number): { unit: "day" | "week" | "month" | "year"; n: number } {
  if (days < 14) return { unit: "day", n: days };
  if (days < 63) return { unit: "week", n: Math.floor(days / 7) };
  if (days < 730) return { unit: "month", n: Math.floor(days / 30.44) };
  return { unit: "year", n: Math.floor(days / 365.25) };
}

/** Item numbers for the command examples: 1, 2, 3, but never past the last item. */
function exampleNumbers(count: number): [number, number, number] {
  return [1, Math.min(2, count), Math.min(3, count)];
}

/** A full stop after the quoted subject, unless the subject already ends a sentence ("…an accountant?”"). */
function stop(subject: string | null): string {
  return subject && /[.?!…]$/.test(subject) ? "" : ".";
}

/** "on 3 Nov: “Intro”" with whatever parts exist. */
function when(on: string, date: string | null, subject: string | null): Piece[] {
  const out: Piece[] = [];
  if (date) out.push(` ${on} ${date}`);
  if (subject) out.push(": ", { subject });
  return out;
}


type GiftKind = NonNullable<Evidence["kind"]>;
type FollowUpReason = NonNullable<Evidence["reason"]>;

/** What they gave, said as what happened: the detail names whom or what when it is known. */
const EN_GAVE: Record<GiftKind, (detail: string | null) => string> = {
  introduction: (d) => (d ? `Introduced you to ${d}` : "Introduced you to someone"),
  referral: (d) => (d ? `Recommended you to ${d}` : "Recommended you to someone"),
  "asked-for": (d) => (d ? `Sent what you asked for (${d})` : "Sent what you asked for"),
  help: () => "Helped you out",
};
const DA_GAVE: Record<GiftKind, (detail: string | null) => string> = {
  introduction: (d) => (d ? `Introducerede dig for ${d}` : "Introducerede dig for en ny kontakt"),
  referral: (d) => (d ? `Anbefalede dig til ${d}` : "Anbefalede dig til andre"),
  "asked-for": (d) => (d ? `Sendte det, du bad om (${d})` : "Sendte det, du bad om"),
  help: () => "Hjalp dig",
};

/** How the owner's unanswered mail opens its line, by why it expected an answer. */
const EN_WROTE: Record<FollowUpReason, string> = { proposal: "You sent a proposal", question: "You asked", "first-contact": "You reached out", reminder: "You wrote" };
const DA_WROTE: Record<FollowUpReason, string> = { proposal: "Du sendte et tilbud", question: "Du spurgte", "first-contact": "Du tog kontakt", reminder: "Du skrev" };

const en: Strings = {
  htmlLang: "en",
  brand: "Gensidig",
  week: (w) => `Week ${w}`,
  subjectQuiet: "all quiet",
  subjectWelcome: "how to start",
  subject: (what, week) => `${upperFirst(what)} · week ${week}`,
  subjectOne: {
    thank: (n) => `thank ${n}`,
    help: (n) => `help ${n}`,
    "follow-up": (n) => `follow up with ${n}`,
    reconnect: (n) => `reconnect with ${n}`,
  },
  subjectMany: {
    thank: (c) => `thank ${c}`,
    help: (c) => `help ${c}`,
    "follow-up": (c) => `follow up ${c}`,
    reconnect: (c) => `reconnect ${c}`,
  },
  greeting: (name) => (name ? `Hi ${name},` : "Hi,"),
  intro: (c) =>
    c === 1 ? "One small thing this week. It takes a minute." : `${c} small things this week. Each takes a minute.`,
  nothingDue: "Nothing is due this week — your network is in good shape.",
  welcome: "Nothing to show yet: I only know the mail you share with me. Four ways to start:",
  startSteps: (a) => {
    const [local, domain] = splitAddress(a);
    return [
      `BCC ${a} on mail you send. Each person you write to becomes a contact.`,
      `Forward me mail you got: I find the sender, and what you write above it becomes a note.`,
      `Want a nudge if someone does not answer? BCC ${local}+3d@${domain} (or +2w).`,
      `Bring your history: npm run import -- your.mbox, and next week's digest already knows your network.`,
    ];
  },
  part: { professional: "Work", private: "Private" },
  section: { thank: "Thank", help: "Help", "follow-up": "Follow up", reconnect: "Reconnect" },
  sectionHint: {
    thank: "Someone gave you something. A short thank-you goes a long way.",
    help: "Someone asked, or has given more than they got.",
    "follow-up": "You reached out and heard nothing back.",
    reconnect: "Good relationships going quiet.",
  },
  action: { thank: "Say thank you", help: "Write back", "follow-up": "Follow up", reconnect: "Say hello" },
  quickDone: "Done",
  quickLater: "In 2 weeks",
  date: (d, withYear) => shortDate(d, "en", withYear),
  quote: (s) => `“${s}”`,
  duration: (days) => {
    const { unit, n } = span(days);
    return `${n} ${unit}${n === 1 ? "" : "s"}`;
  },
  cadence: (days) => {
    const { unit, n } = rhythm(days);
    if (unit === "year") return n === 1 ? "once a year" : `every ${n} years`;
    return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
  },
  why: ({ evidence, date, subject, elapsed, cadence }) => {
    switch (evidence.what) {
      case "gave": {
        const what = EN_GAVE[evidence.kind ?? "help"](evidence.detail ?? null);
        return [what, ...when("on", date, subject), `${stop(subject)} You haven't said thank you yet.`];
      }
      case "asked": {
        const via = evidence.detail ? ` (introduced by ${evidence.detail})` : "";
        const still = evidence.promised ? " You said you'd come back to it; nothing since." : " Still unanswered.";
        return [`Asked you something${via}`, ...when("on", date, subject), `${stop(subject)}${still}`];
      }
      case "sent-no-reply": {
        const what = EN_WROTE[evidence.reason ?? "question"];
        const out: Piece[] = [what, ...when("on", date, subject), stop(subject)];
        out.push(elapsed ? ` No answer after ${elapsed}.` : " No answer yet.");
        if ((evidence.nudges ?? 0) >= 1) out.push(" You've followed up once already; if this gets no answer either, let it rest.");
        return out;
      }
      case "quiet": {
        const out: Piece[] = [evidence.met ? "Last met" : "Last in touch", ...when("on", date, subject), stop(subject)];
        if (elapsed && cadence) out.push(` That was ${elapsed} ago; you're usually in touch ${cadence}.`);
        else if (elapsed) out.push(` That was ${elapsed} ago — longer than usual.`);
        else out.push(" Longer ago than usual.");
        if (evidence.atRisk) out.push(" Far longer than your usual rhythm: this tie is at risk of fading.");
        return out;
      }
      case "balance": {
        const { theyGave, youGave } = evidence;
        if (theyGave === undefined || youGave === undefined) {
          return ["Has given you more than you have given back. What could you offer?"];
        }
        const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);
        const latest: Piece[] = date || subject ? [", most recently", ...when("on", date, subject), stop(subject)] : ["."];
        const back = youGave === 0 ? "You haven't given back yet." : `You've given back ${times(youGave)}.`;
        return [`Has given you something ${times(theyGave)}`, ...latest, ` ${back} What could you offer in return?`];
      }
    }
  },
  mailtoSubject: { reconnect: "Long time no see", thank: "Thank you", help: "Can I help?", "follow-up": "Following up" },
  activityTitle: "Your last 12 weeks",
  sent: "Sent",
  received: "Received",
  weeksTotal: (s, r) => `${s} sent and ${r} received in 12 weeks.`,
  balance: (youGave, theyGave) => {
    const mails = (n: number) => `${n} mail${n === 1 ? "" : "s"}`;
    const counts = `you helped others in ${mails(youGave)} and were helped in ${mails(theyGave)}`;
    switch (balanceLean(youGave, theyGave)) {
      case "none":
        return "No give and take recorded yet.";
      case "few":
        return `Give and take: ${counts}.`;
      case "even":
        return `Give and take: ${counts} — about even.`;
      case "giving":
        return `Give and take: ${counts}. You give more than you get — it's fine to ask, too.`;
      case "taking":
        return `Give and take: ${counts}. You get more than you give — worth asking: what can I contribute?`;
    }
  },
  leftOut: (parts) => `Also due, left out to keep this short: ${parts.join(", ")}.`,
  leftOutPart: {
    thank: (c) => `${c} to thank`,
    help: (c) => `${c} to help`,
    "follow-up": (c) => `${c} to follow up with`,
    reconnect: (c) => `${c} to reconnect with`,
  },
  stats: (ignored, failed, failedDigests, unanswered) => {
    const parts: string[] = [];
    if (failedDigests) parts.push(failedDigests === 1 ? "a digest failed and could not be sent" : `${failedDigests} digests failed and could not be sent`);
    if (unanswered) parts.push(unanswered === 1 ? "1 mail was handled but my answer to it could not be sent" : `${unanswered} mails were handled but my answers to them could not be sent`);
    if (ignored) parts.push(`${ignored} mail${ignored === 1 ? " was" : "s were"} ignored as automated`);
    if (failed) parts.push(`${failed} mail${failed === 1 ? "" : "s"} could not be processed`);
    return `Since the last digest, ${listOf(parts, "and")}.`;
  },
  newThisWeek: (names, more) => `New this week: ${listOf(more > 0 ? [...names, `${more} more`] : names, "and")}.`,
  sameQuestion: (a, b, command) => `Is ${a} the same person as ${b}? Reply "${command}".`,
  footerIntro: "Reply to this mail with one command per line:",
  commands: (count) => {
    const [a, b, c] = exampleNumbers(count);
    return [
      ...(count
        ? [
            { example: `done ${a}`, meaning: `item ${a} is handled` },
            { example: `snooze ${b} 2w`, meaning: `remind me of item ${b} in two weeks` },
            { example: `never ${c}`, meaning: `never suggest item ${c} again` },
          ]
        : []),
      { example: "note ADDRESS text", meaning: "add a note to a contact" },
      { example: "pause", meaning: "pause these digests" },
      { example: "help", meaning: "all commands" },
    ];
  },
  footerNote: "Your reply comes back to Gensidig only; you get a confirmation line by line.",
};

const da: Strings = {
  htmlLang: "da",
  brand: "Gensidig",
  week: (w) => `Uge ${w}`,
  subjectQuiet: "stille uge",
  subjectWelcome: "sådan kommer du i gang",
  subject: (what, week) => `${upperFirst(what)} · uge ${week}`,
  subjectOne: {
    // "tak Anna" would read as "thanks, Anna"; "sig tak til" is the unambiguous imperative.
    thank: (n) => `sig tak til ${n}`,
    help: (n) => `hjælp ${n}`,
    "follow-up": (n) => `følg op med ${n}`,
    reconnect: (n) => `sig hej til ${n}`,
  },
  subjectMany: {
    thank: (c) => `sig tak til ${c}`,
    help: (c) => `hjælp ${c}`,
    "follow-up": (c) => `følg op med ${c}`,
    reconnect: (c) => `sig hej til ${c}`,
  },
  greeting: (name) => (name ? `Hej ${name},` : "Hej,"),
  intro: (c) =>
    c === 1 ? "Én lille ting i denne uge. Den tager et minut." : `${c} små ting i denne uge. Hver tager et minut.`,
  nothingDue: "Intet at gøre i denne uge – dit netværk er i god form.",
  welcome: "Intet at vise endnu: jeg kender kun de mails, du deler med mig. Fire måder at komme i gang på:",
  startSteps: (a) => {
    const [local, domain] = splitAddress(a);
    return [
      `Sæt ${a} i Bcc på mails, du sender. Hver, du skriver til, bliver en kontakt.`,
      `Videresend mails, du har fået: jeg finder afsenderen, og det, du skriver øverst, bliver en note.`,
      `Vil du have et puf, hvis nogen ikke svarer? Sæt ${local}+3d@${domain} i Bcc (eller +2w).`,
      `Tag din historik med: npm run import -- din.mbox, så kender næste uges oversigt allerede dit netværk.`,
    ];
  },
  part: { professional: "Arbejde", private: "Privat" },
  section: { thank: "Sig tak", help: "Hjælp", "follow-up": "Følg op", reconnect: "Genoptag kontakten" },
  sectionHint: {
    thank: "Nogen har givet dig noget. Et kort tak betyder meget.",
    help: "Nogen har spurgt, eller har givet mere, end de har fået.",
    "follow-up": "Du har skrevet og ikke hørt noget.",
    reconnect: "Gode forbindelser, der er ved at blive stille.",
  },
  action: { thank: "Sig tak", help: "Skriv tilbage", "follow-up": "Følg op", reconnect: "Sig hej" },
  quickDone: "Færdig",
  quickLater: "Om 2 uger",
  date: (d, withYear) => shortDate(d, "da", withYear),
  quote: (s) => `»${s}«`,
  duration: (days) => {
    const { unit, n } = span(days);
    const words = {
      day: ["dag", "dage"],
      week: ["uge", "uger"],
      month: ["måned", "måneder"],
      year: ["år", "år"],
    }[unit];
    return `${n} ${words[n === 1 ? 0 : 1]}`;
  },
  cadence: (days) => {
    const { unit, n } = rhythm(days);
    if (unit === "year") return n === 1 ? "en gang om året" : `hvert ${n}. år`;
    return daEvery(n, unit === "week" ? "uge" : "måned");
  },
  why: ({ evidence, date, subject, elapsed, cadence }) => {
    switch (evidence.what) {
      case "gave": {
        const what = DA_GAVE[evidence.kind ?? "help"](evidence.detail ?? null);
        return [what, ...when("den", date, subject), `${stop(subject)} Du har ikke sagt tak endnu.`];
      }
      case "asked": {
        const via = evidence.detail ? ` (introduceret af ${evidence.detail})` : "";
        const still = evidence.promised ? " Du lovede at vende tilbage; intet siden." : " Endnu ikke besvaret.";
        return [`Spurgte dig om noget${via}`, ...when("den", date, subject), `${stop(subject)}${still}`];
      }
      case "sent-no-reply": {
        const what = DA_WROTE[evidence.reason ?? "question"];
        const out: Piece[] = [what, ...when("den", date, subject), stop(subject)];
        out.push(elapsed ? ` Intet svar efter ${elapsed}.` : " Intet svar endnu.");
        if ((evidence.nudges ?? 0) >= 1) out.push(" Du har allerede fulgt op én gang; kommer der heller ikke svar nu, så lad det ligge.");
        return out;
      }
      case "quiet": {
        const out: Piece[] = [evidence.met ? "Sidst mødtes I" : "Sidst i kontakt", ...when("den", date, subject), stop(subject)];
        if (elapsed && cadence) out.push(` Det er ${elapsed} siden; I plejer at høre fra hinanden ${cadence}.`);
        else if (elapsed) out.push(` Det er ${elapsed} siden – længere end I plejer.`);
        else out.push(" Længere siden end I plejer.");
        if (evidence.atRisk) out.push(" Langt over jeres sædvanlige rytme: forbindelsen er ved at glide ud.");
        return out;
      }
      case "balance": {
        const { theyGave, youGave } = evidence;
        if (theyGave === undefined || youGave === undefined) {
          return ["Har givet dig mere, end du har givet igen. Hvad kan du tilbyde?"];
        }
        const times = (n: number) => (n === 1 ? "én gang" : `${n} gange`);
        const latest: Piece[] = date || subject ? [", senest", ...when("den", date, subject), stop(subject)] : ["."];
        const back = youGave === 0 ? "Du har ikke givet igen endnu." : `Du har givet igen ${times(youGave)}.`;
        return [`Har givet dig noget ${times(theyGave)}`, ...latest, ` ${back} Hvad kan du tilbyde?`];
      }
    }
  },
  mailtoSubject: { reconnect: "Det er længe siden", thank: "Tak", help: "Kan jeg hjælpe?", "follow-up": "Opfølgning" },
  activityTitle: "Dine seneste 12 uger",
  sent: "Sendt",
  received: "Modtaget",
  weeksTotal: (s, r) => `${s} sendt og ${r} modtaget på 12 uger.`,
  balance: (youGave, theyGave) => {
    const mails = (n: number) => `${n} mail${n === 1 ? "" : "s"}`;
    const counts = `du hjalp andre i ${mails(youGave)} og fik hjælp i ${mails(theyGave)}`;
    switch (balanceLean(youGave, theyGave)) {
      case "none":
        return "Ingen give og tage registreret endnu.";
      case "few":
        return `Giv og tag: ${counts}.`;
      case "even":
        return `Giv og tag: ${counts} – nogenlunde lige.`;
      case "giving":
        return `Giv og tag: ${counts}. Du giver mere, end du får – du må også gerne bede om noget.`;
      case "taking":
        return `Giv og tag: ${counts}. Du får mere, end du giver – værd at spørge dig selv: hvad kan jeg bidrage med?`;
    }
  },
  leftOut: (parts) => `Også aktuelt, men udeladt for at holde det kort: ${parts.join(", ")}.`,
  leftOutPart: {
    thank: (c) => `sig tak til ${c}`,
    help: (c) => `hjælp ${c}`,
    "follow-up": (c) => `følg op med ${c}`,
    reconnect: (c) => `sig hej til ${c}`,
  },
  stats: (ignored, failed, failedDigests, unanswered) => {
    const parts: string[] = [];
    if (failedDigests) parts.push(failedDigests === 1 ? "en oversigt slog fejl og kunne ikke sendes" : `${failedDigests} oversigter slog fejl og kunne ikke sendes`);
    if (unanswered) parts.push(unanswered === 1 ? "1 mail, der blev behandlet, men mit svar på den kunne ikke sendes" : `${unanswered} mails, der blev behandlet, men mine svar på dem kunne ikke sendes`);
    if (ignored) parts.push(ignored === 1 ? "1 mail sorteret fra som automatisk" : `${ignored} mails sorteret fra som automatiske`);
    if (failed) parts.push(failed === 1 ? "1 mail, der ikke kunne behandles" : `${failed} mails, der ikke kunne behandles`);
    return `Siden sidste oversigt: ${listOf(parts, "og")}.`;
  },
  newThisWeek: (names, more) => `Nye i denne uge: ${listOf(more > 0 ? [...names, `${more} mere`] : names, "og")}.`,
  sameQuestion: (a, b, command) => `Er ${a} den samme person som ${b}? Svar "${command}".`,
  footerIntro: "Svar på denne mail med én kommando pr. linje:",
  commands: (count) => {
    const [a, b, c] = exampleNumbers(count);
    return [
      ...(count
        ? [
            { example: `færdig ${a}`, meaning: `punkt ${a} er klaret` },
            { example: `udsæt ${b} 2w`, meaning: `mind mig om punkt ${b} om to uger (2w = 2 uger)` },
            { example: `aldrig ${c}`, meaning: `foreslå aldrig punkt ${c} igen` },
          ]
        : []),
      { example: "note ADRESSE tekst", meaning: "tilføj en note til en kontakt" },
      { example: "pause", meaning: "sæt oversigterne på pause" },
      { example: "hjælp", meaning: "alle kommandoer" },
    ];
  },
  footerNote: "Dit svar går kun til Gensidig; du får en bekræftelse linje for linje.",
};

export const DIGEST: Record<Language, Strings> = { en, da };

/** "a, b and c". */
function listOf(parts: string[], and: string): string {
  return parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join(", ")} ${and} ${parts[parts.length - 1]}`;
}
