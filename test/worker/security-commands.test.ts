// Only the owner's own words act (issue 9, classes 2, 7 and 8), through the real email() handler in production
// configuration: a forward the parser cannot read never runs as commands, the assistant and the owner never
// become contacts, and the owner's automated mail is never read for commands nor answered (RFC 3834).
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forwardedDigest, fromOwner as ownerMail, koreanForward, type OwnerMailParts, smuggledCommands, unknownLocaleForward } from "../support/attacks";
import { deliverToWorker } from "../support/mail";
import { seedOwner } from "../support/owners";

const OWNER = "camilla@olsen.dk";
const ANNA = "anna@holmraadgivning.dk";

let ownerId: number;

/** A mail from the owner, with the headers given and Cloudflare's aligned DMARC pass in front. */
const fromOwner = (a: OwnerMailParts) => ownerMail(OWNER, a);

async function deliver(raw: string, to = "gensidig@example.com") {
  const res = await deliverToWorker(raw, { from: OWNER, to });
  const answers = [...res.replies, ...res.sent.map((s) => s.raw)];
  const texts = await Promise.all(answers.map(async (r) => ((await PostalMime.parse(r)).text ?? "").replace(/\r\n/g, "\n")));
  return { ...res, answers: texts };
}

async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return (await env.DB.prepare(sql).bind(...params).all<T>()).results;
}

const contactsNamed = (address: string) => rows<{ address: string }>("select address from contacts where owner_id = ? and address = ?", ownerId, address);
const eventsFor = (messageId: string) => rows<{ kind: string; reason: string }>("select kind, reason from mail_events where message_id = ?", messageId);
const paused = async () => (await rows<{ paused: number }>("select paused from owners where id = ?", ownerId))[0].paused;

/** A contact of the owner's own, made by a BCC'd mail, so that no test leans on another's. */
async function seedContact(address: string) {
  const res = await deliverToWorker(
    fromOwner({ id: `seed-${address}`, subject: "Coffee after Founders Friday?", to: `Anna Holm <${address}>`, body: "Hi Anna,\n\nWould you have time for a coffee soon?\n\nCamilla" }),
    { from: OWNER },
  );
  expect(res.rejected()).toBeNull();
  expect(await contactsNamed(address)).toEqual([{ address }]);
}

beforeAll(async () => {
  ownerId = (await seedOwner(OWNER, "camilla-token", { name: "Camilla Olsen" })).id;
});

beforeEach(async () => {
  await env.DB.prepare("update owners set paused = 0 where id = ?").bind(ownerId).run();
});

const attack = smuggledCommands;

describe("owner mail that is not unmistakably the owner writing commands runs nothing", () => {
  it.each([
    ["a Thai Gmail forward", "สวัสดี", unknownLocaleForward(OWNER, attack(ANNA))],
    ["a Chinese forward", "你好", `发件人： 王伟 <wei@example.cn>\n发送时间： 2026年11月3日 10:12\n收件人： ${OWNER}\n主题： 你好\n\n${attack(ANNA)}`],
    ["a Greek forward", "Γεια σας", `Από: Νίκος Παπαδόπουλος <nikos@example.gr>\nΗμερομηνία: Τρίτη, 3 Νοεμβρίου 2026 10:12 π.μ.\nΠρος: ${OWNER}\nΘέμα: Γεια σας\n\n${attack(ANNA)}`],
    ["a Hebrew forward", "שלום", `מאת: דוד כהן <david@example.co.il>\nתאריך: יום ג׳, 3 בנוב׳ 2026 ב-10:12\nאל: ${OWNER}\nנושא: שלום\n\n${attack(ANNA)}`],
    ["a pasted mail with no separator", "Look at this", `From: Mallory <mallory@example.net>\nDate: 3 Nov 2026 10:12\n\n${attack(ANNA)}`],
    ["a Fwd:-tagged mail the parser cannot read", "Fwd: hello", attack(ANNA)],
  ])("%s deletes nothing, pauses nothing, is kept as a dead letter and the owner is told", async (name, subject, body) => {
    const tag = name.replace(/\W+/g, "-").toLowerCase();
    const person = `anna-${tag}@holmraadgivning.dk`;
    await seedContact(person);
    const id = `unreadable-${tag}@olsen.dk`;
    const res = await deliver(fromOwner({ id, subject, body: body.replaceAll(ANNA, person) }));
    expect(res.rejected()).toBeNull();
    expect(await contactsNamed(person)).toEqual([{ address: person }]);
    expect(await paused()).toBe(0);
    const events = await eventsFor(id);
    expect(events.map((e) => e.kind)).toEqual(["dead-letter"]);
    expect(events[0].reason).toMatch(/^none of it was run as a command, because /);
    expect(res.answers).toHaveLength(1);
    expect(res.answers[0]).toContain(`I kept your mail ("${subject}") but could not use it: none of it was run as a command, because `);
  });
});

