// Adversarial mail, case by case, written from what a careful owner expects before the code that decides was read:
// mail a third party wrote never acts as the owner (spoofed and look-alike senders, planted verdicts, commands in
// replies, quotes, forwards, attachments and invisible HTML), and every accepted mail has an outcome with a reason.
// Each goes through the real handleEmail() (what email() calls) in production configuration and compares the
// owner's D1 rows before and after.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { handleEmail } from "../../src/ingest/email-handler";
import { ownerAsks, THREAD_SENT_AT } from "../support/attacks";
import { emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";
import { ASSISTANT, NOW, raw, rfcDate, type Raw } from "../support/round2";
import { digestAt } from "./commands-scenario";


// ── scene ──────────────────────────────────────────────────────────────────────────────────────────────────
interface Scene {
  tag: string;
  owner: string;
  domain: string;
  ownerId: number;
  anna: string; // To of the owner's shared thread
  bo: string; // Cc of the owner's shared thread
  threadId: string;
}

let seq = 0;
async function scene(name: string): Promise<Scene> {
  const tag = `a${++seq}-${name.replace(/\W+/g, "-").toLowerCase().slice(0, 20).replace(/-+$/, "")}`;
  const domain = `${tag}.example`;
  const owner = `owner@${domain}`;
  const { id } = await seedOwner(owner, `tok-${tag}`, { name: "Owner Olsen" });
  const thread = { id: `${tag}-ask@mail.gmail.com`, to: `anna@${tag}-c.example`, cc: `bo@${tag}-p.example` };
  const r = await deliver(ownerAsks(owner, thread), { from: owner, now: THREAD_SENT_AT + 60_000 });
  expect(r.outcome.status).toBe("stored");
  return { tag, owner, domain, ownerId: id, anna: thread.to, bo: thread.cc, threadId: thread.id };
}

async function deliver(raw: string, opts: { from: string; to?: string; now?: number }) {
  const mail = emailMessage(raw, { from: opts.from, to: opts.to ?? ASSISTANT });
  const outbox = recordingSendEmail();
  let outcome: Awaited<ReturnType<typeof handleEmail>>;
  try {
    outcome = await handleEmail(mail.message, testEnv({ SEND_EMAIL: outbox.binding }), opts.now ?? NOW);
  } catch (err) {
    outcome = { status: "threw", reason: String(err) } as never;
  }
  const answers = await Promise.all(
    [...mail.replies, ...outbox.sent.map((s) => s.raw)].map(async (r) => ((await PostalMime.parse(r)).text ?? "").replace(/\r\n/g, "\n")),
  );
  return { outcome, rejected: mail.rejected(), answers };
}

const TABLES = ["owner_addresses", "contacts", "interactions", "messages", "notes", "mail_events", "suppressions", "weekly_activity", "digests", "digest_items", "meetings"];

/** Every row the owner has, table by table. */
async function dump(ownerId: number): Promise<Record<string, unknown[]>> {
  const res = await env.DB.batch([
    env.DB.prepare("select * from owners where id = ?").bind(ownerId),
    ...TABLES.map((t) => env.DB.prepare(`select * from "${t}" where owner_id = ? order by rowid`).bind(ownerId)),
  ]);
  const out: Record<string, unknown[]> = { owners: res[0].results };
  TABLES.forEach((t, i) => (out[t] = res[i + 1].results));
  return out;
}

/** What only the owner may change: settings, mutes, circles, cadences, snoozes, done, merges, notes, suppressions, meetings, and who exists. */
async function ownerControlled(ownerId: number, sender?: string) {
  const d = await dump(ownerId);
  return {
    owners: d.owners,
    suppressions: d.suppressions,
    notes: d.notes,
    meetings: d.meetings,
    contacts: (d.contacts as Array<Record<string, unknown>>).map((c) => ({
      address: c.address,
      circle: c.circle,
      muted: c.muted,
      cadence: c.cadence_days,
      snoozed: c.snoozed_until,
      done: c.done_at,
      merged: c.merged_into,
      // The sender's own reply legitimately settles the sender's own follow-up.
      ...(c.address === sender ? {} : { followUpSince: c.follow_up_since, followUpDue: c.follow_up_due_at }),
    })),
  };
}

const events = async (ownerId: number, messageId: string) =>
  (await env.DB.prepare("select kind, reason from mail_events where owner_id = ? and message_id = ?").bind(ownerId, messageId).all<{ kind: string; reason: string }>()).results;
const storedMessage = async (ownerId: number, messageId: string) =>
  env.DB.prepare("select kind from messages where owner_id = ? and message_id = ?").bind(ownerId, messageId).first<{ kind: string }>();
const contactRow = async (ownerId: number, address: string) =>
  env.DB.prepare("select * from contacts where owner_id = ? and address = ?").bind(ownerId, address).first<Record<string, unknown>>();

// ── raw mail builders ──────────────────────────────────────────────────────────────────────────────────────
const arc = (dmarc: string, fromDomain: string) =>
  `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=${dmarc === "pass" ? "pass" : "none"} header.d=${fromDomain}; dmarc=${dmarc} header.from=${fromDomain}; spf=none smtp.mailfrom=${fromDomain}\r\n`;

/** A reply on the scene's shared thread from someone on it, as Gmail writes it. */
function threadReply(s: Scene, a: { from: string; id: string; body: string; to?: string; cc?: string; headers?: string[]; contentType?: string; subject?: string }) {
  return raw({
    from: a.from,
    to: a.to ?? `Owner Olsen <${s.owner}>`,
    cc: a.cc,
    id: a.id,
    subject: a.subject ?? "Re: Could you send the workshop slides?",
    headers: [`In-Reply-To: <${s.threadId}>`, `References: <${s.threadId}>`, ...(a.headers ?? [])],
    contentType: a.contentType,
    body: a.body,
  });
}

const COMMANDS = (s: Scene) => ["pause", `never ${s.bo}`, `forget ${s.bo} confirm`, "language da", `private ${s.anna}`, `ignore @${s.tag}-p.example`, "timezone America/New_York", "export"].join("\n");

/** The owner's data must be exactly as before, the mail refused, nothing answered. */
async function expectRefusedUntouched(s: Scene, raw: string, env: { from: string; to?: string }) {
  const before = await dump(s.ownerId);
  const res = await deliver(raw, env);
  expect({ status: res.outcome.status, rejected: res.rejected !== null, answers: res.answers.length }).toEqual({ status: "rejected", rejected: true, answers: 0 });
  expect(await dump(s.ownerId)).toEqual(before);
  return res;
}

/** Kept as a third party's inbound mail (or ignored, or a duplicate): nothing the owner controls changed, nothing answered. */
async function expectStoredNotCommand(s: Scene, raw: string, env: { from: string; to?: string }, status: "stored" | "ignored" | "duplicate" = "stored") {
  const before = await ownerControlled(s.ownerId, env.from);
  const res = await deliver(raw, env);
  expect(res.rejected).toBeNull();
  expect(res.outcome.status).toBe(status);
  expect(res.answers).toEqual([]);
  expect(await ownerControlled(s.ownerId, env.from)).toEqual(before);
  return res;
}

// ── A. Who sent it: DMARC and planted verdicts ───────────────────────────────────────────────────────────
describe("A. owner From without Cloudflare's aligned pass", () => {
  it.each([
    ["A1 dmarc=fail", (s: Scene) => arc("fail", s.domain)],
    ["A2 dmarc=none", (s: Scene) => arc("none", s.domain)],
    ["A3 no verdict at all", () => ""],
    ["A6 pass aligned with the attacker's domain", () => arc("pass", "evil.test")],
    ["A7 pass only inside a comment", (s: Scene) => `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=none (dmarc=pass header.from=${s.domain}); dmarc=fail header.from=${s.domain}\r\n`],
    ["A8 pass from a non-Cloudflare authserv-id", (s: Scene) => `ARC-Authentication-Results: i=1; mx.evil.test; dmarc=pass header.from=${s.domain}\r\n`],
  ])("%s: refused, nothing changes", async (name, verdict) => {
    const s = await scene(name);
    await expectRefusedUntouched(s, verdict(s) + raw({ from: `Owner Olsen <${s.owner}>`, body: COMMANDS(s) }), { from: s.owner });
  });

  it("A4 Cloudflare's topmost fail, sender-planted ARC i=1 pass and Authentication-Results pass below: refused", async () => {
    const s = await scene("A4");
    const planted = [
      `ARC-Authentication-Results: i=1; mx.cloudflare.net; dkim=pass header.d=${s.domain}; dmarc=pass header.from=${s.domain}; spf=pass smtp.mailfrom=${s.owner}`,
      `Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${s.domain}; dmarc=pass header.from=${s.domain}`,
    ];
    const m = arc("fail", s.domain) + raw({ from: `Owner Olsen <${s.owner}>`, headers: planted, body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: s.owner });
  });

  it("A5 Cloudflare's topmost i=1 fail, a planted higher instance i=2 pass further down: refused", async () => {
    const s = await scene("A5");
    const planted = [`ARC-Authentication-Results: i=2; mx.cloudflare.net; dkim=pass header.d=${s.domain}; dmarc=pass header.from=${s.domain}`];
    const m = arc("fail", s.domain) + raw({ from: `Owner Olsen <${s.owner}>`, headers: planted, body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: s.owner });
  });

  it("A5b only a sender-planted Authentication-Results (no ARC): refused", async () => {
    const s = await scene("A5b");
    const m = `Authentication-Results: mx.cloudflare.net; dmarc=pass header.from=${s.domain}\r\n` + raw({ from: `Owner Olsen <${s.owner}>`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: s.owner });
  });

  it("A9 header From owner, aligned pass, envelope from the attacker: refused", async () => {
    const s = await scene("A9");
    await expectRefusedUntouched(s, arc("pass", s.domain) + raw({ from: `Owner Olsen <${s.owner}>`, body: COMMANDS(s) }), { from: "mallory@evil.test" });
  });
});

// ── B. From-header tricks ────────────────────────────────────────────────────────────────────────────────
describe("B. From-header tricks from a stranger (DMARC pass for the stranger's own domain)", () => {
  const b64 = (t: string) => btoa(t);
  it.each([
    ["B1 owner's address as the quoted display name", (s: Scene) => `"${s.owner}" <mallory@evil.test>`],
    ["B2 owner's name and address in the display name", (s: Scene) => `"Owner Olsen <${s.owner}>" <mallory@evil.test>`],
    ["B3 encoded-word display name holding the owner's address", (s: Scene) => `=?utf-8?B?${b64(`Owner Olsen <${s.owner}>`)}?= <mallory@evil.test>`],
    ["B4 encoded-word display name, Q, with angle brackets", (s: Scene) => `=?utf-8?Q?Owner_=3C${s.owner.replace("@", "=40")}=3E?= <mallory@evil.test>`],
    ["B5 unquoted display name with an @", (s: Scene) => `${s.owner} <mallory@evil.test>`],
    ["B6 two addresses in From", (s: Scene) => `Owner Olsen <${s.owner}>, mallory@evil.test`],
    ["B7 two addresses, owner second", (s: Scene) => `mallory@evil.test, Owner Olsen <${s.owner}>`],
    ["B8 group syntax wrapping the owner", (s: Scene) => `Team: Owner Olsen <${s.owner}>;`],
    ["B9 comment holding the owner's address", (s: Scene) => `mallory@evil.test (${s.owner})`],
    ["B10 Cyrillic o in the owner's local part", (s: Scene) => `Owner Olsen <\u043ewner@${s.domain}>`],
    ["B11 fullwidth o in the owner's local part", (s: Scene) => `Owner Olsen <\uff4fwner@${s.domain}>`],
    ["B12 the whole From an encoded word of the owner's address", (s: Scene) => `=?utf-8?B?${b64(s.owner)}?=`],
    ["B13 route-addr with source route", (s: Scene) => `<@evil.test:${s.owner}>`],
  ])("%s: refused or never the owner; nothing changes", async (name, from) => {
    const s = await scene(name);
    const m = arc("pass", "evil.test") + raw({ from: from(s), body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("B14 two From headers (stranger first, owner second)", async () => {
    const s = await scene("B14");
    const m = arc("pass", "evil.test") + raw({ from: "mallory@evil.test", headers: [`From: Owner Olsen <${s.owner}>`], body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("B15 two From headers (owner first, stranger second), owner envelope, pass only for the stranger's domain", async () => {
    const s = await scene("B15");
    const m = arc("pass", "evil.test") + raw({ from: `Owner Olsen <${s.owner}>`, headers: ["From: mallory@evil.test"], body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: s.owner });
  });

  it("B16 stranger From with Sender: the owner and Reply-To: the owner", async () => {
    const s = await scene("B16");
    const m = arc("pass", "evil.test") + raw({ from: "mallory@evil.test", headers: [`Sender: ${s.owner}`, `Reply-To: ${s.owner}`], body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });
});

// ── B'. The owner's own address, spelled differently ──────────────────────────────────────────────────────
describe("B'. the owner's own address, case and subaddress", () => {
  it("B17 Owner@DOMAIN in From and envelope, aligned pass: accepted as the owner (status answers)", async () => {
    const s = await scene("B17");
    const up = s.owner.replace("owner", "Owner").toUpperCase().replace("OWNER@", "Owner@");
    const res = await deliver(arc("pass", s.domain.toUpperCase()) + raw({ from: `Owner Olsen <${up}>`, body: "status" }), { from: up });
    expect(res.rejected).toBeNull();
    expect(res.outcome.status).toBe("command");
    expect(res.answers).toHaveLength(1);
  });

  it("B18 owner+x@domain with an aligned pass: refused or treated as the owner, never a stranger that writes", async () => {
    const s = await scene("B18");
    const plus = s.owner.replace("@", "+x@");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(arc("pass", s.domain) + raw({ from: `Owner Olsen <${plus}>`, body: "status" }), { from: plus });
    // Not an address of the owner's (no subaddress matching): refused; neither the settings change nor plus becomes a contact.
    expect(res.outcome.status).toBe("rejected");
    expect(await contactRow(s.ownerId, plus)).toBeNull();
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });
});

// ── C. A contact's reply on a shared thread ──────────────────────────────────────────────────────────────
describe("C. a contact's reply on a shared thread is inbound mail, never commands", () => {
  it("C1 Anna replies with command lines: stored, nothing the owner controls changes, no answer", async () => {
    const s = await scene("C1");
    const id = `${s.tag}-anna-cmd@c.example`;
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id, body: COMMANDS(s) }), { from: s.anna });
    expect(await storedMessage(s.ownerId, id)).not.toBeNull();
    expect(await contactRow(s.ownerId, s.bo)).not.toBeNull();
  });

  it("C2 Anna's reply sent to gensidig+private@: Anna stays professional", async () => {
    const s = await scene("C2");
    const to = "gensidig+private@example.com";
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-p@c.example`, to: `${s.owner}, ${to}`, body: "Thanks!" }), { from: s.anna, to });
    expect((await contactRow(s.ownerId, s.anna))!.circle).toBe("professional");
  });

  it("C3 Anna's reply sent to gensidig+3d+private@: nothing owner-controlled changes", async () => {
    const s = await scene("C3");
    const to = "gensidig+3d+private@example.com";
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-3d@c.example`, cc: `bo@${s.tag}-p.example`, body: "Here are the slides." }), { from: s.anna, to });
  });

  it("C4 Anna's thread reply to a valid digest reply address (token leaked), commands in it: not run", async () => {
    const s = await scene("C4");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-tok@c.example`, to, body: `done 1\nnever 2\n${COMMANDS(s)}` }), { from: s.anna, to });
    expect(res.answers).toEqual([]);
    expect(res.outcome.status).not.toBe("command");
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("C5 a stranger writes to a valid digest reply address with commands: refused, nothing changes", async () => {
    const s = await scene("C5");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    await expectRefusedUntouched(s, arc("pass", "evil.test") + raw({ from: "Mallory <mallory@evil.test>", to, body: `done 1\nnever 1\n${COMMANDS(s)}` }), { from: "mallory@evil.test", to });
  });

  it("C6 a stranger replies to the digest by its Message-ID (leaked digest) with commands: refused", async () => {
    const s = await scene("C6");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const digestId = d.raw.match(/^Message-ID:\s*<([^>]+)>/im)![1];
    const m = raw({ from: "Mallory <mallory@evil.test>", headers: [`In-Reply-To: <${digestId}>`, `References: <${digestId}>`], body: `never 1\n${COMMANDS(s)}` });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("C6b Anna (on a shared thread) replies to the digest by its Message-ID with commands: never run", async () => {
    const s = await scene("C6b");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const digestId = d.raw.match(/^Message-ID:\s*<([^>]+)>/im)![1];
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(raw({ from: `Anna <${s.anna}>`, headers: [`In-Reply-To: <${digestId}>`, `References: <${s.threadId}> <${digestId}>`], body: `never 1\ndone 1\n${COMMANDS(s)}` }), { from: s.anna });
    expect(res.answers).toEqual([]);
    expect(res.outcome.status).not.toBe("command");
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("C7 Anna's auto-reply (Auto-Submitted) on the thread: ignored with a reason, not answered", async () => {
    const s = await scene("C7");
    const id = `${s.tag}-ooo@c.example`;
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id, headers: ["Auto-Submitted: auto-replied"], subject: "Automatic reply: Could you send the workshop slides?", body: "I am away.\npause" }), { from: s.anna }, "ignored");
    expect((await events(s.ownerId, id)).map((e) => e.kind)).toEqual(["ignored"]);
  });

  it("C8 Anna's reply with Precedence: bulk and List-Id: not a contact reply, not a command", async () => {
    const s = await scene("C8");
    const id = `${s.tag}-bulk@c.example`;
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id, headers: ["Precedence: bulk", "List-Id: <news.c.example>"], body: "pause" }), { from: s.anna }, "ignored");
  });

  it("C9 Anna's HTML-only reply with display:none commands: stored, nothing runs", async () => {
    const s = await scene("C9");
    const html = `<div>Thanks, here they are.</div><div style="display:none">pause<br>forget ${s.bo} confirm<br>never ${s.bo}</div>`;
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-html@c.example`, contentType: 'text/html; charset="UTF-8"', body: html }), { from: s.anna });
  });

  it("C10 Anna's reply Cc'ing another of the owner's contacts does not settle that contact's follow-up", async () => {
    const s = await scene("C10");
    // The owner wrote to Karin (a question): her follow-up is pending.
    const karin = `karin@${s.tag}-k.example`;
    const r = await deliver(withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, to: karin, id: `${s.tag}-karin@mail.gmail.com`, subject: "Could we meet next week?", body: "Hi Karin, could we meet next week?", date: THREAD_SENT_AT }), "pass", s.domain), {
      from: s.owner,
      now: THREAD_SENT_AT + 60_000,
    });
    expect(r.outcome.status).toBe("stored");
    const before = await contactRow(s.ownerId, karin);
    expect(before!.follow_up_since).not.toBeNull();
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-cc@c.example`, cc: karin, body: "Looping in Karin. Here are the slides." }), { from: s.anna });
    expect(res.rejected).toBeNull();
    const after = await contactRow(s.ownerId, karin);
    expect({ since: after!.follow_up_since, due: after!.follow_up_due_at, in: after!.inbound_count }).toEqual({ since: before!.follow_up_since, due: before!.follow_up_due_at, in: before!.inbound_count });
  });

  it("C11 a calendar invitation from Anna on the thread, with strangers as attendees: no meeting, no new contacts", async () => {
    const s = await scene("C11");
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "DTSTART:20261110T090000Z",
      "DTEND:20261110T100000Z",
      `UID:${s.tag}-evt@google.com`,
      `ORGANIZER;CN=Anna:mailto:${s.anna}`,
      `ATTENDEE;CN=Owner;PARTSTAT=ACCEPTED:mailto:${s.owner}`,
      "ATTENDEE;CN=Eve;PARTSTAT=ACCEPTED:mailto:eve@stranger.example",
      `ATTENDEE;CN=Bo;PARTSTAT=ACCEPTED:mailto:${s.bo}`,
      "SEQUENCE:0",
      "SUMMARY:Workshop follow-up",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const before = await ownerControlled(s.ownerId, s.anna);
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-ics@c.example`, contentType: 'text/calendar; charset="UTF-8"; method=REQUEST', body: ics }), { from: s.anna });
    expect(res.rejected === null || res.outcome.status === "rejected").toBe(true);
    expect(res.answers).toEqual([]);
    expect(await contactRow(s.ownerId, "eve@stranger.example")).toBeNull();
    expect(await ownerControlled(s.ownerId, s.anna)).toEqual(before);
  });

  it("C12 a calendar invitation from a stranger (no thread) naming the owner: refused", async () => {
    const s = await scene("C12");
    const ics = ["BEGIN:VCALENDAR", "METHOD:REQUEST", "BEGIN:VEVENT", "DTSTART:20261110T090000Z", "DTEND:20261110T100000Z", `UID:${s.tag}@evil`, "ORGANIZER:mailto:mallory@evil.test", `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${s.owner}`, "SUMMARY:Sync", "END:VEVENT", "END:VCALENDAR"].join("\r\n");
    await expectRefusedUntouched(s, raw({ from: "Mallory <mallory@evil.test>", to: `${s.owner}, ${ASSISTANT}`, contentType: "text/calendar; method=REQUEST", body: ics }), { from: "mallory@evil.test" });
  });

  it("C13 Anna's reply naming another owner's thread in References: never stored for that owner", async () => {
    const a = await scene("C13a");
    const b = await scene("C13b");
    const beforeB = await dump(b.ownerId);
    const m = raw({ from: `Anna <${a.anna}>`, to: `${b.owner}`, headers: [`In-Reply-To: <${b.threadId}>`, `References: <${a.threadId}> <${b.threadId}>`], body: COMMANDS(b) });
    const res = await deliver(m, { from: a.anna });
    expect(res.answers).toEqual([]);
    expect(await dump(b.ownerId)).toEqual(beforeB);
  });

  it("C14 Anna forwards a mail to the thread: the people in her forwarded block do not become the owner's contacts", async () => {
    const s = await scene("C14");
    const body = ["FYI, see below.", "", "---------- Forwarded message ---------", "From: Carl Stranger <carl@stranger-fwd.example>", "Date: Mon, 2 Nov 2026 at 10:00", "Subject: Offer", `To: Anna <${s.anna}>`, "", "pause", `forget ${s.bo} confirm`].join("\r\n");
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-fwd@c.example`, body }), { from: s.anna });
    expect(await contactRow(s.ownerId, "carl@stranger-fwd.example")).toBeNull();
  });

  it("C15 Anna's reply reusing the Message-ID of the owner's own thread mail: the owner's row is not replaced", async () => {
    const s = await scene("C15");
    const before = await dump(s.ownerId);
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: s.threadId, body: COMMANDS(s) }), { from: s.anna });
    expect(res.answers).toEqual([]);
    const after = await dump(s.ownerId);
    expect(after.messages).toEqual(before.messages);
    expect(after.interactions).toEqual(before.interactions);
    expect(after.owners).toEqual(before.owners);
  });

  it("C16 Anna's reply whose From is Anna but whose envelope is the owner's address (attacker relays): refused", async () => {
    const s = await scene("C16");
    await expectRefusedUntouched(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-env@c.example`, body: COMMANDS(s) }), { from: s.owner });
  });

  it("C17 a stranger mails gensidig+private@ and gensidig+3d@ without a thread: refused", async () => {
    const s = await scene("C17");
    for (const to of ["gensidig+private@example.com", "gensidig+3d@example.com"]) {
      await expectRefusedUntouched(s, raw({ from: "Mallory <mallory@evil.test>", to: `${s.owner}`, body: `private mallory@evil.test` }), { from: "mallory@evil.test", to });
    }
  });
});

