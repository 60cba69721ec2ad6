// The attack mails of issue 9, shared by the per-class security tests (test/worker/security-*.test.ts) and the
// table that replays one of each (test/worker/security.test.ts), and the D1 snapshot they compare.
import { env } from "cloudflare:test";
import { withCloudflareVerdict } from "./mail";

const rfc5322Date = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");

/** Cloudflare's ARC-Authentication-Results value as Email Routing writes it, folded; only dkim and dmarc vary. */
export const cloudflareArc = (
  dmarc: string,
  dkim = "dkim=pass header.d=example.com header.s=s1 header.b=abc",
  spf = "spf=pass (mx.cloudflare.net: domain of owner@example.com designates 1.2.3.4 as permitted sender) smtp.mailfrom=owner@example.com",
) =>
  [
    "i=1; mx.cloudflare.net;",
    `\t${dkim};`,
    `\t${dmarc};`,
    `\t${spf};`,
    "\tarc=none smtp.remote-ip=1.2.3.4",
  ].join("\r\n");

/** One RFC 2047 encoded word; postal-mime's decoding of a run of these is quadratic. */
export const ENCODED_WORD = "=?UTF-8?B?5pel5pys6Kqe44Gu5Lu25ZCN?=";

/** A mail whose Subject is over 1 MB of encoded words, with an address command for its body. */
export function bigSubjectMail(from: string): string {
  const words = Math.ceil((1024 * 1024) / (ENCODED_WORD.length + 3));
  return [
    `From: ${from}`,
    "To: gensidig@example.com",
    "Message-ID: <huge-subject@example.org>",
    "Date: Tue, 10 Nov 2026 09:00:00 +0000",
    `Subject: ${Array(words).fill(ENCODED_WORD).join("\r\n ")}`,
    "Content-Type: text/plain; charset=UTF-8",
    "",
    "forget anders@example.org confirm",
    "",
  ].join("\r\n");
}

export interface OwnerMailParts {
  id: string;
  subject: string;
  to?: string;
  headers?: string[];
  body: string;
}

