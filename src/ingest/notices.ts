// What the email() path tells the owner about their own mail: a forward it ignored, a mail it kept but could
// not use, a mail in their name it refused. Pure: the mail, its outcome and the owner's language in, the answer (or none) out; the caller sends it.
import type { Language } from "../i18n/language";
import { NOTICES } from "../i18n/notices";
import type { Answer } from "../mail/send";
import type { ParsedMail } from "../mail/types";
import type { IngestOutcome } from "./outcome";
import type { Understanding } from "./understand";

/** The notice for an owner's mail once it is stored, or null when there is nothing to say. */
export function storedNotice(mail: ParsedMail, understanding: Understanding, outcome: IngestOutcome, language: Language): Answer | null {
  const t = NOTICES[language];
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
  const t = NOTICES[language];
  return { subject: t.unusableSubject(mail.subject || t.noSubject), text: t.notUnderstood(reason) };
}

/**
 * The SMTP reason for mail that claims an owner's address but could not be shown to come from them. It goes
 * back to whoever sent it, and that is most often the owner (a misconfigured client or forwarder), so it is in
 * the owner's language. The detail (domains, DMARC results, envelope) stays as checked.
 */
export function unverifiedOwnerReason(address: string, detail: string, language: Language): string {
  return NOTICES[language].unverified(address, detail);
}

/** The SMTP reason for an owner's mail whose Message-ID a contact's stored mail already has. */
export function takenMessageIdReason(messageId: string, language: Language): string {
  return NOTICES[language].takenMessageId(messageId.slice(0, 200));
}
