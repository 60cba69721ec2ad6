// What does this mail mean? Pure: parsed mail + what the owner's data already says in, a plan out.
// The store step turns the plan into one db.batch; nothing here touches env, D1 or the clock.
import type { ContactEvent, MessageRecord, NoteRecord, Material } from "../db/records";
import { detectAutomated, fromMailSystem, hasBulkFooter, isMachineAddress } from "../mail/automated";
import { bouncedRecipients, type BounceFacts } from "../mail/bounce";
import { foldAddressCase } from "../mail/address";
import { commandMailVerdict } from "../mail/command-mail";
import { findForward, type ForwardedOriginal } from "../mail/forward";
import { asksByName, asksForAdvice, classifyIntent, greetsSomeoneElse, namesFirstName, noteOwesAnswer, noteOwesThanks, noteVouches, putsOff, readsAsAdvice, readsAsBriefAnswer, readsAsShortAnswer, referrerOf, type Intent } from "../mail/intent";
import { newText, quoteAttribution, snippetOfNewText } from "../mail/reply";
import { answeredSubject, hasReplyPrefix, isReplyOrForward, stripSubjectTags } from "../mail/subject";
import type { Address, ParsedMail } from "../mail/types";
import { DAY_MS } from "../time";
import { assistantPlusPart, parsePlusOptions, type PlusOptions } from "./plus";

/** More people than this in To/Cc is a broadcast (a newsletter, an announcement), not a conversation. */
export const BROADCAST_RECIPIENTS = 20;
/**
 * More people than this is an announcement (a move, a new website): remembered per person, but it expects
 * no answer from each. A handful is a conversation; an introduction is three or four people.
 */
export const HANDFUL_RECIPIENTS = 5;
/** A Date header further ahead than this is a wrong clock; we use the time we received the mail. */
export const MAX_CLOCK_SKEW_MS = DAY_MS;
/** Quoted text read for the intent of a reply's original (bounded: the regexes behind it are not linear). */
export const MAX_QUOTED_CHARS = 8 * 1024;
export const SNIPPET_CHARS = 280;

/** Message-IDs we make up for inline forwards, whose original Message-ID the forward does not carry. */
export const INLINE_FORWARD_ID_SUFFIX = "@forward.gensidig";

export type Understanding =
  | { kind: "command"; message: MessageRecord; plus: PlusOptions }
  | {
      kind: "ignored";
      message: MessageRecord;
      reason: string;
      forwarded: boolean;
      /** A delivery report's failed recipients (bounce.ts): the store marks those contacts bounced. */
      bounced?: { addresses: string[]; at: number };
    }
  | {
      kind: "unreadable-forward";
      message: MessageRecord;
      reason: string;
      /** The forwarded sender's name when the block gave no address: a contact by that name may be meant. */
      senderName?: string;
    }
  | {
      kind: "capture";
      message: MessageRecord;
      extraMessages: MessageRecord[];
      events: ContactEvent[];
      notes: NoteRecord[];
      broadcast: boolean;
      summary: string;
    };

export interface OwnerMailContext {
  mail: ParsedMail;
  /** The address the mail was delivered to (envelope), e.g. gensidig+3d@example.com. */
  envelopeTo: string;
  assistantLocal: string;
  assistantDomain: string;
  ownerAddresses: string[];
  /** Message-IDs among In-Reply-To/References that this owner already shared with the assistant. */
  knownMessageIds: { has(messageId: string): boolean };
  /** Addresses and @domains the owner said to ignore. */
  suppressions: string[];
  receivedAt: number;
  /** The owner's name: a forwarded mail to many asks them only where it names them (asksByName). */
  ownerName?: string | null;
  source?: "bcc" | "import";
  /**
   * The one contact whose name is the name a forwarded block gives without an address ("From: John Doe"),
   * looked up by the caller after a first reading asked for it. Never a guess: one contact by that exact name.
   */
  senderByName?: Address;
}

