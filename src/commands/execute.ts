// Carries out a command mail's lines against the owner's data. Reads first (the digest the reply answers,
// the contacts named), then every change in one db.batch, then what must see those changes: settings and
// stats as they now stand, a fresh digest, an export.
import {
  addNote,
  contactNames,
  contactsByAddress,
  countUnmutedMatching,
  digestItemsWithContacts,
  forgetContact,
  historyCounts,
  listSuppressionPatterns,
  markDone,
  ownerStats,
  suppress,
  updateContact,
  updateOwner,
  type ItemKind,
  type NumberedItem,
  type Statement,
} from "../db/commands";
import type { Db } from "../db/client";
import { findOwnerById, type OwnerSettingsPatch } from "../db/owners";
import type { Contact, Owner } from "../db/schema";
import { sendDigest } from "../digest/run";
import { isValidTimeZone } from "../digest/schedule";
import { verifyDigestToken } from "../digest/token";
import type { Config } from "../env";
import { exportByMail } from "../export";
import type { OutgoingAttachment } from "../mail/compose";
import { parseSnoozeDate } from "./dates";
import type { Done, Failure, LineOutcome, TokenProblem, Who } from "./outcome";
import { contactArgs, isParseError, nameSplits, type Command, type ContactArgs, type ParsedLine, type Target } from "./parse";
import { contactsNamed } from "./resolve";

/** People listed when a name fits several. */
const MAX_CANDIDATES = 5;

export interface CommandRun {
  db: Db;
  sendEmail: SendEmail;
  config: Config;
  owner: Owner;
  now: number;
  /** The plus part of the reply address: the digest token, when the mail answers a digest. */
  token: string | null;
  /** The command mail's own Message-ID, kept with notes it adds. */
  messageId: string | null;
}

export interface Execution {
  outcomes: LineOutcome[];
  skipped: number;
  /**
   * Set when the mail went to a digest reply address whose token did not verify. Then no line ran, not even
   * one that names a person by address: `outcomes` is empty, and the answer says why.
   */
  refused: Refusal | null;
  /** The owner as they are after this mail (a `language` line changes the answer's language). */
  owner: Owner;
  attachments: OutgoingAttachment[];
}

export interface Refusal {
  problem: TokenProblem;
  /** The lines that were read and not run, to quote back. */
  lines: string[];
  /** The assistant's plain address, where address commands work without a digest. */
  plainAddress: string;
}

type TokenState = { valid: true; items: NumberedItem[] } | { valid: false; problem: TokenProblem | "missing" };

/**
 * The plus parts of every assistant address on the mail arrive joined with "+" (a reply may reach
 * gensidig+<token>@ and also carry another plus word). Each distinct part is tried; one must verify.
 */
async function verifiedToken(run: CommandRun, token: string) {
  const parts = [...new Set(token.split("+").filter(Boolean))];
  let failure: Awaited<ReturnType<typeof verifyDigestToken>> = { valid: false, reason: "malformed" };
  for (const part of parts) {
    const verdict = await verifyDigestToken(run.config.tokenSecret, part, run.now);
    if (verdict.valid) return verdict;
    // Report the most telling failure: an expired real token says more than a stray word beside it.
    if (verdict.reason !== "malformed") failure = verdict;
  }
  return failure;
}

async function tokenState(run: CommandRun): Promise<TokenState> {
  if (!run.token) return { valid: false, problem: "missing" };
  const verdict = await verifiedToken(run, run.token);
  if (!verdict.valid) return { valid: false, problem: verdict.reason === "expired" ? "expired" : "forged" };
  if (verdict.ownerId !== run.owner.id) return { valid: false, problem: "other-owner" };
  const items = await digestItemsWithContacts(run.db, run.owner.id, verdict.digestId);
  return items ? { valid: true, items } : { valid: false, problem: "unknown-digest" };
}

const who = (c: Contact): Who => ({ name: c.name, address: c.address });

type ContactCommand = Extract<Command, { target: Target }>;
type Resolved = { contact: Contact; item: NumberedItem | null; args: ContactArgs } | Failure;

function isFailure(r: Resolved): r is Failure {
  return "code" in r;
}

interface Lookups {
  token: TokenState;
  byAddress: Map<string, Contact>;
  named: Contact[];
}

