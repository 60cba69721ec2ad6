// Delivery reports as mail services write them, read for the addresses they failed for: received whole (a
// backfill's mailbox) and forwarded by the owner, inline or as the report itself. Delay warnings, read receipts,
// auto-replies and the returned copy of the owner's mail (whose Cc did get it) name no bounce.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { understandInbound, understandOwnerMail } from "../../src/ingest/understand";
import { bouncedRecipients } from "../../src/mail/bounce";
import { parseMail } from "../../src/mail/parse";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures", name));
const context = { ownerAddresses: ["mette@solvang-design.dk", "sam@harbourprints.co.uk"], assistantLocal: "gensidig", assistantDomain: "example.com", suppressions: [] };

async function received(name: string) {
  return understandInbound(await parseMail(fixture(name)), Date.parse("2026-11-30T08:00:00Z"), "import", context);
}

async function forwarded(name: string) {
  const mail = await parseMail(fixture(name));
  return understandOwnerMail({ ...context, mail, envelopeTo: "gensidig@example.com", knownMessageIds: new Set(), receivedAt: Date.parse("2026-11-30T08:00:00Z") });
}

describe("a bounce names the addresses it failed for", () => {
  it.each([
    // Gmail's report: the text and the machine-readable part agree.
    ["Gmail, received whole", "mail/dsn-bounce.eml", ["anna@holm-old.dk"], "2026-11-03T09:12:45Z"],
    // Postfix: one recipient failed, the other in Cc was delivered (Action: delivered), and the returned copy names both.
    ["Postfix, one of two recipients", "bounce/postfix-user-unknown.eml", ["jonas@byggeri-larsen.dk"], "2026-11-10T13:03:12Z"],
    // Exim: X-Failed-Recipients, and a copy of the mail in the text whose Cc got it.
    ["Exim, with the returned copy in its text", "bounce/exim-permanent.eml", ["owen@kestrel-media.co.uk"], "2026-11-18T09:41:07Z"],
  ])("%s", async (_label, name, addresses, at) => {
    const u = await received(name);
    expect(u).toMatchObject({ kind: "ignored", bounced: { addresses, at: Date.parse(at) } });
  });

  it.each([
    // Danish Gmail's inline forward of a report: the address is in its words, the copy below names a Cc who got it.
    ["Gmail (Danish), forwarded inline", "bounce/gmail-forwarded-bounce-da.eml", ["hanne@keramik-old.dk"], "2026-11-20T10:02:00Z"],
    // Exchange Online's NDR forwarded from Outlook: "Your message to … couldn't be delivered."
    ["Outlook, an Exchange NDR forwarded", "bounce/outlook-forwarded-ndr-en.eml", ["accounts@kestrel-media.co.uk"], "2026-11-20T16:31:00Z"],
  ])("%s", async (_label, name, addresses, at) => {
    const u = await forwarded(name);
    expect(u).toMatchObject({ kind: "ignored", forwarded: true, bounced: { addresses, at: Date.parse(at) } });
  });

  it("a delay warning names no bounce: the server is still trying", async () => {
    const u = await received("bounce/postfix-delay-warning.eml");
    expect(u).toMatchObject({ kind: "ignored", reason: "delivery status report (RFC 3464)" });
    expect(u.kind === "ignored" && u.bounced).toBeUndefined();
  });

  it("an auto-reply is no bounce, even one that names a new address", async () => {
    const u = await received("mail/exchange-out-of-office-da.eml");
    expect(u.kind).toBe("ignored");
    expect(u.kind === "ignored" && u.bounced).toBeUndefined();
  });
});

describe("bouncedRecipients, on the report's words", () => {
  const report = (text: string, headers: Record<string, string[]> = {}, deliveryStatus?: string[]) => bouncedRecipients({ headers, text, deliveryStatus });

  it.each([
    ["Gmail, older wording", "Delivery to the following recipient failed permanently:\n\n     lars@vinther.dk\n\nTechnical details of permanent failure:\n550 5.1.1 The email account that you tried to reach does not exist.", ["lars@vinther.dk"]],
    ["Yahoo", "Sorry, we were unable to deliver your message to the following address.\n\n<ole@fjeld.no>:\n554: delivery error: dd This user doesn't have a fjeld.no account", ["ole@fjeld.no"]],
    ["qmail", "Hi. This is the qmail-send program at mx.x.dk.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<kim@bager.dk>:\nSorry, no mailbox here by that name. (#5.1.1)", ["kim@bager.dk"]],
    ["Exchange, Danish", "Din meddelelse til lena@fjordtech.no kunne ikke leveres.\n\nlena blev ikke fundet på fjordtech.no.", ["lena@fjordtech.no"]],
    ["German", "Ihre Nachricht an jan@holz.de konnte nicht zugestellt werden.", ["jan@holz.de"]],
  ])("%s", (_label, text, addresses) => {
    expect(report(text)).toEqual(addresses);
  });

  it.each([
    ["Gmail's delay", "Delivery incomplete\n\nThere was a temporary problem delivering your message to lars@vinther.dk. Gmail will retry for 46 more hours."],
    ["no failure in the words", "Your message to lars@vinther.dk was read on 3 November 2026."],
    ["a machine address only", "Your message to noreply@shop.dk couldn't be delivered."],
  ])("none: %s", (_label, text) => {
    expect(report(text)).toEqual([]);
  });

  it("the machine-readable part wins over the words: a read receipt's recipient bounced nothing", () => {
    const receipt = "Reporting-UA: mail.x.dk\n\nFinal-Recipient: rfc822; lars@vinther.dk\nOriginal-Message-ID: <a@x>\nDisposition: manual-action/MDN-sent-manually; displayed";
    expect(report("The message to lars@vinther.dk could not be delivered? No: it was displayed.", {}, [receipt])).toEqual([]);
  });
});