/**
 * The addresses a bounce failed for, and when; nothing when it names none, or when no mail system sent it: anyone
 * can write a report naming anyone. The store marks only those the owner wrote to shortly before (BOUNCE_WINDOW_MS).
 */
function bounceOf(report: BounceFacts & Pick<ParsedMail, "from" | "sender">, at: number): { addresses: string[]; at: number } | undefined {
  if (!fromMailSystem(report)) return undefined;
  const addresses = bouncedRecipients(report);
  return addresses.length ? { addresses, at } : undefined;
}

export function isSuppressed(address: string, suppressions: string[]): boolean {
  const domain = address.slice(address.lastIndexOf("@"));
  return suppressions.some((p) => p === address || (p.startsWith("@") && (domain === p || domain.endsWith(`.${p.slice(1)}`))));
}

/** FNV-1a, 53 bits: a stable id for mail that has no Message-ID of its own. Not for security. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).slice(0, 16);
}

export function messageIdOf(mail: ParsedMail): string {
  if (mail.messageId) return mail.messageId;
  return `${stableHash(`${mail.from?.address}|${mail.date}|${mail.subject}|${mail.text.slice(0, 200)}`)}@no-message-id.gensidig`;
}

export function threadIdOf(mail: ParsedMail): string | null {
  return mail.references[0] ?? mail.inReplyTo ?? mail.messageId ?? null;
}

export function mailTime(mail: ParsedMail, receivedAt: number): number {
  if (mail.date === null || mail.date > receivedAt + MAX_CLOCK_SKEW_MS) return receivedAt;
  return mail.date;
}

function attachmentNames(mail: ParsedMail): string[] {
  return mail.attachments.map((a) => a.filename).filter((n): n is string => !!n);
}

/** Images clients put in signatures and bodies ("image001.png", "Outlook-logo.jpg") are not material. */
const BODY_IMAGE = /^(?:image\d*|outlook-|logo|signature|sig|banner|icon)/i;

// Each run of address characters is tried once, from its start, and no further than an address goes: tried from
// every place in a run, a 60 KB line of "12.12.12…" took the pattern 0.15 s.
const ADDRESS_IN_TEXT = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.\p{L}{2,}/gu;
/** "Kev Marsden, 07700 900731": someone's name with a phone number, the contact the reader asked for. */
const NAME_AND_PHONE = /(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){1,2})[,:;–-]?\s+(?:(?:tel|tlf|mob|mobile|phone|ring|call)\.?:?\s*)?\+?\d[\d -]{6,14}\d(?![\d])/gu;
/** A real answer is at least this many words of new text; "Sure, will do" is not advice. */
const ANSWER_MIN_WORDS = 35;
/** …or this many, when it gives a step to take: "Ring til dem og spørg efter Bodil, hun tager små ordrer." */
const SHORT_ANSWER_MIN_WORDS = 8;

/** A name with a phone number that is not the writer's own (their signature carries theirs). */
function handsOverAPhoneContact(ownText: string, writer: { address: string | null; name: string | null }): boolean {
  const own = `${writer.address ?? ""} ${writer.name ?? ""}`.toLowerCase();
  for (const m of ownText.slice(0, MAX_QUOTED_CHARS).matchAll(NAME_AND_PHONE)) {
    const tokens = m[1].toLowerCase().split(" ").filter((t) => t.length >= 3);
    if (!tokens.some((t) => own.includes(t))) return true;
  }
  return false;
}

/**
 * What a mail hands over: an attachment a person means the reader to open, else a link, else someone else's
 * address in the new text (the contact the reader asked for; the writer's own is their signature), else words
 * that hand something over ("here it is": the attachment an inline forward leaves behind). Phone numbers are
 * left out: signatures carry them too, and the new text does not always lose its signature.
 */
