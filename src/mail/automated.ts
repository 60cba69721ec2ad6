// Automated mail never becomes a contact: bounces, out-of-office replies, lists and newsletters,
// no-reply senders and calendar robots. Pure: reads parsed headers, touches nothing else.

import type { ParsedMail } from "./types";
import { isReplyOrForward } from "./subject";

/** `bounce`: a delivery report, whose failed recipients bounce.ts reads. */
export type AutomatedVerdict = { automated: false } | { automated: true; reason: string; bounce?: true };

type MailFacts = Pick<ParsedMail, "headers" | "from" | "sender" | "subject" | "attachments">;

function first(headers: Record<string, string[]>, name: string): string | null {
  const value = headers[name]?.[0];
  return value === undefined ? null : value.trim();
}

function has(headers: Record<string, string[]>, name: string): boolean {
  return (headers[name]?.length ?? 0) > 0;
}

/** Local parts of machine senders. RFC 2142 names MAILER-DAEMON-like roles; the rest is common practice. */
const MAIL_SYSTEM_LOCAL = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)$/i;
const NO_REPLY_LOCAL =
  /^(no-?reply|do-?not-?reply|donot-?reply|no_reply|do_not_reply|noreply[-+._].*|.*[-+._]no-?reply|ikke-?svar|ikkesvar|svar-ikke|notifications?|notification-noreply|bounces?(\+.*)?|mailer|automailer|auto-?reply)$/i;
/** Mailing list management addresses (Majordomo, ezmlm, Mailman): owner-list@, list-owner@, list-bounces@. */
/** Senders that only ever send bulk mail, so a newsletter forwarded inline (no List-* headers left) is still seen. */
const NEWSLETTER_LOCAL = /^(news|newsletters?|nyhedsbrev|nyhedsbreve|nyheder|marketing|campaigns?|digest)$/i;
const LIST_SENDER_LOCAL = /^(owner-.+|.+-owner|.+-bounces(\+.*)?|.+-request)$/i;
/** Calendar robots that send invitations and answers on their own. */
const CALENDAR_SENDERS = new Set(["calendar-notification@google.com", "calendar-server@google.com"]);

/**
 * Subjects that clients and servers put on automatic replies, in our languages and the usual others: Outlook and
 * Exchange write the prefix in the replying mailbox's language ("Risposta automatica:", "Odpowiedź automatyczna:").
 */
const AUTO_REPLY_SUBJECT =
  /^\s*(automatic reply|auto(matic)?[- ]?reply|auto(matic)? response|autosvar|automatisk svar|automatiskt svar|automatische antwort|r[ée]ponse automatique|automatisch antwoord|respuesta autom[aá]tica|resposta autom[aá]tica|risposta automatica|automaattinen vastaus|odpowied[zź] automatyczna|out of (the )?office|fraværende|ikke på kontoret|abwesenheitsnotiz|auto)\s*:/i;
/**
 * Exchange stamps its own automatic replies with X-Auto-Response-Suppress (MS-OXCMAIL §2.2.3.2.20) so that no
 * other robot answers them. With it, a subject that opens with a word for "automatic" in any language
 * ("Automatická odpověď:", "Automatikus válasz:", "Otomatik yanıt:") is one, beyond the languages listed above.
 * Two words, one of them that word: a person's Outlook mail carries the header too ("Automation: the notes",
 * "Automotive fair: stand booking"), so only the word's own forms count, not whatever starts with "autom".
 */
