// Outgoing mail (digests, answers to the owner) as raw RFC 5322 text. mimetext's browser build writes
// CRLF and needs no Node modules, so the same code runs in workerd and in tests; we hand it bodies
// already base64-encoded and fold long subjects ourselves, where its defaults fall short.
import { Mailbox, createMimeMessage } from "mimetext/browser";

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
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 in 76-character lines. Text is put in canonical CRLF form first (RFC 2046 §4.1.1). */
function base64Body(content: string): string {
  const encoded = base64(new TextEncoder().encode(content.replace(/\r?\n/g, "\r\n")));
  return encoded.match(new RegExp(`.{1,${BASE64_LINE_CHARS}}`, "g"))?.join("\r\n") ?? "";
}

/**
 * RFC 2047 B-encoded words, split on character boundaries (a word must hold whole characters, §5) and
 * folded onto continuation lines (RFC 5322 §2.2.3). Decoders join adjacent encoded-words without the space.
 */
export function encodeHeaderWords(value: string): string {
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of value) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > ENCODED_WORD_BYTES) {
      words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length || !words.length) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
  return words.join("\r\n ");
}

/** RFC 5322 §3.3 date-time in UTC: "Mon, 23 Nov 2026 07:00:00 +0000". */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

function bracket(id: string): string {
  return id.startsWith("<") ? id : `<${id}>`;
}

export function composeMail(mail: OutgoingMail): string {
  const msg = createMimeMessage();
  msg.setSender(mail.from.name ? { name: mail.from.name, addr: mail.from.address } : mail.from.address);
  msg.setTo(mail.to);
  if (mail.replyTo) msg.setHeader("Reply-To", new Mailbox(mail.replyTo));
  msg.setSubject(mail.subject);
  // mimetext writes the whole subject as one encoded-word, however long; RFC 2047 caps a word at 75.
  const subjectField = msg.headers.fields.find((f) => f.name === "Subject");
  if (subjectField) subjectField.dump = (v) => (typeof v === "string" ? encodeHeaderWords(v) : "");
  msg.setHeader("Date", rfc5322Date(mail.date));
  msg.setHeader("Message-ID", bracket(mail.messageId));
  if (mail.inReplyTo) msg.setHeader("In-Reply-To", bracket(mail.inReplyTo));
  const chain = mail.references?.replace(/[\r\n]+/g, " ").trim();
  if (mail.inReplyTo) msg.setHeader("References", chain ? `${chain} ${bracket(mail.inReplyTo)}` : bracket(mail.inReplyTo));
  // RFC 3834 §5: vacation responders and other automatic responders must not answer this.
  msg.setHeader("Auto-Submitted", "auto-generated");
  // Exchange and Outlook honour their own header rather than Auto-Submitted ([MS-OXCMAIL] 2.2.3.2.14).
  msg.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
  for (const [name, value] of Object.entries(mail.headers ?? {})) msg.setHeader(name, value);
  msg.addMessage({ contentType: "text/plain", encoding: "base64", data: base64Body(mail.text) });
  if (mail.html) msg.addMessage({ contentType: "text/html", encoding: "base64", data: base64Body(mail.html) });
  for (const a of mail.attachments ?? []) {
    msg.addAttachment({ filename: a.filename, contentType: a.contentType, encoding: "base64", data: base64Body(a.content) });
  }
  return msg.asRaw();
}

/** A Message-ID under the assistant's domain, unique per call. */
export function newMessageId(domain: string, prefix: string): string {
  return `${prefix}.${crypto.randomUUID()}@${domain}`;
}