function materialOf(
  mail: Pick<ParsedMail, "attachments">,
  intent: Intent,
  ownText: string,
  writer: { address: string | null; name: string | null },
  wholeText: string,
): Material | null {
  const file = mail.attachments.find(
    (a) => !a.inline && a.filename && a.mimeType !== "message/rfc822" && a.mimeType !== "text/calendar" && !(a.mimeType.startsWith("image/") && BODY_IMAGE.test(a.filename)),
  );
  if (file?.filename) return { kind: "file", name: file.filename };
  if (intent.link) return { kind: "link", name: null };
  const addresses = ownText.slice(0, MAX_QUOTED_CHARS).match(ADDRESS_IN_TEXT) ?? [];
  if (addresses.some((a) => a.toLowerCase() !== writer.address) || handsOverAPhoneContact(ownText, writer)) return { kind: "contact", name: null };
  if (intent.handsOver) return { kind: "words", name: null };
  // Advice or a fix written out in answer to the owner ("any idea where I should be looking?"): an answer, when it
  // asks nothing back, is no "sorry, can't" and no time to meet. A long reply that neither answers a plea nor reads
  // as advice is just a reply.
  // A question mark alone does not stop it: an answer may end on one ("who designs these rules?", "shall I send the
  // form?"). Nor does a request in advice written out ("if you can reasonably expect to exceed S$1m, register").
  if (intent.declines || intent.scheduling || intent.thanks || putsOff(ownText)) return null;
  const advice = readsAsAdvice(ownText);
  if (intent.explicitRequest && !advice) return null;
  const words = ownText.slice(0, MAX_QUOTED_CHARS).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < ANSWER_MIN_WORDS) {
    if (words < SHORT_ANSWER_MIN_WORDS) return null;
    if (readsAsShortAnswer(ownText)) return { kind: "reply", name: null };
    return readsAsBriefAnswer(ownText) ? { kind: "brief", name: null } : null;
  }
  // Below the owner's quoted plea for advice; or, where no plea is quoted (a forwarded answer), reading as advice.
  const answersAPlea = advice || (asksForAdvice(wholeText.slice(0, MAX_QUOTED_CHARS * 2)) && !asksForAdvice(ownText));
  return { kind: answersAPlea ? "answer" : "reply", name: null };
}

function isReplyMail(mail: Pick<ParsedMail, "inReplyTo" | "subject">): boolean {
  return !!mail.inReplyTo || hasReplyPrefix(mail.subject);
}

/** The quoted original below an attribution line, with the "> " markers removed. */
function quotedOriginal(text: string, attributionLine: string): string {
  const start = text.indexOf(attributionLine);
  if (start < 0) return "";
  return text
    .slice(start + attributionLine.length, start + attributionLine.length + MAX_QUOTED_CHARS)
    .split("\n")
    .map((l) => l.replace(/^\s*>+ ?/, ""))
    .join("\n")
    .trim();
}

/** The owner's address without a plus part: owner+news@x.dk is the owner at owner@x.dk. */
function withoutPlus(address: string): string {
  return address.replace(/^([^@+]+)\+[^@]*@/, "$1@");
}

/**
 * The subject of the mail an owner's reply quotes, when it was that mail's own: not when the mail was itself a reply
 * (References name its parent too, or "SV: Re: Intro: …" still has a tag) — "Intro: Dana <> Priya" then is the
 * introducer's subject, not the words of Priya's answer.
 */
function quotedOwnSubject(mail: ParsedMail): string {
  const subject = answeredSubject(mail.subject);
  return mail.references.length >= 2 || isReplyOrForward(subject) ? "" : subject;
}

/** The owner, under any of their addresses, or the assistant, under any plus part: never a contact (issue 9). */
export function isSelf(address: string, ctx: Pick<OwnerMailContext, "ownerAddresses" | "assistantLocal" | "assistantDomain">): boolean {
  // Every address that reaches here was written one way by normalizeAddress (parse.ts, forward.ts, reply.ts's
  // addressIn), so `"owner"@x.dk` and `owner@x.dk.` already read owner@x.dk.
  if (assistantPlusPart(address, ctx.assistantLocal, ctx.assistantDomain) !== undefined) return true;
  const owner = ctx.ownerAddresses.map(foldAddressCase);
  return owner.includes(address) || owner.includes(withoutPlus(address));
}

