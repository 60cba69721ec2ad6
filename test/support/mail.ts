// Builds what Cloudflare Email Routing hands the worker: a ForwardableEmailMessage. The test pool has no
// helper for email, so this stands in for the platform object, recording what the worker asked of it.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import type { Env } from "../../src/env";

export interface DeliveredMail {
  message: ForwardableEmailMessage;
  rejected: () => string | null;
  replies: string[];
}

export interface DeliverOptions {
  from: string;
  to?: string;
  /** Throw from reply(), as Cloudflare does when it refuses to reply (then send_email must be used). */
  replyRefused?: boolean;
}

async function rawText(raw: unknown): Promise<string> {
  if (typeof raw === "string") return raw;
  return new Response(raw as ReadableStream).text();
}

export function emailMessage(raw: string | Uint8Array, opts: DeliverOptions): DeliveredMail {
  const bytes = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  let rejection: string | null = null;
  const replies: string[] = [];
  const headerText = new TextDecoder("latin1").decode(bytes.slice(0, 64 * 1024)).split(/\r?\n\r?\n/, 1)[0];
  const headers = new Headers();
  for (const line of headerText.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    // Headers objects take ASCII only; an encoded-word is ASCII already, raw 8-bit values are skipped.
    if (i > 0 && !/[^\x20-\x7e\t]/.test(line)) {
      try {
        headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
      } catch {}
    }
  }
  const message = {
    from: opts.from,
    to: opts.to ?? "gensidig@example.com",
    raw: new Response(bytes).body!,
    rawSize: bytes.byteLength,
    headers,
    setReject(reason: string) {
      rejection = reason;
    },
    async forward() {
      throw new Error("the worker never forwards mail");
    },
    async reply(reply: EmailMessage) {
      if (opts.replyRefused) throw new Error("original email is not repliable");
      const raw = await rawText((reply as unknown as { raw: string }).raw);
      const problem = replyProblem(headerText, raw);
      if (problem) throw new Error(problem);
      replies.push(raw);
      return { messageId: `<reply.${replies.length}@cloudflare.example>` };
    },
  } as unknown as ForwardableEmailMessage;
  return { message, rejected: () => rejection, replies };
}

/** A header of a raw mail, unfolded as postal-mime unfolds it (the line breaks go, the whitespace stays). */
function rawHeader(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n(?=[ \t])/g, "");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

/**
 * What Cloudflare's reply() refuses, with its messages (as wrangler's local reply() checks them): an answer
 * must have In-Reply-To equal to the incoming Message-ID, and References holding both that Message-ID and the
 * incoming References as they were.
 */
function replyProblem(incomingHead: string, reply: string): string | null {
  const incomingId = rawHeader(incomingHead, "Message-ID");
  const inReplyTo = rawHeader(reply, "In-Reply-To");
  if (!inReplyTo) return "no In-Reply-To header found in reply message";
  if (inReplyTo !== incomingId) return "In-Reply-To does not match original Message-ID";
  const references = rawHeader(reply, "References");
  const incomingReferences = rawHeader(incomingHead, "References") ?? "";
  if (references !== null && !(references.includes(inReplyTo) && references.includes(incomingReferences))) {
    return "provided References header is invalid";
  }
  return null;
}

/** Cloudflare's MX prepends its verdict; a deployed worker only trusts that one. */
export function withCloudflareVerdict(raw: string, dmarc: "pass" | "fail" | "none", domain: string): string {
  const header =
    `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=${dmarc === "pass" ? "pass" : "none"} header.d=${domain};` +
    ` dmarc=${dmarc} header.from=${domain}; spf=${dmarc === "pass" ? "pass" : "softfail"} smtp.mailfrom=${domain}\r\n`;
  return header + raw;
}

/** The owner's answer to a digest: command lines, sent to the digest's signed reply address, as a client replies. */
export function digestAnswer(a: { from: string; name: string; to: string; digestSubject: string; digestMessageId: string; messageId: string; date: number; lines: string[] }): string {
  const parent = `<${a.digestMessageId.replace(/^<|>$/g, "")}>`;
  return [
    "MIME-Version: 1.0",
    `Date: ${new Date(a.date).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${a.messageId}>`,
    `Subject: Re: ${a.digestSubject}`,
    `From: "${a.name}" <${a.from}>`,
    `To: ${a.to}`,
    `In-Reply-To: ${parent}`,
    `References: ${parent}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    ...a.lines,
    "",
  ].join("\r\n");
}

export interface SentMail {
  from: string;
  to: string;
  raw: string;
}

/** A send_email binding that keeps what it was given. Locally wrangler writes these to .eml files. */
export function recordingSendEmail(): { binding: SendEmail; sent: SentMail[] } {
  const sent: SentMail[] = [];
  const binding = {
    async send(message: EmailMessage) {
      const m = message as unknown as { from: string; to: string; raw: string | ReadableStream };
      sent.push({ from: m.from, to: m.to, raw: await rawText(m.raw as string) });
      // Cloudflare gives what it sends a Message-ID of its own and returns it.
      return { messageId: `<sent.${sent.length}.${crypto.randomUUID()}@cloudflare.example>` };
    },
  } as unknown as SendEmail;
  return { binding, sent };
}

export function testEnv(overrides: Partial<Env> = {}): Env {
  return { ...(env as unknown as Env), ...overrides };
}

/** Hands a raw mail to the worker's real email() handler, as Email Routing would, and records what came back. */
export async function deliverToWorker(raw: string | Uint8Array, opts: DeliverOptions & { envOverrides?: Partial<Env> }) {
  const mail = emailMessage(raw, opts);
  const outbox = recordingSendEmail();
  const ctx = createExecutionContext();
  await worker.email(mail.message, testEnv({ SEND_EMAIL: outbox.binding, ...opts.envOverrides }), ctx);
  await waitOnExecutionContext(ctx);
  return { ...mail, sent: outbox.sent };
}
