// The confirmation mail: one line per command line, ✓ or ✗, in the owner's language, then the help text
// whenever something did not work. Pure: outcomes in, text out.
import { cleanText, localDate } from "../digest/format";
import type { Language } from "../i18n";
import type { Execution, Refusal } from "./execute";
import type { Done, Failure, LineOutcome, SettingsView, TokenProblem, Who } from "./outcome";
import type { Verb } from "./parse";

/** Echoed command lines are cut here; a long note is recognisable from its start. */
const MAX_ECHO_CHARS = 60;
const MAX_NAME_CHARS = 60;

const MONTHS: Record<Language, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
};
/** ISO weekdays, Monday first. */
const WEEKDAYS: Record<Language, string[]> = {
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  da: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
};

function weekdayOf(d: { year: number; month: number; day: number }): number {
  return ((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7) + 1;
}

function longDate(ms: number, timeZone: string, lang: Language): string {
  const d = localDate(ms, timeZone);
  const weekday = WEEKDAYS[lang][weekdayOf(d) - 1];
  return lang === "da"
    ? `${weekday} den ${d.day}. ${MONTHS.da[d.month - 1]} ${d.year}`
    : `${weekday} ${d.day} ${MONTHS.en[d.month - 1]} ${d.year}`;
}

const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

function person(w: Who): string {
  return w.name ? `${cleanText(w.name, MAX_NAME_CHARS)} <${w.address}>` : w.address;
}

const short = (w: Who) => (w.name ? cleanText(w.name, MAX_NAME_CHARS) : w.address);

function cadenceText(days: number, lang: Language): string {
  const en = lang === "en";
  if (days === 7) return en ? "every week" : "hver uge";
  if (days === 30) return en ? "every month" : "hver måned";
  if (days === 365) return en ? "every year" : "hvert år";
  if (days % 365 === 0) return en ? `every ${days / 365} years` : `hvert ${days / 365}. år`;
  const months = Math.round((days * 12) / 365);
  if (months >= 2 && Math.round((months * 365) / 12) === days) return en ? `every ${months} months` : `hver ${months}. måned`;
  if (days % 7 === 0) return en ? `every ${days / 7} weeks` : `hver ${days / 7}. uge`;
  return en ? `every ${days} days` : `hver ${days}. dag`;
}

interface Texts {
  done(r: Extract<Done, { code: string }>, timeZone: string): string | string[];
  failure(r: Failure): string;
  refused(problem: TokenProblem): string;
  resend(plainAddress: string, withLines: boolean): string;
  skipped(n: number): string;
  nothing: string;
  help: string[];
}

const USAGE: Record<Language, Partial<Record<Verb, string>>> = {
  en: {
    done: "done 2",
    snooze: "snooze 3 2w",
    never: "never 4",
    note: "note anna@x.dk met at Founders Friday",
    cadence: "cadence anna@x.dk monthly",
    private: "private anna@x.dk",
    professional: "professional anna@x.dk",
    forget: "forget anna@x.dk",
    ignore: "ignore @newsletter.com",
    timezone: "timezone Europe/Copenhagen",
    language: "language da",
    schedule: "digest monday 8:00",
    digest: "digest monday 8:00",
    pause: "pause",
    resume: "resume",
    settings: "settings",
    export: "export",
    stats: "stats",
    help: "help",
  },
  da: {
    done: "færdig 2",
    snooze: "udsæt 3 2w",
    never: "aldrig 4",
    note: "note anna@x.dk mødt til Founders Friday",
    cadence: "kadence anna@x.dk månedlig",
    private: "privat anna@x.dk",
    professional: "faglig anna@x.dk",
    forget: "glem anna@x.dk",
    ignore: "ignorer @nyhedsbrev.dk",
    timezone: "tidszone Europe/Copenhagen",
    language: "sprog en",
    schedule: "oversigt mandag 8:00",
    digest: "oversigt mandag 8:00",
    pause: "pause",
    resume: "genoptag",
    settings: "indstillinger",
    export: "eksport",
    stats: "statistik",
    help: "hjælp",
  },
};

function settingsLines(s: SettingsView, lang: Language): string[] {
  const en = lang === "en";
  const rhythm = (days: number | null) => (days === null ? (en ? "worked out from your mail" : "udledt af dine mails") : cadenceText(days, lang));
  const when = `${WEEKDAYS[lang][s.digestWeekday - 1]} ${en ? "at" : "kl."} ${hh(s.digestHour)}`;
  return en
    ? [
        `Language: ${s.language === "da" ? "Danish (da)" : "English (en)"}`,
        `Time zone: ${s.timeZone}`,
        `Digest: ${when}${s.paused ? " (paused)" : ""}`,
        `Follow up after: ${s.followUpDays} days`,
        `Rhythm, work: ${rhythm(s.cadenceProfessionalDays)}; private: ${rhythm(s.cadencePrivateDays)}`,
        `Ignored: ${s.ignored.length ? s.ignored.join(", ") : "none"}`,
      ]
    : [
        `Sprog: ${s.language === "da" ? "dansk (da)" : "engelsk (en)"}`,
        `Tidszone: ${s.timeZone}`,
        `Oversigt: ${when}${s.paused ? " (på pause)" : ""}`,
        `Følg op efter: ${s.followUpDays} dage`,
        `Rytme, arbejde: ${rhythm(s.cadenceProfessionalDays)}; privat: ${rhythm(s.cadencePrivateDays)}`,
        `Ignoreret: ${s.ignored.length ? s.ignored.join(", ") : "intet"}`,
      ];
}

function ignoredText(pattern: string, muted: number, lang: Language): string {
  const en = lang === "en";
  const what = pattern.startsWith("@")
    ? en
      ? `mail from anyone at ${pattern.slice(1)} never becomes a contact`
      : `mail fra alle på ${pattern.slice(1)} bliver aldrig til en kontakt`
    : en
      ? `mail from ${pattern} never becomes a contact`
      : `mail fra ${pattern} bliver aldrig til en kontakt`;
  if (muted === 0) return what;
  return en
    ? `${what}; ${muted} existing contact${muted === 1 ? "" : "s"} muted`
    : `${what}; ${muted} ${muted === 1 ? "eksisterende kontakt" : "eksisterende kontakter"} slået fra`;
}

const en: Texts = {
  done(r, timeZone) {
    switch (r.code) {
      case "done":
        return `${short(r.who)}: ${r.item === null ? "everything marked as handled" : "marked as handled"}`;
      case "snoozed":
        return `${short(r.who)}: snoozed until ${longDate(r.until, timeZone, "en")}`;
      case "muted":
        return `${short(r.who)}: will never be suggested again`;
      case "noted":
        return `${short(r.who)}: note added`;
      case "cadence":
        return `${short(r.who)}: ${r.days === null ? "back to the rhythm worked out from your mail" : `in touch ${cadenceText(r.days, "en")}`}`;
      case "circle":
        return `${short(r.who)}: now in your ${r.circle === "private" ? "private" : "work"} circle`;
      case "ignored":
        return ignoredText(r.pattern, r.muted, "en");
      case "paused":
        return r.already ? "digests were already paused" : 'digests paused; write "resume" to start them again';
      case "resumed":
        return r.already ? "digests were not paused" : "digests start again";
      case "settings":
        return ["your settings:", ...settingsLines(r.settings, "en")];
      case "timezone":
        return `time zone set to ${r.timeZone}`;
      case "language":
        return r.language === "da" ? "I will write to you in Danish" : "I will write to you in English";
      case "schedule":
        return `your digest now comes on ${WEEKDAYS.en[r.weekday - 1]} at ${hh(r.hour)}`;
      case "digest-sent":
        return `a fresh digest with ${r.items} item${r.items === 1 ? "" : "s"} is on its way to ${r.to}`;
      case "exported":
        return `attached: ${r.contacts} contacts, ${r.interactions} mails and ${r.notes} notes as JSON, CSV and vCard`;
      case "export-link":
        return (
          `${r.contacts} contacts, ${r.interactions} mails and ${r.notes} notes are too much to attach. ` +
          (r.url
            ? `Download them until ${longDate(r.expiresAt, timeZone, "en")}: JSON ${r.url}&format=json, CSV ${r.url}&format=csv, vCard ${r.url}&format=vcf`
            : `Fetch them with your API token: GET /api/export?format=json (or csv, vcf)`)
        );
      case "forget-ask":
        return `this deletes ${person(r.who)} with all their mail and notes, and cannot be undone. To go ahead, reply with: forget ${r.who.address} confirm`;
      case "forgotten":
        return `${person(r.who)} deleted, with ${r.interactions} mails and ${r.notes} notes. If they write again they become a contact again; "ignore ${r.who.address}" prevents that`;
      case "stats": {
        const s = r.stats;
        return [
          "your network:",
          `Contacts: ${s.contacts} (${s.professional} work, ${s.private} private); ${s.muted} muted, ${s.snoozed} snoozed`,
          `Mail: ${s.outbound} sent, ${s.inbound} received`,
          `Notes: ${s.notes}; ignored addresses and domains: ${s.ignored}`,
          `Digests sent: ${s.digests}${s.lastDigestAt === null ? "" : `, the last on ${longDate(s.lastDigestAt, timeZone, "en")}`}`,
        ];
      }
      case "help":
        return "the commands are listed below";
    }
  },
  failure(r) {
    const usage = (verb?: Verb) => (verb && USAGE.en[verb] ? ` For example: "${USAGE.en[verb]}".` : "");
    switch (r.code) {
      case "unknown-command":
        return `I don't know "${r.word}".${r.suggestion ? ` Did you mean "${r.suggestion}"?` : " The commands are listed below."}`;
      case "missing-target":
        return `${r.verb} needs an item number from the digest, an address or a name.${usage(r.verb)}`;
      case "missing-argument":
        return `${r.verb} needs more.${usage(r.verb)}`;
      case "extra-words":
        return `I understood "${r.verb}" but not "${r.word}".${usage(r.verb)}`;
      case "one-item-per-line":
        return `one item per line, please: write each "${r.verb} N" on a line of its own.`;
      case "bad-address":
        return `"${r.word}" is not an email address.${usage(r.verb)}`;
      case "bad-cadence":
        return `I can't read "${r.word}" as a rhythm. Try "monthly", "every 6 weeks", "quarterly" or "off" (from a week to two years).`;
      case "bad-language":
        return `I write English (en) and Danish (da), not "${r.word}".`;
      case "bad-schedule":
        return `I can't read "${r.word}" as a day or an hour.${usage("schedule")}`;
      case "not-on-the-hour":
        return `digests go out on the hour, so "${r.word}" can't be used.${usage("schedule")}`;
      case "line-too-long":
        return "this line is too long to be a command.";
      case "no-digest":
        return 'item numbers only work in a reply to a digest. Name the person instead, e.g. "snooze anna@x.dk 2w".';
      case "no-item":
        return `the digest has no item ${r.number}${r.count ? ` (its items are 1–${r.count})` : " (it had no items)"}.`;
      case "not-found":
        return r.ref.includes("@")
          ? `I have no contact with the address ${r.ref}.`
          : `I have no contact "${r.ref}". Check the spelling, or use the address.`;
      case "ambiguous":
        return `"${r.ref}" could be ${r.candidates.map(person).join(" or ")}. Write the address instead.`;
      case "bad-date":
        if (r.reason === "past") return `"${r.word}" is not in the future.`;
        if (r.reason === "too-far") return `"${r.word}" is more than two years away; "never" stops suggestions for good.`;
        return `I can't read "${r.word}" as a date. Try "2w", "until 1 march" or "next month".`;
      case "bad-timezone":
        return `"${r.word}" is not a time zone I know. Use a name such as Europe/Copenhagen.`;
      case "already-forgotten":
        return `${short(r.who)} was forgotten earlier in this mail.`;
      case "digest-failed":
        return "the digest could not be sent just now; please try again later.";
    }
  },
  refused(problem) {
    const why: Record<TokenProblem, string> = {
      forged: "it went to a reply address Gensidig did not make (the part after + was changed), so I cannot tell which digest it answers.",
      expired: "it answers a digest more than 30 days old, whose reply address no longer works.",
      "other-owner": "it went to the reply address of a digest that was not sent to you.",
      "unknown-digest": "the digest it answers no longer exists.",
    };
    return `✗ Nothing in this mail was carried out: ${why[problem]}`;
  },
  resend: (address, withLines) =>
    withLines ? `To have these lines carried out, send them to ${address} or reply to your latest digest:` : `Write to ${address}, or reply to your latest digest.`,
  skipped: (n) => `I read the first lines only; ${n} more line${n === 1 ? " was" : "s were"} left out. Send them in another mail.`,
  nothing: "I found no commands in your mail.",
  help: [
    "Commands, one per line (the Danish words work too):",
    "  done 2                         item 2 is handled",
    "  snooze 3 2w                    remind me of item 3 in two weeks",
    "  snooze anna@x.dk until 1 march",
    "  never 4                        never suggest this person again",
    "  note anna@x.dk met at Founders Friday",
    '  cadence anna@x.dk monthly      or "every 6 weeks", "off"',
    "  private anna@x.dk              move to your private circle",
    "  professional anna@x.dk         move to your work circle",
    "  ignore @newsletter.com         an address or domain never becomes a contact",
    "  pause / resume                 stop and restart the weekly digest",
    "  settings                       show your settings",
    "  timezone Europe/Copenhagen     language da     digest monday 8:00",
    "  digest                         send a fresh digest now",
    "  export                         your data as JSON, CSV and vCard",
    "  forget anna@x.dk               delete a person with all their mail and notes",
    "  stats                          numbers about your network",
    "  help                           this list",
    "Item numbers work in a reply to a digest. Anywhere else, name the person by address or by name.",
  ],
};

const da: Texts = {
  done(r, timeZone) {
    switch (r.code) {
      case "done":
        return `${short(r.who)}: ${r.item === null ? "alt markeret som klaret" : "markeret som klaret"}`;
      case "snoozed":
        return `${short(r.who)}: udsat til ${longDate(r.until, timeZone, "da")}`;
      case "muted":
        return `${short(r.who)}: bliver aldrig foreslået igen`;
      case "noted":
        return `${short(r.who)}: note tilføjet`;
      case "cadence":
        return `${short(r.who)}: ${r.days === null ? "tilbage til rytmen udledt af dine mails" : `i kontakt ${cadenceText(r.days, "da")}`}`;
      case "circle":
        return `${short(r.who)}: nu i din ${r.circle === "private" ? "private" : "faglige"} kreds`;
      case "ignored":
        return ignoredText(r.pattern, r.muted, "da");
      case "paused":
        return r.already ? "oversigterne var allerede på pause" : 'oversigterne er sat på pause; skriv "genoptag" for at starte dem igen';
      case "resumed":
        return r.already ? "oversigterne var ikke på pause" : "oversigterne starter igen";
      case "settings":
        return ["dine indstillinger:", ...settingsLines(r.settings, "da")];
      case "timezone":
        return `tidszone sat til ${r.timeZone}`;
      case "language":
        return r.language === "da" ? "jeg skriver til dig på dansk" : "jeg skriver til dig på engelsk";
      case "schedule":
        return `din oversigt kommer nu ${WEEKDAYS.da[r.weekday - 1]} kl. ${hh(r.hour)}`;
      case "digest-sent":
        return `en ny oversigt med ${r.items} ${r.items === 1 ? "punkt" : "punkter"} er på vej til ${r.to}`;
      case "exported":
        return `vedhæftet: ${r.contacts} kontakter, ${r.interactions} mails og ${r.notes} noter som JSON, CSV og vCard`;
      case "export-link":
        return (
          `${r.contacts} kontakter, ${r.interactions} mails og ${r.notes} noter er for meget at vedhæfte. ` +
          (r.url
            ? `Hent dem inden ${longDate(r.expiresAt, timeZone, "da")}: JSON ${r.url}&format=json, CSV ${r.url}&format=csv, vCard ${r.url}&format=vcf`
            : `Hent dem med din API-nøgle: GET /api/export?format=json (eller csv, vcf)`)
        );
      case "forget-ask":
        return `det sletter ${person(r.who)} med alle mails og noter, og kan ikke fortrydes. Svar med denne linje for at fortsætte: glem ${r.who.address} bekræft`;
      case "forgotten":
        return `${person(r.who)} er slettet, med ${r.interactions} mails og ${r.notes} noter. Skriver personen igen, bliver de en kontakt igen; "ignorer ${r.who.address}" forhindrer det`;
      case "stats": {
        const s = r.stats;
        return [
          "dit netværk:",
          `Kontakter: ${s.contacts} (${s.professional} arbejde, ${s.private} private); ${s.muted} slået fra, ${s.snoozed} udsat`,
          `Mails: ${s.outbound} sendt, ${s.inbound} modtaget`,
          `Noter: ${s.notes}; ignorerede adresser og domæner: ${s.ignored}`,
          `Oversigter sendt: ${s.digests}${s.lastDigestAt === null ? "" : `, den seneste ${longDate(s.lastDigestAt, timeZone, "da")}`}`,
        ];
      }
      case "help":
        return "kommandoerne står nedenfor";
    }
  },
  failure(r) {
    const usage = (verb?: Verb) => (verb && USAGE.da[verb] ? ` For eksempel: "${USAGE.da[verb]}".` : "");
    switch (r.code) {
      case "unknown-command":
        return `Jeg kender ikke "${r.word}".${r.suggestion ? ` Mente du "${r.suggestion}"?` : " Kommandoerne står nedenfor."}`;
      case "missing-target":
        return `${USAGE.da[r.verb!]?.split(" ")[0] ?? r.verb} skal have et punktnummer fra oversigten, en adresse eller et navn.${usage(r.verb)}`;
      case "missing-argument":
        return `${USAGE.da[r.verb!]?.split(" ")[0] ?? r.verb} mangler noget.${usage(r.verb)}`;
      case "extra-words":
        return `Jeg forstod "${USAGE.da[r.verb!]?.split(" ")[0] ?? r.verb}", men ikke "${r.word}".${usage(r.verb)}`;
      case "one-item-per-line":
        return "ét punkt pr. linje, tak: skriv hvert nummer på sin egen linje.";
      case "bad-address":
        return `"${r.word}" er ikke en mailadresse.${usage(r.verb)}`;
      case "bad-cadence":
        return `Jeg kan ikke læse "${r.word}" som en rytme. Prøv "månedlig", "hver 6. uge", "kvartalsvis" eller "automatisk" (fra en uge til to år).`;
      case "bad-language":
        return `Jeg skriver dansk (da) og engelsk (en), ikke "${r.word}".`;
      case "bad-schedule":
        return `Jeg kan ikke læse "${r.word}" som en dag eller et klokkeslæt.${usage("schedule")}`;
      case "not-on-the-hour":
        return `oversigterne sendes på hele klokkeslæt, så "${r.word}" kan ikke bruges.${usage("schedule")}`;
      case "line-too-long":
        return "linjen er for lang til at være en kommando.";
      case "no-digest":
        return 'punktnumre virker kun i et svar på en oversigt. Nævn personen i stedet, f.eks. "udsæt anna@x.dk 2w".';
      case "no-item":
        return `oversigten har intet punkt ${r.number}${r.count ? ` (punkterne er 1–${r.count})` : " (den havde ingen punkter)"}.`;
      case "not-found":
        return r.ref.includes("@")
          ? `Jeg har ingen kontakt med adressen ${r.ref}.`
          : `Jeg har ingen kontakt "${r.ref}". Tjek stavningen, eller brug adressen.`;
      case "ambiguous":
        return `"${r.ref}" kan være ${r.candidates.map(person).join(" eller ")}. Skriv adressen i stedet.`;
      case "bad-date":
        if (r.reason === "past") return `"${r.word}" ligger ikke i fremtiden.`;
        if (r.reason === "too-far") return `"${r.word}" er mere end to år væk; "aldrig" stopper forslagene for altid.`;
        return `Jeg kan ikke læse "${r.word}" som en dato. Prøv "2w", "til 1. marts" eller "næste måned".`;
      case "bad-timezone":
        return `"${r.word}" er ikke en tidszone, jeg kender. Brug et navn som Europe/Copenhagen.`;
      case "already-forgotten":
        return `${short(r.who)} blev glemt tidligere i denne mail.`;
      case "digest-failed":
        return "oversigten kunne ikke sendes lige nu; prøv igen senere.";
    }
  },
  refused(problem) {
    const why: Record<TokenProblem, string> = {
      forged: "den blev sendt til en svaradresse, som Gensidig ikke har lavet (delen efter + er ændret), så jeg kan ikke se, hvilken oversigt den svarer på.",
      expired: "den svarer på en oversigt, der er mere end 30 dage gammel, og hvis svaradresse ikke virker længere.",
      "other-owner": "den blev sendt til svaradressen på en oversigt, som ikke blev sendt til dig.",
      "unknown-digest": "den oversigt, den svarer på, findes ikke længere.",
    };
    return `✗ Intet i denne mail blev udført: ${why[problem]}`;
  },
  resend: (address, withLines) =>
    withLines ? `Send linjerne til ${address}, eller svar på din seneste oversigt, for at få dem udført:` : `Skriv til ${address}, eller svar på din seneste oversigt.`,
  skipped: (n) => `Jeg læste kun de første linjer; ${n} ${n === 1 ? "linje blev" : "linjer blev"} sprunget over. Send dem i en ny mail.`,
  nothing: "Jeg fandt ingen kommandoer i din mail.",
  help: [
    "Kommandoer, én pr. linje (de engelske ord virker også):",
    "  færdig 2                       punkt 2 er klaret",
    "  udsæt 3 2w                     mind mig om punkt 3 om to uger",
    "  udsæt anna@x.dk til 1. marts",
    "  aldrig 4                       foreslå aldrig denne person igen",
    "  note anna@x.dk mødt til Founders Friday",
    '  kadence anna@x.dk månedlig     eller "hver 6. uge", "automatisk"',
    "  privat anna@x.dk               flyt til din private kreds",
    "  faglig anna@x.dk               flyt til din faglige kreds",
    "  ignorer @nyhedsbrev.dk         en adresse eller et domæne bliver aldrig en kontakt",
    "  pause / genoptag               stop og start den ugentlige oversigt",
    "  indstillinger                  vis dine indstillinger",
    "  tidszone Europe/Copenhagen     sprog en     oversigt mandag 8:00",
    "  oversigt                       send en ny oversigt nu",
    "  eksport                        dine data som JSON, CSV og vCard",
    "  glem anna@x.dk                 slet en person med alle mails og noter",
    "  statistik                      tal om dit netværk",
    "  hjælp                          denne liste",
    "Punktnumre virker i et svar på en oversigt. Ellers nævner du personen ved adresse eller navn.",
  ],
};

const TEXTS: Record<Language, Texts> = { en, da };

function echo(line: string): string {
  return cleanText(line, MAX_ECHO_CHARS);
}

function renderLine(o: LineOutcome, t: Texts, timeZone: string): string[] {
  const text = o.ok ? t.done(o.result, timeZone) : t.failure(o.result);
  const [first, ...rest] = Array.isArray(text) ? text : [text];
  // A question back (forget asks first) is neither done nor refused.
  const mark = !o.ok ? "✗" : o.result.code === "forget-ask" ? "?" : "✓";
  return [`${mark} ${echo(o.line)} — ${first}`, ...rest.map((l) => `    ${l}`)];
}

/** A mail to a reply address that did not verify: why nothing ran, and the lines to send again elsewhere. */
function renderRefusal(refused: Refusal, t: Texts): string {
  const out = [t.refused(refused.problem), "", t.resend(refused.plainAddress, refused.lines.length > 0)];
  for (const line of refused.lines) out.push(`  ${echo(line)}`);
  return `${out.join("\n")}\n`;
}

/** The confirmation's text/plain body. Help follows whenever a line failed, was `help`, or nothing was read. */
export function renderAnswer(execution: Execution): string {
  const { owner } = execution;
  const lang: Language = owner.language === "da" ? "da" : "en";
  const t = TEXTS[lang];
  if (execution.refused) return renderRefusal(execution.refused, t);
  const out: string[] = [];
  for (const o of execution.outcomes) out.push(...renderLine(o, t, owner.timeZone));
  if (execution.outcomes.length === 0) out.push(t.nothing);
  if (execution.skipped) out.push("", t.skipped(execution.skipped));
  const needsHelp = execution.outcomes.length === 0 || execution.outcomes.some((o) => !o.ok || o.result.code === "help");
  if (needsHelp) out.push("", ...t.help);
  return `${out.join("\n")}\n`;
}
