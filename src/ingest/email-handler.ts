// The email() path: authenticate → understand → store (one db.batch per mail) → answer when needed.
import { handleCommandMail } from "../commands/handle";
import { getDb, type Db } from "../db/client";
import {
  captureStatements,
  type ExistingContact,
  findContactsByAddress,
  hasSameMail,
  knownMessageIds,
  listSuppressions,
  mailEventStatement,
  messageOnlyStatement,
  threadStandings,
} from "../db/capture";
import { findOwnerByAddress, loadOwnerWithAddresses, type OwnerWithAddresses } from "../db/owners";
import { ConfigError, readConfig, type Config, type Env } from "../env";
import { MailParseError, parseMail } from "../mail/parse";
import { answerOwner } from "../mail/send";
import type { ParsedMail } from "../mail/types";
import { checkOwnerMail } from "./authenticate";
import { judgeEvents, type KnownPeople } from "./judge";
import { judgeThreadReply } from "./thread-reply";
import { INLINE_FORWARD_ID_SUFFIX, isSuppressed, messageIdOf, understandInbound, understandOwnerMail, type Understanding } from "./understand";

/** Cloudflare Email Routing accepts messages up to 25 MiB; anything claiming more is refused up front. */
export const MAX_RAW_BYTES = 25 * 1024 * 1024;

export type IngestOutcome =
  | { status: "rejected"; reason: string }
  | { status: "stored"; ownerId: number; summary: string; contacts: number }
  | { status: "duplicate"; ownerId: number }
  | { status: "ignored"; ownerId: number; reason: string }
  | { status: "command"; ownerId: number }
  | { status: "dead-letter"; ownerId: number; reason: string };

export interface Envelope {
  from: string;
  to: string;
  rawSize: number;
}

async function readRaw(message: ForwardableEmailMessage): Promise<Uint8Array> {
  return new Uint8Array(await new Response(message.raw).arrayBuffer());
}

export async function handleEmail(message: ForwardableEmailMessage, env: Env, now = Date.now()): Promise<IngestOutcome> {
  const outcome = await ingestEmail(message, env, now);
  if (outcome.status === "rejected") message.setReject(outcome.reason);
  return outcome;
}

async function ingestEmail(message: ForwardableEmailMessage, env: Env, now: number): Promise<IngestOutcome> {
  let config: Config;
  try {
    config = readConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return { status: "rejected", reason: "Gensidig is not configured yet; please try again later." };
    }
    throw err;
  }
  const envelope: Envelope = {
    from: message.from.trim().toLowerCase(),
    to: message.to.trim().toLowerCase(),
    rawSize: message.rawSize,
  };
  if (envelope.rawSize > MAX_RAW_BYTES) {
    return { status: "rejected", reason: `This mail is ${(envelope.rawSize / 1048576).toFixed(1)} MiB; Gensidig takes mail up to 25 MiB.` };
  }
  const db = getDb(env.DB);

  let mail: ParsedMail;
  try {
    mail = await parseMail(await readRaw(message));
  } catch (err) {
    if (err instanceof MailParseError && err.code === "headers_too_large") return { status: "rejected", reason: err.message };
    return { status: "rejected", reason: `This mail could not be read as an email message (${String(err).slice(0, 120)}).` };
  }
  if (mail.fromCount !== 1 || !mail.from) {
    return {
      status: "rejected",
      reason: mail.fromCount > 1 ? "This mail has more than one From address; Gensidig cannot tell who sent it." : "This mail has no From address.",
    };
  }

  const owner = await findOwnerByAddress(db, mail.from.address);
  if (owner) {
    const check = checkOwnerMail({
      headerFrom: mail.from.address,
      envelopeFrom: envelope.from,
      ownerAddresses: owner.addresses,
      arcHeaders: mail.headers["arc-authentication-results"] ?? [],
      requireDmarc: !config.allowUnauthenticatedOwnerMail,
    });
    if (!check.owner) {
      return { status: "rejected", reason: `Gensidig could not verify that this mail comes from ${mail.from.address} (${check.detail}).` };
    }
    return ownerMail(db, env, config, message, envelope, owner, mail, now);
  }

  const thread = await findThreadOwner(db, mail, envelope);
  if ("owner" in thread) {
    const owner = thread.owner;
    const inbound = { ownerAddresses: owner.addresses, assistantLocal: config.assistantLocal, assistantDomain: config.assistantDomain, suppressions: [] };
    return store(db, owner, envelope, understandInbound(mail, now, "thread-reply", inbound), now);
  }
  return { status: "rejected", reason: thread.refused };
}

/**
 * A reply on a shared thread: an owner is among the recipients, shared the mail it answers, and the sender
 * (header From and envelope agreeing) took part in that mail. Two D1 round trips: the standings, the owner.
 */
