// Splits a reply into what the person wrote now and what they quoted. Security-relevant: digest commands
// are read from newText only, so a command that sits inside a quote (the digest quoted back, a forwarded
// mail) must never come out as new text. When in doubt, text below a quote boundary is treated as quoted.
//
// email-reply-parser (crisp-oss) knows many attribution lines and signatures; it runs on the part we
// keep. In front of it we find quote boundaries it misses: Danish "-----Oprindelig meddelelse-----",
// German/French/Polish attributions, attributions that begin with the date, Outlook header blocks after a
// line of dashes or underscores, and bottom-posting (Thunderbird), where the new text sits below the quote.

import EmailReplyParser from "email-reply-parser";
import { normalizeAddress } from "./address";
import { isClientSignature } from "./client-signature";
import { DISCLAIMER, MAX_DISCLAIMER_PARAGRAPHS, SIGN_OFF_WORDS, SIGNED_AFTER_NAME } from "./sign-offs";
import { dateAboveFrom, HEADER_LABELS, labelAlternation } from "./forward/markers";
import { afterMeridiem, hourOfDay, meridiem, monthOfWord } from "./months";
import { parseForwardedDate } from "./forward/date";

/** Text we look at. The parser's regexes (without RE2) and ours must never see unbounded input. */
export const MAX_REPLY_SCAN_CHARS = 32 * 1024;
/**
 * Text handed to email-reply-parser: the tail of the new text, where signatures sit. Some of its
 * multi-line regexes backtrack badly without RE2 (crafted 8 KB took 0.5 s under Node, 1 KB a few ms).
 */
export const MAX_LIBRARY_CHARS = 1024;
/** Lines a sign-off may be followed by and still count as a signature (name, title, company, phone, web). */
export const MAX_SIGNATURE_BLOCK_LINES = 8;
/** Longest line that can belong to a signature block. */
export const MAX_SIGNATURE_LINE_CHARS = 80;
/** How far below a "From:" line the rest of an Outlook header block must start. */
const HEADER_BLOCK_REACH = 6;
/** Default length of a snippet: about two lines of a digest. */
export const SNIPPET_CHARS = 280;

export interface QuoteAttribution {
  name: string | null;
  address: string | null;
  /** Time written in the attribution, in ms. Attribution lines rarely carry a zone: without one the
   * wall-clock time is read as UTC. */
  date: number | null;
  /** The attribution as one line (a wrapped attribution joined; for a header block, its From line). */
  line: string;
}

type Boundary =
  | { kind: "attribution"; start: number; end: number; line: string }
  | { kind: "header-block"; start: number; end: number; fromLine: string; dateLine: string | null }
  | { kind: "separator"; start: number; end: number }
  | { kind: "quote"; start: number; end: number };

/** A quoted line: "> " by RFC 3676 convention, or "| " as some clients prefix (a table row ends in "|" too). */
const QUOTE_LINE = /^\s*(?:>|\|(?!.*\|\s*$))/;
/** How an attribution that a client wrapped over two lines begins: a starter word, a date, or an address. */
const ATTRIBUTION_START = /^\s*(on|den|am|le|el|il|il giorno|em|op|w dniu|dnia|vào|\d|[\p{L}]{2,4}\.?,?\s+\d)|<[^<>]*@/iu;
/** Longest continuation line of a wrapped attribution ("anna.holm@example.dk> wrote:"). */
const WRAPPED_TAIL_CHARS = 80;
/** Gmail wraps a long attribution over as many as three lines ("… via Founders" / "Circle <" / "list@x> wrote:"). */
const MAX_ATTRIBUTION_LINES = 3;

