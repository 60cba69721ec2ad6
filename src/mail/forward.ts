// Understands a mail the owner forwarded to the assistant: who wrote the original, to whom, when and
// about what, and what the owner wrote above it. email-forward-parser reads the forwarded block; this
// module finds the block first, in shapes the library misses (Danish separators, Outlook's "Original
// Message" with tabs or blank lines, bare header blocks, bold labels, wrapped subjects, HTML-only mail),
// hands it the block's headers in canonical form, and cuts the body itself. A forward sent as a
// message/rfc822 attachment is read from the attached message's own headers.

import EmailForwardParser, { type EmailForwardMailbox, type EmailForwardResult } from "email-forward-parser";
import { offsetOfDateHeader, parseForwardedDate } from "./forward/date";
import { htmlToText } from "./html";
import { normalizeAddress } from "./address";
import {
  type HeaderField,
  type HeaderLine,
  type MarkerStrength,
  dateAboveFrom,
  isForwardEnd,
  matchHeaderLine,
  matchSeparator,
  unbold,
} from "./forward/markers";
import { cleanNote } from "./forward/note";
import { BIDI_CONTROLS, mailboxIn } from "./reply";
import { hasForwardPrefix, hasReplyPrefix } from "./subject";
import type { Address, ParsedMail } from "./types";

export interface ForwardedOriginal {
  /** The original sender. */
  from: Address | null;
  /** The sender's name when the block gives a name and no address ("From: John Doe"); else null. */
  senderName: string | null;
  to: Address[];
  cc: Address[];
  /** The original subject, joined back into one line when the client wrapped it. */
  subject: string | null;
  /**
   * When the original was sent, in ms. Clients print it in the forwarder's local time and most omit
   * the zone; then the offset of the forward's own Date header is assumed (the forwarder's zone on the
   * day they forwarded, so it can be an hour off across a DST change), or UTC when that is missing too.
   */
  date: number | null;
  /** The forwarded message's own text, without its header block, bounded. */
  body: string;
  /** What the owner wrote above the forwarded block, without client signatures; "" when nothing. */
  note: string;
  /** The original's headers when the forward carried the whole message (message/rfc822), else null. */
  headers: Record<string, string[]> | null;
  /** The original's delivery-status parts when it came whole and was a delivery report (bounce.ts). */
  deliveryStatus?: string[];
  /** Which shape matched: gmail, outlook, apple, thunderbird, yahoo, header-block, rfc822-attachment, generic. */
  format: string;
}

/** Text searched for a forwarded block; the block sits near the top of a mail. */
export const MAX_SCAN_CHARS = 64 * 1024;
/**
 * Longest line handed to email-forward-parser. Without RE2 several of its patterns (".+" three times on
 * one line) backtrack polynomially: under Node a crafted 1 KB line cost 0.1 s and a 7 KB one 14 s. Real
 * header lines, even Yahoo's run-on one, are far shorter, and the library never sees the body here.
 */
export const MAX_LIBRARY_LINE_CHARS = 1000;
/**
 * Text, and longest line, handed to the library when only its own patterns recognise the block (other
 * languages, Outlook's "On … wrote:" forwards). Here it sees body lines too, so both are kept short:
 * a crafted mail then costs tens of milliseconds, not seconds.
 */
export const MAX_LIBRARY_FALLBACK_CHARS = 4 * 1024;
const MAX_LIBRARY_FALLBACK_LINE_CHARS = 500;
/** The original's body we keep: enough for a snippet and intent classification. */
export const MAX_FORWARD_BODY_CHARS = 16 * 1024;
/** Header lines read in one forwarded block; real ones have four to seven. */
const MAX_HEADER_LINES = 16;
/** Blank lines allowed between a separator and the first header (Apple Mail and Outlook put one). */
const MAX_LEADING_BLANK_LINES = 3;
/** A header line at least this long may have been wrapped by the client; shorter ones were not. */
const WRAP_MIN_COLUMN = 60;
/** A block without a separator needs a From line and this many of Date, To and Subject. */
const MIN_BARE_BLOCK_FIELDS = 2;
/** The separator email-forward-parser knows best (Gmail's), put in front of every block we hand it. */
const CANONICAL_SEPARATOR = "---------- Forwarded message ---------";