function resolve(command: ContactCommand, lookups: Lookups): Resolved {
  const { target } = command;
  if (target.kind === "item") {
    if (!lookups.token.valid) return { code: "no-digest" };
    const item = lookups.token.items.find((i) => i.number === target.number);
    if (!item) return { code: "no-item", number: target.number, count: lookups.token.items.length };
    return { contact: item.contact, item, args: command.args! };
  }
  if (target.kind === "address") {
    const contact = lookups.byAddress.get(target.address);
    return contact ? { contact, item: null, args: command.args! } : { code: "not-found", ref: target.address };
  }
  const splits = nameSplits(command.verb, target.words);
  for (const split of splits) {
    const found = contactsNamed(lookups.named, split.name);
    if (found.length === 0) continue;
    if (found.length > 1) {
      return { code: "ambiguous", ref: split.name.join(" "), candidates: found.slice(0, MAX_CANDIDATES).map(who) };
    }
    const args = contactArgs(command.verb, split.rest);
    if (isParseError(args)) return { code: args.error, verb: args.verb, word: args.word };
    return { contact: found[0], item: null, args };
  }
  return { code: "not-found", ref: (splits[splits.length - 1]?.name ?? target.words).join(" ") };
}

function isContactCommand(c: Command): c is ContactCommand {
  return "target" in c;
}

export async function executeCommands(run: CommandRun, parsed: { lines: ParsedLine[]; skipped: number }): Promise<Execution> {
  const { db, owner, now } = run;
  const commands = parsed.lines.map((l) => l.result).filter((r): r is Command => !isParseError(r));
  const contactCommands = commands.filter(isContactCommand);
  const addresses = contactCommands.flatMap((c) => (c.target.kind === "address" ? [c.target.address] : []));
  const token: TokenState =
    run.token || contactCommands.some((c) => c.target.kind === "item") ? await tokenState(run) : { valid: false, problem: "missing" };
  // A reply address that does not verify was not made for this owner and this digest: the whole mail is
  // suspect (altered, replayed, or someone else's), so no line of it runs.
  if (!token.valid && token.problem !== "missing") {
    const refused = { problem: token.problem, lines: parsed.lines.map((l) => l.line), plainAddress: run.config.assistantAddress };
    return { outcomes: [], skipped: parsed.skipped, refused, owner, attachments: [] };
  }
  const [byAddress, named] = await Promise.all([
    addresses.length ? contactsByAddress(db, owner.id, addresses) : Promise.resolve([]),
    contactCommands.some((c) => c.target.kind === "name") ? contactNames(db, owner.id) : Promise.resolve([]),
  ]);
  const lookups: Lookups = { token, byAddress: new Map(byAddress.map((c) => [c.address, c])), named };

  const statements: Statement[] = [];
  const patch: OwnerSettingsPatch = {};
  const forgotten = new Set<number>();
  let timeZone = owner.timeZone;
  const outcomes: Array<LineOutcome | { line: string; later: Command }> = [];
  const ok = (line: string, result: Done): LineOutcome => ({ line, ok: true, result });
  const fail = (line: string, result: Failure): LineOutcome => ({ line, ok: false, result });

  for (const { line, result: command } of parsed.lines) {
    if (isParseError(command)) {
      outcomes.push(fail(line, { code: command.error, verb: command.verb, word: command.word, suggestion: command.suggestion }));
      continue;
    }
    if (isContactCommand(command)) {
      const r = resolve(command, lookups);
      if (isFailure(r)) {
        outcomes.push(fail(line, r));
        continue;
      }
      if (forgotten.has(r.contact.id)) {
        outcomes.push(fail(line, { code: "already-forgotten", who: who(r.contact) }));
        continue;
      }
      outcomes.push(await contactCommand(run, line, r, statements, forgotten, timeZone));
      continue;
    }
    switch (command.verb) {
      case "ignore":
        outcomes.push(ok(line, { code: "ignored", pattern: command.pattern, muted: await countUnmutedMatching(db, owner.id, command.pattern) }));
        statements.push(...suppress(db, owner.id, command.pattern, now));
        break;
      case "pause":
      case "resume": {
        const paused = command.verb === "pause";
        outcomes.push(ok(line, { code: paused ? "paused" : "resumed", already: (patch.paused ?? owner.paused) === paused }));
        patch.paused = paused;
        break;
      }
      case "timezone": {
        if (!isValidTimeZone(command.timeZone)) {
          outcomes.push(fail(line, { code: "bad-timezone", word: command.timeZone }));
          break;
        }
        // Intl spells the zone canonically: "europe/copenhagen" is stored as "Europe/Copenhagen".
        timeZone = new Intl.DateTimeFormat("en-US", { timeZone: command.timeZone }).resolvedOptions().timeZone;
        patch.timeZone = timeZone;
        outcomes.push(ok(line, { code: "timezone", timeZone }));
        break;
      }
      case "language":
        patch.language = command.language;
        outcomes.push(ok(line, { code: "language", language: command.language }));
        break;
      case "schedule": {
        if (command.weekday !== null) patch.digestWeekday = command.weekday;
        if (command.hour !== null) patch.digestHour = command.hour;
        outcomes.push(
          ok(line, { code: "schedule", weekday: patch.digestWeekday ?? owner.digestWeekday, hour: patch.digestHour ?? owner.digestHour }),
        );
        break;
      }
      case "help":
        outcomes.push(ok(line, { code: "help" }));
        break;
      default:
        outcomes.push({ line, later: command });
    }
  }

  if (Object.keys(patch).length) statements.push(updateOwner(db, owner.id, patch));
  if (statements.length) await db.batch(statements as [Statement, ...Statement[]]);

  const after = Object.keys(patch).length ? ((await findOwnerById(db, owner.id)) ?? owner) : owner;
  const attachments: OutgoingAttachment[] = [];
  const final: LineOutcome[] = [];
  for (const o of outcomes) {
    if ("ok" in o) {
      final.push(o);
      continue;
    }
    final.push(await laterCommand(run, after, o.line, o.later, attachments));
  }
  return { outcomes: final, skipped: parsed.skipped, refused: null, owner: after, attachments };
}