// ── D. The owner's genuine mail that carries someone else's words ────────────────────────────────────────
describe("D. the owner's genuine mail carrying a third party's text", () => {
  const fromOwner = (s: Scene, a: Omit<Raw, "from">) => withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, ...a }), "pass", s.domain);

  it("D1 the owner forwards (Gmail) a third party's mail full of commands: stored as a forward, nothing runs", async () => {
    const s = await scene("D1");
    const body = ["---------- Forwarded message ---------", "From: Mallory <mallory@evil.test>", "Date: Mon, 2 Nov 2026 at 10:00", "Subject: Read me", `To: Owner Olsen <${s.owner}>`, "", COMMANDS(s)].join("\r\n");
    const id = `${s.tag}-fwd@mail.gmail.com`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id, subject: "Fwd: Read me", body }), { from: s.owner });
    expect(res.outcome.status).not.toBe("command");
    expect(await ownerControlled(s.ownerId).then((o) => ({ ...o, contacts: o.contacts.filter((c) => c.address !== "mallory@evil.test") }))).toEqual(before);
  });

  it("D2 the owner forwards with commands pasted as a > quote only (no header block): nothing runs", async () => {
    const s = await scene("D2");
    const body = ["Look what Mallory sent me:", "", ...COMMANDS(s).split("\n").map((l) => `> ${l}`)].join("\r\n");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}-q@mail.gmail.com`, subject: "Fwd: look", body }), { from: s.owner });
    expect(res.rejected).toBeNull();
    expect(await ownerControlled(s.ownerId)).toEqual(before);
    // kept as a dead letter, with its reason recorded, and the owner told
    expect(res.outcome.status).toBe("dead-letter");
    expect((await events(s.ownerId, `${s.tag}-q@mail.gmail.com`)).map((e) => e.kind)).toEqual(["dead-letter"]);
    expect(res.answers).toHaveLength(1);
  });

  it("D3 the owner's digest reply: done 1 on top, the digest and a third party's text quoted below: only done 1 runs", async () => {
    const s = await scene("D3");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const digestId = d.raw.match(/^Message-ID:\s*<([^>]+)>/im)![1];
    const to = `gensidig+${d.token}@example.com`;
    const body = ["done 1", "", `On Mon, 16 Nov 2026 at 08:00, Gensidig <${ASSISTANT}> wrote:`, ...d.text.split("\n").map((l) => `> ${l}`), "> ", "> > pause", `> > forget ${s.bo} confirm`, "> > language da"].join("\r\n");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}-ans@mail.gmail.com`, to, subject: `Re: ${d.subject}`, headers: [`In-Reply-To: <${digestId}>`, `References: <${digestId}>`], body }), { from: s.owner, to });
    expect(res.outcome.status).toBe("command");
    const after = await ownerControlled(s.ownerId);
    expect(after.owners).toEqual(before.owners);
    expect(after.contacts.map((c) => c.address)).toEqual(before.contacts.map((c) => c.address));
    expect(after.contacts.filter((c) => c.muted).length).toBe(0);
    expect(res.answers).toHaveLength(1);
    expect(res.answers[0]).not.toMatch(/pause|language/i);
  });

  it("D4 the owner's BCC'd reply to Anna quoting her command-like text: a capture, nothing runs", async () => {
    const s = await scene("D4");
    const body = ["Sure, see you then.", "", `On Wed, 4 Nov 2026 at 18:02, Anna <${s.anna}> wrote:`, ...COMMANDS(s).split("\n").map((l) => `> ${l}`)].join("\r\n");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}-bcc@mail.gmail.com`, to: `Anna <${s.anna}>`, subject: "Re: x", body }), { from: s.owner });
    expect(res.outcome.status).toBe("stored");
    expect(res.answers).toEqual([]);
    const after = await ownerControlled(s.ownerId);
    expect(after.owners).toEqual(before.owners);
    expect(after.suppressions).toEqual(before.suppressions);
    expect(after.contacts.find((c) => c.address === s.bo)).toEqual(before.contacts.find((c) => c.address === s.bo));
  });

  it("D5 the owner's HTML-only mail: visible 'Thanks', commands hidden with display:none: hidden lines do not run", async () => {
    const s = await scene("D5");
    const html = `<html><body><div dir="ltr">Thanks!</div><div style="display:none">pause<br>forget ${s.bo} confirm<br>language da</div></body></html>`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}-hid@mail.gmail.com`, contentType: 'text/html; charset="UTF-8"', body: html }), { from: s.owner });
    expect(res.rejected).toBeNull();
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("D6 the owner's multipart/alternative: text part 'status', HTML part with hidden commands: hidden HTML never runs", async () => {
    const s = await scene("D6");
    const b = "b-" + s.tag;
    const body = [`--${b}`, 'Content-Type: text/plain; charset="UTF-8"', "", "Thanks!", `--${b}`, 'Content-Type: text/html; charset="UTF-8"', "", `<div>Thanks!</div><span style="display:none">pause<br>forget ${s.bo} confirm</span>`, `--${b}--`].join("\r\n");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}-alt@mail.gmail.com`, contentType: `multipart/alternative; boundary="${b}"`, body }), { from: s.owner });
    expect(res.rejected).toBeNull();
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("D7 the owner's delivery-status report (DSN) to the reply address, quoting command lines: not read as commands, not answered", async () => {
    const s = await scene("D7");
    const b = "dsn-" + s.tag;
    const id = `${s.tag}-dsn@mail.gmail.com`;
    const body = [
      `--${b}`,
      "Content-Type: text/plain",
      "",
      "Delivery to the following recipient failed.",
      "pause",
      `forget ${s.bo} confirm`,
      `--${b}`,
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example",
      "",
      `Final-Recipient: rfc822; ${s.bo}`,
      "Action: failed",
      "Status: 5.1.1",
      `--${b}--`,
    ].join("\r\n");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id, subject: "Delivery Status Notification (Failure)", contentType: `multipart/report; report-type=delivery-status; boundary="${b}"`, body }), { from: s.owner });
    expect(res.answers).toEqual([]);
    expect(res.outcome.status).toBe("ignored");
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("D8 a bounce from MAILER-DAEMON (null envelope) to the reply address: refused or ignored, never a command", async () => {
    const s = await scene("D8");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    const before = await dump(s.ownerId);
    const res = await deliver(raw({ from: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>", to, headers: ["Auto-Submitted: auto-replied"], subject: "Delivery Status Notification (Failure)", body: `done 1\npause` }), { from: "", to });
    expect(res.answers).toEqual([]);
    expect(res.outcome.status).toBe("rejected");
    expect((await dump(s.ownerId)).owners).toEqual(before.owners);
  });
});

// ── E. Loops, and mail the assistant wrote ───────────────────────────────────────────────────────────────
describe("E. the assistant's own mail coming back", () => {
  it.each([
    ["E1 From the assistant, envelope the assistant", ASSISTANT, ASSISTANT],
    ["E2 From a digest reply address", "gensidig+1-1-abc@example.com", "gensidig@example.com"],
    ["E3 From the assistant in capitals", "GENSIDIG@EXAMPLE.COM", "gensidig@example.com"],
  ])("%s: never answered, never a command", async (name, from, envelope) => {
    const s = await scene(name);
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(raw({ from: `Gensidig <${from}>`, to: s.owner, body: `✓ done\npause\nstatus` }), { from: envelope });
    expect(res.answers).toEqual([]);
    expect(res.outcome.status === "rejected" || res.outcome.status === "ignored").toBe(true);
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("E4 the assistant's answer to the owner, auto-forwarded back by the owner's mailbox (SRS envelope): no answer", async () => {
    const s = await scene("E4");
    const before = await ownerControlled(s.ownerId);
    const srs = `SRS0=ab=CD=${s.domain}=owner@${s.domain}`;
    const res = await deliver(arc("pass", "example.com") + raw({ from: `Gensidig <${ASSISTANT}>`, to: s.owner, subject: "Re: status", body: "✓ status\npause" }), { from: srs });
    expect(res.answers).toEqual([]);
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });
});

// ── F. Odd mail from the owner: outcome always has a reason ──────────────────────────────────────────────
describe("F. malformed or empty mail is never silently dropped", () => {
  /** The outcome it must have, with what that outcome leaves: an answer to a command, the kept message of a capture. */
  const accounted = async (s: Scene, messageId: string | null, res: Awaited<ReturnType<typeof deliver>>, expected: "command" | "stored") => {
    expect(res.outcome.status).toBe(expected);
    if (expected === "command") return expect(res.answers.length).toBeGreaterThan(0);
    expect(await storedMessage(s.ownerId, messageId!)).not.toBeNull();
  };

  it("F1 a 0-byte mail from the owner's envelope: refused with a reason", async () => {
    const s = await scene("F1");
    await expectRefusedUntouched(s, "", { from: s.owner });
  });

  it("F2 the owner's mail with an empty body and no subject: an outcome with a reason", async () => {
    const s = await scene("F2");
    const id = `${s.tag}-empty@mail.gmail.com`;
    const res = await deliver(withCloudflareVerdict(raw({ from: `Owner <${s.owner}>`, id, subject: "", body: "" }), "pass", s.domain), { from: s.owner });
    await accounted(s, id, res, "command");
  });

  it("F3 the owner's mail with no Message-ID: an outcome with a reason (an answer if it was a command)", async () => {
    const s = await scene("F3");
    const res = await deliver(withCloudflareVerdict(raw({ from: `Owner <${s.owner}>`, id: null, body: "status" }), "pass", s.domain), { from: s.owner });
    await accounted(s, null, res, "command");
  });

  it("F4 a stranger's mail with no Message-ID: refused", async () => {
    const s = await scene("F4");
    await expectRefusedUntouched(s, raw({ from: "mallory@evil.test", id: null, body: "pause" }), { from: "mallory@evil.test" });
  });

  it("F5 the owner's multipart with a missing closing boundary and an unknown charset: an outcome with a reason", async () => {
    const s = await scene("F5");
    const id = `${s.tag}-broken@mail.gmail.com`;
    const body = ["--zz", "Content-Type: text/plain; charset=x-klingon", "Content-Transfer-Encoding: quoted-printable", "", "Hi=", "=ZZ broken =C3", "--zz", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", "", "!!!not base64!!!"].join("\r\n");
    const res = await deliver(withCloudflareVerdict(raw({ from: `Owner <${s.owner}>`, id, to: `Anna <${s.anna}>`, contentType: 'multipart/mixed; boundary="zz"', body }), "pass", s.domain), { from: s.owner });
    await accounted(s, id, res, "stored");
  });

  it("F6 a contact's thread reply in an unknown charset: stored, never a command", async () => {
    const s = await scene("F6");
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-cs@c.example`, contentType: "text/plain; charset=x-unknown-8bit", body: "pause\r\nnever 2" }), { from: s.anna });
  });

  it("F7 a huge (2 MB) owner BCC: stored or refused with a reason", async () => {
    const s = await scene("F7");
    const id = `${s.tag}-big@mail.gmail.com`;
    const res = await deliver(withCloudflareVerdict(raw({ from: `Owner <${s.owner}>`, id, to: `Anna <${s.anna}>`, body: "x".repeat(76).concat("\r\n").repeat(26_000) }), "pass", s.domain), { from: s.owner });
    await accounted(s, id, res, "stored");
  });

  it("F8 the owner's mail whose Message-ID duplicates a contact's stored reply: refused with the reason, not dropped as a duplicate", async () => {
    const s = await scene("F8");
    const shared = `${s.tag}-same@c.example`;
    const r1 = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: shared, body: "Here are the slides." }), { from: s.anna });
    expect(r1.outcome.status).toBe("stored");
    // The owner's command mail happens to reuse that Message-ID (a contact can choose any Message-ID it likes):
    // refused with the reason, so the owner's client reports it, and nothing is written.
    const before = await dump(s.ownerId);
    const res = await deliver(withCloudflareVerdict(raw({ from: `Owner <${s.owner}>`, id: shared, body: "status" }), "pass", s.domain), { from: s.owner });
    expect(res.outcome.status).toBe("rejected");
    expect(res.rejected).toMatch(/Message-ID .* someone else sent.*send it again/);
    expect(await dump(s.ownerId)).toEqual(before);
  });
});