const CANONICAL_LABELS: [HeaderField, string][] = [
  ["from", "From"],
  ["date", "Date"],
  ["to", "To"],
  ["cc", "Cc"],
  ["subject", "Subject"],
];

let library: EmailForwardParser | null = null;

/** The parser compiles a few hundred regexes when built, so build it once, when first needed. */
function forwardParser(): EmailForwardParser {
  library ??= new EmailForwardParser();
  return library;
}

interface HeaderBlock {
  lines: HeaderLine[];
  /** Index of the first line of the original's body. */
  bodyStart: number;
}

interface Block {
  format: string;
  /** Index of the separator line, or of the From line when the block has none. */
  start: number;
  /** The header lines, or null when they are not one per line (Yahoo runs them onto the separator). */
  headers: HeaderBlock | null;
}

function prepare(text: string): string {
  return text
    .slice(0, MAX_SCAN_CHARS)
    .replace(/\r\n?/g, "\n")
    .replace(/\uFEFF/g, "")
    // No-break spaces: Outlook pads with U+00A0, Gmail writes "9:15\u202FAM".
    .replace(/[\u00A0\u202F]/g, " ")
    // Direction marks and embeddings around Hebrew and Arabic names and dates: invisible, and no label expects them.
    .replace(BIDI_CONTROLS, "");
}

/** Removes quote marks (Apple Mail quotes a forward with ">"), keeping any indentation after them. */
function unquote(line: string): string {
  return line.replace(/^(?:[ \t]*>)+ ?/, "");
}

function field(block: HeaderBlock, name: HeaderField): string | null {
  return block.lines.find((l) => l.field === name)?.value ?? null;
}

/**
 * A line that does not start with a label continues the header above it when it is folded (starts with
 * white space, RFC 5322 §2.2.3), when another header follows it, or when the header line above was long
 * enough to have been wrapped and a blank line closes the block right after.
 */
function continuesHeader(line: string, previous: string, next: string | undefined): boolean {
  if (/^[ \t]/.test(line)) return true;
  const after = next === undefined ? "" : unquote(next).trim();
  if (after && matchHeaderLine(after)) return true;
  return previous.length >= WRAP_MIN_COLUMN && after === "";
}

/** The field of the header line right after the blank line at `i`, or null when the block ends there. */
function nextFieldAfterBlank(lines: string[], i: number): HeaderField | null {
  const next = lines[i + 1];
  if (next === undefined) return null;
  return matchHeaderLine(unquote(next).trim())?.field ?? null;
}

/**
 * Reads the header lines from `from` on. `closing` is the separator that opened the block: Zoho prints it again
 * right under the headers ("============ Forwarded message ============"), and the body starts below it.
 */
function readHeaderBlock(lines: string[], from: number, closing?: string): HeaderBlock | null {
  let i = from;
  for (let blanks = 0; blanks < MAX_LEADING_BLANK_LINES && i < lines.length && !unquote(lines[i]).trim(); blanks++) {
    i++;
  }
  const out: HeaderLine[] = [];
  let previous = "";
  while (i < lines.length && out.length < MAX_HEADER_LINES) {
    const line = unquote(lines[i]);
    const trimmed = line.trim();
    if (!trimmed) {
      if (!out.length) return null;
      // Some Outlook versions put a blank line between the fields: the block goes on while the next line is
      // a field it does not have yet.
      const next = nextFieldAfterBlank(lines, i);
      if (next !== null && !out.some((l) => l.field === next)) {
        i++;
        continue;
      }
      return { lines: out, bodyStart: i + 1 };
    }
    const header = matchHeaderLine(trimmed);
    if (header) {
      out.push(header);
      previous = trimmed;
    } else if (!out.length) {
      return null;
    } else if (trimmed === closing) {
      return { lines: out, bodyStart: i + 1 };
    } else if (continuesHeader(line, previous, lines[i + 1])) {
      const last = out[out.length - 1];
      last.value = `${last.value} ${trimmed}`.trim();
      previous = trimmed;
    } else {
      // New Outlook for Mac starts the body right under the last header, with no blank line.
      return { lines: out, bodyStart: i };
    }
    i++;
  }
  return out.length ? { lines: out, bodyStart: i } : null;
}

