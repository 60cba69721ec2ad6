// Replays a mail history through the real capture path into local D1, then reads back what the digest reads.
// Nothing here models the aggregates: mail is written as raw RFC 5322 text per client and goes through the
// worker's own email() handling (the owner's BCC, the owner's forward of a mail they got, a contact's reply on a
// shared thread) or the backfill (`importMails`), exactly as in production. The contact row, the plan and the
// digest are the real ones.
import { env } from "cloudflare:test";
import { listSuppressions } from "../../src/db/capture";
import { getDb } from "../../src/db/client";
import { findOwnerById } from "../../src/db/owner-lookup";
import { createOwner, loadOwnerWithAddresses } from "../../src/db/owners";
import type { Contact, Owner } from "../../src/db/schema";
import { planDigest } from "../../src/digest/decide";
import { digestPeople, sendDigest } from "../../src/digest/run";
import { DIGEST_TOKEN_TTL_MS, signDigestToken } from "../../src/digest/token";
import type { DigestPlan, Section } from "../../src/digest/types";
import { readConfig } from "../../src/env";
import { handleEmail } from "../../src/ingest/email-handler";
import { importMails } from "../../src/ingest/import";
import type { IngestOutcome } from "../../src/ingest/outcome";
import { digestAnswer, emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "./mail";

export const DAY = 86_400_000;
export const at = (iso: string) => Date.parse(iso);
/** A BCC'd or forwarded mail reaches the assistant a moment after it was sent. */
const DELIVERY_DELAY_MS = 60_000;

export interface Who {
  name: string;
  address: string;
}

export interface Attachment {
  filename: string;
  mimeType: string;
  content: string;
}

export interface Mail {
  /** When it was sent, ISO 8601 with its zone ("2026-11-03T09:14:00+01:00"). */
  at: string;
  from: Who;
  to: Who[];
  cc?: Who[];
  subject: string;
  /** The text the sender wrote; quotes below it are added with `quote`. */
  body: string;
  /** The mail it answers: In-Reply-To and References point at it, and its text is quoted below. */
  inReplyTo?: Sent;
  attachments?: Attachment[];
  /** More header lines as the client wrote them ("Auto-Submitted: auto-replied"). */
  headers?: string[];
  /** How the client quotes `inReplyTo`: Gmail's attribution above the quote (the default), or Apple Mail's inside it. */
  quoteStyle?: "gmail" | "apple";
}

/** A mail as it was written: its Message-ID, for replies. */
export interface Sent {
  messageId: string;
  mail: Mail;
  /** What the worker made of it, when it was delivered live. */
  outcome?: IngestOutcome;
}

let counter = 0;

function rfc2822(t: number): string {
  return new Date(t).toUTCString().replace("GMT", "+0000");
}

function addressList(list: Who[]): string {
  return list.map((p) => `"${p.name}" <${p.address}>`).join(", ");
}

function domainOf(address: string): string {
  return address.split("@")[1];
}

/** The quoted original below a reply, as Apple Mail writes it: the attribution is the quote's first line. */
function appleQuoteOf(original: Sent): string {
  // "12 Nov 2026, at 16:40": Apple Mail's attribution, here in UTC.
  const d = new Date(at(original.mail.at));
  const [, , month] = d.toUTCString().split(" ");
  const when = `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, at ${d.toISOString().slice(11, 16)}`;
  const quoted = [`On ${when}, ${original.mail.from.name} <${original.mail.from.address}> wrote:`, "", ...original.mail.body.split("\n")]
    .map((l) => (l ? `> ${l}` : ">"))
    .join("\n");
  return `\n\n${quoted}\n`;
}

/** The quoted original below a reply, as Gmail writes it. */
function quoteOf(original: Sent): string {
  // "Tue, 3 Nov 2026 at 08:15": Gmail's attribution, here in UTC.
  const d = new Date(at(original.mail.at));
  const [weekday, , month] = d.toUTCString().split(" ");
  const when = `${weekday} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()} at ${d.toISOString().slice(11, 16)}`;
  const quoted = original.mail.body
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
  return `\n\nOn ${when}, ${original.mail.from.name} <${original.mail.from.address}> wrote:\n${quoted}\n`;
}

function headersOf(mail: Mail, messageId: string): string[] {
  const lines = [
    "MIME-Version: 1.0",
    `Date: ${rfc2822(at(mail.at))}`,
    `Message-ID: <${messageId}>`,
    `Subject: ${mail.subject}`,
    `From: "${mail.from.name}" <${mail.from.address}>`,
    `To: ${addressList(mail.to)}`,
  ];
  if (mail.cc?.length) lines.push(`Cc: ${addressList(mail.cc)}`);
  if (mail.inReplyTo) lines.push(`In-Reply-To: <${mail.inReplyTo.messageId}>`, `References: <${mail.inReplyTo.messageId}>`);
  return [...lines, ...(mail.headers ?? [])];
}

/** A mail body with its attachments, as multipart/mixed when there are any. */
function bodyOf(text: string, attachments: Attachment[] = []): string[] {
  if (attachments.length === 0) return ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit", "", text, ""];
  const boundary = `----=_Part_${++counter}_replay`;
  const parts = [
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    text,
    "",
  ];
  for (const a of attachments) {
    parts.push(
      `--${boundary}`,
      `Content-Type: ${a.mimeType}; name="${a.filename}"`,
      `Content-Disposition: attachment; filename="${a.filename}"`,
      "Content-Transfer-Encoding: base64",
      "",
      btoa(a.content),
      "",
    );
  }
  parts.push(`--${boundary}--`, "");
  return parts;
}

/** The raw mail as its sender's client wrote it, CRLF line ends. */
export function rawMail(mail: Mail, messageId: string): string {
  const quote = mail.quoteStyle === "apple" ? appleQuoteOf : quoteOf;
  const text = mail.inReplyTo ? mail.body + quote(mail.inReplyTo) : mail.body;
  return [...headersOf(mail, messageId), ...bodyOf(text, mail.attachments)].join("\r\n").replace(/\r?\n/g, "\r\n");
}

function newMessageId(mail: Mail): string {
  return `replay-${++counter}-${at(mail.at).toString(36)}@${domainOf(mail.from.address)}`;
}

/** The owner forwards a mail they got, as Thunderbird does: a note, the original header block, its attachments. */
function forwardRaw(owner: Who, original: Mail, forwardedAt: number, note: string): string {
  const block = [
    "-------- Forwarded Message --------",
    `Subject: \t${original.subject}`,
    `Date: \t${rfc2822(at(original.at))}`,
    `From: \t${original.from.name} <${original.from.address}>`,
    `To: \t${original.to.map((p) => `${p.name} <${p.address}>`).join(", ")}`,
    ...(original.cc?.length ? [`CC: \t${original.cc.map((p) => `${p.name} <${p.address}>`).join(", ")}`] : []),
    "",
    "",
    original.body,
  ].join("\n");
  const forward: Mail = { at: new Date(forwardedAt).toISOString(), from: owner, to: [{ name: "Gensidig", address: ASSISTANT }], subject: `Fwd: ${original.subject}`, body: "" };
  const headers = headersOf(forward, `fwd-${++counter}@${domainOf(owner.address)}`).filter((l) => !l.startsWith("To:"));
  headers.push(`To: ${ASSISTANT}`, "User-Agent: Mozilla Thunderbird");
  return [...headers, ...bodyOf(note ? `${note}\n\n${block}` : block, original.attachments)].join("\r\n").replace(/\r?\n/g, "\r\n");
}

export const ASSISTANT = "gensidig@example.com";

export interface ShownItem {
  number: number;
  section: Section;
  address: string;
  /** The item's reason as the plain-text digest words it, on one line. */
  why: string;
}

export interface ReplayedDigest {
  subject: string;
  text: string;
  items: ShownItem[];
  token: string;
  messageId: string;
}

/** The item's reason in the plain-text digest: the lines under "N. Name <address>", joined. */
function whyOf(text: string, number: number): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\s*${number}\\.\\s`).test(l));
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && /^\s{4}\S/.test(lines[i]); i++) out.push(lines[i].trim());
  return out.join(" ");
}

/**
 * One owner with their own history. Every test makes its own (storage is shared by the tests of a file), so
 * give each a distinct address.
 */
export async function replayOwner(address: string, opts: { name?: string; language?: "en" | "da"; followUpDays?: number } = {}) {
  const db = getDb(env.DB);
  const config = readConfig(testEnv());
  const created = await createOwner(db, {
    primaryAddress: address,
    apiToken: `replay-${address}`,
    name: opts.name ?? "Sofie Kjær",
    language: opts.language ?? "en",
    now: at("2025-01-01T00:00:00Z"),
  });
  const ownerId = created.id;
  if (opts.followUpDays !== undefined) await env.DB.prepare("update owners set follow_up_days = ? where id = ?").bind(opts.followUpDays, ownerId).run();
  const me: Who = { name: opts.name ?? "Sofie Kjær", address };
  let digests = 0;

  async function deliver(raw: string, from: string, now: number, to = ASSISTANT): Promise<IngestOutcome> {
    const verdict = from === address ? withCloudflareVerdict(raw, "pass", domainOf(address)) : raw;
    const mail = emailMessage(verdict, { from, to });
    return handleEmail(mail.message, testEnv({ SEND_EMAIL: recordingSendEmail().binding }), now);
  }

  function expectStored(outcome: IngestOutcome, what: string) {
    if (outcome.status !== "stored") throw new Error(`${what}: ${JSON.stringify(outcome)}`);
  }

  async function owner(): Promise<Owner> {
    return (await findOwnerById(db.$client, ownerId))!;
  }

  return {
    ownerId,
    me,

    /** The owner sends a mail with the assistant in BCC (`to` is the address BCC'd, e.g. gensidig+3d@…). */
    async send(mail: Omit<Mail, "from">, bcc = ASSISTANT): Promise<Sent> {
      const full = { ...mail, from: me };
      const messageId = newMessageId(full);
      expectStored(await deliver(rawMail(full, messageId), address, at(mail.at) + DELIVERY_DELAY_MS, bcc), `BCC ${mail.subject}`);
      return { messageId, mail: full };
    },

    /**
     * The owner forwards a mail they got, with an optional note above it (a note says the owner knows them, so
     * it puts the sender in the network). An inline forward does not carry the original's
     * Message-ID, so nothing can reply to it by id: the owner's answer is a new mail ("Re: …" without In-Reply-To).
     * Automated mail (a newsletter) comes back with its outcome, "ignored"; anything else must be stored.
     */
    async forward(mail: Mail, note = ""): Promise<IngestOutcome> {
      const forwardedAt = at(mail.at) + DELIVERY_DELAY_MS;
      const outcome = await deliver(forwardRaw(me, mail, forwardedAt, note), address, forwardedAt);
      if (outcome.status !== "ignored") expectStored(outcome, `forward of ${mail.subject}`);
      return outcome;
    },

    /**
     * The owner forwards a mail with another client, whose forward is `text` exactly as that client writes it
     * (Apple Mail's "Begin forwarded message:", a Danish Thunderbird's "Videresendt meddelelse"), at `sentAt`.
     */
    async forwardAs(subject: string, text: string, sentAt: string, userAgent: string): Promise<IngestOutcome> {
      const forwardedAt = at(sentAt);
      const forward: Mail = { at: sentAt, from: me, to: [{ name: "Gensidig", address: ASSISTANT }], subject, body: "" };
      const headers = headersOf(forward, `fwd-${++counter}@${domainOf(address)}`).filter((l) => !l.startsWith("To:"));
      headers.push(`To: ${ASSISTANT}`, `User-Agent: ${userAgent}`);
      const raw = [...headers, ...bodyOf(text)].join("\r\n").replace(/\r?\n/g, "\r\n");
      const outcome = await deliver(raw, address, forwardedAt + DELIVERY_DELAY_MS);
      if (outcome.status !== "ignored") expectStored(outcome, `forward of ${subject}`);
      return outcome;
    },

    /**
     * A contact answers on a thread the owner shared, with the assistant in Cc (reply all). Automated mail (an
     * out-of-office) comes back with its outcome, "ignored"; anything else must be stored.
     */
    async reply(mail: Mail & { inReplyTo: Sent }): Promise<Sent> {
      const messageId = newMessageId(mail);
      const withAssistant = { ...mail, cc: [...(mail.cc ?? []), { name: "Gensidig", address: ASSISTANT }] };
      const outcome = await deliver(rawMail(withAssistant, messageId), mail.from.address, at(mail.at) + DELIVERY_DELAY_MS);
      if (outcome.status !== "ignored") expectStored(outcome, `reply ${mail.subject}`);
      return { messageId, mail, outcome };
    },

    /** The owner's mailbox backfilled with `npm run import` at `now`: sent and received mail, in date order. */
    async backfill(mails: Mail[], now: number): Promise<Sent[]> {
      const sent = mails.map((mail) => ({ mail, messageId: newMessageId(mail) }));
      sent.sort((a, b) => at(a.mail.at) - at(b.mail.at));
      const ctx = { d1: db.$client, config, owner: (await loadOwnerWithAddresses(db.$client, ownerId))!, suppressions: await listSuppressions(db.$client, ownerId), now };
      const { outcomes } = await importMails(
        ctx,
        sent.map((s) => new TextEncoder().encode(rawMail(s.mail, s.messageId))),
      );
      outcomes.forEach((o, i) => expectStored(o, `import ${sent[i].mail.subject}`));
      return sent;
    },

    /** Mail exactly as a mailbox export holds it (a delivery report, say) imported at `now`: each mail's outcome. */
    async importRaw(raws: string[], now: number): Promise<IngestOutcome[]> {
      const ctx = { d1: db.$client, config, owner: (await loadOwnerWithAddresses(db.$client, ownerId))!, suppressions: await listSuppressions(db.$client, ownerId), now };
      return (await importMails(ctx, raws.map((raw) => new TextEncoder().encode(raw)))).outcomes;
    },

    /** The contact row as the digest reads it. */
    async contact(who: string | Who): Promise<Contact> {
      const wanted = typeof who === "string" ? who : who.address;
      const found = await db.query.contacts.findFirst({ where: (c, { and, eq }) => and(eq(c.ownerId, ownerId), eq(c.address, wanted)) });
      if (!found) throw new Error(`no contact ${wanted} for ${address}`);
      return found;
    },

    /** What the digest at `now` would show, without sending it: the digest's own reads and plan. */
    async plan(now: number): Promise<DigestPlan> {
      const o = await owner();
      return planDigest({ ...(await digestPeople(db.$client, o, now)), owner: o, now });
    },

    /** Sends the real digest at `now` and reads back its numbered items and their reasons. */
    async digest(now: number): Promise<ReplayedDigest> {
      const sent = await sendDigest(db.$client, recordingSendEmail().binding, config, await owner(), now, null);
      const rows = await env.DB.prepare(
        "select i.number, i.kind, c.address from digest_items i join contacts c on c.id = i.contact_id where i.digest_id = ? order by i.number",
      )
        .bind(sent.digestId)
        .all<{ number: number; kind: Section; address: string }>();
      digests++;
      return {
        subject: sent.subject,
        text: sent.text,
        items: rows.results.map((r) => ({ number: r.number, section: r.kind, address: r.address, why: whyOf(sent.text, r.number) })),
        token: await signDigestToken(env.DIGEST_TOKEN_SECRET!, { ownerId, digestId: sent.digestId, expiresAt: now + DIGEST_TOKEN_TTL_MS }),
        messageId: sent.raw.match(/^Message-ID:\s*<([^>]+)>/im)?.[1] ?? "",
      };
    },

    /** The owner answers a digest with command lines ("done 2"), as a Gmail reply to its signed address. */
    async answer(digest: ReplayedDigest, lines: string[], now: number): Promise<IngestOutcome> {
      const to = `gensidig+${digest.token}@example.com`;
      const raw = digestAnswer({
        from: address,
        name: me.name,
        to,
        digestSubject: digest.subject,
        digestMessageId: digest.messageId,
        messageId: `answer-${++counter}-${digests}@${domainOf(address)}`,
        date: now,
        lines,
      });
      return deliver(raw, address, now, to);
    },
  };
}

export type Replay = Awaited<ReturnType<typeof replayOwner>>;

/** Sections and addresses of a plan, in digest order. */
export function shown(plan: DigestPlan): Array<[Section, string]> {
  return plan.items.map((i) => [i.section, i.address]);
}
