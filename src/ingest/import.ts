// Backfill: the owner's past mail, through the same rules as live mail (understand.ts), many at a time.
// Mail the owner sent is outbound to its recipients; mail they received is the sender's inbound mail.
import { CaptureWrites, findContactsByAddressOrName, knownMessageIds } from "../db/capture";
import type { OwnerWithAddresses } from "../db/owner-lookup";
import type { Config } from "../env";
import { parseMail } from "../mail/parse";
import type { ParsedMail } from "../mail/types";
import type { IngestOutcome } from "./outcome";
import { isUniqueViolation } from "../db/errors";
import { Namesakes, namesToLookUp } from "./namesakes";
import { addressesOf, deadLetterRecord, IMPORT_ENVELOPE_TO, knownPeople, runBatch, writePlan, type Envelope } from "./store";
import { isSuppressed, messageIdOf, understandInbound, understandOwnerMail, type Understanding } from "./understand";

export interface ImportContext {
  d1: D1Database;
  config: Config;
  owner: OwnerWithAddresses;
  suppressions: string[];
  now: number;
}

type Understood = { envelope: Envelope; understanding: Exclude<Understanding, { kind: "command" }> };
/** A past mail that is not written: its outcome, and what a delivery report says of the address it failed for. */
type Counted = { outcome: IngestOutcome; bounced?: { addresses: string[]; at: number } };

/**
 * What one past mail means. Automated mail is counted by the caller but not written, so an import of
 * years of newsletters does not flood the next digest's "ignored" line.
 */
function understandPast(ctx: ImportContext, mail: ParsedMail, known: Set<string>, rawSize: number): Understood | Counted {
  const ownerId = ctx.owner.owner.id;
  const ignored = (reason: string): Counted => ({ outcome: { status: "ignored", ownerId, reason } });
  if (mail.fromCount !== 1 || !mail.from) return ignored("no single From address");
  // Google Takeout exports "All mail Including Spam and Trash": what the owner's provider filed as spam is no one
  // the owner corresponds with (a phishing mail under a contact's name least of all).
  if (inSpamFolder(mail)) return ignored("in your Spam folder");
  const envelope: Envelope = { from: mail.from.address, to: IMPORT_ENVELOPE_TO, rawSize };
  let understanding: Understanding;
  if (ctx.owner.addresses.includes(mail.from.address)) {
    understanding = understandOwnerMail({
      mail,
      envelopeTo: ctx.config.assistantAddress,
      assistantLocal: ctx.config.assistantLocal,
      assistantDomain: ctx.config.assistantDomain,
      ownerAddresses: ctx.owner.addresses,
      ownerName: ctx.owner.owner.name,
      knownMessageIds: known,
      suppressions: ctx.suppressions,
      receivedAt: ctx.now,
      source: "import",
    });
  } else if (isSuppressed(mail.from.address, ctx.suppressions)) {
    return ignored("an address you asked to ignore");
  } else {
    understanding = understandInbound(mail, ctx.now, "import", {
      ownerName: ctx.owner.owner.name,
      ownerAddresses: ctx.owner.addresses,
      assistantLocal: ctx.config.assistantLocal,
      assistantDomain: ctx.config.assistantDomain,
      suppressions: ctx.suppressions,
    });
  }
  // Mail to no one but the owner or the assistant: a command is never run from an import.
  if (understanding.kind === "command") return ignored("a mail to no one but yourself");
  // A delivery report is counted too, and marks the address it failed for.
  if (understanding.kind === "ignored") return { ...ignored(understanding.reason), bounced: understanding.bounced };
  return { envelope, understanding };
}

/** Gmail's labels on an exported mail (X-Gmail-Labels: "Inbox,Spam,Category Promotions"). */
function inSpamFolder(mail: ParsedMail): boolean {
  return (mail.headers["x-gmail-labels"] ?? []).some((v) => v.split(",").some((label) => label.trim().toLowerCase() === "spam"));
}

const isCounted = (x: Understood | Counted): x is Counted => "outcome" in x;

async function parseAll(raws: Uint8Array[]): Promise<Array<ParsedMail | Error>> {
  const out: Array<ParsedMail | Error> = [];
  for (const raw of raws) {
    try {
      out.push(await parseMail(raw));
    } catch (err) {
      out.push(err instanceof Error ? err : new Error(String(err)));
    }
  }
  return out;
}

/**
 * Imports mail in mailbox order with a fixed number of D1 round trips per batch, not per mail: one lookup
 * of the Message-IDs (duplicates and threads), one of the people, and one db.batch for every write. A
 * reply later in the batch sees the mail it answers, because the batch's own ids count as known. If the
 * batch's transaction fails (say, a concurrent import stored one of the mails first), each mail is retried
 * on its own, so one bad mail never costs the others.
 */
