// Carries out a command mail's lines against the owner's data. Reads first (the digest the reply answers,
// the contacts named), then each line through its verb's entry (registry.ts): the "batch" verbs' changes go
// to D1 in one batch, then the "after" verbs run and see them (settings as they now stand, a fresh digest,
// an export, status).
import { contactsByAddress, contactsByName, digestItemsWithContacts, personRows } from "../db/command-store";
import type { Contact, Owner } from "../db/schema";
import { verifyDigestToken } from "../digest/token";
import type { Config } from "../env";
import type { OutgoingAttachment } from "../mail/compose";
import { isFailure, type LineOutcome, type TokenProblem } from "./outcome";
import { isParseError, type Command, type ParsedLine } from "./parse";
import { nameLookup } from "./resolve";
import { entryFor, type RunContext, type TokenState } from "./registry";
import { ownerAfterBatch, ownerPatchStatement } from "./verbs/owner";

export interface CommandRun {
  /** The rare lines load drizzle for their queries (db/drizzle-later.ts); the common ones bind command-sql.ts. */
  d1: D1Database;
  sendEmail: SendEmail;
  config: Config;
  owner: Owner;
  now: number;
  /** The plus part of the reply address: the digest token, when the mail answers a digest. */
  token: string | null;
  /** The command mail's own Message-ID, kept with notes it adds. */
  messageId: string | null;
  /** The owner's own addresses: never made into contacts. */
  ownAddresses: string[];
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
  /** The answer's Reply-To, when it carries a numbered list (`status`). */
  replyTo: string | null;
}

export interface Refusal {
  problem: TokenProblem;
  /** The lines that were read and not run, to quote back. */
  lines: string[];
  /** The assistant's plain address, where address commands work without a digest. */
  plainAddress: string;
}

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
  const items = await digestItemsWithContacts(run.d1, run.owner.id, verdict.digestId);
  return items ? { valid: true, items } : { valid: false, problem: "unknown-digest" };
}


async function lookups(run: CommandRun, commands: Command[]) {
  const needs = commands.map((c) => entryFor(c.verb).needs?.(c) ?? {});
  const addresses = needs.flatMap((n) => n.addresses ?? []);
  const names = needs.flatMap((n) => n.names ?? []);
  const token: TokenState = run.token || needs.some((n) => n.items) ? await tokenState(run) : { valid: false, problem: "missing" };
  const [byAddress, named] = await Promise.all([
    addresses.length ? contactsByAddress(run.d1, run.owner.id, addresses) : Promise.resolve([] as Contact[]),
    names.length ? contactsByName(run.d1, run.owner.id, names.map(nameLookup)) : Promise.resolve([] as Contact[]),
  ]);
  const people = await personRows(run.d1, run.owner.id, [...byAddress, ...(token.valid ? token.items.map((i) => i.contact) : [])]);
  return { token, byAddress: new Map(byAddress.map((c) => [c.address, c])), people, named };
}

export async function executeCommands(run: CommandRun, parsed: { lines: ParsedLine[]; skipped: number }): Promise<Execution> {
  const { owner } = run;
  const commands = parsed.lines.map((l) => l.result).filter((r): r is Command => !isParseError(r));
  const found = await lookups(run, commands);
  // A reply address that does not verify was not made for this owner and this digest: the whole mail is
  // suspect (altered, replayed, or someone else's), so no line of it runs.
  if (!found.token.valid && found.token.problem !== "missing") {
    const refused = { problem: found.token.problem, lines: parsed.lines.map((l) => l.line), plainAddress: run.config.assistantAddress };
    return { outcomes: [], skipped: parsed.skipped, refused, owner, attachments: [], replyTo: null };
  }
  const ctx: RunContext = {
    run,
    owner,
    statements: [],
    patch: {},
    timeZone: owner.timeZone,
    gone: new Set(),
    attachments: [],
    replyTo: null,
    ...found,
  };

  const outcomes: Array<LineOutcome | { line: string; later: Command }> = [];
  const carryOut = async (line: string, command: Command): Promise<LineOutcome> => {
    const result = await entryFor(command.verb).run(ctx, command);
    return isFailure(result) ? { line, ok: false, result } : { line, ok: true, verb: command.verb, result };
  };
  for (const { line, result: command } of parsed.lines) {
    if (isParseError(command)) {
      outcomes.push({ line, ok: false, result: { code: command.error, verb: command.verb, word: command.word, suggestion: command.suggestion } });
    } else if (entryFor(command.verb).phase === "after") {
      outcomes.push({ line, later: command });
    } else {
      outcomes.push(await carryOut(line, command));
    }
  }

  const statements = [...ctx.statements, ...(await ownerPatchStatement(ctx))];
  if (statements.length) await run.d1.batch(statements);
  await ownerAfterBatch(ctx);

  const final: LineOutcome[] = [];
  for (const o of outcomes) final.push("later" in o ? await carryOut(o.line, o.later) : o);
  return { outcomes: final, skipped: parsed.skipped, refused: null, owner: ctx.owner, attachments: ctx.attachments, replyTo: ctx.replyTo };
}