/**
 * Yandex heads the forwarded mail with one line under its separator instead of a header block:
 * `03.02.2025, 16:12, "Иван Петров" <ivan@example.ru>:`: a date and time, then the sender, then a colon.
 */
const DATED_SENDER = /^(.{4,60}?\d{1,2}[:.]\d{2})[ \t]*,[ \t]*([^<>]{0,80}<[^<>\s]+@[^<>\s]+>)[ \t]*:$/u;

/** The sender and date of a dated sender line at `from` (blank lines above it allowed), as a header block. */
function datedSenderLine(lines: string[], from: number): HeaderBlock | null {
  let i = from;
  for (let blanks = 0; blanks < MAX_LEADING_BLANK_LINES && i < lines.length && !unquote(lines[i]).trim(); blanks++) i++;
  const m = i < lines.length ? DATED_SENDER.exec(unquote(lines[i]).trim()) : null;
  if (!m) return null;
  return { lines: [{ field: "from", value: m[2].trim() }, { field: "date", value: m[1].trim() }], bodyStart: i + 1 };
}

function isBareBlock(block: HeaderBlock): boolean {
  const present = (["date", "to", "subject"] as const).filter((f) => field(block, f) !== null);
  return present.length >= MIN_BARE_BLOCK_FIELDS;
}

/** Whether a bare header block (no separator above it) starts at line `i`: at its From line, or at a date line above it. */
function startsBareBlock(lines: string[], i: number, line: string): boolean {
  const field = matchHeaderLine(line)?.field;
  if (field === "from") return true;
  return field === "date" && i + 1 < lines.length && dateAboveFrom(line, unquote(lines[i + 1]).trim()) !== null;
}

/**
 * The first forwarded block the subject allows. Words that say "forwarded" count unless the mail is a
 * reply; Outlook's "Original Message", its rule line and a bare header block open replies just as
 * often, so they count only under a forward tag (FW:, Fwd:, VS:, WG:, …).
 */
function locateBlock(lines: string[], subject: string): Block | null {
  const strongAllowed = !hasReplyPrefix(subject);
  const weakAllowed = hasForwardPrefix(subject);
  if (!strongAllowed && !weakAllowed) return null;
  const allowed = (strength: MarkerStrength) => (strength === "strong" ? strongAllowed : weakAllowed);
  for (let i = 0; i < lines.length; i++) {
    const line = unquote(lines[i]).trim();
    if (!line) continue;
    const separator = matchSeparator(line);
    if (separator) {
      if (!allowed(separator.strength)) continue;
      if (separator.trailing) return { format: separator.format, start: i, headers: null };
      const headers = readHeaderBlock(lines, i + 1, line) ?? datedSenderLine(lines, i + 1);
      if (separator.strength === "strong" && !separator.needsFrom) return { format: separator.format, start: i, headers };
      if (headers && field(headers, "from") !== null) return { format: separator.format, start: i, headers };
      continue;
    }
    if (weakAllowed && startsBareBlock(lines, i, line)) {
      const headers = readHeaderBlock(lines, i);
      if (headers && isBareBlock(headers)) return { format: "header-block", start: i, headers };
      // Lines already read as headers cannot start a better block; skipping them keeps the scan linear.
      if (headers) i = Math.max(i, headers.bodyStart - 1);
    }
  }
  return null;
}

function libraryLines(lines: string[], maxLine = MAX_LIBRARY_LINE_CHARS): string {
  return lines.map((line) => line.slice(0, maxLine)).join("\n");
}

/**
 * The block's headers rewritten the way email-forward-parser reads them best: Gmail's separator and
 * English labels, one per line. The body stays out: it is ours to cut, and the library's patterns are
 * slow on long lines.
 */
function canonicalHeaders(lines: string[], block: Block): string {
  if (!block.headers) {
    const separatorLine = unquote(lines[block.start]).trim();
    const trailing = matchSeparator(separatorLine)?.trailing ?? "";
    // Yahoo's own separator is known to the parser, whose loose patterns read the headers run onto it.
    return libraryLines(block.format === "yahoo" ? [separatorLine] : [CANONICAL_SEPARATOR, trailing]);
  }
  const headerLines = [CANONICAL_SEPARATOR];
  for (const [name, label] of CANONICAL_LABELS) {
    const value = field(block.headers, name);
    if (value) headerLines.push(`${label}: ${value}`);
  }
  return libraryLines(headerLines);
}