/** Accepted, and nothing the owner controls changed; Mallory may be recorded as a contact, nothing more. */
async function expectNothingFromMallory(s: Scene, before: Awaited<ReturnType<typeof ownerControlled>>) {
  const after = await ownerControlled(s.ownerId);
  expect({ owners: after.owners, suppressions: after.suppressions, contacts: after.contacts.filter((c) => c.address !== "mallory@evil.test") }).toEqual({
    owners: before.owners,
    suppressions: before.suppressions,
    contacts: before.contacts,
  });
}

// ── G. Third-party text inside client quote containers the owner sends to the assistant alone ────────────
describe("G. the owner's mail to the assistant alone, quoting a third party without > or blockquote", () => {
  const fromOwner = (s: Scene, a: Omit<Raw, "from">) => withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, ...a }), "pass", s.domain);
  const cmdsHtml = (s: Scene) => COMMANDS(s).split("\n").map((l) => `<div>${l}</div>`).join("");
  it.each([
    ["G1 Yahoo yahoo_quoted div", (s: Scene) => `<div>FYI</div><div class="yahoo_quoted"><div>On Monday, November 2, 2026, 10:00:00 AM GMT+1, Mallory &lt;mallory@evil.test&gt; wrote:</div>${cmdsHtml(s)}</div>`],
    ["G2 ProtonMail protonmail_quote div", (s: Scene) => `<div>FYI</div><div class="protonmail_quote">------- Original Message -------<br>On Monday, November 2nd, 2026 at 10:00, Mallory &lt;mallory@evil.test&gt; wrote:<br>${cmdsHtml(s)}</div>`],
    ["G3 Fastmail div id=qt", (s: Scene) => `<div>FYI</div><div id="qt"><div>On Mon, Nov 2, 2026, at 10:00, Mallory wrote:</div>${cmdsHtml(s)}</div>`],
    ["G4 Zimbra hr id=zwchr", (s: Scene) => `<div>FYI</div><hr id="zwchr"><div><b>From: </b>"Mallory" &lt;mallory@evil.test&gt;<br><b>To: </b>${s.owner}<br><b>Sent: </b>Monday, November 2, 2026 10:00:00 AM<br><b>Subject: </b>hi<br></div><br>${cmdsHtml(s)}`],
    ["G5 Thunderbird moz-forward-container", (s: Scene) => `<div class="moz-forward-container">-------- Forwarded Message --------<table class="moz-email-headers-table"><tr><th>Subject:</th><td>hi</td></tr><tr><th>From:</th><td>Mallory &lt;mallory@evil.test&gt;</td></tr></table><br>${cmdsHtml(s)}</div>`],
    ["G6 only an <hr> between the owner's line and Mallory's text", (s: Scene) => `<div>FYI from Mallory</div><hr>${cmdsHtml(s)}`],
    ["G13 a real command first, then a Yahoo quote of Mallory", (s: Scene) => `<div>status</div><div class="yahoo_quoted"><div>On Monday, November 2, 2026, 10:00:00 AM GMT+1, Mallory &lt;mallory@evil.test&gt; wrote:</div>${cmdsHtml(s)}</div>`],
  ])("%s: nothing runs", async (name, html) => {
    const s = await scene(name);
    const id = `${s.tag}@mail.example`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id, subject: "FYI", contentType: 'text/html; charset="UTF-8"', body: html(s) }), { from: s.owner });
    expect(res.rejected).toBeNull();
    await expectNothingFromMallory(s, before);
  });

  it.each([
    ["G7 plain text, unquoted attribution line", (s: Scene) => `FYI\n\nOn Mon, 2 Nov 2026 at 10:00, Mallory <mallory@evil.test> wrote:\n${COMMANDS(s)}`],
    ["G8 plain text, Danish attribution unquoted", (s: Scene) => `Se her\n\nDen man. 2. nov. 2026 kl. 10.00 skrev Mallory <mallory@evil.test>:\n${COMMANDS(s)}`],
    ["G9 plain text, a line of underscores (Outlook) then text", (s: Scene) => `FYI\n\n________________________________\n${COMMANDS(s)}`],
    ["G10 plain text, Mallory's text after the owner's signature dashes", (s: Scene) => `status\n-- \nOwner\n${COMMANDS(s)}`],
    ["G11 plain text, a real command first, then an unquoted attribution and Mallory's lines", (s: Scene) => `status\n\nOn Mon, 2 Nov 2026 at 10:00, Mallory <mallory@evil.test> wrote:\n${COMMANDS(s)}`],
    ["G12 plain text, a real command first, then Mallory's lines after 'Sent from my iPhone'", (s: Scene) => `status\n\nSent from my iPhone\n\n${COMMANDS(s)}`],
  ])("%s: nothing from the third party runs", async (name, body) => {
    const s = await scene(name);
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, subject: "FYI", body: body(s).replace(/\n/g, "\r\n") }), { from: s.owner });
    expect(res.rejected).toBeNull();
    await expectNothingFromMallory(s, before);
  });
});

