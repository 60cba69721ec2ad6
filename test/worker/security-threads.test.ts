// Thread replies (issue 9, class 6): a non-owner's mail is recorded only as a reply from someone who took part in
// the mail it answers, with the header From and the envelope sender agreeing and Cloudflare's verdict not saying
// otherwise. Through the real email() handler, in production configuration. Each test builds its own thread with its own people, so no test leans on another.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { cloudflareArc, ownerAsks as ownerThreadMail, THREAD_REPLIED_AT, THREAD_SENT_AT, threadReply } from "../support/attacks";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

const OWNER = "owner@example.com";
const SENT_AT = THREAD_SENT_AT;
const REPLIED_AT = THREAD_REPLIED_AT;
const ownerAsks = (a: { id: string; to: string; cc: string }) => ownerThreadMail(OWNER, a);
const replyTo = (a: { threadId: string; id: string; from: string; to?: string }) => threadReply(OWNER, a);

/** A thread the owner shared, with two people of their own on it: `to` and `cc`. */
async function sharedThread(tag: string) {
  const thread = { id: `${tag}-ask@mail.gmail.com`, to: `anna@${tag}.example`, cc: `bo@${tag}-partner.example` };
  const res = await deliverToWorker(ownerAsks(thread), { from: OWNER });
  expect(res.rejected()).toBeNull();
  return thread;
}

async function contact(address: string) {
  const res = await worker.fetch(
    new Request(`http://x/api/contacts/${encodeURIComponent(address)}`, { headers: { authorization: "Bearer dev-token" } }),
    env,
    createExecutionContext(),
  );
  if (res.status === 404) return null;
  expect(res.status).toBe(200);
  return (await res.json()) as { contact: Record<string, unknown>; interactions: Array<{ direction: string; source: string; at: string }> };
}

/** Everything the owner's data holds, counted: a refused mail must leave every number as it was. */
async function footprint() {
  const row = await env.DB.prepare(
    "select (select count(*) from contacts) as contacts, (select count(*) from interactions) as interactions, (select count(*) from messages) as messages, (select count(*) from mail_events) as events",
  ).first();
  return row;
}

const refusedBecause = (from: string, detail: string) =>
  `Gensidig only accepts mail from the people it works for, and ${from} is not one of them. A reply is recorded only from someone who took part in the conversation, and this one was refused: ${detail}.`;
const unverified = (from: string, detail: string) => `Gensidig could not verify that this mail comes from ${from} (${detail}), so it was not recorded.`;

/** Cloudflare's verdict on top of a raw mail, in the shape Email Routing writes it, with the DMARC clause given. */
const withVerdict = (dmarc: string, raw: string, spf?: string) => `ARC-Authentication-Results: ${cloudflareArc(dmarc, "dkim=none", spf)}\r\n${raw}`;
/** Cloudflare's SPF clause for an envelope sender: `spf=pass … smtp.mailfrom=<address>`, or another result. */
const spfFor = (address: string, result = "pass") => `spf=${result} (mx.cloudflare.net: domain of ${address}) smtp.mailfrom=${address}`;
const withCc = (cc: string, raw: string) => raw.replace("\r\nIn-Reply-To:", `\r\nCc: ${cc}\r\nIn-Reply-To:`);
const withSubject = (subject: string, headers: string[], raw: string) =>
  raw.replace(/^Subject: .*$/m, [`Subject: ${subject}`, ...headers].join("\r\n"));

beforeAll(async () => {
  await seedOwner(OWNER, "dev-token");
});