/** Line endings of an attribution, per language (RFC 3676 says nothing of them: each client has its own). */
const ATTRIBUTION_END = new RegExp(
  [
    String.raw`\bwrote\s*:`, // en
    String.raw`\bwrote on\b.*\d.*:`, // en: "Anna Holm wrote on 03/02/2025 09:12:"
    String.raw`\bskrev\b.*:`, // da, no, sv: "Den … skrev Anna Holm <a@x>:"
    String.raw`\bschrieb\b.*:`, // de: "Am … schrieb Anna:" and "Anna <a@x> schrieb am …:"
    String.raw`\bfolgendes geschrieben\s*:`, // de (Yahoo): "Am Montag, 3. Februar 2025, 09:12:34 MEZ hat Anna <a@x> Folgendes geschrieben:"
    String.raw`\bschreef\b.*:`, // nl
    String.raw`\bhet volgende geschreven\s*:`, // nl (Apple Mail): "Op … heeft Anna <a@x> het volgende geschreven:"
    String.raw`\bha scritto\s*:`, // it
    String.raw`(?<![\p{L}])написал(?:\(а\)|а)?\s*:`, // ru
    String.raw`(?<![\p{L}])пишет\s*:`, // ru (Thunderbird)
    String.raw`(?<![\p{L}])пише\s*:`, // uk
    String.raw`(?<![\p{L}])написав(?:\(ла\)|ла)?\s*:`, // uk
    String.raw`đã viết\s*:`, // vi
    String.raw`\byazdı\s*:`, // tr: "Anna <a@x>, 3 Şub 2025 Pzt, 09:12 tarihinde şunu yazdı:"
    String.raw`\bnapsal(?:\(a\)|a)?\s*:`, // cs: "po 3. 2. 2025 v 9:12 odesílatel Anna <a@x> napsal:"
    String.raw`[ée]crit\s*:`, // fr: "a écrit :"
    String.raw`\bpisze\s*:`, // pl
    String.raw`\bnapisa[łl](\(a\)|a)?\s*:`, // pl
    String.raw`\bwiadomość napisana przez\b.*:`, // pl (Apple Mail): "Wiadomość napisana przez Anna <a@x> w dniu 3 lut 2025, o godz. 09:12:"
    String.raw`\bescribi[óo]\s*:`, // es
    String.raw`\bscritto\s*:`, // it
    String.raw`\bescreveu\s*:`, // pt
    String.raw`\bkirjoitti\b.*:`, // fi: "… kirjoitti:", and Outlook's "Anna <a@x> kirjoitti 03/02/2025 10.12:"
    String.raw`(?<![\p{L}])ezt írta\b.*:`, // hu (Gmail): "Anna <a@x> ezt írta (időpont: 2025. febr. 3., H, 9:12):"
    String.raw`님이 작성\s*:`, // ko (Gmail): "2025년 2월 3일 (월) 오후 4:12, Anna <a@x>님이 작성:"
  ]
    .map((p) => `(?:${p})`)
    .join("|")
    // Every alternative closes the line: "Peter wrote: the 14th works" in a person's own text is no attribution.
    .replace(/^/, "(?:") + String.raw`)\s*$`,
  "iu",
);
/**
 * Attributions that are only a date, a time and the writer: Gmail's old "2026-11-03 10:12 GMT+01:00 Anna
 * <a@x>:" and Gmail in Russian, "пн, 3 февр. 2025 г. в 09:12, Anna <a@x>:". A year and a time, then the
 * address in angle brackets closing the line with a colon.
 */
const DATE_FIRST_ATTRIBUTION = /^\s*[^<>]{0,60}?\b(?:19|20)\d{2}\b[^<>]{0,30}?\b\d{1,2}[:.]\d{2}\b[^<>]{0,80}<[^<>]+@[^<>]+>\s*:\s*$/u;
/** Android mail apps: "---- Anna Holm wrote ----", "---- On Mon, 3 Feb 2025 Anna <a@x> wrote ----". */
const DASHED_ATTRIBUTION =
  /^\s*-{2,}\s*\S.{0,150}?\s(?:wrote|skrev|schrieb|a écrit|escribió|ha scritto|schreef|napisał\(a\)|написал\(а\)|escreveu)\s*-{2,}\s*$/iu;