// ── H. Text the owner never saw, in the owner's HTML-only mail ──────────────────────────────────────────
describe("H. invisible HTML in the owner's HTML-only mail", () => {
  const fromOwner = (s: Scene, a: Omit<Raw, "from">) => withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, ...a }), "pass", s.domain);
  it.each([
    ["H1 <title> in <head>", (c: string) => `<html><head><title>${c}</title></head><body><div>Thanks!</div></body></html>`],
    ["H2 <style> content", (c: string) => `<html><head><style>${c}</style></head><body><div>Thanks!</div></body></html>`],
    ["H3 HTML comment", (c: string) => `<div>Thanks!</div><!--\n${c}\n-->`],
    ["H4 hidden attribute", (c: string) => `<div>Thanks!</div><div hidden>${c}</div>`],
    ["H5 font-size:0", (c: string) => `<div>Thanks!</div><div style="font-size:0">${c}</div>`],
    ["H6 white on white", (c: string) => `<div>Thanks!</div><div style="color:#fff">${c}</div>`],
    ["H7 <script>", (c: string) => `<div>Thanks!</div><script>${c}</script>`],
    ["H8 display:none (Gmail preheader style)", (c: string) => `<div style="display:none;max-height:0;overflow:hidden">${c}</div><div>Thanks!</div>`],
  ])("%s: the invisible lines do not run", async (name, wrap) => {
    const s = await scene(name);
    const c = ["pause", "language da"].join("<br>\n");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, contentType: 'text/html; charset="UTF-8"', body: wrap(c) }), { from: s.owner });
    expect(res.rejected).toBeNull();
    expect((await ownerControlled(s.ownerId)).owners).toEqual(before.owners);
  });
});