async function contactCommand(
  run: CommandRun,
  line: string,
  r: { contact: Contact; item: NumberedItem | null; args: ContactArgs },
  statements: Statement[],
  forgotten: Set<number>,
  timeZone: string,
): Promise<LineOutcome> {
  const { db, owner, now } = run;
  const { contact, item, args } = r;
  const id = contact.id;
  const person = who(contact);
  const ok = (result: Done): LineOutcome => ({ line, ok: true, result });
  switch (args.verb) {
    case "done":
      statements.push(markDone(db, owner.id, id, now));
      return ok({ code: "done", who: person, item: item?.number ?? null });
    case "snooze": {
      const when = parseSnoozeDate(args.when, now, timeZone);
      if (!when.ok) return { line, ok: false, result: { code: "bad-date", reason: when.reason, word: args.when } };
      statements.push(updateContact(db, owner.id, id, { snoozedUntil: when.until, updatedAt: now }));
      return ok({ code: "snoozed", who: person, until: when.until });
    }
    case "never":
      statements.push(updateContact(db, owner.id, id, { muted: true, updatedAt: now }));
      return ok({ code: "muted", who: person });
    case "note":
      statements.push(addNote(db, owner.id, id, args.text, run.messageId, now));
      return ok({ code: "noted", who: person });
    case "cadence":
      statements.push(updateContact(db, owner.id, id, { cadenceDays: args.days, updatedAt: now }));
      return ok({ code: "cadence", who: person, days: args.days });
    case "private":
    case "professional":
      statements.push(updateContact(db, owner.id, id, { circle: args.verb, updatedAt: now }));
      return ok({ code: "circle", who: person, circle: args.verb });
    case "forget": {
      if (!args.confirmed) return ok({ code: "forget-ask", who: person });
      const counts = await historyCounts(db, owner.id, id);
      statements.push(...forgetContact(db, owner.id, id));
      forgotten.add(id);
      return ok({ code: "forgotten", who: person, ...counts });
    }
  }
}

async function laterCommand(run: CommandRun, owner: Owner, line: string, command: Command, attachments: OutgoingAttachment[]): Promise<LineOutcome> {
  const { db, now } = run;
  switch (command.verb) {
    case "settings": {
      const ignored = await listSuppressionPatterns(db, owner.id);
      const { language, timeZone, digestWeekday, digestHour, paused, followUpDays, cadenceProfessionalDays, cadencePrivateDays } = owner;
      return {
        line,
        ok: true,
        result: {
          code: "settings",
          settings: { language, timeZone, digestWeekday, digestHour, paused, followUpDays, cadenceProfessionalDays, cadencePrivateDays, ignored },
        },
      };
    }
    case "stats":
      return { line, ok: true, result: { code: "stats", stats: await ownerStats(db, owner.id, now) } };
    case "digest":
      try {
        const sent = await sendDigest(db, run.sendEmail, run.config, owner, now, null);
        return { line, ok: true, result: { code: "digest-sent", items: sent.items, to: sent.to } };
      } catch (err) {
        console.error(`digest on request for owner ${owner.id} failed: ${String(err)}`);
        return { line, ok: false, result: { code: "digest-failed" } };
      }
    case "export": {
      // One set of files however often the mail asks.
      const mailed = await exportByMail(db, run.config, owner, now, attachments.length === 0);
      attachments.push(...mailed.attachments);
      return { line, ok: true, result: mailed.result };
    }
    default:
      throw new Error(`command ${command.verb} is not run after the batch`);
  }
}
