// The email() path, top to bottom: read the raw mail → bound and parse it → refuse it or find its owner →
// the owner's own mail (a calendar invitation, commands, or a capture) or a reply on a shared thread → store → tell the owner.
import { findContactByName, isSameSenderMail, knownMessageIds, listSuppressions } from "../db/capture";
import { drizzleFor } from "../db/drizzle-later";
import { findOwnerByAddress, type OwnerWithAddresses } from "../db/owner-lookup";
import { ConfigError, readConfig, type Config, type Env } from "../env";
import { foldAddressCase } from "../mail/address";
import { MAX_RAW_BYTES } from "../mail/bound";
import { MailParseError, parseMail } from "../mail/parse";
import type { ParsedMail } from "../mail/types";
import { answerFor } from "./answer-for";
import { checkOwnerMail } from "./authenticate";
import { notUnderstoodNotice, storedNotice, takenMessageIdReason, unverifiedOwnerReason } from "./notices";
import type { IngestOutcome } from "./outcome";
import { claimMessage, deadLetter, store, type Envelope } from "./store";
import { findThreadOwner } from "./thread-owner";
import { messageIdOf, understandInbound, understandOwnerMail, type OwnerMailContext, type Understanding } from "./understand";

export async function handleEmail(message: ForwardableEmailMessage, env: Env, now = Date.now()): Promise<IngestOutcome> {
  const outcome = await ingestEmail(message, env, now);
  if (outcome.status === "rejected") {
    // The sender sees this as the SMTP reason; the line here is what `wrangler tail` shows the operator
    // (a refused owner mail is most often a DMARC setup to fix).
    console.warn(`refused mail from ${message.from} to ${message.to}: ${outcome.reason}`);
    message.setReject(outcome.reason);
  }
  return outcome;
}

async function ingestEmail(message: ForwardableEmailMessage, env: Env, now: number): Promise<IngestOutcome> {
  let config: Config;
  try {
    config = readConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return { status: "rejected", reason: "Gensidig is not configured yet; please try again later." };
  }
  const envelope: Envelope = { from: foldAddressCase(message.from.trim()), to: foldAddressCase(message.to.trim()), rawSize: message.rawSize };
  if (envelope.rawSize > MAX_RAW_BYTES) {
    return { status: "rejected", reason: `This mail is ${(envelope.rawSize / 1048576).toFixed(1)} MiB; Gensidig takes mail up to 25 MiB.` };
  }
  // The binding itself: the mail path binds SQL written ahead of time (db/statements.ts) and loads no drizzle.
  const d1 = env.DB;

  let mail: ParsedMail;
  try {
    mail = await parseMail(new Uint8Array(await new Response(message.raw).arrayBuffer()));
  } catch (err) {
    if (err instanceof MailParseError && err.code === "headers_too_large") return { status: "rejected", reason: err.message };
    return { status: "rejected", reason: `This mail could not be read as an email message (${String(err).slice(0, 120)}).` };
  }
  if (mail.fromCount > 1) return { status: "rejected", reason: "This mail has more than one From address; Gensidig cannot tell who sent it." };
  if (mail.fromCount !== 1 || !mail.from) return { status: "rejected", reason: "This mail has no From address." };

  const owner = await findOwnerByAddress(d1, mail.from.address);
  if (owner) {
    const arcHeaders = mail.headers["arc-authentication-results"] ?? [];
    const requireDmarc = !config.allowUnauthenticatedOwnerMail;
    const check = checkOwnerMail({ headerFrom: mail.from.address, envelopeFrom: envelope.from, ownerAddresses: owner.addresses, arcHeaders, requireDmarc });
    if (!check.owner) return { status: "rejected", reason: unverifiedOwnerReason(mail.from.address, check.detail, owner.owner.language) };
    return ownerMail({ d1, env, config, message, envelope, mail, now }, owner);
  }

  const thread = await findThreadOwner(d1, mail, envelope);
  if ("refused" in thread) return { status: "rejected", reason: thread.refused };
  const inbound = { ownerName: thread.owner.owner.name, ownerAddresses: thread.owner.addresses, assistantLocal: config.assistantLocal, assistantDomain: config.assistantDomain, suppressions: [] };
  const understanding = understandInbound(mail, now, "thread-reply", inbound);
  const outcome = await store(d1, thread.owner, envelope, understanding, now);
  if (outcome.status !== "duplicate") return outcome;
  // The Message-ID is taken. Delivered again by the same sender, it is a duplicate; under someone else's mail (the
  // owner's own thread mail, whose Message-ID everyone on the thread knows) it is another mail, refused with the reason.
  const { messageId } = understanding.message;
  const same = await isSameSenderMail(d1, { ownerId: outcome.ownerId, messageId, sender: mail.from.address, envelopeFrom: envelope.from, now });
  return same ? outcome : { status: "rejected", reason: takenMessageIdReason(messageId, thread.owner.owner.language) };
}