/** How many `>` levels a line is quoted at. */
function quoteDepth(line: string): number {
  return (line.match(/^(?:[ \t]*>)+/)?.[0].match(/>/g) ?? []).length;
}

/**
 * The original's body: the lines after its header block, without the quote marks of the forward itself (a
 * forward quoted inside a reply, or Apple Mail's, is `>`-quoted as a whole). Deeper quotes are the original's own: an answer
 * written below a quote keeps that quote's marks, so the reply split can tell the two apart.
 */
function bodyAfter(lines: string[], block: Block): string {
  const start = block.headers ? block.headers.bodyStart : block.start + 1;
  // Apple Mail quotes the forwarded headers and body but not its "Begin forwarded message:" line: the depth
  // is the first header line's.
  const first = lines.slice(block.start + 1, start + 1).find((l) => unquote(l).trim() !== "") ?? lines[block.start] ?? "";
  const depth = quoteDepth(first);
  const all = lines.slice(start);
  // Yandex closes the forwarded mail with a line of its own ("-------- Конец пересылаемого сообщения --------").
  const end = all.findIndex((l) => isForwardEnd(unquote(l).trim()));
  const body = end >= 0 ? all.slice(0, end) : all;
  // Proton quotes the forwarded text under an unquoted header block: when every line of the body is quoted
  // deeper than the headers, that level is the forward's own, not the original's.
  const visible = body.filter((l) => l.trim() !== "");
  const bodyDepth = visible.length && visible.every((l) => quoteDepth(l) > depth) ? depth + 1 : depth;
  if (bodyDepth === 0) return body.join("\n");
  const strip = new RegExp(`^(?:[ \\t]*>){${bodyDepth}} ?`);
  return body.map((l) => l.replace(strip, "")).join("\n");
}

