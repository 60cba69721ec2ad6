// Thread replies (issue 9, class 6): a non-owner's mail is recorded only as a reply from someone who took part in
// the mail it answers, with the header From and the envelope sender agreeing. Through the real email() handler,
// in production configuration. Each test builds its own thread with its own people, so no test leans on another.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { ownerAsks as ownerThreadMail, THREAD_REPLIED_AT, THREAD_SENT_AT, threadReply } from "../support/attacks";
import { deliverToWorker } from "../support/mail";
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
  ])("accepts a $form envelope that stands for the sender, and refuses its look-alike", async ({ form, ok, not }) => {
    const tag = `rewrite-${form.split(" ")[0].toLowerCase()}`;
    const thread = await sharedThread(tag);
    const [local, domain] = thread.to.split("@");
    const lookAlike = not(local, domain);
    const before = await footprint();
    const refused = await deliverToWorker(replyTo({ threadId: thread.id, id: `${tag}-forged@x.example`, from: `Anna <${thread.to}>` }), { from: lookAlike });
    expect(refused.rejected()).toBe(refusedBecause(thread.to, `it says it is from ${thread.to} but was sent by ${lookAlike.toLowerCase()}`));
    expect(await footprint()).toEqual(before);
    expect((await contact(thread.to))!.contact).toMatchObject({ inboundCount: 0, pendingFollowUp: { since: new Date(SENT_AT).toISOString() } });

    const res = await deliverToWorker(replyTo({ threadId: thread.id, id: `${tag}-reply@${domain}`, from: `Anna <${thread.to}>` }), { from: ok(local, domain) });
    expect(res.rejected()).toBeNull();
    const anna = await contact(thread.to);
    expect(anna!.contact).toMatchObject({ inboundCount: 1, pendingFollowUp: null });
    expect(anna!.interactions[0]).toMatchObject({ direction: "in", source: "thread-reply" });
  });
});
