// The scene and helpers of the round-two security tests (security-round2, security-unicode-addresses,
// security-calendar-answers): an owner with a shared thread, delivery through the real handleEmail() in production
// configuration against the local D1, and the owner's rows before and after.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { expect } from "vitest";
import { handleEmail } from "../../src/ingest/email-handler";
import { ownerAsks, THREAD_SENT_AT } from "./attacks";
import { emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "./mail";
import { seedOwner } from "./owners";

export const NOW = Date.UTC(2026, 10, 16, 11, 0);
export const ASSISTANT = "gensidig@example.com";
export const SECRET = "test-secret-0123456789abcdef";
export const rfcDate = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");

// ── scene (as in security-audit.test.ts) ────────────────────────────────────────────────────────────────────
export interface Scene {
  tag: string;
  owner: string;
  domain: string;
  ownerId: number;
  token: string;
  anna: string;
  bo: string;
  threadId: string;
}

let seq = 0;
export async function scene(name: string, opts: { local?: string; to?: string; cc?: string } = {}): Promise<Scene> {
  const tag = `r${++seq}-${name.replace(/\W+/g, "-").toLowerCase().slice(0, 18).replace(/-+$/, "")}`;
  const domain = `${tag}.example`;
  const owner = `${opts.local ?? "owner"}@${domain}`;
  const token = `tok-${tag}`;
  const { id } = await seedOwner(owner, token, { name: "Owner Olsen" });
  const anna = `anna@${tag}-c.example`;
  const bo = `bo@${tag}-p.example`;
  const thread = { id: `${tag}-ask@mail.gmail.com`, to: opts.to ?? anna, cc: opts.cc ?? bo };
  const r = await deliver(ownerAsks(owner, thread), { from: owner, now: THREAD_SENT_AT + 60_000 });
  expect(r.outcome.status).toBe("stored");
  return { tag, owner, domain, ownerId: id, token, anna, bo, threadId: thread.id };
}

export async function deliver(raw: string | Uint8Array, opts: { from: string; to?: string; now?: number; replyRefused?: boolean }) {
  const mail = emailMessage(raw, { from: opts.from, to: opts.to ?? ASSISTANT, replyRefused: opts.replyRefused });
  const outbox = recordingSendEmail();
  let outcome: Awaited<ReturnType<typeof handleEmail>>;
  const started = Date.now();
  try {
    outcome = await handleEmail(mail.message, testEnv({ SEND_EMAIL: outbox.binding }), opts.now ?? NOW);
  } catch (err) {
    outcome = { status: "threw", reason: String(err) } as never;
  }
  const ms = Date.now() - started;
  const out = [...mail.replies.map((r) => ({ to: opts.from, raw: r })), ...outbox.sent.map((s) => ({ to: s.to, raw: s.raw }))];
  const answers = await Promise.all(out.map(async (r) => ((await PostalMime.parse(r.raw)).text ?? "").replace(/\r\n/g, "\n")));
  return { outcome, rejected: mail.rejected(), answers, recipients: out.map((o) => o.to), ms };
}

const TABLES = ["owner_addresses", "contacts", "interactions", "messages", "notes", "mail_events", "suppressions", "weekly_activity", "digests", "digest_items", "meetings"];

export async function dump(ownerId: number): Promise<Record<string, unknown[]>> {
  const res = await env.DB.batch([
    env.DB.prepare("select * from owners where id = ?").bind(ownerId),
    ...TABLES.map((t) => env.DB.prepare(`select * from "${t}" where owner_id = ? order by rowid`).bind(ownerId)),
  ]);
  const out: Record<string, unknown[]> = { owners: res[0].results };
  TABLES.forEach((t, i) => (out[t] = res[i + 1].results));
  return out;
}

/** What only the owner may change. */
export async function ownerControlled(ownerId: number, sender?: string) {
  const d = await dump(ownerId);
  return {
    owners: d.owners,
    suppressions: d.suppressions,
    notes: d.notes,
    meetings: d.meetings,
    digestItems: d.digest_items,
    contacts: (d.contacts as Array<Record<string, unknown>>).map((c) => ({
      address: c.address,
      circle: c.circle,
      muted: c.muted,
      cadence: c.cadence_days,
      snoozed: c.snoozed_until,
      done: c.done_at,
      merged: c.merged_into,
      unreachable: c.unreachable_at,
      ...(c.address === sender ? {} : { followUpSince: c.follow_up_since, followUpDue: c.follow_up_due_at }),
    })),
  };
}

export const contactRow = async (ownerId: number, address: string) =>
  env.DB.prepare("select * from contacts where owner_id = ? and address = ?").bind(ownerId, address).first<Record<string, unknown>>();
export const notesOf = async (ownerId: number) => (await env.DB.prepare("select * from notes where owner_id = ?").bind(ownerId).all<Record<string, unknown>>()).results;

export interface Raw {
  from: string;
  to?: string;
  cc?: string;
  subject?: string;
  id?: string | null;
  headers?: string[];
  body: string;
  contentType?: string;
  date?: number;
}
export function raw(a: Raw): string {
  return [
    "MIME-Version: 1.0",
    `Date: ${rfcDate(a.date ?? NOW - 60_000)}`,
    ...(a.id === null ? [] : [`Message-ID: <${a.id ?? `${crypto.randomUUID()}@x.example`}>`]),
    `Subject: ${a.subject ?? "Hello"}`,
    `From: ${a.from}`,
    `To: ${a.to ?? ASSISTANT}`,
    ...(a.cc ? [`Cc: ${a.cc}`] : []),
    ...(a.headers ?? []),
    `Content-Type: ${a.contentType ?? 'text/plain; charset="UTF-8"'}`,
    "",
    a.body,
    "",
  ].join("\r\n");
}

export const arc = (dmarc: string, fromDomain: string) =>
  `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=${dmarc === "pass" ? "pass" : "none"} header.d=${fromDomain}; dmarc=${dmarc} header.from=${fromDomain}; spf=none smtp.mailfrom=${fromDomain}\r\n`;
export const fromOwner = (s: Scene, a: Omit<Raw, "from">) => withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, ...a }), "pass", s.domain);