describe("a forward the parser reads runs nothing either", () => {
  it("a Korean Gmail forward is kept as a forward from its sender; its words delete and pause nothing", async () => {
    const person = "anna-korean-read@holmraadgivning.dk";
    await seedContact(person);
    const id = "korean-read@olsen.dk";
    const res = await deliver(fromOwner({ id, subject: "전달: 안녕하세요", body: koreanForward(OWNER, attack(person)) }));
    expect(res.rejected()).toBeNull();
    expect(await contactsNamed(person)).toEqual([{ address: person }]);
    expect(await paused()).toBe(0);
    expect(await contactsNamed("minsu@example.kr")).toEqual([{ address: "minsu@example.kr" }]);
    expect((await eventsFor(id)).map((e) => e.kind)).not.toContain("dead-letter");
  });
});

describe("the assistant and the owner never become contacts", () => {
  it.each([
    ["gensidig@example.com", "digest"],
    ["gensidig+1-1-mj8k2p0w-7gq2m4vd3x5s6a9bqrtu@example.com", "digest-reply-address"],
  ])("forwarding mail from %s creates no contact for it", async (assistant, tag) => {
    const body = forwardedDigest(OWNER, assistant);
    const id = `fwd-${tag}@olsen.dk`;
    const res = await deliver(fromOwner({ id, subject: "Fwd: Week 47: 3 to follow up with", body }));
    expect(res.rejected()).toBeNull();
    expect(await contactsNamed(assistant)).toEqual([]);
    expect(await rows("select address from contacts where owner_id = ? and address like 'gensidig%'", ownerId)).toEqual([]);
    expect(await eventsFor(id)).toEqual([{ kind: "ignored", reason: "it is a mail from Gensidig itself" }]);
  });

  it("a forwarded mail the owner sent from a plus address is the owner's, not a contact", async () => {
    const body = [
      "---------- Forwarded message ---------",
      `From: Camilla Olsen <camilla+work@olsen.dk>`,
      "Date: Tue, 3 Nov 2026 at 10:12",
      "Subject: Slides",
      "To: Bo Nielsen <bo@nielsenconsult.dk>",
      "",
      "Hi Bo, here are the slides from Tuesday.",
    ].join("\n");
    const res = await deliver(fromOwner({ id: "fwd-own-plus@olsen.dk", subject: "Fwd: Slides", body }));
    expect(res.rejected()).toBeNull();
    expect(await contactsNamed("camilla+work@olsen.dk")).toEqual([]);
    expect(await rows("select direction from interactions i join contacts c on c.id = i.contact_id where c.address = ?", "bo@nielsenconsult.dk")).toEqual([
      { direction: "out" },
    ]);
  });
});

describe("the owner's automated mail is never read for commands nor answered (RFC 3834)", () => {
  it.each([
    ["a Gmail vacation reply", "Re: Week 47: 3 to follow up with", ["Auto-Submitted: auto-replied"], "automatic (Auto-Submitted: auto-replied)"],
    [
      "an Outlook out-of-office reply",
      "Automatic reply: Week 47: 3 to follow up with",
      ["X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent"],
      "generated by Exchange (X-MS-Exchange-Generated-Message-Source)",
    ],
    ["an auto-reply known by its subject alone", "Out of Office: Week 47: 3 to follow up with", [], "auto-reply (subject)"],
  ])("%s is ignored with a reason and not answered", async (name, subject, headers, reason) => {
    const tag = name.replace(/\W+/g, "-").toLowerCase();
    const person = `anna-${tag}@holmraadgivning.dk`;
    await seedContact(person);
    const id = `auto-${tag}@olsen.dk`;
    const to = "gensidig+1-1-mj8k2p0w-7gq2m4vd3x5s6a9bqrtu@example.com";
    const res = await deliver(fromOwner({ id, subject, to, headers, body: `I am away until 30 November.\n\n${attack(person)}` }), to);
    expect(res.rejected()).toBeNull();
    expect(res.replies).toEqual([]);
    expect(res.sent).toEqual([]);
    expect(await eventsFor(id)).toEqual([{ kind: "ignored", reason }]);
    expect(await contactsNamed(person)).toEqual([{ address: person }]);
    expect(await paused()).toBe(0);
  });
});

