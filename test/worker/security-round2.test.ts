// Round two of adversarial mail and requests (test/support/round2.ts has the scene): header games, the assistant's plus part,
// several owners on one deployment, forwards and digest threads carrying commands or a reply token, MIME nesting,
// hidden HTML, resource exhaustion, and the HTTP API. Each asserts the safe outcome through the real handler.
import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signDigestToken, signExportLink } from "../../src/digest/token";
import worker from "../../src/index";
import { testEnv, withCloudflareVerdict } from "../support/mail";
import { digestAt } from "./commands-scenario";
import { NOW, ASSISTANT, SECRET, scene, deliver, dump, ownerControlled, contactRow, notesOf, raw, arc, fromOwner, threadReply, COMMANDS, expectRefusedUntouched, expectNothingOwnerControlled, type Scene } from "../support/round2";

// ── L. Header games beyond two From lines ───────────────────────────────────────────────────────────────────
describe("L. header games", () => {
  it("L1 a second From written 'From :' (space before the colon) holding the owner, after the stranger's: refused", async () => {
    const s = await scene("L1");
    const m = arc("pass", "evil.test") + raw({ from: "mallory@evil.test", headers: [`From : Owner Olsen <${s.owner}>`], body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: s.owner });
  });

  it("L2 lower-case 'from:' and upper-case 'FROM:' lines, owner and stranger: refused", async () => {
    const s = await scene("L2");
    const m = arc("pass", s.domain) + raw({ from: `Owner Olsen <${s.owner}>`, headers: ["FROM: mallory@evil.test"], body: COMMANDS(s) }).replace(/^From:/m, "from:");
    await expectRefusedUntouched(s, m, { from: s.owner });
  });

  it("L3 Resent-From: the owner on a stranger's mail: refused", async () => {
    const s = await scene("L3");
    const m = arc("pass", "evil.test") + raw({ from: "mallory@evil.test", headers: [`Resent-From: ${s.owner}`, `Resent-Sender: ${s.owner}`], body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("L4 Return-Path: the owner in a stranger's headers, envelope the stranger's: refused", async () => {
    const s = await scene("L4");
    const m = `Return-Path: <${s.owner}>\r\n` + arc("pass", "evil.test") + raw({ from: "mallory@evil.test", body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("L5 a bare-LF line inside a header smuggling 'From: owner' next to the stranger's From: refused", async () => {
    const s = await scene("L5");
    const m = arc("pass", "evil.test") + raw({ from: "mallory@evil.test", headers: [`X-Note: hi\nFrom: Owner Olsen <${s.owner}>`], body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("L6 a From folded across lines with a comment holding the owner's address: never the owner", async () => {
    const s = await scene("L6");
    const m = arc("pass", "evil.test") + raw({ from: `mallory@evil.test\r\n (\r\n ${s.owner}\r\n )`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: "mallory@evil.test" });
  });

  it("L7 a thread participant's reply with Sender: the owner and Reply-To: the assistant: stored as hers, nothing runs", async () => {
    const s = await scene("L7");
    const m = threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-sender@c.example`, headers: [`Sender: ${s.owner}`, `Reply-To: ${ASSISTANT}`], body: COMMANDS(s) });
    const res = await expectNothingOwnerControlled(s, m, { from: s.anna });
    expect(res.answers).toEqual([]);
  });

  it("L8 the owner's 'export' with Reply-To: a stranger: the export goes to the owner alone, by either route", async () => {
    for (const replyRefused of [false, true]) {
      const s = await scene(`L8${replyRefused ? "b" : "a"}`);
      const res = await deliver(fromOwner(s, { id: `${s.tag}-export@mail.example`, subject: "export", headers: ["Reply-To: mallory@evil.test"], body: "export" }), { from: s.owner, replyRefused });
      expect(res.outcome.status).toBe("command");
      expect(res.recipients.length).toBeGreaterThan(0);
      expect(res.recipients.every((r) => r === s.owner)).toBe(true);
    }
  });
});

// ── M. The assistant's plus part as a command channel ──────────────────────────────────────────────────────
describe("M. plus-addressing of the assistant", () => {
  it.each(["gensidig+pause@example.com", "gensidig+forget@example.com", "gensidig+done+1@example.com", "gensidig+export@example.com", "gensidig-pause@example.com", "gensidig.pause@example.com"])(
    "M1 a stranger's mail to %s: refused",
    async (to) => {
      const s = await scene(`M1-${to.split("@")[0]}`);
      await expectRefusedUntouched(s, arc("pass", "evil.test") + raw({ from: "mallory@evil.test", to, body: COMMANDS(s) }), { from: "mallory@evil.test", to });
    },
  );

  it("M2 a thread participant's reply to gensidig+pause@ and gensidig+never@: stored as hers, nothing runs", async () => {
    const s = await scene("M2");
    const to = "gensidig+pause+never@example.com";
    const res = await expectNothingOwnerControlled(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-plus@c.example`, to: `${s.owner}, ${to}`, body: "Thanks!" }), { from: s.anna, to });
    expect(res.answers).toEqual([]);
  });

  it("M3 a thread participant's reply to the owner's digest token address in Cc only (token leaked): nothing runs", async () => {
    const s = await scene("M3");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    const res = await expectNothingOwnerControlled(s, threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-tok@c.example`, cc: to, body: "done 1\ndone 2\nnever 1\npause" }), { from: s.anna, to });
    expect(res.answers).toEqual([]);
  });
});

// ── N. Several owners on one deployment ────────────────────────────────────────────────────────────────────
describe("N. cross-owner", () => {
  it("N1 owner A answers 'done 1' to the plain address naming owner B's digest in In-Reply-To: B's digest is untouched, A's too", async () => {
    const a = await scene("N1a");
    const b = await scene("N1b");
    const d = await digestAt(b.ownerId, NOW - 3 * 3600_000);
    const beforeB = await dump(b.ownerId);
    const beforeA = await ownerControlled(a.ownerId);
    const id = `<${d.messageId.replace(/^<|>$/g, "")}>`;
    const res = await deliver(fromOwner(a, { id: `${a.tag}-done@mail.example`, subject: "Re: your digest", headers: [`In-Reply-To: ${id}`, `References: ${id}`], body: "done 1\nnever 2\nsnooze 3 2w" }), { from: a.owner });
    expect(res.outcome.status).toBe("command");
    expect(await dump(b.ownerId)).toEqual(beforeB);
    expect(await ownerControlled(a.ownerId)).toEqual(beforeA);
  });

  it("N2 owner A's header From with owner B's envelope (and B's with A's): refused, neither changes", async () => {
    const a = await scene("N2a");
    const b = await scene("N2b");
    const [da, db] = [await dump(a.ownerId), await dump(b.ownerId)];
    const r1 = await deliver(fromOwner(a, { id: `${a.tag}-x@mail.example`, body: "pause" }), { from: b.owner });
    const r2 = await deliver(fromOwner(b, { id: `${b.tag}-x@mail.example`, body: "pause" }), { from: a.owner });
    expect([r1.outcome.status, r2.outcome.status]).toEqual(["rejected", "rejected"]);
    expect([await dump(a.ownerId), await dump(b.ownerId)]).toEqual([da, db]);
  });

  it("N3 owner A's commands naming owner B's address change nothing of B's", async () => {
    const a = await scene("N3a");
    const b = await scene("N3b");
    const before = await dump(b.ownerId);
    const lines = [`never ${b.owner}`, `private ${b.owner}`, `forget ${b.owner} confirm`, `note ${b.owner} met at a fair`, `forget ${b.anna} confirm`, `ignore @${b.domain}`].join("\n");
    const res = await deliver(fromOwner(a, { id: `${a.tag}-cmd@mail.example`, body: lines }), { from: a.owner });
    expect(res.outcome.status).toBe("command");
    expect(await dump(b.ownerId)).toEqual(before);
  });

  it("N4 a participant of owner B's thread replies to owner A first and B second: recorded for B only, A untouched", async () => {
    const a = await scene("N4a");
    const b = await scene("N4b");
    const beforeA = await dump(a.ownerId);
    const res = await deliver(threadReply(b, { from: `Anna <${b.anna}>`, id: `${b.tag}-both@c.example`, to: `A <${a.owner}>, B <${b.owner}>`, body: "Here are the slides." }), { from: b.anna });
    expect(res.outcome.status).toBe("stored");
    expect(await dump(a.ownerId)).toEqual(beforeA);
  });

  it("N5 owner A's BCC reusing the Message-ID of owner B's stored mail: stored for A, B untouched", async () => {
    const a = await scene("N5a");
    const b = await scene("N5b");
    const before = await dump(b.ownerId);
    const res = await deliver(fromOwner(a, { id: b.threadId, to: `Carl <carl@${a.tag}-z.example>`, subject: "Lunch?", body: "Could we have lunch on Friday?" }), { from: a.owner });
    expect(res.outcome.status).toBe("stored");
    expect(await dump(b.ownerId)).toEqual(before);
  });

  it("N6 a participant of owner B's thread replies only to owner A (who never shared it): refused, A untouched", async () => {
    const a = await scene("N6a");
    const b = await scene("N6b");
    const res = await expectRefusedUntouched(a, threadReply(b, { from: `Anna <${b.anna}>`, id: `${b.tag}-wrong@c.example`, to: `A <${a.owner}>`, body: "pause" }), { from: b.anna });
    expect(res.rejected).toMatch(/only accepts mail from the people it works for/);
  });
});

// ── O. Forwards and digest threads carrying commands or a reply token ─────────────────────────────────────
describe("O. forwards and digest threads", () => {
  const gmailBlock = (from: string, to: string, subject: string) => ["---------- Forwarded message ---------", `From: ${from}`, "Date: Mon, 2 Nov 2026 at 10:00", `Subject: ${subject}`, `To: ${to}`, ""];

  it("O1 the owner forwards a contact's mail that quotes the digest with its token and 'done' lines: nothing runs", async () => {
    const s = await scene("O1");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const body = [...gmailBlock(`Anna <${s.anna}>`, `Owner Olsen <${s.owner}>`, "Re: Week 47"), "done 1", "done 2", "never 1", "pause", "", `> Reply to gensidig+${d.token}@example.com`, "> done 1"].join("\r\n");
    const res = await expectNothingOwnerControlled(s, fromOwner(s, { id: `${s.tag}-fwd@mail.example`, subject: "Fwd: Re: Week 47", body }), { from: s.owner }, [s.anna]);
    expect(res.outcome.status).not.toBe("command");
  });

  it("O2 the owner forwards a third party's mail TO the digest's signed reply address: kept as a forward, no line runs", async () => {
    const s = await scene("O2");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    const body = [...gmailBlock("Mallory <mallory@evil.test>", `Owner Olsen <${s.owner}>`, "Offer"), COMMANDS(s)].join("\r\n");
    await expectNothingOwnerControlled(s, fromOwner(s, { id: `${s.tag}-fwd@mail.example`, to, subject: "Fwd: Offer", body }), { from: s.owner, to }, ["mallory@evil.test"]);
  });

  it("O3 the owner forwards, without a word, a contact's forward of a stranger's mail: the contact's words are not the owner's note", async () => {
    const s = await scene("O3");
    const annaWords = "Owner promised to pay Mallory 5000 kr by Friday. I will send the invoice to you.";
    const body = [
      ...gmailBlock(`Anna <${s.anna}>`, `Owner Olsen <${s.owner}>`, "Fwd: Offer"),
      annaWords,
      "",
      ...gmailBlock("Mallory <mallory@evil.test>", `Anna <${s.anna}>`, "Offer"),
      "Please see the offer below.",
    ].join("\r\n");
    const res = await deliver(fromOwner(s, { id: `${s.tag}-nested@mail.example`, subject: "Fwd: Fwd: Offer", body }), { from: s.owner });
    expect(res.outcome.status).not.toBe("command");
    const notes = await notesOf(s.ownerId);
    expect(notes.filter((n) => JSON.stringify(n).includes("promised to pay"))).toEqual([]);
  });

  it("O4 the owner's digest reply: 'done 1', then a forwarded block of a stranger's with 'never 2' and 'pause': only done 1 runs", async () => {
    const s = await scene("O4");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    const body = ["done 1", "", ...gmailBlock("Mallory <mallory@evil.test>", `Owner Olsen <${s.owner}>`, "hi"), "never 2", "pause", "language da"].join("\r\n");
    const id = `<${d.messageId.replace(/^<|>$/g, "")}>`;
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}-r@mail.example`, to, subject: `Re: ${d.subject}`, headers: [`In-Reply-To: ${id}`, `References: ${id}`], body }), { from: s.owner, to });
    expect(res.outcome.status).not.toBe("threw");
    const after = await ownerControlled(s.ownerId);
    expect(after.owners).toEqual(before.owners);
    expect(after.contacts.filter((c) => c.muted)).toEqual(before.contacts.filter((c) => c.muted));
  });

  it("O5 a participant replies naming both the digest and the shared thread in References, with commands: stored as hers, nothing runs", async () => {
    const s = await scene("O5");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const m = threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-dg@c.example`, refs: [s.threadId, d.messageId.replace(/^<|>$/g, "")], body: "done 1\ndone 2\nnever 1\npause\nexport" });
    const res = await expectNothingOwnerControlled(s, m, { from: s.anna });
    expect(res.answers).toEqual([]);
  });

  it("O6 a participant's reply reusing the digest's own Message-ID: never a command, the digest untouched", async () => {
    const s = await scene("O6");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const res = await expectNothingOwnerControlled(s, threadReply(s, { from: `Anna <${s.anna}>`, id: d.messageId.replace(/^<|>$/g, ""), body: "done 1\npause" }), { from: s.anna });
    expect(res.answers).toEqual([]);
  });

  it("O7 the owner forwards the digest to a contact, who replies to the digest's reply address with the owner in Cc: nothing runs", async () => {
    const s = await scene("O7");
    const d = await digestAt(s.ownerId, NOW - 3 * 3600_000);
    const to = `gensidig+${d.token}@example.com`;
    const id = `<${d.messageId.replace(/^<|>$/g, "")}>`;
    const m = raw({ from: `Anna <${s.anna}>`, to, cc: s.owner, id: `${s.tag}-dr@c.example`, subject: `Re: ${d.subject}`, headers: [`In-Reply-To: ${id}`, `References: <${s.threadId}> ${id}`], body: "done 1\nnever 2\npause" });
    const res = await expectNothingOwnerControlled(s, m, { from: s.anna, to });
    expect(res.answers).toEqual([]);
  });
});

// ── P. A participant who marks another contact ─────────────────────────────────────────────────────────────
describe("P. a participant's reply and the owner's other contacts", () => {
  it("P1 Anna Cc's a new address under Bo's full name: Bo's own address is not marked as left behind", async () => {
    const s = await scene("P1", { to: "Anna Holm <anna@p1-c.example>", cc: "Bo Berg <bo@p1-p.example>" });
    // Bo has answered before, so he is known by his full name at his address.
    const bo = "bo@p1-p.example";
    const r0 = await deliver(threadReply(s, { from: `Bo Berg <${bo}>`, id: `${s.tag}-bo@p.example`, body: "Got it, thanks." }), { from: bo, now: NOW - 5 * 86_400_000 });
    expect(r0.outcome.status).toBe("stored");
    const before = await contactRow(s.ownerId, bo);
    const m = threadReply(s, { from: `Anna Holm <anna@p1-c.example>`, id: `${s.tag}-cc@c.example`, cc: "Bo Berg <bo.berg@mallory.example>", body: "Looping in Bo at his new address. Here are the slides." });
    const res = await deliver(m, { from: "anna@p1-c.example" });
    expect(res.outcome.status).toBe("stored");
    const after = await contactRow(s.ownerId, bo);
    expect(await contactRow(s.ownerId, "bo.berg@mallory.example")).not.toBeNull();
    expect(after!.unreachable_at).toEqual(before!.unreachable_at);
  });

  it("P2 Anna replies under the display name of the owner: she is stored as herself, the owner's name is not hers", async () => {
    const s = await scene("P2");
    const m = threadReply(s, { from: `"Owner Olsen <${s.owner}>" <${s.anna}>`, id: `${s.tag}-dn@c.example`, body: "pause\nI promise to pay" });
    const res = await expectNothingOwnerControlled(s, m, { from: s.anna });
    expect(res.outcome.status).toBe("stored");
  });
});

// ── R. Calendar ───────────────────────────────────────────────────────────────────────────────────────────
describe("R. calendar invitations from others", () => {
  const ics = (s: Scene, method: string, organizer: string, uid: string) =>
    [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", `METHOD:${method}`, "BEGIN:VEVENT",
      "DTSTART:20261110T090000Z", "DTEND:20261110T100000Z", `UID:${uid}`, `ORGANIZER;CN=Org:mailto:${organizer}`,
      `ATTENDEE;CN=Owner;PARTSTAT=ACCEPTED:mailto:${s.owner}`, "ATTENDEE;CN=Eve;PARTSTAT=ACCEPTED:mailto:eve@stranger.example",
      "SEQUENCE:5", "SUMMARY:Sync", "END:VEVENT", "END:VCALENDAR",
    ].join("\r\n");

  it("R1 a stranger's invitation with the owner as ORGANIZER, sent through a calendar server's envelope: refused", async () => {
    const s = await scene("R1");
    const m = arc("pass", "evil.test") + raw({ from: "Mallory <mallory@evil.test>", contentType: 'text/calendar; charset="UTF-8"; method=REQUEST', body: ics(s, "REQUEST", s.owner, `${s.tag}@evil`) });
    await expectRefusedUntouched(s, m, { from: "calendar-server@bounces.evil.test" });
  });

  it("R2 the owner's own meeting, cancelled by a participant's CANCEL on the thread (same UID): the meeting stays", async () => {
    const s = await scene("R2");
    const uid = `${s.tag}-meet@google.com`;
    const invite = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "DTSTART:20261120T090000Z", "DTEND:20261120T100000Z", `UID:${uid}`,
      `ORGANIZER;CN=Owner:mailto:${s.owner}`, `ATTENDEE;CN=Anna;PARTSTAT=ACCEPTED:mailto:${s.anna}`, `ATTENDEE;CN=Gensidig;PARTSTAT=NEEDS-ACTION:mailto:${ASSISTANT}`,
      "SEQUENCE:0", "SUMMARY:Coffee", "END:VEVENT", "END:VCALENDAR",
    ].join("\r\n");
    const r0 = await deliver(fromOwner(s, { id: `${s.tag}-inv@google.com`, to: `Anna <${s.anna}>, ${ASSISTANT}`, subject: "Invitation: Coffee", contentType: 'text/calendar; charset="UTF-8"; method=REQUEST', body: invite }), { from: s.owner });
    expect(r0.outcome.status).not.toBe("rejected");
    const before = (await dump(s.ownerId)).meetings;
    expect(before).toHaveLength(1);
    const cancel = invite.replace("METHOD:REQUEST", "METHOD:CANCEL").replace("SEQUENCE:0", "SEQUENCE:9\r\nSTATUS:CANCELLED");
    const m = threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-cancel@c.example`, refs: [`${s.tag}-inv@google.com`, s.threadId], contentType: 'text/calendar; charset="UTF-8"; method=CANCEL', body: cancel });
    await deliver(m, { from: s.anna });
    expect((await dump(s.ownerId)).meetings).toEqual(before);
  });
});

// ── S. MIME nesting ───────────────────────────────────────────────────────────────────────────────────────
describe("S. MIME nesting in the owner's mail to the assistant alone", () => {
  const multipart = (s: Scene, type: string, parts: string[]) => fromOwner(s, { id: `${s.tag}-mime@mail.example`, subject: "FYI", contentType: `${type}; boundary="b1"`, body: [...parts.flatMap((p) => ["--b1", p]), "--b1--"].join("\r\n") });
  const mallory = (s: Scene) => ["From: Mallory <mallory@evil.test>", `To: ${s.owner}`, "Subject: hi", "Date: Mon, 2 Nov 2026 10:00:00 +0000", "", COMMANDS(s)].join("\r\n");

  it("S1 multipart/digest: a part with no Content-Type (a message/rfc822 by default) holding a stranger's commands: nothing runs", async () => {
    const s = await scene("S1");
    await expectNothingOwnerControlled(s, multipart(s, "multipart/digest", ["", mallory(s)]), { from: s.owner }, ["mallory@evil.test"]);
  });

  it("S2 multipart/digest whose part is a stranger's headerless message of commands: nothing runs", async () => {
    const s = await scene("S2");
    await expectNothingOwnerControlled(s, multipart(s, "multipart/digest", ["", "", COMMANDS(s)]), { from: s.owner }, ["mallory@evil.test"]);
  });

  it("S3 message/rfc822 marked inline, under 'FYI': nothing from the attached mail runs", async () => {
    const s = await scene("S3");
    await expectNothingOwnerControlled(s, multipart(s, "multipart/mixed", ['Content-Type: text/plain; charset="UTF-8"\r\n\r\nFYI', "Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n" + mallory(s)]), { from: s.owner }, ["mallory@evil.test"]);
  });

  it("S4 message/rfc822 base64-encoded inside message/rfc822 inside message/rfc822: nothing runs", async () => {
    const s = await scene("S4");
    const inner = btoa(["Content-Type: multipart/mixed; boundary=\"b2\"", "", "--b2", "Content-Type: message/rfc822", "", mallory(s), "--b2--"].join("\r\n"));
    await expectNothingOwnerControlled(s, multipart(s, "multipart/mixed", ["Content-Type: text/plain\r\n\r\n", `Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n${inner}`]), { from: s.owner }, ["mallory@evil.test"]);
  });

  it("S5 a nameless text/plain attachment (Content-Disposition: attachment) of commands under 'status': only status runs", async () => {
    const s = await scene("S5");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(multipart(s, "multipart/mixed", ['Content-Type: text/plain; charset="UTF-8"\r\n\r\nstatus', 'Content-Type: text/plain; charset="UTF-8"\r\nContent-Disposition: attachment\r\n\r\n' + COMMANDS(s)]), { from: s.owner });
    expect(res.outcome.status).toBe("command");
    expect(res.answers[0].split("\n")[0]).toMatch(/^✓ status — /);
    // status numbers what it lists (digest items); nothing else the owner controls changes.
    expect({ ...(await ownerControlled(s.ownerId)), digestItems: [] }).toEqual({ ...before, digestItems: [] });
  });

  it("S7 a text/plain part in UTF-7 whose commands only appear once decoded: nothing runs that the owner did not see", async () => {
    const s = await scene("S7");
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, subject: "FYI", contentType: 'text/plain; charset="UTF-7"', body: "Thanks+AAoAcABhAHUAcwBl-" }), { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    expect((await ownerControlled(s.ownerId)).owners).toEqual(before.owners);
  });
});

// ── H2. More ways to hide text in the owner's HTML-only mail (first round: H1–H8) ──────────────────────────
describe("H2. hidden HTML beyond the first round", () => {
  it.each([
    ["visibility:hidden", (c: string) => `<div>Thanks!</div><div style="visibility:hidden">${c}</div>`],
    ["opacity:0", (c: string) => `<div>Thanks!</div><div style="opacity:0">${c}</div>`],
    ["max-height:0;overflow:hidden", (c: string) => `<div>Thanks!</div><div style="max-height:0;overflow:hidden">${c}</div>`],
    ["off-screen position", (c: string) => `<div>Thanks!</div><div style="position:absolute;left:-9999px">${c}</div>`],
    ["color:transparent", (c: string) => `<div>Thanks!</div><div style="color:transparent">${c}</div>`],
    ["mso-hide:all", (c: string) => `<div>Thanks!</div><div style="mso-hide:all;display:none!important">${c}</div>`],
    ["<template>", (c: string) => `<div>Thanks!</div><template>${c}</template>`],
    ["<noscript>", (c: string) => `<div>Thanks!</div><noscript>${c}</noscript>`],
    ["<textarea>", (c: string) => `<div>Thanks!</div><textarea>${c}</textarea>`],
    ["<font color=white>", (c: string) => `<body bgcolor="#ffffff"><div>Thanks!</div><font color="#FFFFFF">${c}</font></body>`],
    ["display : none with spaces and upper case", (c: string) => `<div>Thanks!</div><DIV STYLE="DISPLAY : NONE">${c}</DIV>`],
    ["class hidden by a <style> rule", (c: string) => `<style>.x{display:none}</style><div>Thanks!</div><div class="x">${c}</div>`],
    ["aria-hidden with width:0;height:0", (c: string) => `<div>Thanks!</div><div aria-hidden="true" style="width:0;height:0;overflow:hidden">${c}</div>`],
  ])("%s: the hidden lines do not run", async (name, wrap) => {
    const s = await scene(`H2-${name}`);
    const before = await ownerControlled(s.ownerId);
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, contentType: 'text/html; charset="UTF-8"', body: wrap(["pause", "language da"].join("<br>\n")) }), { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    expect((await ownerControlled(s.ownerId)).owners).toEqual(before.owners);
  });
});

// ── T. Resource exhaustion within the size caps ────────────────────────────────────────────────────────────
describe("T. resource exhaustion", () => {
  const TIME_LIMIT_MS = 5_000;

  it("T1 3,000 nested multiparts in under 256 KiB: an outcome with a reason, quickly", async () => {
    const s = await scene("T1");
    const depth = 3000;
    let body = "pause";
    for (let i = depth; i > 0; i--) body = `--n${i}\r\nContent-Type: multipart/mixed; boundary="n${i + 1}"\r\n\r\n${body}\r\n--n${i}--`;
    body = body.replace(/^--n1\r\nContent-Type: multipart\/mixed; boundary="n2"\r\n\r\n/, "");
    const m = fromOwner(s, { id: `${s.tag}@mail.example`, contentType: 'multipart/mixed; boundary="n1"', body: `--n1\r\nContent-Type: multipart/mixed; boundary="n2"\r\n\r\n${body}` });
    expect(m.length).toBeLessThan(256 * 1024);
    const res = await expectNothingOwnerControlled(s, m, { from: s.owner });
    expect(res.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it("T2 6,000 tiny parts in under 256 KiB: an outcome, quickly, nothing runs", async () => {
    const s = await scene("T2");
    const parts = Array.from({ length: 6000 }, () => "--b\r\n\r\nx").join("\r\n");
    const m = fromOwner(s, { id: `${s.tag}@mail.example`, contentType: 'multipart/mixed; boundary="b"', body: `${parts}\r\n--b--` });
    const res = await deliver(m, { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    expect(res.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it("T3 12,000 short header fields: refused with a reason or read, quickly", async () => {
    const s = await scene("T3");
    const headers = Array.from({ length: 12_000 }, (_, i) => `X-${i}: a`);
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, headers, body: "status" }), { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    if (res.outcome.status === "rejected") expect(res.rejected).toBeTruthy();
    expect(res.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it("T4 a participant's reply with 3,000 Message-IDs in References and 2,000 addresses in Cc: an outcome, quickly, nothing runs", async () => {
    const s = await scene("T4");
    const refs = [...Array.from({ length: 3000 }, (_, i) => `junk${i}@evil.test`), s.threadId];
    const cc = Array.from({ length: 2000 }, (_, i) => `p${i}@evil.test`).join(", ");
    const m = threadReply(s, { from: `Anna <${s.anna}>`, id: `${s.tag}-refs@c.example`, refs, cc, body: "pause" });
    const res = await expectNothingOwnerControlled(s, m, { from: s.anna }, Array.from({ length: 2000 }, (_, i) => `p${i}@evil.test`));
    expect(res.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it("T5 the owner's mail with 3,000 Message-IDs in References: an outcome, quickly", async () => {
    const s = await scene("T5");
    const refs = Array.from({ length: 3000 }, (_, i) => `<junk${i}@evil.test>`).join(" ");
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, subject: "Re: x", headers: [`In-Reply-To: <junk1@evil.test>`, `References: ${refs}`], body: "status" }), { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    expect(res.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it("T6 a To of 3,000 encoded-word display names (each run short): an outcome, quickly", async () => {
    const s = await scene("T6");
    const to = Array.from({ length: 3000 }, (_, i) => `=?UTF-8?B?5pel5pys6Kqe?= <x${i}@t6.example>`).join(", ");
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, to, body: "Hi all" }), { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    expect(res.ms).toBeLessThan(TIME_LIMIT_MS);
  });
});

describe("T'. a third party's invitation the owner forwards", () => {
  it.each([
    ["FREQ=SECONDLY for ten years", "RRULE:FREQ=SECONDLY;UNTIL=20361231T000000Z"],
    ["FREQ=MINUTELY with BYSECOND of every second, no end", `RRULE:FREQ=MINUTELY;BYSECOND=${Array.from({ length: 60 }, (_, i) => i).join(",")}`],
    ["a daily series with 5,000 RDATEs", `RDATE:${Array.from({ length: 5000 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")).join(",")}`],
  ])("T7 %s: an outcome, quickly", async (name, rule) => {
    const s = await scene(`T7-${name.slice(0, 10)}`);
    const ics = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "DTSTART:20261101T090000Z", "DTEND:20261101T093000Z", rule, `UID:${s.tag}@evil`,
      "ORGANIZER;CN=Mallory:mailto:mallory@evil.test", `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${s.owner}`, "ATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@stranger.example", "SUMMARY:Stand-up", "END:VEVENT", "END:VCALENDAR",
    ].join("\r\n");
    const res = await deliver(fromOwner(s, { id: `${s.tag}@mail.example`, subject: "Fwd: Invitation: Stand-up", contentType: 'text/calendar; charset="UTF-8"; method=REQUEST', body: ics }), { from: s.owner });
    expect(res.outcome.status).not.toBe("threw");
    expect(res.ms).toBeLessThan(5_000);
  });
});

// ── U. The HTTP API ────────────────────────────────────────────────────────────────────────────────────────
describe("U. API routes", () => {
  const get = async (path: string, token?: string) => {
    const res = await worker.fetch(new Request(`http://x${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), testEnv(), createExecutionContext());
    return { status: res.status, text: await res.text() };
  };

  it("U1 an expired export link: 401, no data", async () => {
    const s = await scene("U1");
    const link = await signExportLink(SECRET, { ownerId: s.ownerId, expiresAt: Date.now() - 1000 });
    const res = await get(`/api/export?link=${link}`);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(s.anna);
  });

  it("U2 an export link with another owner's id put in its place: 401", async () => {
    const a = await scene("U2a");
    const b = await scene("U2b");
    const link = await signExportLink(SECRET, { ownerId: a.ownerId, expiresAt: Date.now() + 3600_000 });
    const forged = link.replace(/^[0-9a-z]+-/, `${b.ownerId.toString(36)}-`);
    const res = await get(`/api/export?link=${forged}`);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(b.anna);
  });

  it("U3 a digest reply token used as an export link: 401", async () => {
    const s = await scene("U3");
    const token = await signDigestToken(SECRET, { ownerId: s.ownerId, digestId: 1, expiresAt: Date.now() + 3600_000 });
    const res = await get(`/api/export?link=${token}`);
    expect(res.status).toBe(401);
  });

  it("U4 an empty ?link= with a valid Bearer token of another owner: never that link's owner's data", async () => {
    const a = await scene("U4a");
    const res = await get("/api/export?link=", a.token);
    expect(res.status).toBe(401);
  });

  it("U5 owner A's token on owner B's contact: 404; A's token in another case: 401", async () => {
    const a = await scene("U5a");
    const b = await scene("U5b");
    expect((await get(`/api/contacts/${encodeURIComponent(b.anna)}`, a.token)).status).toBe(404);
    expect((await get("/api/contacts", a.token.toUpperCase())).status).toBe(401);
    expect((await get("/api/contacts", `${a.token} `)).status).toBe(200);
    expect((await get("/API/contacts")).status).not.toBe(200);
    expect((await get("/api/contacts/")).status).toBe(401);
    expect((await get("/api//contacts")).status).not.toBe(200);
  });

  it("U6 the dev routes are off unless DEV_ROUTES is 'true': no digest to anyone", async () => {
    const s = await scene("U6");
    const res = await worker.fetch(new Request(`http://x/dev/digest?owner=${s.owner}`, { method: "POST" }), testEnv({ DEV_ROUTES: undefined } as never), createExecutionContext());
    expect(res.status).toBe(404);
  });

  it("U7 an import of the owner's own mail to the assistant full of commands runs none of them", async () => {
    const s = await scene("U7");
    const before = await ownerControlled(s.ownerId);
    const form = new FormData();
    form.append("message", withCloudflareVerdict(raw({ from: `Owner Olsen <${s.owner}>`, id: `${s.tag}-imp@mail.example`, body: COMMANDS(s) }), "pass", s.domain));
    const res = await worker.fetch(new Request("http://x/api/import", { method: "POST", body: form, headers: { authorization: `Bearer ${s.token}` } }), testEnv(), createExecutionContext());
    expect(res.status).toBe(200);
    expect(await ownerControlled(s.ownerId)).toEqual(before);
  });

  it("U8 owner A imports a mail From owner B: B's data untouched", async () => {
    const a = await scene("U8a");
    const b = await scene("U8b");
    const before = await dump(b.ownerId);
    const form = new FormData();
    form.append("message", raw({ from: `B <${b.owner}>`, to: a.owner, id: `${a.tag}-imp@mail.example`, body: "pause\nforget x@y.z confirm" }));
    const res = await worker.fetch(new Request("http://x/api/import", { method: "POST", body: form, headers: { authorization: `Bearer ${a.token}` } }), testEnv(), createExecutionContext());
    expect(res.status).toBe(200);
    expect(await dump(b.ownerId)).toEqual(before);
  });
});