function people(list: Address[], ctx: OwnerMailContext): Address[] {
  const seen = new Set<string>();
  const out: Address[] = [];
  for (const a of list) {
    if (seen.has(a.address) || isSelf(a.address, ctx)) continue;
    seen.add(a.address);
    out.push(a);
  }
  return out;
}

function humanPeople(list: Address[], ctx: OwnerMailContext): Address[] {
  return list.filter((a) => !isMachineAddress(a.address) && !isSuppressed(a.address, ctx.suppressions));
}

function plusOf(ctx: OwnerMailContext): PlusOptions {
  const plusParts = [ctx.envelopeTo, ...ctx.mail.to.map((a) => a.address), ...ctx.mail.cc.map((a) => a.address)]
    .map((a) => assistantPlusPart(a, ctx.assistantLocal, ctx.assistantDomain))
    .filter((p): p is string => typeof p === "string");
  // The envelope and the To header usually carry the same plus part: read each distinct one once.
  return parsePlusOptions([...new Set(plusParts)].join("+") || null);
}

/** Owner mail: BCC capture, a forward, or a command. */
export function understandOwnerMail(ctx: OwnerMailContext): Understanding {
  const { mail } = ctx;
  const messageId = messageIdOf(mail);
  const at = mailTime(mail, ctx.receivedAt);
  const threadId = threadIdOf(mail);
  const plus = plusOf(ctx);
  // The owner's Bcc (kept in a sent-mail export) are people written to as well: "thank you, Marcus (moving you to
  // Bcc)" thanks Marcus. Like Cc, they are not the ones an answer is expected from.
  const toOrCc = people([...mail.to, ...mail.cc], ctx);
  const recipients = [...toOrCc, ...people(mail.bcc ?? [], ctx).filter((p) => !toOrCc.some((a) => a.address === p.address))];
  const baseMessage = { messageId, threadId, at, subject: mail.subject || null };

  // RFC 3834: the owner's auto-reply, a DSN or any Auto-Submitted mail is neither a command nor the owner
  // writing to someone, and is never answered. The subject of a reply or forward is someone else's, so only
  // the headers speak for it.
  const automated = detectAutomated({ ...mail, subject: isReplyOrForward(mail.subject) ? "" : mail.subject });
  if (automated.automated) {
    return { kind: "ignored", message: { ...baseMessage, kind: "ignored" }, reason: automated.reason, forwarded: false };
  }

  if (recipients.length === 0) {
    const forward = withSenderByName(findForward(mail), ctx.senderByName);
    if (forward) return understandForward(ctx, forward, { ...baseMessage, kind: "forward" }, plus);
    // Fail safe: mail that is not unmistakably the owner writing commands is kept and never run (issue 9).
    const verdict = commandMailVerdict(mail);
    if (!verdict.commands) {
      return { kind: "unreadable-forward", message: { ...baseMessage, kind: "forward" }, reason: `none of it was run as a command, because ${verdict.reason}` };
    }
    return { kind: "command", message: { ...baseMessage, kind: "command" }, plus };
  }

  const source = ctx.source ?? "bcc";
  const kind = source === "import" ? "import" : "bcc";
  // Many people, or people in Bcc only (the way an announcement goes out): counted once, a conversation with no one.
  if (recipients.length > BROADCAST_RECIPIENTS || toOrCc.length === 0) {
    return {
      kind: "capture",
      message: { ...baseMessage, kind },
      extraMessages: [],
      events: [],
      notes: [],
      broadcast: true,
      summary: `a broadcast to ${recipients.length} people${toOrCc.length === 0 ? " in Bcc" : ""}, counted once and not as a conversation with each`,
    };
  }

  const own = newText(mail.text, { quotesMarked: !mail.textFromHtml });
  const intent = classifyIntent({ subject: mail.subject, text: own });
  const text = snippetOfNewText(own, SNIPPET_CHARS) || null;
  const events: ContactEvent[] = [];
  const extraMessages: MessageRecord[] = [];
  const targets = humanPeople(recipients, ctx);

  // Reply evidence: the owner answers a mail we never saw. The quote header tells us who wrote it and when.
  if (mail.inReplyTo && !ctx.knownMessageIds.has(mail.inReplyTo)) {
    const attribution = quoteAttribution(mail.text);
    // A quote of the owner's own mail or of the assistant's (the digest) is no one's inbound mail.
    const quotesSelf = !!attribution?.address && isSelf(attribution.address, ctx);
    const person = attribution && !quotesSelf ? matchAttribution(attribution, targets) : null;
    if (attribution && person) {
      const theirAt = attribution.date !== null && attribution.date <= at ? attribution.date : at - 60_000;
      const quoted = newText(quotedOriginal(mail.text, attribution.line));
      const subject = stripSubjectTags(mail.subject) || null;
      events.push({
        address: person.address,
        name: person.name ?? attribution.name ?? null,
        direction: "in",
        at: theirAt,
        subject,
        snippet: snippetOfNewText(quoted, SNIPPET_CHARS) || null,
        intent: { ...classifyIntent({ subject: quotedOwnSubject(mail), text: quoted }), outreach: false },
        messageId: mail.inReplyTo,
        threadId,
        source: "reply-evidence",
        attachments: [],
        followUpDays: null,
        private: plus.private,
        // Only the quote is seen: who else it went to, and what it carried, are unknown.
        isReply: false,
        recipientCount: 1,
        cc: false,
        alongside: [],
        material: null,
        ownerNote: false,
      });
      extraMessages.push({ messageId: mail.inReplyTo, threadId, kind: "reply-evidence", at: theirAt, subject });
    }
  }

  const material = materialOf(mail, intent, own, { address: mail.from?.address ?? null, name: mail.from?.name ?? null }, mail.text);
  const isReply = isReplyMail(mail);
  const addressed = new Set(mail.to.map((a) => a.address));
  for (const person of targets) {
    events.push({
      address: person.address,
      name: person.name ?? null,
      direction: "out",
      at,
      subject: mail.subject || null,
      snippet: text,
      intent,
      messageId,
      threadId,
      source,
      attachments: attachmentNames(mail),
      followUpDays: plus.followUpDays,
      private: plus.private,
      isReply,
      recipientCount: targets.length,
      cc: !addressed.has(person.address) && addressed.size > 0,
      alongside: [],
      material,
      ownerNote: false,
    });
  }
  const names = targets.map((p) => p.name ?? p.address).join(", ");
  return {
    kind: "capture",
    message: { ...baseMessage, kind },
    extraMessages,
    events,
    notes: [],
    broadcast: false,
    summary: targets.length ? `your mail to ${names}` : "a mail with no one to remember",
  };
}