// ── I. What a contact's reply may change ───────────────────────────────────────────────────────────────
describe("I. a contact's thread reply and the owner's other people", () => {
  const fromOwner = (s: Scene, a: Omit<Raw, "from">, now: number) =>
    deliver(withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, ...a }), "pass", s.domain), { from: s.owner, now });

  it("I1 Anna's reply dated in 2099 does not move her last contact into the future", async () => {
    const s = await scene("I1");
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-future@c.example`, headers: [], body: "Here you go." }).replace(/^Date: .*$/m, "Date: Fri, 01 Jan 2099 10:00:00 +0000"), { from: s.anna });
    expect(res.outcome.status).toBe("stored");
    const anna = await contactRow(s.ownerId, s.anna);
    expect(Number(anna!.last_at)).toBeLessThanOrEqual(NOW);
    expect(Number(anna!.last_inbound_at)).toBeLessThanOrEqual(NOW);
  });

  it("I2 Anna's reply Cc'ing a contact the owner muted (never) and one the owner snoozed: both stay as the owner set them", async () => {
    const s = await scene("I2");
    const karin = `karin@${s.tag}-k.example`;
    const lise = `lise@${s.tag}-l.example`;
    for (const [who, subj] of [[karin, "Could we meet?"], [lise, "Could you help?"]] as const) {
      const r = await fromOwner(s, { to: who, id: `${s.tag}-${who}@mail.gmail.com`, subject: subj, body: `Hi, ${subj.toLowerCase()}`, date: THREAD_SENT_AT }, THREAD_SENT_AT + 60_000);
      expect(r.outcome.status).toBe("stored");
    }
    const cmd = await fromOwner(s, { id: `${s.tag}-cmd@mail.gmail.com`, subject: "x", body: `never ${karin}\nsnooze ${lise} until 1 march 2027` }, NOW - 3600_000);
    expect(cmd.outcome.status).toBe("command");
    const before = { karin: await contactRow(s.ownerId, karin), lise: await contactRow(s.ownerId, lise) };
    expect(before.karin!.muted).toBe(1);
    expect(before.lise!.snoozed_until).not.toBeNull();
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-cc@c.example`, cc: `${karin}, ${lise}`, body: "Looping in Karin and Lise." }), { from: s.anna });
    expect(res.outcome.status).toBe("stored");
    const after = { karin: await contactRow(s.ownerId, karin), lise: await contactRow(s.ownerId, lise) };
    expect([after.karin!.muted, after.karin!.done_at, after.lise!.snoozed_until, after.lise!.done_at, after.lise!.follow_up_since]).toEqual([
      before.karin!.muted,
      before.karin!.done_at,
      before.lise!.snoozed_until,
      before.lise!.done_at,
      before.lise!.follow_up_since,
    ]);
  });

  it("I3 Anna's reply Cc'ing an address of a domain the owner ignored: it does not become a contact", async () => {
    const s = await scene("I3");
    const cmd = await fromOwner(s, { id: `${s.tag}-ign@mail.gmail.com`, subject: "x", body: "ignore @spam-i3.example" }, NOW - 3600_000);
    expect(cmd.outcome.status).toBe("command");
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-cc@c.example`, cc: "sales@spam-i3.example", body: "Meet our sales team." }), { from: s.anna });
    expect(res.outcome.status).toBe("stored");
    expect(await contactRow(s.ownerId, "sales@spam-i3.example")).toBeNull();
  });

  it("I4 Anna's reply that introduces three colleagues in Cc: each becomes a contact, as an introduction does", async () => {
    const s = await scene("I4");
    const strangers = ["x1@strangers-i4.example", "x2@strangers-i4.example", "x3@strangers-i4.example"];
    const res = await deliver(threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-cc@c.example`, cc: strangers.join(", "), body: "Let me introduce you to my colleagues." }), { from: s.anna });
    expect(res.outcome.status).toBe("stored");
    const made = [];
    for (const x of strangers) if (await contactRow(s.ownerId, x)) made.push(x);
    expect(made).toEqual(strangers);
  });

  it("I5 a contact on the owner's suppression list replies on the thread: ignored, not recorded", async () => {
    const s = await scene("I5");
    const cmd = await fromOwner(s, { id: `${s.tag}-ign@mail.gmail.com`, subject: "x", body: `ignore ${s.bo}` }, NOW - 3600_000);
    expect(cmd.outcome.status).toBe("command");
    const before = await contactRow(s.ownerId, s.bo);
    const res = await deliver(threadReply(s, { from: `Bo <${s.bo}>`, id: `${s.tag}-bo@p.example`, body: "pause" }), { from: s.bo });
    expect(res.answers).toEqual([]);
    const after = await contactRow(s.ownerId, s.bo);
    expect(after?.muted).toBe(before?.muted);
  });
});

