// The store step of the email() path and the import: what one understood mail writes, in one db.batch (one
// D1 transaction), and the dead-letter record kept of a mail that could not be used.
import {
  CaptureWrites,
  type ExistingContact,
  findContactsByAddressOrName,
  hasSameMail,
  mailEventStatement,
  messageOnlyStatement,
} from "../db/capture";
import type { Statement } from "../db/statements";
import type { OwnerWithAddresses } from "../db/owner-lookup";
import type { ParsedMail } from "../mail/types";
import { isUniqueViolation } from "../db/errors";
import { FIRST_CONTACT_MAX_RECIPIENTS, judgeEvents, referralCredits, type KnownPeople } from "./judge";
import { Namesakes, namesToLookUp } from "./namesakes";
import type { IngestOutcome } from "./outcome";
import { INLINE_FORWARD_ID_SUFFIX, type Understanding } from "./understand";

/** The envelope recipient recorded for mail that came through `npm run import` rather than Email Routing. */
export const IMPORT_ENVELOPE_TO = "import";

/** The delivery as the store records it: the envelope addresses, and the size Email Routing reported. */
export interface Envelope {
  from: string;
  to: string;
  rawSize: number;
}

/** Records a command mail's Message-ID first, so a second delivery of the same mail acts on nothing. */
export async function claimMessage(d1: D1Database, ownerId: number, message: Understanding["message"], now: number): Promise<boolean> {
  try {
    await messageOnlyStatement(d1, ownerId, message, now).run();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** What the lookup of existing contacts says of each person, in the shape the judgement reads. */
export function knownPeople(existing: ExistingContact[]): KnownPeople {
  return new Map(
    existing.map((c) => [
      c.address,
      {
        mailCount: c.inboundCount + c.outboundCount,
        lastAt: c.lastAt,
        lastYouAskedAt: c.lastYouAskedAt,
        lastYouAskedQuestion: c.lastYouAskedQuestion ?? false,
        lastYouAskedAdvice: c.lastYouAskedAdvice ?? false,
        lastInboundAt: c.lastInboundAt,
        lastTheyAskedAt: c.lastTheyAskedAt,
        lastOutboundAt: c.lastOutboundAt,
        lastTheyGaveAt: c.lastTheyGaveAt,
      },
    ]),
  );
}

/** Everyone a capture names: the people it is with, and those it was written to alongside the owner. */
export function addressesOf(understanding: Understanding): string[] {
  if (understanding.kind !== "capture") return [];
  return understanding.events.flatMap((e) => [e.address, ...e.alongside.map((a) => a.address)]);
}

/**
 * Adds the writes one understood mail needs to `writes`, and returns the outcome they stand for. `known` says
 * what is known of the people in it; the judgement updates it, so the next mail of a batch sees this one.
 */
export function writePlan(
  writes: CaptureWrites,
  owner: OwnerWithAddresses,
  envelope: Envelope,
  understanding: Exclude<Understanding, { kind: "command" }>,
  known: KnownPeople,
  now: number,
): IngestOutcome {
  const ownerId = owner.owner.id;
  if (understanding.kind === "ignored" || understanding.kind === "unreadable-forward") {
    const kind = understanding.kind === "ignored" ? "ignored" : "dead-letter";
    // A delivered mail is claimed either way, so a second delivery is a duplicate. An imported one that could
    // not be used is not: running the import again tries it again.
    if (kind === "ignored" || envelope.to !== IMPORT_ENVELOPE_TO) writes.claim(understanding.message);
    if (understanding.kind === "ignored" && understanding.bounced) writes.bounced(understanding.bounced.addresses, understanding.bounced.at);
    writes.mailEvent({
      ownerId,
      kind,
      at: now,
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to,
      messageId: understanding.message.messageId,
      subject: understanding.message.subject,
      reason: understanding.reason,
      size: envelope.rawSize,
    });
    return kind === "ignored" ? { status: "ignored", ownerId, reason: understanding.reason } : { status: "dead-letter", ownerId, reason: understanding.reason };
  }
  // Read before the judgement records this mail's people in `known`: a referral is credited for a newcomer only.
  const credits = referralCredits(understanding.events, known);
  const judged = judgeEvents(understanding.events, known, owner.owner.followUpDays);
  // Someone writing from a new address, or the owner writing to them there alone ("Aisha has left; her new address
  // is …"), leaves the old one unchased (namesakes.ts). A group mail to a second address of theirs (a roster) does not.
  for (const e of understanding.events) {
    const personally = e.direction === "in" || (e.recipientCount <= FIRST_CONTACT_MAX_RECIPIENTS && !e.cc);
    if (e.formerAddress && personally) writes.unreachable([e.formerAddress], e.at);
  }
  for (const credit of credits) {
    writes.referralCredit(credit);
    const referrer = known.get(credit.address);
    if (referrer) known.set(credit.address, { ...referrer, lastTheyGaveAt: Math.max(referrer.lastTheyGaveAt ?? 0, credit.at) });
  }
  writes.capture({
    ownerId,
    message: understanding.message,
    extraMessages: understanding.extraMessages,
    events: judged.events,
    deltas: judged.deltas,
    introduced: judged.introduced,
    notes: understanding.notes,
    broadcast: understanding.broadcast,
    now,
  });
  return { status: "stored", ownerId, summary: understanding.summary, contacts: new Set(judged.events.map((e) => e.address)).size };
}

export async function runBatch(d1: D1Database, statements: Statement[]) {
  if (statements.length) await d1.batch(statements);
}

/** Drops the events of an inline forward that the person already has, because the owner BCC'd that mail. */
async function withoutKnownForwards(d1: D1Database, ownerId: number, u: Extract<Understanding, { kind: "capture" }>) {
  const events = [];
  for (const e of u.events) {
    if (e.source === "forward" && e.messageId.endsWith(INLINE_FORWARD_ID_SUFFIX) && (await hasSameMail(d1, ownerId, e))) continue;
    events.push(e);
  }
  return events.length === u.events.length ? u : { ...u, events };
}

/** Writes what a mail means in one db.batch (one D1 transaction). */
export async function store(d1: D1Database, owner: OwnerWithAddresses, envelope: Envelope, understanding: Understanding, now: number): Promise<IngestOutcome> {
  if (understanding.kind === "command") throw new Error("command mail reached the store step");
  try {
    if (understanding.kind === "capture") understanding = await withoutKnownForwards(d1, owner.owner.id, understanding);
    const addresses = addressesOf(understanding);
    const names = namesToLookUp(understanding.kind === "capture" ? understanding.events : []);
    const existing = addresses.length ? await findContactsByAddressOrName(d1, owner.owner.id, addresses, names) : [];
    if (understanding.kind === "capture") understanding = { ...understanding, events: new Namesakes(existing).mark(understanding.events) };
    const writes = new CaptureWrites(owner.owner.id, now);
    const outcome = writePlan(writes, owner, envelope, understanding, knownPeople(existing), now);
    await runBatch(d1, writes.statements(d1));
    return outcome;
  } catch (err) {
    if (isUniqueViolation(err)) return { status: "duplicate", ownerId: owner.owner.id };
    console.error(`storing ${understanding.message.messageId} failed: ${String(err)}`);
    return deadLetterRecord(d1, {
      ownerId: owner.owner.id,
      at: now,
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to,
      messageId: understanding.message.messageId,
      subject: understanding.message.subject,
      reason: `could not be stored: ${String(err).slice(0, 300)}`,
      size: envelope.rawSize,
    });
  }
}

export async function deadLetterRecord(d1: D1Database, input: Omit<Parameters<typeof mailEventStatement>[1], "kind">): Promise<IngestOutcome> {
  // If even this write fails, the error propagates: the delivery fails and the sender's server retries,
  // which beats accepting a mail and losing it.
  await mailEventStatement(d1, { ...input, kind: "dead-letter" }).run();
  return { status: "dead-letter", ownerId: input.ownerId!, reason: input.reason };
}

/** What a mail event records of an owner's mail: who, when, the envelope, the mail's Message-ID and subject, why. */
export function ownerMailEvent(owner: OwnerWithAddresses, envelope: Envelope, mail: ParsedMail, reason: string, now: number) {
  return {
    ownerId: owner.owner.id,
    at: now,
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    messageId: mail.messageId,
    subject: mail.subject,
    reason,
    size: envelope.rawSize,
  };
}

/** Keeps an owner's mail that could not be understood as a dead letter; the caller tells the owner. */
export async function deadLetter(d1: D1Database, owner: OwnerWithAddresses, envelope: Envelope, mail: ParsedMail, reason: string, now: number): Promise<IngestOutcome> {
  return deadLetterRecord(d1, ownerMailEvent(owner, envelope, mail, reason, now));
}