function matchAttribution(
  attribution: { name: string | null; address: string | null },
  targets: Address[],
): Address | null {
  if (attribution.address) {
    const byAddress = targets.find((t) => t.address === attribution.address);
    if (byAddress) return byAddress;
  }
  if (attribution.name) {
    const wanted = attribution.name.toLowerCase();
    const byName = targets.filter((t) => t.name && t.name.toLowerCase() === wanted);
    if (byName.length === 1) return byName[0];
    const byFirst = targets.filter((t) => t.name && t.name.toLowerCase().split(/\s+/)[0] === wanted.split(/\s+/)[0]);
    if (byFirst.length === 1) return byFirst[0];
  }
  // A reply to one person: whoever wrote the quoted mail is that person, unless the attribution names someone
  // else ("Søren Friis <soeren@…> skrev:" above a reply to Maja quotes the introduction Søren sent them both).
  // The same person at another address keeps the local part ("anna@gmail.com" for "anna@holm.dk").
  if (targets.length !== 1) return null;
  const [only] = targets;
  const localOf = (address: string) => address.slice(0, address.lastIndexOf("@"));
  if (attribution.name && only.name) return null;
  if (attribution.address && localOf(attribution.address) !== localOf(only.address)) return null;
  return only;
}

/** A forwarded sender given by name only becomes the one contact of that name, when the caller found one. */
function withSenderByName(forward: ForwardedOriginal | null, contact: Address | undefined): ForwardedOriginal | null {
  if (!forward || forward.from || !forward.senderName || !contact) return forward;
  if (contact.name?.trim().toLowerCase() !== forward.senderName.toLowerCase()) return forward;
  return { ...forward, from: { address: contact.address, name: forward.senderName } };
}