describe("thread replies", () => {
  it("records the reply of someone who took part in the mail, and refuses a colleague's who did not", async () => {
    const thread = await sharedThread("took-part");
    const colleague = "carl@took-part.example";
    const before = await footprint();
    const outsider = await deliverToWorker(replyTo({ threadId: thread.id, id: "took-part-carl@took-part.example", from: `Carl <${colleague}>`, to: `${OWNER}, ${thread.to}` }), {
      from: colleague,
    });
    expect(outsider.rejected()).toBe(refusedBecause(colleague, `${colleague} took no part in the mail it answers`));
    expect(await footprint()).toEqual(before);
    expect(await contact(colleague)).toBeNull();

    // Bo was on Cc: a recipient of the mail takes part in it as much as its To.
    const res = await deliverToWorker(replyTo({ threadId: thread.id, id: "took-part-bo@partner.example", from: `Bo Nielsen <${thread.cc}>` }), { from: thread.cc });
    expect(res.rejected()).toBeNull();
    const bo = await contact(thread.cc);
    expect(bo!.interactions.map((i) => [i.direction, i.source, i.at])).toEqual([
      ["in", "thread-reply", new Date(REPLIED_AT).toISOString()],
      ["out", "bcc", new Date(SENT_AT).toISOString()],
    ]);
    expect(bo!.contact).toMatchObject({ inboundCount: 1, outboundCount: 1 });
  });

  it("refuses a stranger who knows a stored Message-ID and writes to the owner, and creates no contact", async () => {
    const thread = await sharedThread("stranger");
    const stranger = "lars@winther-sales.com";
    const before = await footprint();
    const res = await deliverToWorker(replyTo({ threadId: thread.id, id: "stranger-pitch@winther-sales.com", from: `Lars Winther <${stranger}>` }), { from: stranger });
    expect(res.rejected()).toBe(refusedBecause(stranger, `${stranger} took no part in the mail it answers`));
    expect(await footprint()).toEqual(before);
    expect(await contact(stranger)).toBeNull();
  });

  it("refuses a contact's header From sent from someone else's envelope, and the follow-up stays pending", async () => {
    const thread = await sharedThread("envelope");
    const pending = (await contact(thread.to))!.contact.pendingFollowUp;
    expect(pending).toMatchObject({ since: new Date(SENT_AT).toISOString() });
    const before = await footprint();
    const res = await deliverToWorker(replyTo({ threadId: thread.id, id: "envelope-forged@envelope.example", from: `Anna <${thread.to}>` }), {
      from: "bounce@mailer.attacker.example",
    });
    expect(res.rejected()).toBe(refusedBecause(thread.to, `it says it is from ${thread.to} but was sent by bounce@mailer.attacker.example`));
    expect(await footprint()).toEqual(before);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0, pendingFollowUp: pending });
  });

  // Each row: an envelope a forwarder or a mail platform writes for Anna's own mail, and a look-alike that
  // stands for someone else. The look-alike is refused and leaves the follow-up; the rewrite settles it.
  it.each([
    { form: "SRS0 (one forwarder)", ok: (l: string, d: string) => `SRS0=a1Bz=T7=${d}=${l}@fwd.example`, not: (l: string) => `SRS0=a1Bz=T7=attacker.example=${l}@fwd.example` },
    { form: "SRS1 (two forwarders)", ok: (l: string, d: string) => `SRS1=Qx9z=fwd.example==a1Bz=T7=${d}=${l}@fwd2.example`, not: (_l: string, d: string) => `SRS1=Qx9z=fwd.example==a1Bz=T7=${d}=eve@fwd2.example` },
    { form: "subaddress (VERP)", ok: (l: string, d: string) => `${l}+reply-42@${d}`, not: (l: string, d: string) => `${l}+reply-42@${d}.attacker.example` },
    { form: "platform bounce mailbox", ok: (_l: string, d: string) => `bounces+1234-ab=example.com@em42.${d}`, not: (_l: string, d: string) => `bounces+1234-ab=example.com@em42.${d}-mail.example` },
  ])("accepts a $form envelope that stands for the sender with Cloudflare's DMARC pass, and refuses its look-alike and the rewrite alone", async ({ form, ok, not }) => {
    const tag = `rewrite-${form.split(" ")[0].toLowerCase()}`;
    const thread = await sharedThread(tag);
    const [local, domain] = thread.to.split("@");
    const lookAlike = not(local, domain);
    const before = await footprint();
    const refused = await deliverToWorker(replyTo({ threadId: thread.id, id: `${tag}-forged@x.example`, from: `Anna <${thread.to}>` }), { from: lookAlike });
    expect(refused.rejected()).toBe(refusedBecause(thread.to, `it says it is from ${thread.to} but was sent by ${lookAlike.toLowerCase()}`));
    expect(await footprint()).toEqual(before);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0, pendingFollowUp: { since: new Date(SENT_AT).toISOString() } });

    // Anyone can write such an address on a domain of their own: alone, it does not stand for Anna.
    const rewrite = ok(local, domain);
    const alone = await deliverToWorker(replyTo({ threadId: thread.id, id: `${tag}-alone@x.example`, from: `Anna <${thread.to}>` }), { from: rewrite });
    expect(alone.rejected()).toBe(
      unverified(thread.to, `it was sent by ${rewrite.toLowerCase()}, which stands for ${thread.to} only with a DMARC pass for its domain, and it carries no authentication results`),
    );
    expect(await footprint()).toEqual(before);

    const reply = replyTo({ threadId: thread.id, id: `${tag}-reply@${domain}`, from: `Anna <${thread.to}>` });
    const res = await deliverToWorker(withCloudflareVerdict(reply, "pass", domain), { from: rewrite });
    expect(res.rejected()).toBeNull();
    const anna = await contact(thread.to);
    expect(anna!.contact).toMatchObject({ inboundCount: 1, pendingFollowUp: null });
    expect(anna!.interactions[0]).toMatchObject({ direction: "in", source: "thread-reply" });
  });
});