async function findThreadOwner(db: Db, mail: ParsedMail, envelope: Envelope): Promise<{ owner: OwnerWithAddresses } | { refused: string }> {
  const sender = mail.from!.address;
  const stranger = `Gensidig only accepts mail from the people it works for, and ${sender} is not one of them.`;
  const messageIds = [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x);
  const recipients = [...mail.to, ...mail.cc].map((a) => a.address);
  const standings = await threadStandings(db, { recipients, sender, messageIds });
  // The owner first named in To/Cc is the one the reply is recorded for, as a person reading it would say.
  standings.sort((a, b) => recipients.indexOf(a.recipient) - recipients.indexOf(b.recipient));
  const verdict = judgeThreadReply({ headerFrom: sender, envelopeFrom: envelope.from, standings });
  if (verdict.accepted) {
    const owner = await loadOwnerWithAddresses(db, verdict.ownerId);
    return owner ? { owner } : { refused: stranger };
  }
  if (verdict.reason === "no-thread") return { refused: stranger };
  return { refused: `${stranger} A reply is recorded only from someone who took part in the conversation, and this one was refused: ${verdict.detail}.` };
}

async function ownerMail(
  db: Db,
  env: Env,
  config: Config,
  message: ForwardableEmailMessage,
  envelope: Envelope,
  owner: OwnerWithAddresses,
  mail: ParsedMail,
  now: number,
): Promise<IngestOutcome> {
  const ownerId = owner.owner.id;
  const messageId = messageIdOf(mail);
  const threadIds = [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x);
  // One lookup answers both "was this mail delivered before?" and "which of its thread do we know?".
  const [known, suppressions] = await Promise.all([knownMessageIds(db, ownerId, [messageId, ...threadIds]), listSuppressions(db, ownerId)]);
  if (known.has(messageId)) return { status: "duplicate", ownerId };
  const answer = answerFor(env, config, message, owner, mail, now);
  let understanding: Understanding;
  try {
    understanding = understandOwnerMail({
      mail,
      envelopeTo: envelope.to,
      assistantLocal: config.assistantLocal,
      assistantDomain: config.assistantDomain,
      ownerAddresses: owner.addresses,
      knownMessageIds: known,
      suppressions,
      receivedAt: now,
    });
  } catch (err) {
    return deadLetter(db, owner, envelope, mail, `could not be understood: ${String(err)}`, now, answer);
  }

  if (understanding.kind === "command") {
    const claimed = await claimMessage(db, ownerId, understanding.message, now);
    if (!claimed) return { status: "duplicate", ownerId };
    await handleCommandMail({ db, env, config, owner, mail, plus: understanding.plus, now, answer });
    return { status: "command", ownerId };
  }
  const outcome = await store(db, owner, envelope, understanding, now);
  // RFC 3834 §2: automatic mail is never answered; only a forward the owner sent by hand is.
  if (outcome.status === "ignored" && understanding.kind === "ignored" && understanding.forwarded) {
    await answer({
      subject: `Ignored: ${mail.subject || "(no subject)"}`,
      text: `I did not add anyone from the mail you forwarded ("${mail.subject}"): it looks automated (${outcome.reason}).\n\nAutomated mail such as newsletters, out-of-office replies and notifications never becomes a contact. If this was a real person, write "help" to me to see what you can do.\n`,
    });
  } else if (outcome.status === "dead-letter") {
    await answer({
      subject: `Could not use: ${mail.subject || "(no subject)"}`,
      text: `I kept your mail ("${mail.subject}") but could not use it: ${outcome.reason}.\n\nIt is counted in your next digest. Forwarding the original mail as an attachment usually works.\n`,
    });
  }
  return outcome;
}

function answerFor(env: Env, config: Config, message: ForwardableEmailMessage, owner: OwnerWithAddresses, mail: ParsedMail, now: number) {
  return (answer: Parameters<typeof answerOwner>[1]) =>
    answerOwner(
      {
        incoming: message,
        incomingMessageId: mail.messageId,
        incomingSubject: mail.subject,
        assistantAddress: config.assistantAddress,
        assistantDomain: config.assistantDomain,
        ownerPrimaryAddress: owner.owner.primaryAddress,
        sendEmail: env.SEND_EMAIL,
        now,
      },
      answer,
    );
}