function understandForward(
  ctx: OwnerMailContext,
  forward: ForwardedOriginal,
  message: MessageRecord,
  plus: PlusOptions,
): Understanding {
  const automated = detectAutomated({
    headers: forward.headers ?? {},
    from: forward.from,
    sender: null,
    subject: forward.subject ?? "",
    attachments: [],
  });
  if (automated.automated) {
    const bounced = automated.bounce ? bounceOf({ headers: forward.headers ?? {}, from: forward.from, sender: null, text: forward.body, deliveryStatus: forward.deliveryStatus }, Math.min(forward.date ?? message.at, message.at)) : undefined;
    return { kind: "ignored", message: { ...message, kind: "ignored" }, reason: automated.reason, forwarded: true, bounced };
  }
  if (hasBulkFooter(forward.body)) {
    return { kind: "ignored", message: { ...message, kind: "ignored" }, reason: "newsletter (unsubscribe footer)", forwarded: true };
  }
  if (!forward.from && forward.senderName) {
    return {
      kind: "unreadable-forward",
      message,
      reason: `the forwarded mail names its sender, ${forward.senderName}, but gives no address, and no one contact of yours has that name; forward it again with the sender's address, or as an attachment`,
      senderName: forward.senderName,
    };
  }
  if (!forward.from) {
    return {
      kind: "unreadable-forward",
      message,
      reason: "the forwarded mail's original sender could not be found",
    };
  }
  // A forwarded digest or answer: the assistant is never a contact (issue 9), under any plus part.
  if (assistantPlusPart(forward.from.address, ctx.assistantLocal, ctx.assistantDomain) !== undefined) {
    return { kind: "ignored", message: { ...message, kind: "ignored" }, reason: "it is a mail from Gensidig itself", forwarded: true };
  }
  // A forwarded mail is never newer than its forward: a time printed without a zone ("9:15 AM") and read as
  // UTC can land after it, and would then outrun the owner's own later mail (a thank-you sent before it).
  const at = forward.date !== null && forward.date <= ctx.receivedAt + MAX_CLOCK_SKEW_MS ? Math.min(forward.date, message.at) : message.at;
  const originalId =
    forward.headers?.["message-id"]?.[0]?.replace(/^\s*<|>\s*$/g, "") ||
    `${stableHash(`${forward.from.address}|${forward.date}|${forward.subject}`)}${INLINE_FORWARD_ID_SUFFIX}`;
  const own = newText(forward.body);
  const intent = classifyIntent({ subject: forward.subject ?? "", text: own });
  const base = {
    at,
    subject: forward.subject,
    snippet: snippetOfNewText(own, SNIPPET_CHARS) || null,
    intent,
    messageId: originalId,
    threadId: originalId,
    source: "forward" as const,
    attachments: attachmentNames(ctx.mail),
    followUpDays: plus.followUpDays,
    private: plus.private,
    isReply: hasReplyPrefix(forward.subject ?? ""),
    // The attachments of the forwarding mail are the original's: clients carry them along.
    material: materialOf(ctx.mail, intent, own, { address: forward.from?.address ?? null, name: forward.from?.name ?? null }, forward.body),
    ownerNote: noteVouches(forward.note),
    ownerOwesThanks: noteOwesThanks(forward.note),
    ownerOwesAnswer: noteOwesAnswer(forward.note),
  };

  let events: ContactEvent[];
  let summary: string;
  if (isSelf(forward.from.address, ctx)) {
    const targets = humanPeople(people([...forward.to, ...forward.cc], ctx), ctx);
    const addressed = new Set(forward.to.map((a) => a.address));
    events = targets.map((p) => ({
      ...base,
      address: p.address,
      name: p.name ?? null,
      direction: "out" as const,
      recipientCount: targets.length,
      cc: !addressed.has(p.address) && addressed.size > 0,
      alongside: [],
    }));
    summary = `your forwarded mail to ${targets.map((p) => p.name ?? p.address).join(", ") || "no one we could find"}`;
  } else if (isSuppressed(forward.from.address, ctx.suppressions)) {
    return { kind: "ignored", message: { ...message, kind: "ignored" }, reason: "you asked to ignore that sender", forwarded: true };
  } else {
    events = [
      readInbound(
        {
          ...base,
          address: forward.from.address,
          name: forward.from.name ?? null,
          direction: "in",
          followUpDays: null,
          cc: false,
          ...audience(forward.from.address, [...forward.to, ...forward.cc], ctx.ownerAddresses, ctx.assistantLocal, ctx.assistantDomain, ctx.suppressions),
        },
        own,
        ctx.ownerName,
      ),
    ];
    summary = `the mail from ${forward.from.name ?? forward.from.address} you forwarded`;
  }
  const noteTarget = events[0]?.address;
  const notes = forward.note && noteTarget ? [{ address: noteTarget, body: forward.note }] : [];
  return {
    kind: "capture",
    message,
    extraMessages: [{ messageId: originalId, threadId: originalId, kind: "forward", at, subject: forward.subject }],
    events,
    notes,
    broadcast: false,
    summary,
  };
}