/** Whether the mail, or a mail it forwards as an attachment, carries iCalendar text (what invitationIn reads). */
function hasCalendarPart(mail: ParsedMail): boolean {
  return mail.calendars.length > 0 || mail.attachedMessages.some((m) => m.calendars.length > 0);
}

/** One delivery from an authenticated owner, as the steps after parsing need it. */
interface Delivery { d1: D1Database; env: Env; config: Config; message: ForwardableEmailMessage; envelope: Envelope; mail: ParsedMail; now: number }

async function ownerMail({ d1, env, config, message, envelope, mail, now }: Delivery, owner: OwnerWithAddresses): Promise<IngestOutcome> {
  const ownerId = owner.owner.id;
  const messageId = messageIdOf(mail);
  const threadIds = [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x);
  // One lookup answers both "was this mail delivered before?" and "which of its thread do we know?".
  const [known, suppressions] = await Promise.all([knownMessageIds(d1, ownerId, [messageId, ...threadIds]), listSuppressions(d1, ownerId)]);
  // The same Message-ID on a contact's reply the assistant keeps is another mail, not this one delivered again:
  // said so, rather than dropped as a duplicate (a client that reuses IDs, or someone who read the owner's).
  if (known.get(messageId) === "thread-reply") return { status: "rejected", reason: takenMessageIdReason(messageId, owner.owner.language) };
  if (known.has(messageId)) return { status: "duplicate", ownerId };
  // A calendar invitation the owner sent or forwarded is a meeting to come, not a mail to judge. The calendar
  // path (ical.js) and the command path (chrono-node) are loaded only by the mail that needs them.
  const calendar = hasCalendarPart(mail) ? await import("../calendar/meetings") : null;
  const invitation = calendar?.invitationIn(mail, owner.owner.timeZone);
  if (calendar && invitation) {
    const { storeInvitation } = calendar;
    const message = { messageId, threadId: null, kind: "calendar" as const, at: Math.min(mail.date ?? now, now), subject: mail.subject.slice(0, 200) || null };
    const { assistantLocal, assistantDomain } = config;
    const db = await drizzleFor(d1);
    return storeInvitation({ db, ownerId, ownerTimeZone: owner.owner.timeZone, ownerAddresses: owner.addresses, assistantLocal, assistantDomain, message, now }, invitation);
  }
  const answer = answerFor(env, config, message, owner, mail, envelope, now);
  let understanding: Understanding;
  try {
    const context: OwnerMailContext = {
      mail,
      envelopeTo: envelope.to,
      assistantLocal: config.assistantLocal,
      assistantDomain: config.assistantDomain,
      ownerAddresses: owner.addresses,
      ownerName: owner.owner.name,
      knownMessageIds: known,
      suppressions,
      receivedAt: now,
    };
    understanding = understandOwnerMail(context);
    // A forward that names its sender without an address ("From: John Doe") is read again when exactly one
    // contact has that name; otherwise it stays a dead letter and the answer asks for the address.
    if (understanding.kind === "unreadable-forward" && understanding.senderName) {
      const contact = await findContactByName(d1, ownerId, understanding.senderName);
      if (contact) understanding = understandOwnerMail({ ...context, senderByName: contact });
    }
  } catch (err) {
    const reason = `could not be understood: ${String(err)}`;
    const outcome = await deadLetter(d1, owner, envelope, mail, reason, now);
    await answer(notUnderstoodNotice(mail, reason, owner.owner.language));
    return outcome;
  }

  if (understanding.kind === "command") {
    if (!(await claimMessage(d1, ownerId, understanding.message, now))) return { status: "duplicate", ownerId };
    const { handleCommandMail } = await import("../commands/handle");
    await handleCommandMail({ d1, env, config, owner, mail, plus: understanding.plus, now, answer });
    return { status: "command", ownerId };
  }
  const outcome = await store(d1, owner, envelope, understanding, now);
  const notice = storedNotice(mail, understanding, outcome, owner.owner.language);
  if (notice) await answer(notice);
  return outcome;
}
