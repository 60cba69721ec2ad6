// What the email() path tells the owner about their own mail: a forward it ignored, a mail it kept but could
// not use, a mail in their name it refused. Pure: the mail, its outcome and the owner's language in, the answer (or none) out; the caller sends it.
import type { Language } from "../digest/i18n";
import type { Answer } from "../mail/send";
import type { ParsedMail } from "../mail/types";
import type { IngestOutcome } from "./outcome";
import type { Understanding } from "./understand";

interface NoticeStrings {
  noSubject: string;
  ignoredSubject(subject: string): string;
  ignored(subject: string, reason: string): string;
  unusableSubject(subject: string): string;
  unusable(subject: string, reason: string): string;
  notUnderstood(reason: string): string;
  unverified(address: string, detail: string): string;
}

// The reason itself (from the mail rules) stays as written: it names headers and RFCs, the same in any language.
const STRINGS: Record<Language, NoticeStrings> = {
  en: {
    noSubject: "(no subject)",
    ignoredSubject: (s) => `Ignored: ${s}`,
    ignored: (s, reason) =>
      `I did not add anyone from the mail you forwarded ("${s}"): it looks automated (${reason}).\n\nAutomated mail such as newsletters, out-of-office replies and notifications never becomes a contact. If this was a real person, write "help" to me to see what you can do.\n`,
    unusableSubject: (s) => `Could not use: ${s}`,
    unusable: (s, reason) =>
      `I kept your mail ("${s}") but could not use it: ${reason}.\n\nIt is counted in your next digest. Forwarding the original mail as an attachment usually works.\n`,
    notUnderstood: (reason) => `I kept your mail but could not use it: ${reason}.\n`,
    unverified: (address, detail) => `Gensidig could not verify that this mail comes from ${address} (${detail}).`,
  },
  da: {
    noSubject: "(intet emne)",
    ignoredSubject: (s) => `Sorteret fra: ${s}`,
    ignored: (s, reason) =>
      `Jeg har ikke tilføjet nogen fra den mail, du videresendte (»${s}«): den ser automatisk ud (${reason}).\n\nAutomatiske mails som nyhedsbreve, autosvar og notifikationer bliver aldrig til kontakter. Var det en rigtig person, så skriv "hjælp" til mig og se, hvad du kan gøre.\n`,
    unusableSubject: (s) => `Kunne ikke bruges: ${s}`,
    unusable: (s, reason) =>
      `Jeg har gemt din mail (»${s}«), men kunne ikke bruge den: ${reason}.\n\nDen tælles med i din næste oversigt. Det plejer at virke at videresende den oprindelige mail som vedhæftet fil.\n`,
    notUnderstood: (reason) => `Jeg har gemt din mail, men kunne ikke bruge den: ${reason}.\n`,
    unverified: (address, detail) => `Gensidig kunne ikke bekræfte, at denne mail kommer fra ${address} (${detail}).`,
  },
};

/** The notice for an owner's mail once it is stored, or null when there is nothing to say. */
export function storedNotice(mail: ParsedMail, understanding: Understanding, outcome: IngestOutcome, language: Language): Answer | null {
  const t = STRINGS[language];
  const subject = mail.subject || t.noSubject;
  // RFC 3834 §2: automatic mail is never answered; only a forward the owner sent by hand is.
  if (outcome.status === "ignored" && understanding.kind === "ignored" && understanding.forwarded) {
    return { subject: t.ignoredSubject(subject), text: t.ignored(mail.subject, outcome.reason) };
  }
  if (outcome.status === "dead-letter") {
    return { subject: t.unusableSubject(subject), text: t.unusable(mail.subject, outcome.reason) };
  }
  return null;
}

/** The notice for an owner's mail that could not be understood at all and was kept as a dead letter. */
export function notUnderstoodNotice(mail: ParsedMail, reason: string, language: Language): Answer {
  const t = STRINGS[language];
  return { subject: t.unusableSubject(mail.subject || t.noSubject), text: t.notUnderstood(reason) };
}

/**
 * The SMTP reason for mail that claims an owner's address but could not be shown to come from them. It goes
 * back to whoever sent it, and that is most often the owner (a misconfigured client or forwarder), so it is in
 * the owner's language. The detail (domains, DMARC results, envelope) stays as checked.
 */
export function unverifiedOwnerReason(address: string, detail: string, language: Language): string {
  return STRINGS[language].unverified(address, detail);
}
