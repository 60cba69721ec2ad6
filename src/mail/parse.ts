import { htmlToText } from "./html";
import PostalMime, { type Address as PmAddress, type Email } from "postal-mime";
import { boundRawMail, checkHeaderLimits, skippedPartSize } from "./bound";
import { decodeFlowed, hideFlowed } from "./flowed";
import { cleanMessageId } from "./message-id";
import { normalizeAddress } from "./address";
import { MailParseError } from "./parse-error";
import type { Address, AttachmentInfo, ParsedMail } from "./types";

export { MailParseError, type MailParseErrorCode } from "./parse-error";

/** Attached message/rfc822 parts we look into (a forward-as-attachment carries one). */
export const MAX_ATTACHED_MESSAGES = 3;
/** Bodies beyond this are cut: the snippet, intent and forward parsing need the top of the mail only. */
export const MAX_BODY_CHARS = 64 * 1024;

function flattenAddresses(list: PmAddress[] | PmAddress | undefined): Address[] {
  if (!list) return [];
  const items = Array.isArray(list) ? list : [list];
  const out: Address[] = [];
  for (const item of items) {
    // postal-mime 3+ returns groups without an address; their members are the people.
    const members = item.group ? item.group : [item];
    for (const m of members) {
      const address = normalizeAddress(m.address);
      if (!address) continue;
      const name = nfc(m.name)?.trim();
      out.push(name ? { address, name } : { address });
    }
  }
  return out;
}

/**
 * Text in Unicode's composed form (NFC). A charset that writes tone marks as combining marks decodes to letters and
 * marks apart (windows-1258: "Nguyễn" as "Nguyê" and a combining tilde), as do some macOS texts; every reader here, the
 * readers' letter classes and the names stored, expect the letter as one character.
 */
function nfc<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : text.normalize("NFC")) as T;
}

function parseReferences(value: string | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  return ids.length ? ids : value.split(/\s+/).filter(Boolean);
}

function parseDate(value: string | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

function headerMap(email: Email): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const h of email.headers) (map[h.key] ??= []).push(h.value);
  return map;
}

function countFrom(email: Email): number {
  const fromHeaders = email.headers.filter((h) => h.key === "from");
  if (fromHeaders.length > 1) return fromHeaders.length;
  return flattenAddresses(email.from).length;
}

function clip(text: string | undefined): { text: string; clipped: boolean } {
  if (!text) return { text: "", clipped: false };
  if (text.length <= MAX_BODY_CHARS) return { text, clipped: false };
  return { text: text.slice(0, MAX_BODY_CHARS), clipped: true };
}

function contentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/**
 * postal-mime's parse, with format=flowed text decoded here instead (src/mail/flowed.ts): postal-mime joins
 * flowed lines across a change of quote depth, which RFC 3676 §4.5 forbids.
 */
async function postalParse(raw: Uint8Array): Promise<Email> {
  const flowed = hideFlowed(raw);
  let email: Email;
  try {
    email = await PostalMime.parse(flowed?.bytes ?? raw, { forceRfc822Attachments: true });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new MailParseError(`The mail could not be parsed as MIME: ${detail}`, { cause });
  }
  if (flowed && email.text) email.text = decodeFlowed(email.text, flowed.delsp);
  return email;
}

/** An invitation is a few KB; Outlook's with every time zone of a series is tens. Larger is no invitation. */
const MAX_CALENDAR_BYTES = 256 * 1024;
const MAX_CALENDAR_PARTS = 3;

/** A delivery report's machine-readable part (RFC 3464) is a few hundred bytes per recipient. */
const MAX_DELIVERY_STATUS_BYTES = 64 * 1024;

function isDeliveryStatus(mimeType: string): boolean {
  return mimeType === "message/delivery-status" || mimeType === "message/global-delivery-status";
}

function isCalendar(mimeType: string, filename: string | null): boolean {
  return mimeType === "text/calendar" || mimeType === "application/ics" || (!!filename && /\.ics$/i.test(filename));
}

async function fromEmail(email: Email, rawSize: number, depth: number, bounded: boolean): Promise<ParsedMail> {
  const html = clip(nfc(email.html));
  const text = email.text ? clip(nfc(email.text)) : clip(email.html ? htmlToText(nfc(email.html)) : "");
  const attachedMessages: ParsedMail[] = [];
  const attachments: AttachmentInfo[] = [];
  const calendars: string[] = [];
  const deliveryStatus: string[] = [];
  let skipped = bounded;
  for (const a of email.attachments) {
    const bytes = contentBytes(a.content);
    const skippedSize = skippedPartSize(bytes);
    if (skippedSize !== null) skipped = true;
    const size = skippedSize ?? bytes.byteLength;
    if (
      skippedSize === null &&
      a.mimeType === "message/rfc822" &&
      depth < 2 &&
      attachedMessages.length < MAX_ATTACHED_MESSAGES
    ) {
      // A base64 or quoted-printable rfc822 part was not walked by boundRawMail: check its headers here.
      checkHeaderLimits(bytes);
      const inner = await postalParse(bytes);
      attachedMessages.push(await fromEmail(inner, size, depth + 1, false));
    }
    attachments.push({ filename: a.filename, mimeType: a.mimeType, size, inline: a.disposition === "inline" || !!a.related });
    if (skippedSize === null && isCalendar(a.mimeType, a.filename) && size <= MAX_CALENDAR_BYTES && calendars.length < MAX_CALENDAR_PARTS) {
      calendars.push(new TextDecoder().decode(bytes));
    }
    if (skippedSize === null && isDeliveryStatus(a.mimeType) && size <= MAX_DELIVERY_STATUS_BYTES && deliveryStatus.length < 2) {
      deliveryStatus.push(new TextDecoder().decode(bytes));
    }
  }
  const from = flattenAddresses(email.from);
  const sender = flattenAddresses(email.sender);
  return {
    messageId: cleanMessageId(email.messageId),
    inReplyTo: cleanMessageId(email.inReplyTo),
    references: parseReferences(email.references),
    from: from[0] ?? null,
    fromCount: countFrom(email),
    sender: sender[0] ?? null,
    to: flattenAddresses(email.to),
    cc: flattenAddresses(email.cc),
    bcc: flattenAddresses(email.bcc),
    replyTo: flattenAddresses(email.replyTo),
    subject: nfc(email.subject ?? "").trim(),
    date: parseDate(email.date),
    headers: headerMap(email),
    text: text.text,
    textFromHtml: !email.text && !!email.html,
    html: email.html ? html.text : null,
    attachments,
    calendars,
    deliveryStatus,
    attachedMessages,
    truncated: text.clipped || html.clipped || skipped,
    rawSize,
  };
}

/**
 * Parses a raw RFC 5322 mail into plain data. The input first goes through boundRawMail, so a 25 MiB
 * mail costs the parser about what its headers and text cost. Throws MailParseError only on mail
 * postal-mime cannot read at all; malformed MIME (a missing closing boundary, stray bytes) is read
 * best-effort.
 */
export async function parseMail(raw: ArrayBuffer | Uint8Array | string): Promise<ParsedMail> {
  const bytes =
    typeof raw === "string" ? new TextEncoder().encode(raw) : raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  const bounded = boundRawMail(bytes);
  const email = await postalParse(bounded.bytes);
  return fromEmail(email, bytes.byteLength, 0, bounded.skippedParts.length > 0);
}
