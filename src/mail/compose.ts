// Builds outgoing mail (digests, answers to the owner) as raw RFC 5322 text with mimetext.
import { createMimeMessage } from "mimetext/browser";

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
  references?: string[];
  messageId: string;
  date: Date;
  attachments?: OutgoingAttachment[];
}

function bracket(id: string): string {
  return id.startsWith("<") ? id : `<${id}>`;
}

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function composeMail(mail: OutgoingMail): string {
  const msg = createMimeMessage();
  msg.setSender(mail.from.name ? { name: mail.from.name, addr: mail.from.address } : mail.from.address);
  msg.setTo(mail.to);
  msg.setSubject(mail.subject);
  if (mail.replyTo) msg.setHeader("Reply-To", mail.replyTo);
  msg.setHeader("Message-ID", bracket(mail.messageId));
  msg.setHeader("Date", mail.date.toUTCString().replace("GMT", "+0000"));
  if (mail.inReplyTo) msg.setHeader("In-Reply-To", bracket(mail.inReplyTo));
  const refs = [...(mail.references ?? []), ...(mail.inReplyTo ? [mail.inReplyTo] : [])];
  if (refs.length) msg.setHeader("References", [...new Set(refs)].map(bracket).join(" "));
  // RFC 3834 §5: machine-written mail says so, so vacation responders leave it alone.
  msg.setHeader("Auto-Submitted", "auto-generated");
  msg.addMessage({ contentType: "text/plain", data: mail.text, charset: "UTF-8" });
  if (mail.html) msg.addMessage({ contentType: "text/html", data: mail.html, charset: "UTF-8" });
  for (const a of mail.attachments ?? []) {
    msg.addAttachment({ filename: a.filename, contentType: a.contentType, data: utf8Base64(a.content) });
  }
  return msg.asRaw();
}

/** A Message-ID under the assistant's domain, unique per call. */
export function newMessageId(domain: string, prefix: string): string {
  return `${prefix}.${crypto.randomUUID()}@${domain}`;
}
