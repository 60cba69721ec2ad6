// What the email() path tells the owner about their own mail (a forward it ignored, a mail it kept but could
// not use, a mail in their name it refused), in English and Danish.
import type { Language } from "./language";

export interface NoticeStrings {
  noSubject: string;
  ignoredSubject(subject: string): string;
  ignored(subject: string, reason: string): string;
  unusableSubject(subject: string): string;
  unusable(subject: string, reason: string): string;
  notUnderstood(reason: string): string;
  unverified(address: string, detail: string): string;
  takenMessageId(messageId: string): string;
}

// The reason itself (from the mail rules) stays as written: it names headers and RFCs, the same in any language.
export const NOTICES: Record<Language, NoticeStrings> = {
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
    takenMessageId: (id) => `This mail's Message-ID <${id}> is already that of a mail someone else sent, which Gensidig keeps; nothing was done. Please send it again as a new mail.`,
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
    takenMessageId: (id) => `Denne mails Message-ID <${id}> tilhører allerede en mail, en anden har sendt, og som Gensidig har gemt; intet er gjort. Send den venligst igen som en ny mail.`,
  },
};