describe("genuine command mail still acts", () => {
  it("a fresh mail with commands runs them and is answered", async () => {
    const person = "anna-fresh@holmraadgivning.dk";
    await seedContact(person);
    const res = await deliver(fromOwner({ id: "fresh-cmd@olsen.dk", subject: "Settings", body: `cadence ${person} monthly` }));
    expect(res.answers).toHaveLength(1);
    expect(res.answers[0].split("\n")[0]).toBe(`✓ cadence ${person} monthly — Anna Holm: in touch every month`);
  });
});

describe("a file attached to the owner's command mail is not read as commands", () => {
  const language = async () => (await rows<{ language: string }>("select language from owners where id = ?", ownerId))[0].language;

  it("an attached .txt marked inline with a file name (Apple Mail) runs none of its lines; the owner's own line runs", async () => {
    const body = [
      "--apple-file",
      'Content-Type: text/plain; charset="UTF-8"',
      "",
      "status",
      "--apple-file",
      'Content-Type: text/plain; charset="UTF-8"; name="from-mallory.txt"',
      'Content-Disposition: inline; filename="from-mallory.txt"',
      "",
      "pause",
      "language da",
      "--apple-file--",
    ].join("\r\n");
    const res = await deliver(fromOwner({ id: "inline-text-file@olsen.dk", subject: "Status please", headers: ['Content-Type: multipart/mixed; boundary="apple-file"'], body }));
    expect(res.rejected()).toBeNull();
    expect(await paused()).toBe(0);
    expect(await language()).toBe("en");
    expect(res.answers).toHaveLength(1);
    expect(res.answers[0].split("\n")[0]).toMatch(/^✓ status — /);
    expect(res.answers[0]).not.toMatch(/pause|language da/);
  });
});

describe("text the owner cannot see in their own HTML-only command mail does not run", () => {
  const html = ['Content-Type: text/html; charset="UTF-8"'];
  const page = (hidden: string) => `<html><head><style>.x{display:none}</style></head><body><div>status</div>${hidden}</body></html>`;

  it("control: the same mail with 'pause' in sight pauses", async () => {
    const res = await deliver(fromOwner({ id: "html-visible-pause@olsen.dk", subject: "Status", headers: html, body: page("<div>pause</div>") }));
    expect(res.rejected()).toBeNull();
    expect(await paused()).toBe(1);
  });

  it.each([
    ['<font color="#ffffff">', `<font color="#ffffff">pause</font>`],
    ["color:transparent", `<div style="color:transparent">pause</div>`],
    ["font-size:1px", `<div style="font-size:1px;line-height:1px">pause</div>`],
    ["font-size:0.1px", `<div style="font-size:0.1px">pause</div>`],
    ["display:/**/none (a CSS comment)", `<div style="display:/**/none">pause</div>`],
    ["display:&#110;one (an entity in the attribute)", `<div style="display:&#110;one">pause</div>`],
    ["a <style> class with display:none", `<div class="x">pause</div>`],
    ["height:0;overflow:hidden", `<div style="height:0;overflow:hidden">pause</div>`],
    ["position:absolute;left:-9999px", `<div style="position:absolute;left:-9999px">pause</div>`],
    ["opacity:.0", `<div style="opacity:.0">pause</div>`],
    ["<template>", `<template><div>pause</div></template>`],
    ["color:rgb(255 255 255) (the space syntax)", `<div style="color:rgb(255 255 255)">pause</div>`],
    ["text-indent:-9999px;overflow:hidden", `<div style="text-indent:-9999px;overflow:hidden;white-space:nowrap">pause</div>`],
    ["transform:scale(0)", `<div style="transform:scale(0)">pause</div>`],
  ])("%s: the hidden line does not run, the visible one is answered", async (name, hidden) => {
    const id = `html-hidden-${name.replace(/\W+/g, "-").toLowerCase()}@olsen.dk`;
    const res = await deliver(fromOwner({ id, subject: "Status", headers: html, body: page(hidden) }));
    expect(res.rejected()).toBeNull();
    expect(await paused()).toBe(0);
    expect(res.answers).toHaveLength(1);
    expect(res.answers[0].split("\n")[0]).toMatch(/^✓ status — /);
    expect(res.answers[0]).not.toMatch(/pause/);
  });
});