/** Records a command mail's Message-ID first, so a second delivery of the same mail acts on nothing. */
async function claimMessage(db: Db, ownerId: number, message: Understanding["message"], now: number): Promise<boolean> {
  try {
    await messageOnlyStatement(db, ownerId, message, now);
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const text = `${String(err)} ${String((err as { cause?: unknown })?.cause ?? "")}`;
  return /UNIQUE constraint failed/i.test(text);
}

type Statement = ReturnType<typeof captureStatements>[number];

/** What the lookup of existing contacts says of each person, in the shape the judgement reads. */
export function knownPeople(existing: ExistingContact[]): KnownPeople {
  return new Map(
    existing.map((c) => [c.address, { exchanged: c.inboundCount + c.outboundCount > 0, lastYouAskedAt: c.lastYouAskedAt, lastInboundAt: c.lastInboundAt }]),
  );
}

/** Everyone a capture names: the people it is with, and those it was written to alongside the owner. */
export function addressesOf(understanding: Understanding): string[] {
  if (understanding.kind !== "capture") return [];
  return understanding.events.flatMap((e) => [e.address, ...e.alongside.map((a) => a.address)]);
}

/**
 * The writes one understood mail needs, and the outcome they stand for. `known` says what is known of the
 * people in it; the judgement updates it, so the next mail of a batch sees this one.
 */
export function writePlan(
  db: Db,
  owner: OwnerWithAddresses,
  envelope: Envelope,
  understanding: Exclude<Understanding, { kind: "command" }>,
  known: KnownPeople,
  now: number,
): { statements: Statement[]; outcome: IngestOutcome } {
  const ownerId = owner.owner.id;
  const event = {
    ownerId,
    at: now,
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    messageId: understanding.message.messageId,
    subject: understanding.message.subject,
    size: envelope.rawSize,
  };
  if (understanding.kind === "ignored" || understanding.kind === "unreadable-forward") {
    const kind = understanding.kind === "ignored" ? "ignored" : "dead-letter";
    return {
      statements: [messageOnlyStatement(db, ownerId, understanding.message, now), mailEventStatement(db, { ...event, kind, reason: understanding.reason })],
      outcome: kind === "ignored" ? { status: "ignored", ownerId, reason: understanding.reason } : { status: "dead-letter", ownerId, reason: understanding.reason },
    };
  }
  const judged = judgeEvents(understanding.events, known, owner.owner.followUpDays);
  const statements = captureStatements(db, {
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
  return { statements, outcome: { status: "stored", ownerId, summary: understanding.summary, contacts: new Set(judged.events.map((e) => e.address)).size } };
}

export async function runBatch(db: Db, statements: Statement[]) {
  if (statements.length) await db.batch(statements as [Statement, ...Statement[]]);
}

/** Drops the events of an inline forward that the person already has, because the owner BCC'd that mail. */
async function withoutKnownForwards(db: Db, ownerId: number, u: Extract<Understanding, { kind: "capture" }>) {
  const events = [];
  for (const e of u.events) {
    if (e.source === "forward" && e.messageId.endsWith(INLINE_FORWARD_ID_SUFFIX) && (await hasSameMail(db, ownerId, e))) continue;
    events.push(e);
  }
  return events.length === u.events.length ? u : { ...u, events };
}

/** Writes what a mail means in one db.batch (one D1 transaction). */
export async function store(db: Db, owner: OwnerWithAddresses, envelope: Envelope, understanding: Understanding, now: number): Promise<IngestOutcome> {
  if (understanding.kind === "command") throw new Error("command mail reached the store step");
  try {
    if (understanding.kind === "capture") understanding = await withoutKnownForwards(db, owner.owner.id, understanding);
    const addresses = addressesOf(understanding);
    const existing = addresses.length ? await findContactsByAddress(db, owner.owner.id, addresses) : [];
    const plan = writePlan(db, owner, envelope, understanding, knownPeople(existing), now);
    await runBatch(db, plan.statements);
    return plan.outcome;
  } catch (err) {
    if (isUniqueViolation(err)) return { status: "duplicate", ownerId: owner.owner.id };
    console.error(`storing ${understanding.message.messageId} failed: ${String(err)}`);
    return deadLetterRecord(db, {
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

export async function deadLetterRecord(db: Db, input: Omit<Parameters<typeof mailEventStatement>[1], "kind">): Promise<IngestOutcome> {
  // If even this write fails, the error propagates: the delivery fails and the sender's server retries,
  // which beats accepting a mail and losing it.
  await mailEventStatement(db, { ...input, kind: "dead-letter" });
  return { status: "dead-letter", ownerId: input.ownerId!, reason: input.reason };
}

async function deadLetter(
  db: Db,
  owner: OwnerWithAddresses,
  envelope: Envelope,
  mail: ParsedMail,
  reason: string,
  now: number,
  answer: (a: { subject: string; text: string }) => Promise<unknown>,
): Promise<IngestOutcome> {
  const outcome = await deadLetterRecord(db, {
    ownerId: owner.owner.id,
    at: now,
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    messageId: mail.messageId,
    subject: mail.subject,
    reason,
    size: envelope.rawSize,
  });
  await answer({ subject: `Could not use: ${mail.subject || "(no subject)"}`, text: `I kept your mail but could not use it: ${reason}.\n` });
  return outcome;
}