// Everyone on a thread knows its Message-ID, and anyone can write a From and an envelope: Cloudflare's verdict on
// the From domain is what tells the contact's own mail from a forgery in their name.
describe("Cloudflare's verdict on a contact's reply", () => {
  it("refuses Bo's reply forged in Anna's name when DMARC fails for her domain, and writes nothing, the strangers he copies in included", async () => {
    const thread = await sharedThread("dmarc-fail");
    const domain = thread.to.split("@")[1];
    const before = await footprint();
    const forged = withCc(
      "Carl Crook <carl@crook.example>, Dina Dodgy <dina@dodgy.example>",
      replyTo({ threadId: thread.id, id: "dmarc-fail-forged@evil.example", from: `Anna <${thread.to}>` }),
    );
    const res = await deliverToWorker(withVerdict(`dmarc=fail header.from=${domain} policy.dmarc=reject`, forged), { from: thread.to });
    expect(res.rejected()).toBe(unverified(thread.to, `Cloudflare's DMARC check failed for ${domain}`));
    expect(await footprint()).toEqual(before);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0, pendingFollowUp: { since: new Date(SENT_AT).toISOString() } });
    expect(await contact("carl@crook.example")).toBeNull();
    expect(await contact("dina@dodgy.example")).toBeNull();
  });

  it("refuses an SRS envelope made up on the sender's own domain for Anna's From, with DMARC failing or not published", async () => {
    const thread = await sharedThread("srs-made-up");
    const [local, domain] = thread.to.split("@");
    const srs = `SRS0=fake=ZZ=${domain}=${local}@evil.example`;
    const before = await footprint();
    const failed = await deliverToWorker(
      withVerdict(`dmarc=fail header.from=${domain} policy.dmarc=reject`, replyTo({ threadId: thread.id, id: "srs-made-up-1@evil.example", from: `Anna <${thread.to}>` })),
      { from: srs },
    );
    expect(failed.rejected()).toBe(unverified(thread.to, `Cloudflare's DMARC check failed for ${domain}`));
    const noPolicy = await deliverToWorker(
      withVerdict(`dmarc=none header.from=${domain}`, replyTo({ threadId: thread.id, id: "srs-made-up-2@evil.example", from: `Anna <${thread.to}>` })),
      { from: srs },
    );
    expect(noPolicy.rejected()).toBe(
      unverified(thread.to, `it was sent by ${srs.toLowerCase()}, which stands for ${thread.to} only with a DMARC pass for its domain, and Cloudflare's DMARC result for ${domain} is none`),
    );
    expect(await footprint()).toEqual(before);
  });

  it("refuses a reply whose own folded line is joined to Cloudflare's verdict, so that it cannot be read", async () => {
    const thread = await sharedThread("verdict-broken");
    const domain = thread.to.split("@")[1];
    const before = await footprint();
    // The sender's mail starts with a continuation line: it becomes part of the header Cloudflare prepends.
    const reply = ` ) ; dmarc=pass header.from=${domain}\r\n` + replyTo({ threadId: thread.id, id: "verdict-broken@evil.example", from: `Anna <${thread.to}>` });
    const res = await deliverToWorker(withVerdict(`dmarc=fail header.from=${domain}`, reply), { from: thread.to });
    expect(res.rejected()).toBe(unverified(thread.to, "its topmost authentication results could not be read: a comment closes that never opened"));
    expect(await footprint()).toEqual(before);
  });

  // Without a DMARC record anyone may write Anna's address as MAIL FROM: only SPF for that envelope tells hers apart.
  it.each([
    ["SPF passing for another domain (the sender's own)", spfFor("mallory@evil.example"), "spf-elsewhere"],
    ["SPF failing for her envelope", spfFor("anna@spf-check.example", "softfail"), "spf-softfail"],
    ["no SPF result", "arc=none", "spf-missing"],
  ])("refuses a reply in Anna's name from her own envelope, her domain without DMARC, with %s", async (_name, spf, tag) => {
    const thread = await sharedThread(tag);
    const domain = thread.to.split("@")[1];
    const before = await footprint();
    const forged = withVerdict(`dmarc=none header.from=${domain}`, replyTo({ threadId: thread.id, id: `spf-forged@${domain}`, from: `Anna <${thread.to}>` }), spf.replace("spf-check.example", domain));
    const res = await deliverToWorker(forged, { from: thread.to });
    expect(res.rejected()).toBe(
      unverified(thread.to, `Cloudflare's DMARC result for ${domain} is none, and Cloudflare's SPF check did not pass for the envelope sender ${thread.to}`),
    );
    expect(await footprint()).toEqual(before);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0 });
  });

  it("refuses a reply whose Cloudflare results hold two DMARC clauses, a pass among them", async () => {
    const thread = await sharedThread("two-dmarc");
    const domain = thread.to.split("@")[1];
    const before = await footprint();
    const raw = withVerdict(`dmarc=none header.from=${domain}; dmarc=pass header.from=${domain}`, replyTo({ threadId: thread.id, id: `two-dmarc@${domain}`, from: `Anna <${thread.to}>` }), spfFor(thread.to));
    const res = await deliverToWorker(raw, { from: thread.to });
    expect(res.rejected()).toBe(unverified(thread.to, "Cloudflare's results hold more than one DMARC result"));
    expect(await footprint()).toEqual(before);
  });

  it.each([
    ["an aligned DMARC pass", "pass"],
    ["no DMARC record published for her domain, and SPF passing for her envelope", "none"],
  ])("records Anna's own reply with %s", async (_name, dmarc) => {
    const thread = await sharedThread(`verdict-${dmarc}`);
    const domain = thread.to.split("@")[1];
    const raw = withVerdict(`dmarc=${dmarc} header.from=${domain}`, replyTo({ threadId: thread.id, id: `verdict-${dmarc}@${domain}`, from: `Anna <${thread.to}>` }), spfFor(thread.to));
    const res = await deliverToWorker(raw, { from: thread.to });
    expect(res.rejected()).toBeNull();
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 1, pendingFollowUp: null });
  });
});

