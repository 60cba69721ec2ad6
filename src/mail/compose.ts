// Outgoing mail (digests, answers to the owner) as raw RFC 5322 / MIME text (RFC 2045–2047), in CRLF lines.
// The assistant only ever writes one shape — text, optionally HTML as its alternative, optionally attachments —
// so it writes that shape itself: mimetext (with core-js-pure under it) cost more start-up time than the
// rest of the worker together (README, "Measured"), and its bodies and subjects were ours already.
import { Buffer } from "node:buffer";

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text content; it is base64-encoded into the message. */
  content: string;
}

export interface OutgoingMail {
  from: { address: string; name?: string };
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  inReplyTo?: string | null;
  /**
   * The References of the mail answered, as it arrived (unfolded). Threading takes it plus `inReplyTo`
   * (RFC 5322 §3.6.4), and Cloudflare's reply() refuses an answer whose References do not contain it verbatim.
   */
  references?: string | null;
  messageId: string;
  date: Date;
  attachments?: OutgoingAttachment[];
  /** Further header fields, ASCII values (e.g. List-Unsubscribe). */
  headers?: Record<string, string>;
}

/** RFC 2045 §6.8: base64 lines are at most 76 characters. */
export const BASE64_LINE_CHARS = 76;
// RFC 2047 §2: an encoded-word is at most 75 characters. 39 bytes become 52 base64 characters, so each
// word is 64 long and "Subject: " plus the first word stays inside RFC 5322's 78-character line.
const ENCODED_WORD_BYTES = 39;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Base64 in 76-character lines. Text is put in canonical CRLF form first (RFC 2046 §4.1.1). */
function base64Body(content: string): string {
  // Buffer's native encoder: a digest's text and HTML are tens of KB, and building a binary string for btoa
  // cost a millisecond or two of CPU per digest.
  const encoded = Buffer.from(content.replace(/\r?\n/g, "\r\n"), "utf8").toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += BASE64_LINE_CHARS) lines.push(encoded.slice(i, i + BASE64_LINE_CHARS));
  return lines.join("\r\n");
}

/**
 * RFC 2047 B-encoded words, split on character boundaries (a word must hold whole characters, §5) and
 * folded onto continuation lines (RFC 5322 §2.2.3). Decoders join adjacent encoded-words without the space.
 */
export function encodeHeaderWords(value: string): string {
  const bytes = new TextEncoder().encode(value);
  const words: string[] = [];
  let start = 0;
  for (let at = 0; at < bytes.length; ) {
    // A character is its lead byte and the continuation bytes (10xxxxxx) after it.
    let end = at + 1;
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end++;
    if (end - start > ENCODED_WORD_BYTES && at > start) {
      words.push(`=?UTF-8?B?${base64(bytes.subarray(start, at))}?=`);
      start = at;
    }
    at = end;
  }
  if (start < bytes.length || !words.length) words.push(`=?UTF-8?B?${base64(bytes.subarray(start))}?=`);
  return words.join("\r\n ");
}

/** RFC 5322 §3.3 date-time in UTC: "Mon, 23 Nov 2026 07:00:00 +0000". */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

function bracket(id: string): string {
  return id.startsWith("<") ? id : `<${id}>`;
}

/** A display name as RFC 5322 allows it: quoted when plain ASCII, an encoded-word otherwise (RFC 2047 §5). */
function mailbox(address: string, name?: string): string {
  if (!name) return `<${address}>`;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/[\\"]/g, "\\$&")}"` : encodeHeaderWords(name);
  return `${display} <${address}>`;
}

function boundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `=_gensidig_${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

interface Part {
  headers: string[];
  body: string;
}

function textPart(subtype: "plain" | "html", content: string): Part {
  return { headers: [`Content-Type: text/${subtype}; charset=UTF-8`, "Content-Transfer-Encoding: base64"], body: base64Body(content) };
}

function multipart(subtype: "alternative" | "mixed", parts: Part[]): Part {
  const b = boundary();
  const body = parts.map((p) => `--${b}\r\n${p.headers.join("\r\n")}\r\n\r\n${p.body}\r\n`).join("") + `--${b}--`;
  return { headers: [`Content-Type: multipart/${subtype};\r\n boundary="${b}"`], body };
}

/** RFC 2231 §4 for a file name that is not plain ASCII. */
function filenameParam(filename: string): string {
  if (/^[\x20-\x7e]*$/.test(filename)) return `filename="${filename.replace(/[\\"]/g, "\\$&")}"`;
  return `filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function composeMail(mail: OutgoingMail): string {
  const headers = [
    `From: ${mailbox(mail.from.address, mail.from.name)}`,
    `To: ${mailbox(mail.to)}`,
    ...(mail.replyTo ? [`Reply-To: ${mailbox(mail.replyTo)}`] : []),
    `Subject: ${encodeHeaderWords(mail.subject)}`,
    `Date: ${rfc5322Date(mail.date)}`,
    `Message-ID: ${bracket(mail.messageId)}`,
  ];
  if (mail.inReplyTo) {
    headers.push(`In-Reply-To: ${bracket(mail.inReplyTo)}`);
    // The chain as it came, then the mail answered. Folded only at the chain's own whitespace (RFC 5322
    // §2.2.3), so it unfolds to exactly what came: Cloudflare's reply() looks for it verbatim.
    const chain = mail.references?.replace(/[\r\n]+/g, " ").trim();
    headers.push(`References: ${chain ? `${chain.replace(/([ \t]+)/g, "\r\n$1")}\r\n ` : ""}${bracket(mail.inReplyTo)}`);
  }
  // RFC 3834 §5: vacation responders and other automatic responders must not answer this.
  headers.push("Auto-Submitted: auto-generated");
  // Exchange and Outlook honour their own header rather than Auto-Submitted ([MS-OXCMAIL] 2.2.3.2.14).
  headers.push("X-Auto-Response-Suppress: OOF, AutoReply");
  for (const [name, value] of Object.entries(mail.headers ?? {})) headers.push(`${name}: ${value}`);
  headers.push("MIME-Version: 1.0");

  let content = mail.html ? multipart("alternative", [textPart("plain", mail.text), textPart("html", mail.html)]) : textPart("plain", mail.text);
  if (mail.attachments?.length) {
    const attachments = mail.attachments.map((a) => ({
      headers: [`Content-Type: ${a.contentType}`, "Content-Transfer-Encoding: base64", `Content-Disposition: attachment; ${filenameParam(a.filename)}`],
      body: base64Body(a.content),
    }));
    content = multipart("mixed", [content, ...attachments]);
  }
  return `${[...headers, ...content.headers].join("\r\n")}\r\n\r\n${content.body}\r\n`;
}

/** A Message-ID under the assistant's domain, unique per call. */
export function newMessageId(domain: string, prefix: string): string {
  return `${prefix}.${crypto.randomUUID()}@${domain}`;
}
