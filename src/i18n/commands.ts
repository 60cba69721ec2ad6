// The command answers' own words in English and Danish: what went wrong on a line, why a whole mail was
// refused, and the frame of the help list. What each verb did is worded beside the verb
// (commands/verbs/*.ts), which also gives its word and example here through `VerbWords`.
import type { Failure, TokenProblem, Who } from "../commands/outcome";
import type { Verb } from "../commands/parse";
import { cleanText } from "../digest/format";
import type { Language } from "./language";

const MAX_NAME_CHARS = 60;

/** A verb's word and example line in the answer's language. */
export interface VerbWords {
  word(verb: Verb): string;
  example(verb: Verb): string | undefined;
}

/** "Anna Holm <anna@x.dk>", or the address alone. */
export function person(w: Who): string {
  return w.name ? `${cleanText(w.name, MAX_NAME_CHARS)} <${w.address}>` : w.address;
}

/** "Anna Holm", or the address when there is no name. */
export const short = (w: Who) => (w.name ? cleanText(w.name, MAX_NAME_CHARS) : w.address);

export interface CommandStrings {
  /** What went wrong on a line; `verbs` names a verb and gives an example of it, in this language. */
  failure(r: Failure, verbs: VerbWords): string;
  refused(problem: TokenProblem): string;
  resend(plainAddress: string, withLines: boolean): string;
  skipped(n: number): string;
  nothing: string;
  helpFirst: string;
  helpLast: string;
}

const en: CommandStrings = {
  failure(r, verbs) {
    const example = (verb?: Verb) => (verb && verbs.example(verb) ? ` For example: "${verbs.example(verb)}".` : "");
    const word = (verb?: Verb) => (verb ? verbs.word(verb) : "");
    switch (r.code) {
      case "unknown-command":
        return `I don't know "${r.word}".${r.suggestion ? ` Did you mean "${r.suggestion}"?` : " The commands are listed below."}`;
      case "missing-target":
        return `${word(r.verb)} needs an item number from the digest, an address or a name.${example(r.verb)}`;
      case "missing-argument":
        return `${word(r.verb)} needs more.${example(r.verb)}`;
      case "extra-words":
        return `I understood "${word(r.verb)}" but not "${r.word}".${example(r.verb)}`;
      case "one-item-per-line":
        return `one item per line, please: write each "${word(r.verb)} N" on a line of its own.`;
      case "bad-address":
        return `"${r.word}" is not an email address.${example(r.verb)}`;
      case "bad-cadence":
        return `I can't read "${r.word}" as a rhythm. Try "monthly", "every 6 weeks", "quarterly" or "off" (from a week to two years).`;
      case "bad-language":
        return `I write English (en) and Danish (da), not "${r.word}".`;
      case "bad-schedule":
        return `I can't read "${r.word}" as a day or an hour.${example("schedule")}`;
      case "not-on-the-hour":
        return `digests go out on the hour, so "${r.word}" can't be used.${example("schedule")}`;
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
        if (r.reason === "future") return `"${r.word}" has not happened yet; a meeting counts once it has taken place.`;
        if (r.reason === "past") return `"${r.word}" is not in the future.`;
        if (r.reason === "too-far") return `"${r.word}" is more than two years away; "never" stops suggestions for good.`;
        return `I can't read "${r.word}" as a date. Try "2w", "until 1 march" or "next month".`;
      case "bad-timezone":
        return `"${r.word}" is not a time zone I know. Use a name such as Europe/Copenhagen.`;
      case "already-forgotten":
        return `${short(r.who)} was forgotten earlier in this mail.`;
      case "digest-failed":
        return "the digest could not be sent just now; please try again later.";
      case "own-address":
        return `${r.word} is one of your own addresses, never a contact.`;
      case "already-same":
        return `${r.address} is already an address of ${person(r.who)}.`;
      case "not-merged":
        return r.others.length
          ? `${r.who.address} is ${short(r.who)}'s own address; split off the other one instead: ${r.others.map((a) => `"split ${a}"`).join(" or ")}.`
          : `${r.who.address} was never merged with another address.`;
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
  helpFirst: "Commands, one per line (the Danish words work too):",
  helpLast: "Item numbers work in a reply to a digest. Anywhere else, name the person by address or by name.",
};

const da: CommandStrings = {
  failure(r, verbs) {
    const example = (verb?: Verb) => (verb && verbs.example(verb) ? ` For eksempel: "${verbs.example(verb)}".` : "");
    const word = (verb?: Verb) => (verb ? verbs.word(verb) : "");
    switch (r.code) {
      case "unknown-command":
        return `Jeg kender ikke "${r.word}".${r.suggestion ? ` Mente du "${r.suggestion}"?` : " Kommandoerne står nedenfor."}`;
      case "missing-target":
        return `${word(r.verb)} skal have et punktnummer fra oversigten, en adresse eller et navn.${example(r.verb)}`;
      case "missing-argument":
        return `${word(r.verb)} mangler noget.${example(r.verb)}`;
      case "extra-words":
        return `Jeg forstod "${word(r.verb)}", men ikke "${r.word}".${example(r.verb)}`;
      case "one-item-per-line":
        return "ét punkt pr. linje, tak: skriv hvert nummer på sin egen linje.";
      case "bad-address":
        return `"${r.word}" er ikke en mailadresse.${example(r.verb)}`;
      case "bad-cadence":
        return `Jeg kan ikke læse "${r.word}" som en rytme. Prøv "månedlig", "hver 6. uge", "kvartalsvis" eller "automatisk" (fra en uge til to år).`;
      case "bad-language":
        return `Jeg skriver dansk (da) og engelsk (en), ikke "${r.word}".`;
      case "bad-schedule":
        return `Jeg kan ikke læse "${r.word}" som en dag eller et klokkeslæt.${example("schedule")}`;
      case "not-on-the-hour":
        return `oversigterne sendes på hele klokkeslæt, så "${r.word}" kan ikke bruges.${example("schedule")}`;
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
        if (r.reason === "future") return `"${r.word}" er ikke sket endnu; et møde tæller, når det har fundet sted.`;
        if (r.reason === "past") return `"${r.word}" ligger ikke i fremtiden.`;
        if (r.reason === "too-far") return `"${r.word}" er mere end to år væk; "aldrig" stopper forslagene for altid.`;
        return `Jeg kan ikke læse "${r.word}" som en dato. Prøv "2w", "til 1. marts" eller "næste måned".`;
      case "bad-timezone":
        return `"${r.word}" er ikke en tidszone, jeg kender. Brug et navn som Europe/Copenhagen.`;
      case "already-forgotten":
        return `${short(r.who)} blev glemt tidligere i denne mail.`;
      case "digest-failed":
        return "oversigten kunne ikke sendes lige nu; prøv igen senere.";
      case "own-address":
        return `${r.word} er en af dine egne adresser og bliver aldrig en kontakt.`;
      case "already-same":
        return `${r.address} er allerede en adresse for ${person(r.who)}.`;
      case "not-merged":
        return r.others.length
          ? `${r.who.address} er ${short(r.who)}s egen adresse; adskil den anden i stedet: ${r.others.map((a) => `"adskil ${a}"`).join(" eller ")}.`
          : `${r.who.address} er aldrig blevet flettet med en anden adresse.`;
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
  helpFirst: "Kommandoer, én pr. linje (de engelske ord virker også):",
  helpLast: "Punktnumre virker i et svar på en oversigt. Ellers nævner du personen ved adresse eller navn.",
};

export const COMMANDS: Record<Language, CommandStrings> = { en, da };