/** What an inbound mail's own text says beyond its intent: whether it asks the owner by name, and who referred them. */
function readInbound(e: ContactEvent, text: string, ownerName: string | null | undefined): ContactEvent {
  return withReferrer(askedByName(forWhom(e, text, ownerName), text, ownerName), text);
}

/** A reply-all that greets someone else ("Hej Hasse, our comments attached") hands its material to them. */
function forWhom(e: ContactEvent, text: string, ownerName: string | null | undefined): ContactEvent {
  return e.material !== null && e.alongside.length > 0 && greetsSomeoneElse(text, ownerName) ? { ...e, material: null } : e;
}

/** A mail to more than a handful asks the owner only where it names them ("Karoline: vil du …?"). */
function askedByName(e: ContactEvent, text: string, ownerName: string | null | undefined): ContactEvent {
  return e.recipientCount > HANDFUL_RECIPIENTS && asksByName(text, ownerName) ? { ...e, asksOwnerByName: true } : e;
}

/**
 * Who the writer says sent them, by full name ("Per Thomsen sagde, at …", "indstillet af … Søs Frandsen") or by
 * first name and firm ("Rikke fra Brandhouse", "Intro via Marcus (Brightside)"); or, when they copy that person in
 * and name them by first name only ("Kirsty recommended you, so I've copied her in"), the person in Cc or To with
 * that first name, under the full name their own header gives.
 */
function withReferrer(e: ContactEvent, text: string): ContactEvent {
  // Someone who met the owner may name who brought them there ("Tak for mødet i går – Per Thomsen sagde, at …"); a
  // person copied in is their referrer only when they say someone sent them ("Thanks for Friday! I've copied in Sara"
  // credits no one).
  const named = referrerOf(text, e.subject, e.name, e.intent.referredBy || e.intent.metBefore);
  if (named) return { ...e, referrer: named.name, ...(named.firm ? { referrerFirm: named.firm } : {}) };
  if (!e.intent.referredBy) return e;
  const copied = e.alongside.filter((p) => (p.name ?? "").trim().includes(" ") && namesFirstName(text, p.name));
  return copied.length === 1 ? { ...e, referrer: copied[0].name } : e;
}

