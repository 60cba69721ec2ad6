// May this mail run as the owner's commands? Fail safe: only mail that is unmistakably the owner writing
// commands does. A forward the forward parser could not read (a header block in a language it does not know,
// a pasted mail with no separator) must never run a third party's text as the owner's commands. Pure.
import { detectAutomated } from "./automated";
import { newText } from "./reply";
import { hasForwardPrefix, isReplyOrForward } from "./subject";
import type { ParsedMail } from "./types";

export type CommandMailVerdict = { commands: true } | { commands: false; reason: string };

type CommandMailFacts = Pick<ParsedMail, "headers" | "from" | "sender" | "subject" | "attachments" | "text" | "inReplyTo"> & Partial<Pick<ParsedMail, "calendars">>;

/** An iCalendar object, as a part or an attached file: text/calendar, application/ics, or a name ending in .ics. */
function carriesCalendar(mail: CommandMailFacts): boolean {
  if ((mail.calendars?.length ?? 0) > 0) return true;
  return mail.attachments.some((a) => a.mimeType === "text/calendar" || a.mimeType === "application/ics" || (!!a.filename && /\.ics$/i.test(a.filename)));
}

/** Text we look at, as newText does: the command lines sit at the top, and the regexes must stay bounded. */
export const MAX_COMMAND_SCAN_CHARS = 32 * 1024;
/** A header label ("From", "보낸사람", "Ημερομηνία", "תאריך", "Reply-To") is short, and a few words at most. */
const MAX_LABEL_CHARS = 30;
const MAX_LABEL_WORDS = 3;
/** `Label: value` lines in a row that make a header block (RFC 5322 §2.2 header fields, as clients print them). */
export const HEADER_BLOCK_LINES = 2;

/** "Label: value", with the full-width colon that Chinese and Japanese clients write, and bold markers. */
const LABEL_LINE = /^[\s*]*([\p{L}\p{M}][\p{L}\p{M} .'’-]*?)[\s*]*[:：][\s*]*(\S.*)$/u;
const ADDRESS = /[^\s<>@]+@[^\s<>@]+\.[\p{L}]{2,}/u;
/**
 * A date in a header value, in any language: a year, a clock time, a numeric date, or CJK date units
 * ("2026年11月3日", "2026년 11월 3일"). Command arguments ("2w", "monthly", "7 December") carry none of these.
 */
const DATE_LIKE = /\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\d\s*[年月日년월일]/u;
/**
 * Lines clients put above a forwarded or quoted mail, whatever their language: "---------- 전달된 메일 ---------",
 * "-----Original Message-----", Outlook's rule of underscores or dashes.
 */
const SEPARATOR_LINE = /^\s*(?:-{2,}[^-].*?-{2,}|_{5,}|-{5,}|={5,}|\*{5,})\s*$/u;
const QUOTE_LINE = /^\s*>/;

function bounded(text: string): string[] {
  return text.slice(0, MAX_COMMAND_SCAN_CHARS).replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ").split("\n");
}

function isHeaderLine(line: string): { line: true; evidence: boolean } | null {
  const m = line.match(LABEL_LINE);
  if (!m) return null;
  const label = m[1].trim();
  if (label.length > MAX_LABEL_CHARS || label.split(/\s+/).length > MAX_LABEL_WORDS) return null;
  return { line: true, evidence: ADDRESS.test(m[2]) || DATE_LIKE.test(m[2]) };
}

/** A run of header-like lines where a value holds an address or a date: someone else's mail, pasted or forwarded. */
export function hasHeaderBlock(lines: string[]): boolean {
  let run = 0;
  let evidence = false;
  for (const line of lines) {
    const header = isHeaderLine(line);
    if (!header) {
      run = 0;
      evidence = false;
      continue;
    }
    run++;
    evidence ||= header.evidence;
    if (run >= HEADER_BLOCK_LINES && evidence) return true;
  }
  return false;
}

export function hasSeparatorLine(lines: string[]): boolean {
  return lines.some((l) => SEPARATOR_LINE.test(l));
}

/** RFC 3676 §4.3 signature delimiter: what follows is the signature, wherever the client put it. */
const SIGNATURE_DELIMITER = /^-- ?$/;

/**
 * A quote between the owner's first line and their last: an interleaved reply, or text on both sides of a
 * quote, so which lines are the owner's is a guess. A quote wholly above (a bottom-posted reply) or wholly
 * below (the quoted digest) is fine; so is a signature below the quote.
 */
export function hasQuoteAmongLines(raw: string[], own: string[]): boolean {
  const wanted = new Set(own.map((l) => l.trim()).filter(Boolean));
  if (wanted.size === 0) return false;
  const end = raw.findIndex((l) => SIGNATURE_DELIMITER.test(l));
  const lines = end < 0 ? raw : raw.slice(0, end);
  const first = lines.findIndex((l) => !QUOTE_LINE.test(l) && wanted.has(l.trim()));
  if (first < 0) return false;
  let quoted = false;
  for (let i = first + 1; i < lines.length; i++) {
    if (QUOTE_LINE.test(lines[i])) quoted = true;
    else if (quoted && lines[i].trim()) return true;
  }
  return false;
}

/** Decides whether a mail from an authenticated owner, to the assistant alone, may run as commands, and why not. */
export function commandMailVerdict(mail: CommandMailFacts): CommandMailVerdict {
  const no = (reason: string): CommandMailVerdict => ({ commands: false, reason });
  // RFC 3834 §2: automatic responses must not be answered, and nothing a machine wrote is the owner's command.
  // The subject of a reply or forward is someone else's ("Re: Out of office next week"): only headers speak.
  const automated = detectAutomated({ ...mail, subject: isReplyOrForward(mail.subject) ? "" : mail.subject });
  if (automated.automated) return no(`it was sent automatically (${automated.reason})`);
  if (hasForwardPrefix(mail.subject)) return no("its subject marks it as a forward, and the forwarded mail could not be read");
  if (mail.attachments.some((a) => a.mimeType === "message/rfc822")) return no("it carries another mail as an attachment");
  // A mail with an iCalendar object is calendar software's (RFC 6047 iMIP: an answer, a proposed time, an update),
  // and its text and subject repeat the event as its organizer wrote it. Whoever invites the owner chooses the
  // organizer's address, the assistant's included, and the title: accepting would mail that title to the assistant
  // in the owner's name. An invitation the owner sends or forwards is read as a meeting before this; what is left
  // is never a command.
  if (carriesCalendar(mail)) return no("it carries a calendar object (an invitation or a calendar's answer), which calendar software writes");

  const raw = bounded(mail.text);
  const own = bounded(newText(mail.text));
  // With no text of its own, a fresh mail's subject is the command ("help"); a reply's is not.
  const lines = own.some((l) => l.trim()) ? own : isReplyOrForward(mail.subject) ? [] : [mail.subject];
  // A fresh mail quotes nothing of ours: a header block or separator anywhere in it is a pasted mail, even
  // where the reply split already set it aside as quoted.
  const fresh = !mail.inReplyTo && !isReplyOrForward(mail.subject);
  const examined = fresh ? raw : lines;
  if (hasSeparatorLine(examined)) return no("it holds a separator line, as a forwarded or pasted mail does");
  if (hasHeaderBlock(examined)) return no("it holds a block of mail headers (sender, date), as a forwarded or pasted mail does");
  if (hasQuoteAmongLines(raw, own)) return no("quoted text sits among its command lines");
  return { commands: true };
}