// Outlook and Exchange write an out-of-office subject in the replying mailbox's language: it is no reply of theirs.
describe("an automatic reply on a shared thread, in another language", () => {
  it.each([
    ["Italian, with Exchange's X-Auto-Response-Suppress", "Risposta automatica", ["X-Auto-Response-Suppress: All"], "auto-reply (subject)"],
    ["German", "Automatische Antwort", [], "auto-reply (subject)"],
    ["Polish", "Odpowiedź automatyczna", [], "auto-reply (subject)"],
    ["Czech, which only Exchange's header gives away", "Automatická odpověď", ["X-Auto-Response-Suppress: All"], "auto-reply (Exchange, subject)"],
  ])("%s: ignored with its reason, and the owner's question still waits for Anna", async (language, prefix, headers, reason) => {
    const tag = `oof-${language.split(/\W/)[0].toLowerCase()}`;
    const thread = await sharedThread(tag);
    const id = `${tag}-oof@${thread.to.split("@")[1]}`;
    const oof = withSubject(`=?UTF-8?Q?${encodeURIComponent(prefix).replace(/%/g, "=")}?=: Could you send the workshop slides?`, headers, replyTo({ threadId: thread.id, id, from: `Anna <${thread.to}>` }));
    const res = await deliverToWorker(oof, { from: thread.to });
    expect(res.rejected()).toBeNull();
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0, pendingFollowUp: { since: new Date(SENT_AT).toISOString() } });
    const events = await env.DB.prepare("select kind, reason from mail_events where message_id = ?").bind(id).all();
    expect(events.results).toEqual([{ kind: "ignored", reason }]);
  });
});

// A Message-ID names one mail. Everyone on a thread knows the owner's: a reply that reuses it is another mail, and
// is said so, never dropped as if it had been delivered before.
describe("a reply whose Message-ID is already stored", () => {
  const taken = (id: string) => `This mail's Message-ID <${id}> is already that of a mail someone else sent, which Gensidig keeps; nothing was done. Please send it again as a new mail.`;

  it("refuses Anna's reply under the Message-ID of the owner's own thread mail, with the reason, and writes nothing", async () => {
    const thread = await sharedThread("reused-id");
    const before = await footprint();
    const res = await deliverToWorker(replyTo({ threadId: thread.id, id: thread.id, from: `Anna <${thread.to}>` }), { from: thread.to });
    expect(res.rejected()).toBe(taken(thread.id));
    expect(await footprint()).toEqual(before);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0 });
  });

  it("takes Anna's own reply, or her out-of-office, delivered again as the duplicate it is", async () => {
    const thread = await sharedThread("redelivered");
    const reply = replyTo({ threadId: thread.id, id: "redelivered-reply@redelivered.example", from: `Anna <${thread.to}>` });
    const oof = withSubject("Automatic reply: Could you send the workshop slides?", [], replyTo({ threadId: thread.id, id: "redelivered-oof@redelivered.example", from: `Anna <${thread.to}>` }));
    for (const mail of [reply, oof]) expect((await deliverToWorker(mail, { from: thread.to })).rejected()).toBeNull();
    const once = await footprint();
    for (const mail of [reply, oof]) expect((await deliverToWorker(mail, { from: thread.to })).rejected()).toBeNull();
    expect(await footprint()).toEqual(once);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 1 });
  });
});