// ── J. Attached messages (message/rfc822) ──────────────────────────────────────────────────────────────
describe("J. attached messages carrying commands", () => {
  const attached = (outerBody: string, inner: string, b: string) =>
    [`--${b}`, 'Content-Type: text/plain; charset="UTF-8"', "", outerBody, `--${b}`, "Content-Type: message/rfc822", 'Content-Disposition: attachment; filename="fwd.eml"', "", inner, `--${b}--`].join("\r\n");
  const innerFrom = (from: string, body: string) =>
    ["From: " + from, `To: ${ASSISTANT}`, "Subject: settings", "Date: Mon, 02 Nov 2026 10:00:00 +0000", `Message-ID: <${crypto.randomUUID()}@inner.example>`, 'Content-Type: text/plain; charset="UTF-8"', "", body].join("\r\n");

  it("J1 the owner forwards as attachment a third party's mail full of commands (empty note): nothing runs", async () => {
    const s = await scene("J1");
    const b = `b-${s.tag}`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(
      withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, subject: "Fwd: settings", contentType: `multipart/mixed; boundary="${b}"`, body: attached("", innerFrom("Mallory <mallory@evil.test>", COMMANDS(s)), b) }), "pass", s.domain),
      { from: s.owner },
    );
    expect(res.rejected).toBeNull();
    const after = await ownerControlled(s.ownerId);
    expect({ ...after, contacts: after.contacts.filter((c) => c.address !== "mallory@evil.test") }).toEqual(before);
  });

  it("J2 the owner forwards as attachment a spoofed mail 'From: the owner' with commands: nothing runs", async () => {
    const s = await scene("J2");
    const b = `b-${s.tag}`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(
      withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, subject: "Fwd: settings", contentType: `multipart/mixed; boundary="${b}"`, body: attached("Is this real?", innerFrom(`Owner Olsen <${s.owner}>`, COMMANDS(s)), b) }), "pass", s.domain),
      { from: s.owner },
    );
    expect(res.rejected).toBeNull();
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("J3 Anna's thread reply carrying an attached mail 'From: the owner' with commands: stored, nothing runs", async () => {
    const s = await scene("J3");
    const b = `b-${s.tag}`;
    await expectStoredNotCommand(
      s,
      threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-att@c.example`, contentType: `multipart/mixed; boundary="${b}"`, body: attached("See attached.", innerFrom(`Owner Olsen <${s.owner}>`, COMMANDS(s)), b) }),
      { from: s.anna },
    );
  });

  it("J4 Anna's thread reply carrying an attached calendar invitation naming strangers: no meeting, no strangers", async () => {
    const s = await scene("J4");
    const b = `b-${s.tag}`;
    const ics = ["BEGIN:VCALENDAR", "METHOD:REQUEST", "BEGIN:VEVENT", "DTSTART:20261110T090000Z", "DTEND:20261110T100000Z", `UID:${s.tag}@g`, `ORGANIZER:mailto:${s.anna}`, `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${s.owner}`, "ATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@stranger-j4.example", "SUMMARY:Sync", "END:VEVENT", "END:VCALENDAR"].join("\r\n");
    const inner = ["From: Anna <" + s.anna + ">", `To: ${s.owner}`, "Subject: Invitation", "Date: Mon, 02 Nov 2026 10:00:00 +0000", 'Content-Type: text/calendar; method=REQUEST; charset="UTF-8"', "", ics].join("\r\n");
    await expectStoredNotCommand(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-att@c.example`, contentType: `multipart/mixed; boundary="${b}"`, body: attached("Invite attached.", inner, b) }), { from: s.anna });
    expect(await contactRow(s.ownerId, "eve@stranger-j4.example")).toBeNull();
  });
});