export interface ImportResult {
  outcomes: IngestOutcome[];
  /** People who had no contact before this batch. */
  newContacts: number;
}

export async function importMails(ctx: ImportContext, raws: Uint8Array[]): Promise<ImportResult> {
  const { d1, owner, now } = ctx;
  const ownerId = owner.owner.id;
  const parsed = await parseAll(raws);
  const ids = parsed.flatMap((m) => (m instanceof Error ? [] : [messageIdOf(m), m.inReplyTo, ...m.references].filter((x): x is string => !!x)));
  const knownIds = new Set((await knownMessageIds(d1, ownerId, ids)).keys());

  const outcomes: Array<IngestOutcome | null> = [];
  const plans: Array<{ index: number; item: Understood }> = [];
  const bounces: Array<NonNullable<Counted["bounced"]>> = [];
  for (const [index, mail] of parsed.entries()) {
    if (mail instanceof Error) {
      outcomes.push({ status: "dead-letter", ownerId, reason: `unreadable MIME (${mail.message.slice(0, 120)})` });
      continue;
    }
    const id = messageIdOf(mail);
    if (knownIds.has(id)) {
      outcomes.push({ status: "duplicate", ownerId });
      continue;
    }
    const result = understandPast(ctx, mail, knownIds, raws[index].byteLength);
    // Known from here on: a second copy in this batch is a duplicate, and a reply to it is on a known thread.
    knownIds.add(id);
    if (isCounted(result)) {
      outcomes.push(result.outcome);
      if (result.bounced) bounces.push(result.bounced);
      continue;
    }
    if (result.understanding.kind === "capture") for (const extra of result.understanding.extraMessages) knownIds.add(extra.messageId);
    outcomes.push(null);
    plans.push({ index, item: result });
  }

  const addresses = plans.flatMap((p) => addressesOf(p.item.understanding));
  const names = namesToLookUp(plans.flatMap((p) => (p.item.understanding.kind === "capture" ? p.item.understanding.events : [])));
  const existing = await findContactsByAddressOrName(d1, ownerId, addresses, names);
  // In mailbox order: writePlan records each mail's people in `known`, so a later mail of the batch sees them; the
  // namesakes see them too, so an address that changes within the batch is found.
  const known = knownPeople(existing);
  const namesakes = new Namesakes(existing);
  const counted = new Set(known.keys());
  // Every write of the batch, gathered by table (CaptureWrites): a few multi-row statements, not some four a mail.
  const writes = new CaptureWrites(ownerId, now);
  for (const b of bounces) writes.bounced(b.addresses, b.at);
  let newContacts = 0;
  for (const { index, item } of plans) {
    const u = item.understanding;
    const understanding = u.kind === "capture" ? { ...u, events: namesakes.mark(u.events) } : u;
    outcomes[index] = writePlan(writes, owner, item.envelope, understanding, known, now);
    if (item.understanding.kind !== "capture") continue;
    for (const e of item.understanding.events) {
      if (!counted.has(e.address)) newContacts++;
      counted.add(e.address);
    }
  }
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome?.status === "dead-letter" && parsed[index] instanceof Error) {
      writes.mailEvent({ ownerId, kind: "dead-letter", at: now, envelopeFrom: null, envelopeTo: IMPORT_ENVELOPE_TO, messageId: null, subject: null, reason: `import: ${outcome.reason}`, size: raws[index].byteLength });
    }
  }
  try {
    await runBatch(d1, writes.statements(d1));
    return { outcomes: outcomes as IngestOutcome[], newContacts };
  } catch (err) {
    if (raws.length === 1) return { outcomes: [await storeFailed(ctx, raws[0], err)], newContacts: 0 };
    console.warn(`import batch of ${raws.length} failed as a whole (${String(err)}); retrying mail by mail`);
    const one: ImportResult = { outcomes: [], newContacts: 0 };
    for (const raw of raws) {
      const result = await importMails(ctx, [raw]);
      one.outcomes.push(...result.outcomes);
      one.newContacts += result.newContacts;
    }
    return one;
  }
}

async function storeFailed(ctx: ImportContext, raw: Uint8Array, err: unknown): Promise<IngestOutcome> {
  const ownerId = ctx.owner.owner.id;
  if (isUniqueViolation(err)) return { status: "duplicate", ownerId };
  return deadLetterRecord(ctx.d1, {
    ownerId,
    at: ctx.now,
    envelopeFrom: null,
    envelopeTo: IMPORT_ENVELOPE_TO,
    messageId: null,
    subject: null,
    reason: `import: could not be stored: ${String(err).slice(0, 300)}`,
    size: raw.byteLength,
  });
}