/**
 * Who else an inbound mail was written to, besides the owner: the count, and the people themselves when they
 * are a handful (an introduction writes to the owner and someone new together).
 */
function audience(
  sender: string,
  recipients: Address[],
  ownerAddresses: string[],
  assistantLocal: string,
  assistantDomain: string,
  suppressions: string[],
): { recipientCount: number; alongside: Address[] } {
  const self = { ownerAddresses, assistantLocal, assistantDomain };
  const seen = new Set<string>([sender]);
  const others: Address[] = [];
  let ownerIncluded = 0;
  for (const a of recipients) {
    if (assistantPlusPart(a.address, assistantLocal, assistantDomain) !== undefined) continue;
    if (isSelf(a.address, self)) {
      ownerIncluded = 1;
      continue;
    }
    if (seen.has(a.address)) continue;
    seen.add(a.address);
    others.push(a);
  }
  const humans = others.filter((a) => !isMachineAddress(a.address) && !isSuppressed(a.address, suppressions));
  // Written to the owner and a handful of others together. When the owner was only BCC'd, the others were not
  // put together with the owner: no introduction can be read from them.
  const together = ownerIncluded === 1 && others.length < HANDFUL_RECIPIENTS;
  return { recipientCount: Math.max(1, ownerIncluded + others.length), alongside: together ? humans : [] };
}

export interface InboundContext {
  /** The owner's name: a mail to many asks them only where it names them (asksByName). */
  ownerName?: string | null;
  ownerAddresses: string[];
  assistantLocal: string;
  assistantDomain: string;
  suppressions: string[];
}

/**
 * Someone else's mail to the owner: a reply on a thread the owner shared, or, in an import, any mail
 * the owner received. Either way it is that person's inbound mail, unless a machine wrote it.
 */
export function understandInbound(mail: ParsedMail, receivedAt: number, source: "thread-reply" | "import", ctx: InboundContext): Understanding {
  const messageId = messageIdOf(mail);
  const threadId = threadIdOf(mail);
  const at = mailTime(mail, receivedAt);
  const message: MessageRecord = { messageId, threadId, at, subject: mail.subject || null, kind: source };
  const automated = detectAutomated(mail);
  if (automated.automated) {
    // A real report goes to the owner's own mailbox (the envelope sender), never onto a shared thread: one that
    // arrives there is someone else's doing, and marks no one.
    const bounced = automated.bounce && source === "import" ? bounceOf(mail, at) : undefined;
    return { kind: "ignored", message: { ...message, kind: "ignored" }, reason: automated.reason, forwarded: false, bounced };
  }
  const from = mail.from!;
  // The assistant's own mail coming back (a digest or answer routed to it) is ignored, so no loop can form.
  if (isSelf(from.address, ctx)) {
    return { kind: "ignored", message: { ...message, kind: "ignored" }, reason: "it is a mail from Gensidig itself or from you", forwarded: false };
  }
  const own = newText(mail.text, { quotesMarked: !mail.textFromHtml });
  const intent = { ...classifyIntent({ subject: mail.subject, text: own }), outreach: false };
  return {
    kind: "capture",
    message,
    extraMessages: [],
    events: [
      readInbound({
        address: from.address,
        name: from.name ?? null,
        direction: "in",
        at,
        subject: mail.subject || null,
        snippet: snippetOfNewText(own, SNIPPET_CHARS) || null,
        intent,
        messageId,
        threadId,
        source,
        attachments: attachmentNames(mail),
        followUpDays: null,
        private: false,
        isReply: isReplyMail(mail),
        material: materialOf(mail, intent, own, { address: from.address, name: from.name ?? null }, mail.text),
        ownerNote: false,
        cc: false,
        ...audience(from.address, [...mail.to, ...mail.cc], ctx.ownerAddresses, ctx.assistantLocal, ctx.assistantDomain, ctx.suppressions),
      }, own, ctx.ownerName),
    ],
    notes: [],
    broadcast: false,
    summary: `a mail from ${from.name ?? from.address}`,
  };
}

