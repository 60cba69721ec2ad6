// A small network for the command tests: real BCC mails delivered through the email handler, digests sent
// with the real sendDigest, and digest replies delivered to gensidig+<token>@example.com.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { getDb } from "../../src/db/client";
import { digestCandidates } from "../../src/db/digest-store";
import { findOwnerById } from "../../src/db/owner-lookup";
import type { Owner } from "../../src/db/schema";
import { planDigest } from "../../src/digest/decide";
import { sendDigest } from "../../src/digest/run";
import { signDigestToken } from "../../src/digest/token";
import { readConfig } from "../../src/env";
import { handleEmail } from "../../src/ingest/email-handler";
import { emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../support/mail";

export const db = () => getDb(env.DB);
export const config = () => readConfig(testEnv());

/** The token written in the reply fixtures' To header; tests put a freshly signed one in its place. */
export const FIXTURE_TOKEN = "1-1-mj8k2p0w-7gq2m4vd3x5s6a9bqrtu";

export interface Person {
  name: string;
  address: string;
  subject: string;
  /** ISO time the owner wrote to them. */
  at: string;
}

export const at = (iso: string) => Date.parse(iso);
export const ANNA = "anna@holmraadgivning.dk";
export const BO = "bo@nielsenconsult.dk";
export const KARIN = "karin@oestergaard-arkitekter.dk";
export const MIKKEL = "mikkel@jensen-revision.dk";
export const LISE = "lise@dahlkommunikation.dk";

/**
 * The five people every command test starts from: the owner wrote to the first three on `firstDay` and
 * to the other two on `secondDay` (YYYY-MM-DD, Copenhagen), so the first digest numbers them 1 Anna,
 * 2 Bo, 3 Karin.
 */
export function fivePeople(firstDay: string, secondDay: string): Person[] {
  return [
    { name: "Anna Holm", address: ANNA, subject: "Coffee after Founders Friday?", at: `${firstDay}T09:00:00+01:00` },
    { name: "Bo Nielsen", address: BO, subject: "Intro to your accountant", at: `${firstDay}T10:00:00+01:00` },
    { name: "Karin Østergaard", address: KARIN, subject: "Workshop i januar?", at: `${firstDay}T11:00:00+01:00` },
    { name: "Mikkel Jensen", address: MIKKEL, subject: "Idéer til forårets nyhedsbrev", at: `${secondDay}T09:00:00+01:00` },
    { name: "Lise Dahl", address: LISE, subject: "Thanks for lunch!", at: `${secondDay}T10:00:00+01:00` },
  ];
}

/** The owner writes to each person with the assistant in BCC, as Gmail sends it. */
export async function seedOutreach(owner: string, people: Person[]) {
  for (const [i, p] of people.entries()) {
    const date = new Date(p.at);
    const raw = withCloudflareVerdict(
      [
        "MIME-Version: 1.0",
        `Date: ${date.toUTCString().replace("GMT", "+0000")}`,
        `Message-ID: <CAK7n1c9seed${i}${p.address.replace(/\W/g, "")}@mail.gmail.com>`,
        `Subject: ${p.subject}`,
        `From: Owner <${owner}>`,
        `To: "${p.name}" <${p.address}>`,
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: 8bit",
        "",
        `Hi ${p.name.split(" ")[0]},`,
        "",
        "It was good to meet you last week. Would you have time for a coffee soon?",
        "",
        "Best,",
        "Owner",
        "",
      ].join("\r\n"),
      "pass",
      owner.split("@")[1],
    );
    const mail = emailMessage(raw, { from: owner });
    const outcome = await handleEmail(mail.message, testEnv({ SEND_EMAIL: recordingSendEmail().binding }), date.getTime());
    if (outcome.status !== "stored") throw new Error(`seeding ${p.address}: ${JSON.stringify(outcome)}`);
  }
}

export async function owner(id: number): Promise<Owner> {
  const o = await findOwnerById(env.DB, id);
  if (!o) throw new Error(`no owner ${id}`);
  return o;
}

/** Addresses in the digest that would go out at `now`, in their numbered order. */
export async function planned(ownerId: number, now: number): Promise<string[]> {
  const o = await owner(ownerId);
  const plan = planDigest({ ...(await digestCandidates(env.DB, ownerId, o, now)), owner: o, now });
  return plan.items.map((i) => i.address);
}

/** Sends a digest at `now` and returns it with a reply token signed for it. */
export async function digestAt(ownerId: number, now: number) {
  const outbox = recordingSendEmail();
  const sent = await sendDigest(env.DB, outbox.binding, config(), await owner(ownerId), now, null);
  const token = await signDigestToken(env.DIGEST_TOKEN_SECRET!, { ownerId, digestId: sent.digestId, expiresAt: now + 30 * 86_400_000 });
  return { ...sent, token, outbox };
}

export interface Delivery {
  outcome: Awaited<ReturnType<typeof handleEmail>>;
  rejected: string | null;
  replies: string[];
  sent: Array<{ from: string; to: string; raw: string }>;
  /** The answer's text/plain part, from reply() or send_email. */
  answer: string | null;
  answerRaw: string | null;
}

/** Delivers a mail from the owner at `now`, by default to the token's reply address. */
export async function deliverCommand(
  raw: string,
  opts: { from: string; token?: string | null; to?: string; now: number; replyRefused?: boolean; verdict?: boolean; db?: D1Database },
): Promise<Delivery> {
  const to = opts.to ?? (opts.token ? `gensidig+${opts.token}@example.com` : "gensidig@example.com");
  let text = raw.replaceAll(`gensidig+${FIXTURE_TOKEN}@example.com`, to);
  if (opts.verdict !== false) text = withCloudflareVerdict(text, "pass", opts.from.split("@")[1]);
  const mail = emailMessage(text, { from: opts.from, to, replyRefused: opts.replyRefused });
  const outbox = recordingSendEmail();
  const outcome = await handleEmail(mail.message, testEnv({ SEND_EMAIL: outbox.binding, ...(opts.db ? { DB: opts.db } : {}) }), opts.now);
  const answerRaw = mail.replies[0] ?? outbox.sent.find((s) => /^Message-ID: <answer\./im.test(s.raw))?.raw ?? null;
  const answer = answerRaw ? ((await PostalMime.parse(answerRaw)).text ?? "").replace(/\r\n/g, "\n") : null;
  return { outcome, rejected: mail.rejected(), replies: mail.replies, sent: outbox.sent, answer, answerRaw };
}

export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql).bind(...params).first<{ n: number }>();
  return row!.n;
}