function toAddress(mailbox: EmailForwardMailbox | null | undefined): Address | null {
  const address = normalizeAddress(mailbox?.address);
  if (!address) return null;
  const name = (mailbox?.name ?? "")
    .replace(/^["'\s]+|["'\s]+$/g, "")
    .replace(/\s+/g, " ");
  return name && name.toLowerCase() !== address ? { address, name } : { address };
}

const NAME_WORD = String.raw`(?:\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*`;
const PERSON_NAME = new RegExp(`^${NAME_WORD}(?:,?[ ]${NAME_WORD}){0,3}$`, "u");

/** A sender printed as a name with no address ("From: John Doe"), cleaned; null when there is none. */
function nameOnly(mailbox: EmailForwardMailbox | null | undefined): string | null {
  if (!mailbox || normalizeAddress(mailbox.address)) return null;
  const name = unbold(mailbox.name ?? "")
    .replace(/^["'\s]+|["'\s]+$/g, "")
    .replace(/\s+/g, " ");
  // A name is one to four words, each capitalised (or in a script without case): not a sentence, an address or a URL.
  return name.length <= 80 && PERSON_NAME.test(name) ? name : null;
}

function toAddresses(value: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): Address[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map(toAddress).filter((a): a is Address => a !== null);
}

function boundBody(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_FORWARD_BODY_CHARS);
}

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Reads one candidate text (the plain part, or text made from the HTML part). */
function readInline(text: string, mail: ParsedMail, zoneOffset: number): ForwardedOriginal | null {
  const lines = prepare(text).split("\n");
  const block = locateBlock(lines, mail.subject);
  if (!block) return null;
  const parsed: EmailForwardResult = forwardParser().read(canonicalHeaders(lines, block));
  const email = parsed.forwarded ? parsed.email : null;
  const headers = block.headers;
  // With our own header block we know which fields the original had; the parser's loose patterns would
  // otherwise read an empty field from the next label on.
  const has = (name: HeaderField) => !headers || field(headers, name) !== null;
  const dateText = present(email?.date) ?? (headers ? field(headers, "date") : null);
  // The library gives up on some names ("Rasmus | LeadBoost <rasmus@…>"); our own header block still has the sender.
  const fromField = headers ? field(headers, "from") : null;
  const from = has("from") ? (toAddress(email?.from) ?? (fromField ? mailboxIn(fromField) : null)) : null;
  return {
    from,
    senderName: from ? null : nameOnly(email?.from),
    to: has("to") ? toAddresses(email?.to) : [],
    cc: has("cc") ? toAddresses(email?.cc) : [],
    subject: has("subject") ? present(email?.subject ?? (headers && field(headers, "subject"))) : null,
    date: dateText ? parseForwardedDate(dateText, zoneOffset) : null,
    body: boundBody(bodyAfter(lines, block)),
    note: cleanNote(lines.slice(0, block.start).join("\n"), mail.subject),
    headers: null,
    format: block.format,
  };
}

/**
 * Forwards in shapes and languages only the library knows. It reads the whole text, so it must not take a
 * reply for a forward: it runs when our own reader found a forwarded block it could not read, or under a
 * forward tag, and never on a reply.
 */
function readWithLibraryOnly(text: string, mail: ParsedMail, zoneOffset: number, blockFound: boolean): ForwardedOriginal | null {
  if (hasReplyPrefix(mail.subject) || !(blockFound || hasForwardPrefix(mail.subject))) return null;
  const bounded = prepare(text).slice(0, MAX_LIBRARY_FALLBACK_CHARS);
  const parsed = forwardParser().read(libraryLines(bounded.split("\n"), MAX_LIBRARY_FALLBACK_LINE_CHARS), mail.subject);
  if (!parsed.forwarded) return null;
  const from = toAddress(parsed.email.from);
  const senderName = from ? null : nameOnly(parsed.email.from);
  if (!from && !senderName) return null;
  const dateText = present(parsed.email.date);
  return {
    from,
    senderName,
    to: toAddresses(parsed.email.to),
    cc: toAddresses(parsed.email.cc),
    subject: present(parsed.email.subject),
    date: dateText ? parseForwardedDate(dateText, zoneOffset) : null,
    body: boundBody(parsed.email.body ?? ""),
    note: cleanNote(parsed.message ?? "", mail.subject),
    headers: null,
    format: "generic",
  };
}

function fromAttachment(mail: ParsedMail, original: ParsedMail): ForwardedOriginal {
  return {
    from: original.from,
    senderName: null,
    to: original.to,
    cc: original.cc,
    subject: present(original.subject),
    date: original.date,
    body: boundBody(prepare(original.text)),
    note: cleanNote(prepare(mail.text), mail.subject),
    headers: original.headers,
    deliveryStatus: original.deliveryStatus,
    format: "rfc822-attachment",
  };
}

/** How much of the original a reading found; the better of the plain and HTML readings wins. */
function completeness(f: ForwardedOriginal | null): number {
  if (!f) return -1;
  return (f.from ? 2 : 0) + (f.date !== null ? 1 : 0) + (f.subject !== null ? 1 : 0) + (f.to.length ? 1 : 0);
}
const COMPLETE = 5;

/** A delivery report (RFC 3464) carries the bounced message as an attachment, but it is no forward. */
function isReport(mail: ParsedMail): boolean {
  return /^\s*multipart\/report\b/i.test(mail.headers["content-type"]?.[0] ?? "");
}

/**
 * Finds the forwarded original in a mail, or null when the mail is not a forward. A Fwd:/VS: subject
 * alone is not enough: there must be a forwarded header block or an attached message.
 */
export function findForward(mail: ParsedMail): ForwardedOriginal | null {
  const zoneOffset = offsetOfDateHeader(mail.headers["date"]?.[0]) ?? 0;
  let best = mail.text ? readInline(mail.text, mail, zoneOffset) : null;
  if (completeness(best) < COMPLETE && mail.html) {
    const fromHtml = readInline(htmlToText(mail.html), mail, zoneOffset);
    if (completeness(fromHtml) > completeness(best)) best = fromHtml;
  }
  if (best?.from) return best;
  const attached = mail.attachedMessages[0];
  if (attached && !isReport(mail)) return fromAttachment(mail, attached);
  // Our reader found no sender (labels or a separator it does not know): the library may.
  const viaLibrary = readWithLibraryOnly(mail.text, mail, zoneOffset, best !== null);
  if (viaLibrary && (viaLibrary.from || !best?.senderName)) return viaLibrary;
  return best;
}