const ADDRESS_IN_ANGLES = /<\s*(?:mailto:)?([^\s<>@]+@[^\s<>]+?)\s*>|\[mailto:([^\s\]]+@[^\s\]]+)\]/i;
const BARE_ADDRESS = /\b([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/;

const SEPARATOR =
  /^\s*\*?\s*-{2,}\s*(original message|původní zpráva|pôvodná správa|oorspronkelijk bericht|alkuperäinen viesti|исходное сообщение|mensagem original|eredeti üzenet|orijinal ileti|mesaj original|izvorna poruka|oprindelig meddelelse|oprindelig besked|ursprüngliche nachricht|message d'origine|originalmeddelande|ursprungligt meddelande|opprinnelig melding|mensaje original|messaggio originale|wiadomość oryginalna|forwarded message|videresendt (meddelelse|besked)|weitergeleitete nachricht|message transféré|původní e-mail|пересылаемое сообщение|пересланное сообщение|原始邮件|原始郵件|邮件原文)\s*-*\s*\*?\s*$/i;
const FORWARD_INTRO =
  /^\s*(begin forwarded message|start på videresendt (besked|meddelelse)|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:\s*$/i;
/** A line of dashes or underscores, as Outlook puts above its header block. */
const RULE_LINE = /^\s*(_{8,}|-{8,})\s*$/;
// Header labels come from the one registry the forward reader uses, in every language it knows.
const FROM_HEADER = new RegExp(String.raw`^\s*\*?\s*(?:${labelAlternation(["from"])})\s*[:：]\s*\*?\s*\S`, "iu");
const OTHER_HEADER = new RegExp(
  String.raw`^\s*\*?\s*(?:${labelAlternation(["date", "to", "cc", "subject", "replyTo"])})\s*[:：]`,
  "iu",
);
const DATE_HEADER = new RegExp(String.raw`^\s*\*?\s*(?:${labelAlternation(["date"])})\s*[:：]\s*\*?\s*(.*)$`, "iu");
/** Longest header label, in UTF-16 units: a bound on what FROM_HEADER and OTHER_HEADER can find before the colon. */
const MAX_LABEL_CHARS = Math.max(...Object.values(HEADER_LABELS).flat().map((w) => w.length));


/** The punctuation a sign-off may end in: Hungarian "Üdvözlettel:", Arabic "مع أطيب التحيات،", Japanese "…します。". */
const SIGN_OFF = new RegExp(String.raw`^\s*(?:${SIGN_OFF_WORDS.join("|")})[,.!:،。]?(\s+[\p{L}.'-]+){0,3}\s*$`, "iu");
/** A name of one to three words signed with a word after it: "김민준 드림". */
const SIGNED_NAME = new RegExp(String.raw`^\s*\p{L}{1,12}(?:\s\p{L}{1,12}){0,2}\s?(?:${SIGNED_AFTER_NAME.join("|")})\s*$`, "u");
/** Most words SIGN_OFF can match on a line: the longest sign-off, then up to three words of a name. */
const MAX_SIGN_OFF_LINE_CHARS = 200;
const MAX_SIGN_OFF_LINE_WORDS = Math.max(...SIGN_OFF_WORDS.map((w) => w.split(" ").length)) + 3;
/** "-Abhishek", "/John", "— Anna": a name signed with a dash or slash, as the last line. */
const DASHED_SIGN_OFF = /^\s*(?:[-/]|[–—]\s?)\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?\s*$/u;
// Cheap checks in front of the costly regexes. Irregexp compiles a regex on its first use, and the big
// case-insensitive Unicode ones above cost a fresh isolate milliseconds; most lines of a mail cannot match them
// anyway. Each check below is implied by the regex it guards, so it only skips tests that would fail: no
// answer changes. (String trim() and regex \s both stand for WhiteSpace and LineTerminator.)

/** The last character of a line that is not white space ("" for a blank line). */
function lastVisible(line: string): string {
  const t = line.trimEnd();
  return t.charAt(t.length - 1);
}

/**
 * Whether isAttribution could say yes. DATE_FIRST_ATTRIBUTION and every alternative of ATTRIBUTION_END end the
 * line in ":" (then \s*$), DASHED_ATTRIBUTION in "-". A ":" anywhere is asked for, a looser check that also holds.
 */
function mayBeAttribution(line: string): boolean {
  return line.includes(":") || lastVisible(line) === "-";
}

/**
 * Whether a line could be one of FROM_HEADER or OTHER_HEADER: `^\s*\*?\s*label\s*[:：]`. No label holds a
 * colon, so the regex's colon is the line's first, and before it stands the label itself once trimmed and rid
 * of one leading "*" (labels neither start with "*" nor start or end with white space; case-insensitive
 * matching keeps their length).
 */
function mayBeHeaderLine(line: string): boolean {
  const ascii = line.indexOf(":");
  const wide = line.indexOf("：");
  const colon = ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
  if (colon < 0) return false;
  let label = line.slice(0, colon).trim();
  if (label.startsWith("*")) label = label.slice(1).trimStart();
  return label.length <= MAX_LABEL_CHARS;
}

/**
 * SIGN_OFF is `^\s*sign-off[,.!]?(\s+name-word){0,3}\s*$`: a line that is not blank, of at most
 * MAX_SIGN_OFF_LINE_WORDS words (sign-offs hold single spaces, and no white space matches a name-word).
 */
function mayBeSignOff(line: string): boolean {
  // A long line is none, and is not split to find out: a 60 KB line is asked about once per boundary it might be.
  if (line.length > MAX_SIGN_OFF_LINE_CHARS) return false;
  const t = line.trim();
  return t !== "" && t.split(/\s+/).length <= MAX_SIGN_OFF_LINE_WORDS;
}

/** DASHED_SIGN_OFF starts, after white space, with "-", "/", "–" or "—". */
function mayBeDashedSignOff(line: string): boolean {
  const first = line.trimStart().charAt(0);
  return first === "-" || first === "/" || first === "–" || first === "—";
}

/**
 * Direction marks and embeddings (U+200E/F, U+202A–E, U+2066–9): Gmail wraps the parts of a Hebrew or Arabic
 * attribution in them ("‫בתאריך … מאת ‪Anna‬‏ <‪a@x‬‏>:‬"). They are invisible, and no pattern here expects them.
 */
export const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function bound(text: string): string {
  return text.slice(0, MAX_REPLY_SCAN_CHARS).replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ").replace(BIDI_CONTROLS, "");
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

function isAttribution(line: string): boolean {
  if (!mayBeAttribution(line)) return false;
  if (QUOTE_LINE.test(line) || line.length > 300) return false;
  if (DATE_FIRST_ATTRIBUTION.test(line) || DASHED_ATTRIBUTION.test(line)) return true;
  // "Here is what Peter wrote:" is not an attribution: a real one carries a date or an address.
  return ATTRIBUTION_END.test(line) && (/\d/.test(line) || ADDRESS_IN_ANGLES.test(line));
}

function headerBlockAt(lines: string[], i: number): { end: number; dateLine: string | null } | null {
  if (!mayBeHeaderLine(lines[i]) || !FROM_HEADER.test(lines[i])) return null;
  let others = 0;
  let dateLine: string | null = null;
  let j = i + 1;
  for (; j < lines.length && j <= i + HEADER_BLOCK_REACH; j++) {
    const line = lines[j];
    if (mayBeHeaderLine(line) && OTHER_HEADER.test(line)) {
      others++;
      const d = line.match(DATE_HEADER);
      if (d && dateLine === null) dateLine = d[1];
    } else if (isBlank(line)) {
      if (others > 0) break;
    } else if (others === 0 && j === i + 1) {
      // A From value wrapped onto the next line.
      continue;
    } else break;
  }
  return others >= 2 ? { end: j, dateLine } : null;
}

/** The date of a header block that starts with its date line at line i (GMX, WEB.DE: see dateAboveFrom), or null. */
function dateAboveBlock(lines: string[], i: number): string | null {
  if (i + 1 >= lines.length || !mayBeHeaderLine(lines[i])) return null;
  const date = dateAboveFrom(lines[i].trim(), lines[i + 1].trim());
  return date !== null && headerBlockAt(lines, i + 1) ? date : null;
}

function findBoundaries(lines: string[], firstOnly: boolean): Boundary[] {
  const found: Boundary[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let b: Boundary | null = null;
    if (QUOTE_LINE.test(line)) {
      let j = i;
      while (j < lines.length && (QUOTE_LINE.test(lines[j]) || (isBlank(lines[j]) && QUOTE_LINE.test(lines[j + 1] ?? ""))))
        j++;
      b = { kind: "quote", start: i, end: j };
    } else if (
      // SEPARATOR and DASHED_ATTRIBUTION need "--"; FORWARD_INTRO ends in ":".
      (line.includes("--") && (SEPARATOR.test(line) || DASHED_ATTRIBUTION.test(line))) ||
      (lastVisible(line) === ":" && FORWARD_INTRO.test(line))
    ) {
      b = { kind: "separator", start: i, end: lines.length };
    } else if (RULE_LINE.test(line)) {
      let k = i + 1;
      while (k < lines.length && isBlank(lines[k])) k++;
      const block = k < lines.length ? headerBlockAt(lines, k) : null;
      if (block) b = { kind: "header-block", start: i, end: lines.length, fromLine: lines[k].trim(), dateLine: block.dateLine };
    } else if (headerBlockAt(lines, i)) {
      const block = headerBlockAt(lines, i)!;
      b = { kind: "header-block", start: i, end: lines.length, fromLine: line.trim(), dateLine: block.dateLine };
    } else {
      const dateLine = dateAboveBlock(lines, i);
      if (dateLine !== null) b = { kind: "header-block", start: i, end: lines.length, fromLine: lines[i + 1].trim(), dateLine };
      else if (isAttribution(line)) b = { kind: "attribution", start: i, end: i + 1, line: line.trim() };
      else if (mayWrapAttribution(lines, i) && ATTRIBUTION_START.test(line)) b = wrappedAttribution(lines, i);
    }
    if (b) {
      found.push(b);
      if (firstOnly) return found;
      i = Math.max(i, b.end - 1);
    }
  }
  return found;
}

/**
 * Whether wrappedAttribution could find an attribution that starts at line i. It walks the same lines and
 * gives up where it does on the cheap conditions (blank, quoted, too long). Each line it tries is line i joined
 * with the next one or two, trimmed ("<\s+" → "<" removes white space only), so it holds a ":" if one of
 * them does and ends as the last of them does: without that, mayBeAttribution and so isAttribution say no.
 */
function mayWrapAttribution(lines: string[], i: number): boolean {
  if (isBlank(lines[i])) return false; // ATTRIBUTION_START needs a visible character too
  let colon = lines[i].includes(":");
  for (let n = 1; n < MAX_ATTRIBUTION_LINES && i + n < lines.length; n++) {
    const next = lines[i + n];
    if (isBlank(next) || QUOTE_LINE.test(next) || next.trim().length > WRAPPED_TAIL_CHARS) return false;
    colon ||= next.includes(":");
    if (colon || lastVisible(next) === "-") return true;
  }
  return false;
}

/** Clients wrap a long attribution over two or three lines ("… Anna Holm <" / "anna@x.dk> wrote:"). */
function wrappedAttribution(lines: string[], i: number): Boundary | null {
  let joined = lines[i].trim();
  for (let n = 1; n < MAX_ATTRIBUTION_LINES && i + n < lines.length; n++) {
    const next = lines[i + n];
    if (isBlank(next) || QUOTE_LINE.test(next) || next.trim().length > WRAPPED_TAIL_CHARS || isAttribution(next)) return null;
    joined = `${joined} ${next.trim()}`.replace(/<\s+/g, "<");
    if (isAttribution(joined)) return { kind: "attribution", start: i, end: i + n + 1, line: joined };
  }
  return null;
}

/**
 * An attribution counts as a soft boundary (only the `>` lines after it are quoted) when `>` lines follow
 * it. Otherwise the quote lost its markers (HTML turned into text, Outlook), and everything below is quoted.
 */
function quotedAfterAttribution(lines: string[], b: Boundary): boolean {
  let k = b.end;
  while (k < lines.length && isBlank(lines[k])) k++;
  return k < lines.length && QUOTE_LINE.test(lines[k]);
}

/** The person's own lines: above the first quote, or below it when they bottom-posted. */
function ownLines(lines: string[], quotesMarked: boolean): string[] {
  const boundaries = findBoundaries(lines, false);
  if (boundaries.length === 0) return lines;
  const first = boundaries[0];
  const above = lines.slice(0, first.start);
  if (above.some((l) => !isBlank(l))) return above;

  const below: string[] = [];
  for (let n = 0; n < boundaries.length; n++) {
    const b = boundaries[n];
    if (b.kind === "separator" || b.kind === "header-block") break;
    // With nothing above it and no quote under it, an attribution left standing heads the person's own
    // words (they cut the quote). Only where quotes carry their markers: text made from HTML loses them.
    if (b.kind === "attribution" && !quotedAfterAttribution(lines, b) && !(quotesMarked && n === 0)) break;
    const next = boundaries[n + 1];
    const stop = next ? next.start : lines.length;
    below.push(...lines.slice(b.end, stop));
  }
  return below;
}

/**
 * Where the legal disclaimer that closes a mail starts, or lines.length when there is none: the paragraphs at
 * the end (blank-line separated) that speak of confidentiality or of a wrong recipient. In a paragraph it shares
 * with the signature ("Mvh" / "Anna Holm" / "Denne e-mail er fortrolig …") it starts at its first such line, and
 * never above a sign-off line: "Please keep the figures confidential" / "Mvh" / "Anna" is a sentence, then the
 * signature. The sign-off above it decides: stripSignature cuts the disclaimer only together with a signature.
 */
function trailingDisclaimerStart(lines: string[]): number {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1])) end--;
  let start = end;
  for (let paragraphs = 0; paragraphs < MAX_DISCLAIMER_PARAGRAPHS && start > 0; paragraphs++) {
    let top = start;
    while (top > 0 && !isBlank(lines[top - 1])) top--;
    let first = top;
    for (let i = start - 1; i >= top; i--) {
      if (isSignOffLine(lines[i])) {
        first = i + 1;
        break;
      }
    }
    while (first < start && !DISCLAIMER.test(lines[first])) first++;
    if (first === start) break;
    start = first;
    if (first > top) break;
    while (start > 0 && isBlank(lines[start - 1])) start--;
  }
  return start === end ? lines.length : start;
}

function isSignOffLine(line: string): boolean {
  return mayBeSignOff(line) && (SIGN_OFF.test(line) || SIGNED_NAME.test(line));
}

function stripSignature(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    if (isClientSignature(lines[i]) || /^-- ?$/.test(lines[i]))
      return lines.slice(0, i);
  }
  // A legal disclaimer below the signature is no reason to keep the signature: look above it for the sign-off.
  const end = trailingDisclaimerStart(lines);
  // A sign-off is followed by a short name block only, so look among the last few lines alone.
  let tailStart = end;
  for (let seen = 0; tailStart > 0 && seen <= MAX_SIGNATURE_BLOCK_LINES; ) {
    tailStart--;
    if (!isBlank(lines[tailStart])) seen++;
  }
  let last = lines.length - 1;
  while (last >= 0 && isBlank(lines[last])) last--;
  if (last > 0 && mayBeDashedSignOff(lines[last]) && DASHED_SIGN_OFF.test(lines[last]) && isBlank(lines[last - 1]))
    return lines.slice(0, last);
  for (let i = tailStart; i < end; i++) {
    if (!isSignOffLine(lines[i])) continue;
    const rest = lines.slice(i + 1, end).filter((l) => !isBlank(l));
    if (rest.length <= MAX_SIGNATURE_BLOCK_LINES && rest.every((l) => l.trim().length <= MAX_SIGNATURE_LINE_CHARS))
      return lines.slice(0, i);
  }
  return lines;
}

/** Lets email-reply-parser drop the signatures and quotes it knows from the tail of the new text. */
function libraryVisible(own: string[]): string[] {
  let head = own.length;
  let size = 0;
  while (head > 0 && size + own[head - 1].length + 1 <= MAX_LIBRARY_CHARS) {
    head--;
    size += own[head].length + 1;
  }
  const tail = own.slice(head).join("\n");
  return [...own.slice(0, head), ...visibleByLibrary(tail).split("\n")];
}

// email-reply-parser tries some sixty regexes on the text and on every line, most of them case-sensitive and
// anchored to a line start; it was about a fifth of an import's CPU. Each cue below is implied by one or more
// of them (a case-insensitive prefix or word of the regex, with `m` so that every place the library's `^` can
// match is looked at), so where none is found the library can only trim the lines, and that is done here.
// test/unit/reply-library.test.ts compares both ways on the edges of every cue.
/** Implied by each of the library's signature regexes (its `signatureRegex`). */
const LIBRARY_SIGNATURE_CUE =
  /^\s*(?:[-_+=]|sent from|get outlook|cheers|best wishes|von |gesendet von|sendt fra|envoy|télécharger|bien|bonne|enviado desde|in\sdata|verzonden vanaf|verstuurd vanaf)|regards|cordialement/im;
/** Implied by each of the library's quote-header regexes (its `quoteHeadersRegex`), and its quoted line. */
const LIBRARY_QUOTE_CUE =
  /wrote|écrit|escribió|scritto|escreveu|schrieb|schreef|pisze|napisał|skrev|kirjoitti|г\. в|写道|작성|のメッセージ|> *:|original message|oprindelig besked|message d'origine|ursprüngliche nachricht|^\s*(?:from|von|de|van|da)\s?:|^>/im;

/** Whether email-reply-parser could find a signature, a quote or a quote header in `text`. */
export function libraryMayDrop(text: string): boolean {
  return LIBRARY_SIGNATURE_CUE.test(text) || LIBRARY_QUOTE_CUE.test(text);
}

/** What email-reply-parser keeps of `tail` (`read(tail).getVisibleText()`). */
export function visibleByLibrary(tail: string): string {
  if (!tail) return "";
  if (libraryMayDrop(tail)) return new EmailReplyParser().read(tail).getVisibleText();
  // Nothing it could drop: one fragment, each line without its trailing white space, the first line break
  // and trailing tildes taken off, and nothing at all when every line is blank.
  const lines = tail.replace(/\r\n/g, "\n").split("\n").map((line) => line.replace(/\s+$/, ""));
  if (lines.every((line) => line === "")) return "";
  return lines.join("\n").replace(/^\n/, "").replace(/~+$/, "");
}

function tidy(lines: string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, "");
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

export interface NewTextOptions {
  /**
   * The text is a client's own plain-text part, where quoted lines carry "> " (RFC 3676 §4.5). Text made
   * from HTML does not mark its quotes, so words under an attribution there are taken as quoted. Default false.
   */
  quotesMarked?: boolean;
}

/** The lines the person wrote in this mail, without quotes and signature. */
export function newText(text: string, options: NewTextOptions = {}): string {
  const own = ownLines(bound(text).split("\n"), options.quotesMarked ?? false);
  return tidy(stripSignature(libraryVisible(own)));
}

/** newText on one line, cut on a word boundary to at most `max` characters. */
export function snippet(text: string, max = SNIPPET_CHARS): string {
  return snippetOfNewText(newText(text), max);
}

/** The same, for text that newText already cleaned: the split is the costly part, so do it once. */
export function snippetOfNewText(own: string, max = SNIPPET_CHARS): string {
  const flat = own.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, Math.max(0, max - 1));
  const space = room.lastIndexOf(" ");
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return cut.replace(/[\s,.;:–-]+$/, "") + "…";
}