const AUTOMATIC_WORD = [
  "automatic", "automatique", "automatisch", "automatische", "automatico", "automatica", "automático", "automática",
  "automatická", "automatický", "automatické", "automatikus", "automatyczna", "automatyczny", "automatyczne",
  "automaattinen", "automaatne", "automatisk", "automatiskt", "automatiske", "automatski", "automatska", "automatinis",
  "automātiska", "automat", "otomatik", "otomatis",
].join("|");
const AUTO_WORD_SUBJECT = new RegExp(String.raw`^\s*(?:[^\s:]+\s+(?:${AUTOMATIC_WORD})|(?:${AUTOMATIC_WORD})\s+[^\s:]+)\s*:`, "iu");
const AUTO_REPLY_SUBJECT_ANYWHERE =
  /(\bis out of the office\b|\bout of office\b.*\breply\b|\bwe (have )?received your (request|message|e-?mail)\b|\bvi har modtaget din (henvendelse|mail|besked)\b|\[ticket #?\s*\d+\]|\[sag #?\s*\d+\]|\(ticket #?\s*\d+\)|\brequest #\d+\b.*\b(received|submitted)\b)/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliverable|undelivered mail returned to sender|delivery status notification|mail delivery (failed|failure|subsystem)|returned mail|failure notice|kunne ikke leveres|ikke leveret|non remis|unzustellbar)\b/i;
/** Answers that calendar systems send when someone accepts or declines an invitation. */
const CALENDAR_ANSWER_SUBJECT =
  /^\s*(accepted|declined|tentatively accepted|tentative|accepteret|afvist|foreløbigt accepteret|angenommen|abgelehnt|mit vorbehalt angenommen|accepté|refusé)\s*:/i;

/**
 * Vendor headers that mark machine mail, as collected in public auto-responder research (Arp Siemssen,
 * "Detecting autoresponders"; the same list backs Mailgun flanker and Request Tracker).
 */
const VENDOR_HEADERS: { header: string; test: (v: string) => boolean; reason: string }[] = [
  { header: "x-autoreply", test: () => true, reason: "auto-reply (X-Autoreply)" },
  { header: "x-autorespond", test: () => true, reason: "auto-reply (X-Autorespond)" },
  { header: "x-autoresponder", test: () => true, reason: "auto-reply (X-Autoresponder)" },
  { header: "x-autoreply-from", test: () => true, reason: "auto-reply (X-AutoReply-From)" },
  { header: "x-mail-autoreply", test: () => true, reason: "auto-reply (X-Mail-Autoreply)" },
  // CommuniGate Pro.
  {
    header: "x-autogenerated",
    test: (v) => /^(forward|group|letter|mirror|redirect|reply)$/i.test(v),
    reason: "auto-generated (X-Autogenerated)",
  },
  // FirstClass.
  { header: "x-fc-machinegenerated", test: (v) => /^true$/i.test(v), reason: "machine-generated (X-FC-MachineGenerated)" },
  // Mailtraq.
  { header: "x-post-messageclass", test: (v) => /autoresponder/i.test(v), reason: "auto-reply (X-POST-MessageClass)" },
  // qmail autoresponders.
  { header: "delivered-to", test: (v) => /^autoresponder$/i.test(v), reason: "auto-reply (Delivered-To: Autoresponder)" },
  // cPanel BoxTrapper.
  { header: "x-precedence", test: (v) => /^(auto_reply|bulk|list|junk)$/i.test(v), reason: "bulk mail (X-Precedence)" },
  // Exchange stamps mail its own agents create (inbox rules, OOF, NDRs); people's mail never carries it.
  {
    header: "x-ms-exchange-generated-message-source",
    test: () => true,
    reason: "generated by Exchange (X-MS-Exchange-Generated-Message-Source)",
  },
  // Help desks: Zendesk sends every notification with this mailer.
  { header: "x-mailer", test: (v) => /^zendesk mailer\b/i.test(v), reason: "help desk notification (Zendesk)" },
  { header: "x-zendesk-from-account-id", test: () => true, reason: "help desk notification (Zendesk)" },
  { header: "x-mailer", test: (v) => /^mailchimp mailer\b/i.test(v), reason: "newsletter (Mailchimp)" },
  // Mailchimp and Mandrill put the sending account in X-MC-User on every campaign mail.
  { header: "x-mc-user", test: () => true, reason: "newsletter (Mailchimp)" },
  { header: "x-campaign-id", test: () => true, reason: "newsletter (X-Campaign-Id)" },
];

function localPart(address: string | undefined): string {
  if (!address) return "";
  return address.slice(0, address.lastIndexOf("@"));
}

/** RFC 3462/6522 multipart/report: "delivery" for a delivery status report (RFC 3464), "receipt" for a read receipt. */
function deliveryReport(headers: Record<string, string[]>, attachments: MailFacts["attachments"]): "delivery" | "receipt" | null {
  const type = (first(headers, "content-type") ?? "").toLowerCase();
  if (attachments.some((a) => a.mimeType === "message/delivery-status" || a.mimeType === "message/global-delivery-status")) return "delivery";
  if (/^multipart\/report\b/.test(type)) {
    const kind = /report-type\s*=\s*"?(delivery-status|disposition-notification)/.exec(type)?.[1];
    if (kind) return kind === "delivery-status" ? "delivery" : "receipt";
  }
  return null;
}

/**
 * RFC 5965 Abuse Reporting Format: a mailbox provider's report that someone marked a mail as spam, sent as
 * multipart/report; report-type=feedback-report with a machine-readable message/feedback-report part.
 */
function isFeedbackReport(headers: Record<string, string[]>, attachments: MailFacts["attachments"]): boolean {
  const type = (first(headers, "content-type") ?? "").toLowerCase();
  if (/^multipart\/report\b/.test(type) && /report-type\s*=\s*"?feedback-report\b/.test(type)) return true;
  return attachments.some((a) => a.mimeType === "message/feedback-report");
}

/**
 * Why a mail looks like a mail system's own (a bounce or a notification), or null: sent with a null reverse-path
 * (RFC 5321 §4.5.5, RFC 3464 §2), which arrives as Return-Path: <>, or from a MAILER-DAEMON or postmaster
 * mailbox (RFC 2142). Both are only what the mail says of itself: anyone can write From: mailer-daemon@ their
 * own domain.
 */
function mailSystemReason(mail: Pick<ParsedMail, "headers" | "from" | "sender">): string | null {
  if (MAIL_SYSTEM_LOCAL.test(localPart(mail.from?.address)) || MAIL_SYSTEM_LOCAL.test(localPart(mail.sender?.address)))
    return "bounce (MAILER-DAEMON/postmaster sender)";
  const returnPath = first(mail.headers, "return-path");
  if (returnPath !== null && /^<\s*>$/.test(returnPath)) return "null return path (bounce or notification)";
  return null;
}

/**
 * Whether a report comes the way a mail system sends one (mailSystemReason), not as a multipart/report a person or
 * a robot of theirs writes (From: mallory@…). It proves nothing: any From: mailer-daemon@anydomain passes. What
 * limits the harm of a forged one is the 30-day window of the bounce marks it sets.
 */
export function fromMailSystem(mail: Pick<ParsedMail, "headers" | "from" | "sender">): boolean {
  return mailSystemReason(mail) !== null;
}

/** An order number in a subject: "order #48213", "ordre nr. 10482", "Bestellung Nr. 55120", "commande n° 3321". */
// A marked number, or five digits and more: not "Order 2025 catalogue".
const ORDER_NUMBER_SUBJECT = /(?<![\p{L}])(?:order|ordre|ordrenr|bestellung|commande|pedido|ordine)\.?\s*(?:(?:#|nr\.?|no\.?|n°|number|nummer|numero|número)\s*#?\d{3,}|\d{5,})/iu;
/** The desk a shop sends its order mail from. */
const ORDER_DESK_LOCAL = /^(?:orders?|ordre|ordrer|shop|store|webshop|webbutik|butik|bestilling|bestellung|bestellungen|commandes?|pedidos?|ordini)$/i;
/** Mailers of web shops and site plugins. */
const SHOP_MAILER = /phpmailer|woocommerce|shopify|magento|prestashop/i;

/** Decides whether a mail was sent by a machine, and says why in a few words. */
export function detectAutomated(mail: MailFacts): AutomatedVerdict {
  const { headers, attachments } = mail;
  const subject = mail.subject ?? "";
  const from = mail.from?.address;
  const yes = (reason: string): AutomatedVerdict => ({ automated: true, reason });
  const bounce = (reason: string): AutomatedVerdict => ({ automated: true, reason, bounce: true });

  if (isFeedbackReport(headers, attachments)) return yes("abuse feedback report (RFC 5965)");
  const report = deliveryReport(headers, attachments);
  if (report === "delivery") return bounce("delivery status report (RFC 3464)");
  if (report === "receipt") return yes("read receipt (RFC 8098)");
  const mailSystem = mailSystemReason(mail);
  if (mailSystem) return bounce(mailSystem);

  // RFC 3834 §5: any Auto-Submitted value other than "no" marks automatic mail.
  const autoSubmitted = first(headers, "auto-submitted");
  if (autoSubmitted !== null && autoSubmitted !== "" && !/^no\b/i.test(autoSubmitted))
    return yes(`automatic (Auto-Submitted: ${autoSubmitted.split(/[;\s]/)[0].toLowerCase()})`);

  for (const rule of VENDOR_HEADERS) {
    const values = headers[rule.header] ?? [];
    if (values.some((v) => rule.test(v.trim()))) return yes(rule.reason);
  }

  // RFC 2919 List-Id and RFC 2369 List-* headers are set by list managers and bulk senders.
  if (has(headers, "list-id")) return yes("mailing list (List-Id)");
  if (has(headers, "list-unsubscribe")) return yes("newsletter or list (List-Unsubscribe)");
  if (has(headers, "list-post") || has(headers, "list-help") || has(headers, "list-subscribe"))
    return yes("mailing list (RFC 2369 List-* header)");
  // Precedence is not standard (RFC 3834 §3.1.8 says not to rely on it) but list software sets it.
  const precedence = first(headers, "precedence");
  if (precedence !== null && /^(bulk|list|junk|auto_reply)$/i.test(precedence))
    return yes(`bulk mail (Precedence: ${precedence.toLowerCase()})`);
  if (has(headers, "x-mailing-list") || has(headers, "mailing-list")) return yes("mailing list (Mailing-List)");
  if (LIST_SENDER_LOCAL.test(localPart(mail.sender?.address)))
    return yes("mailing list (list owner in Sender)");

  // Google Calendar sends invitations in the organiser's name, with itself as Sender.
  if ((from && CALENDAR_SENDERS.has(from)) || CALENDAR_SENDERS.has(mail.sender?.address ?? ""))
    return yes("calendar robot");
  if (NO_REPLY_LOCAL.test(localPart(from))) return yes("no-reply sender");
  if (NEWSLETTER_LOCAL.test(localPart(from))) return yes("newsletter sender");

  // A web shop's order notice carries none of the headers above: an order number in a subject of its own, from an
  // order desk or a shop's mailer. A customer writing about their order, or a reply, is a person.
  // The sender is asked first: a fresh isolate compiles the subject's pattern only for mail from such a desk.
  if ((ORDER_DESK_LOCAL.test(localPart(from)) || SHOP_MAILER.test(first(headers, "x-mailer") ?? "")) && !isReplyOrForward(subject) && ORDER_NUMBER_SUBJECT.test(subject))
    return yes("shop's order notice (order number from an order desk)");
  if (BOUNCE_SUBJECT.test(subject)) return bounce("bounce (subject)");
  if (AUTO_REPLY_SUBJECT.test(subject)) return yes("auto-reply (subject)");
  if (has(headers, "x-auto-response-suppress") && AUTO_WORD_SUBJECT.test(subject)) return yes("auto-reply (Exchange, subject)");
  if (AUTO_REPLY_SUBJECT_ANYWHERE.test(subject)) return yes("auto-reply or ticket receipt (subject)");
  // A calendar answer ("Accepted: Møde") from a calendar system carries an iCalendar part (RFC 5546 REPLY).
  const calendarReply = attachments.some((a) => a.mimeType === "text/calendar" || a.mimeType === "application/ics");
  if (calendarReply && CALENDAR_ANSWER_SUBJECT.test(subject)) return yes("calendar answer");

  return { automated: false };
}

/**
 * The footer bulk senders must carry (CAN-SPAM, the EU's ePrivacy rules: a way to unsubscribe) and the "view
 * in browser" line of HTML newsletters. An inline forward loses the List-* headers; its text keeps these.
 */
const BULK_FOOTER =
  /(?<![\p{L}])(?:unsubscribe|opt[ -]out|manage (?:your )?(?:preferences|subscription|email settings)|update your (?:email )?preferences|view (?:this (?:email|newsletter) )?in (?:your )?browser|you(?:'re| are) receiving this (?:email|newsletter|because)|afmeld(?:e|ing)?(?: nyhedsbrev)?|frameld(?:e|ing)?|se (?:nyhedsbrevet|mailen) i (?:din )?browser|du modtager (?:denne|dette) (?:mail|e-mail|nyhedsbrev))(?![\p{L}])/iu;

/** Text that carries a bulk sender's footer: a newsletter, whatever its headers say. */
export function hasBulkFooter(text: string): boolean {
  return BULK_FOOTER.test(text.slice(-16 * 1024));
}

/** An address that belongs to a machine (bounces, no-reply, bulk senders): never a contact, even as a recipient. */
export function isMachineAddress(address: string): boolean {
  const local = localPart(address);
  return MAIL_SYSTEM_LOCAL.test(local) || NO_REPLY_LOCAL.test(local) || NEWSLETTER_LOCAL.test(local);
}