export function threadReply(s: Scene, a: { from: string; id: string; body: string; to?: string; cc?: string; headers?: string[]; contentType?: string; subject?: string; refs?: string[] }) {
  const refs = a.refs ?? [s.threadId];
  return raw({
    from: a.from,
    to: a.to ?? `Owner Olsen <${s.owner}>`,
    cc: a.cc,
    id: a.id,
    subject: a.subject ?? "Re: Could you send the workshop slides?",
    headers: [`In-Reply-To: <${refs[refs.length - 1]}>`, `References: ${refs.map((r) => `<${r}>`).join(" ")}`, ...(a.headers ?? [])],
    contentType: a.contentType,
    body: a.body,
  });
}

export const COMMANDS = (s: Scene) => ["pause", `never ${s.bo}`, `forget ${s.bo} confirm`, "language da", `private ${s.anna}`, `ignore @${s.tag}-p.example`, "timezone America/New_York", "done 1", "done 2", "export"].join("\n");

export async function expectRefusedUntouched(s: Scene, mail: string | Uint8Array, envelope: { from: string; to?: string }) {
  const before = await dump(s.ownerId);
  const res = await deliver(mail, envelope);
  expect({ status: res.outcome.status, rejected: res.rejected !== null, answers: res.answers.length }).toEqual({ status: "rejected", rejected: true, answers: 0 });
  expect(await dump(s.ownerId)).toEqual(before);
  return res;
}

/** Accepted or refused with a reason, never thrown; nothing the owner controls changed (a stranger may become a contact). */
export async function expectNothingOwnerControlled(s: Scene, mail: string | Uint8Array, envelope: { from: string; to?: string }, except: string[] = []) {
  const strip = (o: Awaited<ReturnType<typeof ownerControlled>>) => ({ ...o, contacts: o.contacts.filter((c) => !except.includes(c.address as string)) });
  const before = strip(await ownerControlled(s.ownerId, envelope.from));
  const res = await deliver(mail, envelope);
  expect(res.outcome.status).not.toBe("threw");
  expect(res.outcome.status).not.toBe("command");
  if (res.outcome.status === "rejected") expect(res.rejected).toBeTruthy();
  expect(strip(await ownerControlled(s.ownerId, envelope.from))).toEqual(before);
  return res;
}

