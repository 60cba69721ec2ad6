// The digest as a raw RFC 5322 message: multipart/alternative with a text and an HTML part. mimetext's
// browser build writes CRLF and needs no Node modules, so the same code runs in workerd and in tests.

import { Mailbox, createMimeMessage } from "mimetext/browser";

export interface DigestMimeInput {
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
}

/** RFC 2045 §6.8: base64 lines are at most 76 characters. */
export const BASE64_LINE_CHARS = 76;
// RFC 2047 §2: an encoded-word is at most 75 characters. 39 bytes become 52 base64 characters, so each
// word is 64 long and "Subject: " plus the first word stays inside RFC 5322's 78-character line.
const ENCODED_WORD_BYTES = 39;

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Base64 body in 76-character lines. Text is put in canonical CRLF form first (RFC 2046 §4.1.1). */
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

export function buildDigestMime(input: DigestMimeInput): string {
  const msg = createMimeMessage();
  msg.setSender(input.from);
  msg.setTo(input.to);
  msg.setHeader("Reply-To", new Mailbox(input.replyTo));
  msg.setSubject(input.subject);
  // mimetext writes the whole subject as one encoded-word, however long; RFC 2047 caps a word at 75.
  const subjectField = msg.headers.fields.find((f) => f.name === "Subject");
  if (subjectField) subjectField.dump = (v) => (typeof v === "string" ? encodeHeaderWords(v) : "");
  msg.setHeader("Date", rfc5322Date(input.date));
  msg.setHeader("Message-ID", input.messageId.startsWith("<") ? input.messageId : `<${input.messageId}>`);
  // RFC 3834 §5: vacation responders and other automatic responders must not answer this.
  msg.setHeader("Auto-Submitted", "auto-generated");
  // Exchange and Outlook honour their own header rather than Auto-Submitted ([MS-OXCMAIL] 2.2.3.2.14).
  msg.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
  msg.addMessage({ contentType: "text/plain", encoding: "base64", data: base64Body(input.text) });
  msg.addMessage({ contentType: "text/html", encoding: "base64", data: base64Body(input.html) });
  return msg.asRaw();
}