const LETTERS = String.raw`[\p{L}]+`;
/** "3. Februar 2025", "3 lut 2025", and Portuguese and Spanish "3 de fev. de 2025" (Apple Mail). */
const DAY_FIRST_DATE = new RegExp(String.raw`\b(\d{1,2})\.?\s+(?:de\s+)?(${LETTERS})\.?,?\s+(?:de\s+)?(\d{4})\b`, "u");
/** "February 3, 2025", and Proton's ordinal "February 3rd, 2025". */
const MONTH_FIRST_DATE = new RegExp(String.raw`(${LETTERS})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "u");

/** Reads the date and time written in an attribution or a "Sent:" line, in any of our languages. */
export function attributionDate(text: string): number | null {
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let rest = text;
  let usOrder = false;
  // Vietnamese "3 thg 2, 2025" is read by the forward date reader, the fallback below.
  const iso = text.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  const numeric = text.match(/\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/);
  const dayFirst = text.match(DAY_FIRST_DATE);
  const monthFirst = text.match(MONTH_FIRST_DATE);
  const ampm = /\b\d{1,2}[:.]\d{2}\s*([AaPp])\.?[Mm]\b/.test(text);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    rest = text.slice(iso.index! + iso[0].length);
  } else if (numeric) {
    let [a, b] = [Number(numeric[1]), Number(numeric[3])];
    // US clients write month/day; they also write AM/PM. Everyone else here writes day first.
    usOrder = numeric[2] === "/" && ampm && b <= 31 && a <= 12;
    if (a > 12) usOrder = false;
    else if (b > 12) usOrder = true;
    if (usOrder) [a, b] = [b, a];
    [d, mo] = [a, b];
    y = Number(numeric[4]);
    if (y < 100) y += 2000;
    rest = text.slice(numeric.index! + numeric[0].length);
  } else if (dayFirst && monthOfWord(dayFirst[2])) {
    [d, mo, y] = [Number(dayFirst[1]), monthOfWord(dayFirst[2])!, Number(dayFirst[3])];
    rest = text.slice(dayFirst.index! + dayFirst[0].length);
  } else if (monthFirst && monthOfWord(monthFirst[1])) {
    [mo, d, y] = [monthOfWord(monthFirst[1])!, Number(monthFirst[2]), Number(monthFirst[3])];
    rest = text.slice(monthFirst.index! + monthFirst[0].length);
  } else {
    // The shapes only the forward reader knows: CJK "2025年2月3日", Czech "3. 2. 2025", Hebrew "3 בפבר׳ 2025", Arabic
    // "3 فبراير، 2025", year-first "2025/2/3", Hungarian "2025. febr. 3.". No zone there means wall-clock UTC, as here.
    return parseForwardedDate(text, 0);
  }
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;

  let hour = 0;
  let minute = 0;
  const time = rest.match(/\b(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?/);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    const after = rest.slice(time.index! + time[0].length);
    // "4:12 PM", "4:12 μμ", "4:12 م", "下午4:12", "오후 4:12": a 12-hour clock.
    const half = meridiem(rest.slice(0, time.index), after);
    if (half && hour >= 1 && hour <= 12) hour = hourOfDay(hour, half)!;
    if (hour > 23 || minute > 59) return null;
    rest = afterMeridiem(after);
  }
  let offset = 0;
  const zone = rest.match(/^\s*(?:(?:GMT|UTC)\s*)?([+-])(\d{1,2}):?(\d{2})?\b/);
  if (time && zone) offset = (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] ?? 0));
  const ms = Date.UTC(y, mo - 1, d, hour, minute) - offset * 60_000;
  return Number.isFinite(ms) ? ms : null;
}

function cleanName(raw: string | undefined): string | null {
  if (!raw) return null;
  const name = raw
    .replace(/^[\s,;:]+|[\s,;:]+$/g, "")
    .replace(/^["'“]+|["'”]+$/g, "")
    .trim();
  if (!name || name.includes("@") || /\d/.test(name) || name.length > 80) return null;
  return name;
}

/** The mailbox one header value names: "Name <address>", "Name [mailto:address]" or a bare address. */
export function mailboxIn(value: string): { address: string; name?: string } | null {
  const address = addressIn(value);
  if (!address) return null;
  const angle = value.search(/<|\[mailto:/i);
  const name = angle >= 0 ? cleanName(value.slice(0, angle)) : null;
  return name ? { address, name } : { address };
}

/** The address a line names, written as normalizeAddress writes it, so it compares equal to the parsed headers'. */
function addressIn(line: string): string | null {
  const m = line.match(ADDRESS_IN_ANGLES) ?? line.match(BARE_ADDRESS);
  if (!m) return null;
  return normalizeAddress(m[1] ?? m[2]);
}

/** Apple Mail in Polish puts the name after its opening words: "Wiadomość napisana przez Anna <a@x> w dniu …:". */
const APPLE_POLISH_ATTRIBUTION_START = /^\s*wiadomość napisana przez\s+/i;

/** The name in an attribution: first ("Anna <a@x> schrieb am …"), after the verb ("skrev Anna"), or after the date. */
function attributionName(line: string): string | null {
  const angle = line.search(/<[^<>]*@|\[mailto:/i);
  const before = angle >= 0 ? line.slice(0, angle) : null;
  if (before !== null && !/\d/.test(before)) return cleanName(before.replace(APPLE_POLISH_ATTRIBUTION_START, ""));
  const afterVerb = line.match(/\b(?:skrev|schrieb|schreef|kirjoitti)\s+(.+?)\s*(?:<|\[mailto:|:\s*$)/i);
  if (afterVerb && !/^(am|den)\b/i.test(afterVerb[1])) return cleanName(afterVerb[1]);
  let head = before ?? line.replace(ATTRIBUTION_END, "").replace(/\s+(a|ha|has)\s*$/i, "");
  head = head.replace(/\s+(wrote|pisze|napisał(\(a\))?|escribió|escreveu|a écrit)\s*:?\s*$/i, "");
  const markers = [...head.matchAll(/\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?)?(?:\s*Uhr)?|\d{4}/g)];
  const last = markers[markers.length - 1];
  if (!last) return null;
  // What stands between the time and the name: "at", "kl.", and Apple Mail's Dutch "om 09:12 heeft Anna".
  // Yahoo in German names the zone, then "hat": "09:12:34 MEZ hat Anna <a@x> Folgendes geschrieben:". Mail.ru says
  // "от" (from), Gmail in Czech "odesílatel" (sender) and in Hebrew "מאת" (from).
  return cleanName(
    head
      .slice(last.index! + last[0].length)
      .replace(/^\s*(?:(?:mez|mesz|cet|cest|gmt|utc)\s+)?(,|at|à|kl\.?|um|o|heeft|hat|от|odesílatel|מאת)\s+/iu, ""),
  );
}

/** A From line's label, in any language ("Von:", "보낸 사람:", "От кого:", "发件人："). */
const FROM_LABEL = new RegExp(String.raw`^\s*\*?\s*(?:${labelAlternation(["from"])})\s*[:：]\s*\*?\s*`, "iu");

function headerBlockName(fromLine: string): string | null {
  const value = fromLine.replace(FROM_LABEL, "");
  const angle = value.search(/<|\[mailto:/i);
  return cleanName(angle >= 0 ? value.slice(0, angle) : value.includes("@") ? "" : value);
}

/** The first quote header in the mail: who wrote the quoted text, and when. */
export function quoteAttribution(text: string): QuoteAttribution | null {
  const lines = bound(text).split("\n");
  for (const b of findBoundaries(lines, false)) {
    if (b.kind === "quote") {
      // Apple Mail puts the attribution inside the quote: "> On 3 Nov 2026, at 09:12, Anna <a@x.dk> wrote:".
      const first = lines.slice(b.start, b.end).map((l) => l.replace(/^\s*>\s?/, "")).find((l) => !isBlank(l)) ?? "";
      if (isAttribution(first)) return { name: attributionName(first), address: addressIn(first), date: attributionDate(first), line: first.trim() };
      continue;
    }
    if (b.kind === "attribution") {
      return { name: attributionName(b.line), address: addressIn(b.line), date: attributionDate(b.line), line: b.line };
    }
    if (b.kind === "header-block") {
      return {
        name: headerBlockName(b.fromLine),
        address: addressIn(b.fromLine),
        date: b.dateLine ? attributionDate(b.dateLine) : null,
        line: b.fromLine,
      };
    }
    if (b.kind === "separator") {
      const block = lines.slice(b.start + 1).findIndex((l) => !isBlank(l));
      const at = b.start + 1 + block;
      const hb = block >= 0 ? headerBlockAt(lines, at) : null;
      if (hb)
        return {
          name: headerBlockName(lines[at]),
          address: addressIn(lines[at]),
          date: hb.dateLine ? attributionDate(hb.dateLine) : null,
          line: lines[at].trim(),
        };
    }
  }
  return null;
}