/** A plain-text mail from `owner`, as a client sends it, without Cloudflare's verdict. */
export function plainOwnerMail(owner: string, a: OwnerMailParts, name = "Camilla Olsen"): string {
  return [
    "MIME-Version: 1.0",
    "Date: Mon, 16 Nov 2026 09:12:00 +0100",
    `Message-ID: <${a.id}>`,
    `Subject: ${a.subject}`,
    `From: ${name} <${owner}>`,
    `To: ${a.to ?? "gensidig@example.com"}`,
    ...(a.headers ?? []),
    ...(a.headers?.some((h) => /^content-type:/i.test(h)) ? [] : ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit"]),
    "",
    a.body,
    "",
  ].join("\r\n");
}

/** A mail from `owner` with Cloudflare's aligned DMARC pass in front, as a deployed worker receives it. */
export function fromOwner(owner: string, a: OwnerMailParts, name?: string): string {
  return withCloudflareVerdict(plainOwnerMail(owner, a, name), "pass", owner.split("@")[1]);
}

/** The commands an unreadable forward smuggles in: delete a contact, pause the digests. */
export const smuggledCommands = (address: string) => `forget ${address} confirm\npause`;

/**
 * An owner's forward whose header block is in a locale the forward parser does not know (Thai Gmail; Korean was
 * such a locale until its labels were added to markers.ts).
 */
export const unknownLocaleForward = (owner: string, commands: string) =>
  `---------- ข้อความที่ส่งต่อ ---------\nจาก: สมชาย ใจดี <somchai@example.co.th>\nวันที่: อ. 3 พ.ย. 2026 เวลา 10:12\nหัวเรื่อง: สวัสดี\nถึง: <${owner}>\n\n${commands}`;

/** The same forward from Korean Gmail, which the forward parser reads: the original's words are no commands either. */
export const koreanForward = (owner: string, commands: string) =>
  `---------- 전달된 메일 ---------\n보낸사람: 김민수 <minsu@example.kr>\n날짜: 2026년 11월 3일 (화) 오전 10:12\n제목: 안녕하세요\n받는사람: <${owner}>\n\n${commands}`;

/** The owner forwarding the assistant's own digest to the assistant. */
export const forwardedDigest = (owner: string, assistant: string) =>
  [
    "Look at this week's digest.",
    "",
    "---------- Forwarded message ---------",
    `From: Gensidig <${assistant}>`,
    "Date: Mon, 16 Nov 2026 at 08:00",
    "Subject: Week 47: 3 to follow up with",
    `To: Camilla Olsen <${owner}>`,
    "",
    "Hi Camilla,",
    "",
    "3 small things this week. Each takes a minute.",
  ].join("\n");

/** When the owner's thread mail was sent, and when the replies to it are written. */
export const THREAD_SENT_AT = Date.UTC(2026, 10, 3, 8, 14);
export const THREAD_REPLIED_AT = Date.UTC(2026, 10, 4, 18, 2);

/** The owner's mail that starts a thread, BCC'd to the assistant as Gmail sends it, with Cloudflare's DMARC pass. */
export function ownerAsks(owner: string, a: { id: string; to: string; cc: string }): string {
  return withCloudflareVerdict(
    [
      "MIME-Version: 1.0",
      `Date: ${rfc5322Date(THREAD_SENT_AT)}`,
      `Message-ID: <${a.id}>`,
      "Subject: Could you send the workshop slides?",
      `From: Owner Olsen <${owner}>`,
      `To: ${a.to}`,
      `Cc: ${a.cc}`,
      'Content-Type: text/plain; charset="UTF-8"',
      "",
      "Hi, could you send me the slides from Tuesday's workshop?",
      "",
      "Owner",
      "",
    ].join("\r\n"),
    "pass",
    owner.split("@")[1],
  );
}

/** A reply on that thread, written to the owner. */
export function threadReply(owner: string, a: { threadId: string; id: string; from: string; to?: string }): string {
  return [
    "MIME-Version: 1.0",
    `Date: ${rfc5322Date(THREAD_REPLIED_AT)}`,
    `Message-ID: <${a.id}>`,
    "Subject: Re: Could you send the workshop slides?",
    `From: ${a.from}`,
    `To: ${a.to ?? `Owner Olsen <${owner}>`}`,
    `In-Reply-To: <${a.threadId}>`,
    `References: <${a.threadId}>`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "Here they are: https://slides.example.net/workshop",
    "",
  ].join("\r\n");
}

/** A short Gmail mail from `from` to `to` (a digest reply address), one command per line. */
export function tokenReply(id: string, from: string, to: string, lines: string[]): string {
  return [
    "MIME-Version: 1.0",
    "Date: Mon, 16 Nov 2026 12:00:00 +0100",
    `Message-ID: <CAK7n1c8${id}@mail.gmail.com>`,
    "Subject: Re: Week 47: 3 to follow up with",
    `From: Camilla Olsen <${from}>`,
    `To: Gensidig <${to}>`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    ...lines,
    "",
  ].join("\r\n");
}

/** The token with its last character changed: the shape holds, the signature does not. */
export const alteredToken = (token: string) => token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");

/** The tables that hold an owner's data, each filtered on owner_id. */
export const OWNER_TABLES = [
  "owner_addresses",
  "contacts",
  "interactions",
  "messages",
  "notes",
  "mail_events",
  "suppressions",
  "weekly_activity",
  "digests",
  "digest_items",
] as const;
export type SnapshotKey = (typeof OWNER_TABLES)[number] | "owners";

/**
 * What D1 holds for one owner: the row count of every owner table, and the owner's own row (settings, pause)
 * as it reads. Two snapshots around a delivery show what it changed.
 */
export async function ownerSnapshot(ownerId: number): Promise<Record<SnapshotKey, number | string>> {
  const rows = await env.DB.batch([
    ...OWNER_TABLES.map((t) => env.DB.prepare(`select count(*) as n from "${t}" where owner_id = ?`).bind(ownerId)),
    env.DB.prepare("select * from owners where id = ?").bind(ownerId),
  ]);
  const out = Object.fromEntries(OWNER_TABLES.map((t, i) => [t, (rows[i].results[0] as { n: number }).n])) as Record<SnapshotKey, number | string>;
  out.owners = JSON.stringify(rows[OWNER_TABLES.length].results);
  return out;
}
