import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMail } from "../../src/mail/parse";
import { mailboxIn, newText, quoteAttribution, snippet } from "../../src/mail/reply";

interface Case {
  name: string;
  body: string;
  text: string;
  attribution?: { name: string | null; address: string | null; date: string | null } | null;
}

const lines = (...l: string[]) => l.join("\r\n");

const cases: Case[] = [
  {
    name: "Gmail web, English, top-posted",
    body: lines(
      "Hi Peter,",
      "",
      "Thursday works for me. I'll bring the slides.",
      "",
      "On Mon, 3 Nov 2026 at 10:12, Anna Holm <anna@holm.dk> wrote:",
      "",
      "> Hi, could we meet on Thursday?",
      "> done 2",
      ">",
      "> Anna",
      "",
    ),
    text: "Hi Peter,\n\nThursday works for me. I'll bring the slides.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Gmail web, US locale, attribution wrapped over two lines",
    body: lines(
      "Sounds good, see you then.",
      "",
      "On Mon, Nov 3, 2026 at 10:12 AM Anna Holm-Christensen <anna.holm-christensen@example.com>",
      "wrote:",
      "",
      "> never 4",
      "> Let us meet at the office.",
    ),
    text: "Sounds good, see you then.",
    attribution: {
      name: "Anna Holm-Christensen",
      address: "anna.holm-christensen@example.com",
      date: "2026-11-03T10:12:00.000Z",
    },
  },
  {
    name: "Gmail web, Danish",
    body: lines(
      "Hej Anna",
      "",
      "Tak for sidst! Jeg sender materialet i morgen.",
      "",
      "Den man. 3. nov. 2026 kl. 10.12 skrev Anna Holm <anna@holm.dk>:",
      "",
      "> Hej Peter, har du slides fra mødet?",
      ">",
    ),
    text: "Hej Anna\n\nTak for sidst! Jeg sender materialet i morgen.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Apple Mail, Danish, without address in the attribution",
    body: lines(
      "Det lyder godt.",
      "",
      "Sendt fra min iPhone",
      "",
      "Den 3. november 2026 kl. 10:12 skrev Anna Holm:",
      "",
      "> færdig 1",
      "> udsæt 2 2w",
    ),
    text: "Det lyder godt.",
    attribution: { name: "Anna Holm", address: null, date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Apple Mail, English, iPhone signature",
    body: lines(
      "Yes, please send it over.",
      "",
      "Sent from my iPhone",
      "",
      "> On 3 Nov 2026, at 10:12, Anna Holm <anna@holm.dk> wrote:",
      "> ",
      "> I have the report ready. Shall I send it?",
    ),
    text: "Yes, please send it over.",
    // Apple Mail quotes its own attribution line: it is read from inside the quote.
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Outlook classic, English, Original Message block without quote markers",
    body: lines(
      "Hi Anna,",
      "",
      "Attached is the proposal we discussed.",
      "",
      "Best regards",
      "Peter Jensen",
      "Jensen Consulting ApS",
      "",
      "-----Original Message-----",
      "From: Anna Holm [mailto:anna@holm.dk]",
      "Sent: Monday, November 3, 2026 10:12 AM",
      "To: Peter Jensen <peter@jensen.dk>",
      "Subject: Proposal",
      "",
      "done 2",
      "never 4",
    ),
    text: "Hi Anna,\n\nAttached is the proposal we discussed.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Outlook classic, Danish, Oprindelig meddelelse",
    body: lines(
      "Hej Anna",
      "",
      "Jeg kan desværre ikke torsdag. Passer fredag?",
      "",
      "Med venlig hilsen",
      "Peter Jensen",
      "Tlf. +45 12 34 56 78",
      "",
      "-----Oprindelig meddelelse-----",
      "Fra: Anna Holm [mailto:anna@holm.dk]",
      "Sendt: 3. november 2026 10:12",
      "Til: Peter Jensen <peter@jensen.dk>",
      "Emne: Møde torsdag",
      "",
      "glem anna@holm.dk",
    ),
    text: "Hej Anna\n\nJeg kan desværre ikke torsdag. Passer fredag?",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "new Outlook, English, header block after a line of underscores",
    body: lines(
      "Thanks, that is very helpful.",
      "",
      "Get Outlook for iOS",
      "________________________________",
      "From: Anna Holm <anna@holm.dk>",
      "Sent: Monday, November 3, 2026 10:12:45 AM",
      "To: Peter Jensen <peter@jensen.dk>",
      "Subject: Re: Intro",
      "",
      "done 2",
    ),
    text: "Thanks, that is very helpful.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "new Outlook, Danish, header block after underscores, Android signature",
    body: lines(
      "Super, tak!",
      "",
      "Hentet fra Outlook til Android",
      "________________________________",
      "Fra: Anna Holm <anna@holm.dk>",
      "Sendt: mandag, 3. november 2026 10.12",
      "Til: Peter Jensen <peter@jensen.dk>",
      "Emne: Vedhæftet: referat",
      "",
      "aldrig 4",
    ),
    text: "Super, tak!",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Outlook web, header block after a dashed rule",
    body: lines(
      "Noted, I will follow up next week.",
      "",
      "Kind regards,",
      "Peter",
      "",
      "----------------------------------------",
      "From: Anna Holm <anna@holm.dk>",
      "Sent: 03 November 2026 10:12",
      "To: Peter Jensen",
      "Subject: Budget",
      "",
      "pause",
    ),
    text: "Noted, I will follow up next week.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Thunderbird, top-posted, English",
    body: lines(
      "I can do Friday instead.",
      "",
      "On 03/11/2026 10:12, Anna Holm wrote:",
      "> Can you do Thursday?",
      "> done 2",
    ),
    text: "I can do Friday instead.",
    attribution: { name: "Anna Holm", address: null, date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Thunderbird, bottom-posted, English",
    body: lines(
      "On 03/11/2026 10:12, Anna Holm wrote:",
      "> Hi Peter,",
      ">",
      "> done 2",
      "> Can you do Thursday?",
      "",
      "Thursday is fine. See you at 10.",
      "",
      "-- ",
      "Peter Jensen",
    ),
    text: "Thursday is fine. See you at 10.",
    attribution: { name: "Anna Holm", address: null, date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Thunderbird, bottom-posted, Danish, interleaved answers",
    body: lines(
      "Den 03-11-2026 kl. 10:12 skrev Anna Holm:",
      "> Har du tid torsdag?",
      "",
      "Ja, efter frokost.",
      "",
      "> Og kan du tage kontrakten med?",
      "",
      "Selvfølgelig.",
    ),
    text: "Ja, efter frokost.\n\nSelvfølgelig.",
    attribution: { name: "Anna Holm", address: null, date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "German Thunderbird attribution with the name first",
    body: lines(
      "Danke, passt.",
      "",
      "Anna Holm <anna@holm.dk> schrieb am 03.11.2026 um 10:12:",
      "> Passt Donnerstag?",
      "> done 2",
    ),
    text: "Danke, passt.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "German Gmail attribution",
    body: lines(
      "Gerne.",
      "",
      "Am Mo., 3. Nov. 2026 um 10:12 Uhr schrieb Anna Holm <anna@holm.dk>:",
      "",
      "> Hast du Zeit?",
    ),
    text: "Gerne.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "French Gmail attribution",
    body: lines(
      "Avec plaisir.",
      "",
      "Le lun. 3 nov. 2026 à 10:12, Anna <a@holm.fr> a écrit :",
      "",
      "> never 4",
    ),
    text: "Avec plaisir.",
    attribution: { name: "Anna", address: "a@holm.fr", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Polish Thunderbird attribution",
    body: lines("Dziękuję, jutro odpowiem.", "", "W dniu 3.11.2026 o 10:12, Anna pisze:", "> done 2"),
    text: "Dziękuję, jutro odpowiem.",
    attribution: { name: "Anna", address: null, date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "attribution that begins with an ISO date and a zone",
    body: lines("Agreed.", "", "2026-11-03 10:12 GMT+01:00 Anna <a@holm.dk>:", "> snooze 3 2w"),
    text: "Agreed.",
    attribution: { name: "Anna", address: "a@holm.dk", date: "2026-11-03T09:12:00.000Z" },
  },
  {
    name: "attribution that begins with a dotted date",
    body: lines("Perfect, thank you.", "", "03.11.2026 10:12, Anna wrote:", "> Here is the file."),
    text: "Perfect, thank you.",
    attribution: { name: "Anna", address: null, date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "quoted text that lost its markers (HTML reply turned into text)",
    body: lines(
      "Fine by me.",
      "",
      "On Mon, 3 Nov 2026 at 10:12, Anna Holm <anna@holm.dk> wrote:",
      "Hi Peter,",
      "done 2",
      "never 4",
    ),
    text: "Fine by me.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "a reply to the digest: commands above, the digest quoted below",
    body: lines(
      "done 2",
      "snooze 3 2w",
      "",
      "Den man. 3. nov. 2026 kl. 08.00 skrev Gensidig <gensidig@example.com>:",
      "> 1. Tak Anna Holm for introduktionen",
      "> 2. Hjælp Peter Jensen",
      "> never 4",
    ),
    text: "done 2\nsnooze 3 2w",
    attribution: { name: "Gensidig", address: "gensidig@example.com", date: "2026-11-03T08:00:00.000Z" },
  },
  {
    name: "a forward with nothing written above reads as no new text",
    body: lines(
      "---------- Forwarded message ---------",
      "From: Anna Holm <anna@holm.dk>",
      "Date: Mon, 3 Nov 2026 at 10:12",
      "Subject: Intro",
      "To: Peter Jensen <peter@jensen.dk>",
      "",
      "done 2",
    ),
    text: "",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Danish sign-off with a company block is stripped, the lines above stay",
    body: lines(
      "Hej Anna",
      "",
      "Her er referatet fra i går.",
      "Sig til, hvis noget mangler.",
      "",
      "Venlig hilsen",
      "",
      "Peter Jensen",
      "Partner | Jensen Consulting ApS",
      "www.jensen.dk",
    ),
    text: "Hej Anna\n\nHer er referatet fra i går.\nSig til, hvis noget mangler.",
    attribution: null,
  },
  {
    name: "mail without quote or signature is returned as written",
    body: lines("note anna@holm.dk met at Founders Friday", "cadence anna@holm.dk monthly"),
    text: "note anna@holm.dk met at Founders Friday\ncadence anna@holm.dk monthly",
    attribution: null,
  },
  {
    name: "\"wrote:\" without a date or address is not a quote header",
    body: lines("Here is what Peter wrote:", "the numbers look right.", "", "Cheers"),
    text: "Here is what Peter wrote:\nthe numbers look right.",
    attribution: null,
  },
  {
    name: "Gmail, Polish attribution with napisał(a)",
    body: lines("Ok.", "", "pon., 3 lis 2026 o 10:12 Anna Holm <anna@holm.dk> napisał(a):", "", "> done 2"),
    text: "Ok.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "Outlook for Mac, header block without a rule above it",
    body: lines(
      "Works for me.",
      "",
      "From: Anna Holm <anna@holm.dk>",
      "Date: Monday, 3 November 2026 at 10:12",
      "To: Peter Jensen <peter@jensen.dk>",
      "Subject: Kaffe",
      "",
      "done 2",
    ),
    text: "Works for me.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "bottom-posted answer followed by an older Original Message block",
    body: lines(
      "> Can you send the contract?",
      "",
      "Yes, tomorrow.",
      "",
      "-----Original Message-----",
      "From: Anna Holm <anna@holm.dk>",
      "Sent: Monday, November 3, 2026 10:12 AM",
      "To: Peter Jensen <peter@jensen.dk>",
      "Subject: Contract",
      "",
      "forget anna@holm.dk",
    ),
    text: "Yes, tomorrow.",
    attribution: { name: "Anna Holm", address: "anna@holm.dk", date: "2026-11-03T10:12:00.000Z" },
  },
  {
    name: "quote markers only, no attribution, bottom-posted",
    body: lines("> help", "> done 2", "", "export"),
    text: "export",
    attribution: null,
  },
];

describe("newText and quoteAttribution", () => {
  it.each(cases)("$name", ({ body, text, attribution }) => {
    expect(newText(body)).toBe(text);
    if (attribution === undefined) return;
    const found = quoteAttribution(body);
    if (attribution === null) {
      expect(found).toBeNull();
      return;
    }
    expect(found).not.toBeNull();
    expect({
      name: found!.name,
      address: found!.address,
      date: found!.date === null ? null : new Date(found!.date).toISOString(),
    }).toEqual(attribution);
  });

  it("keeps the attribution line itself, joined when it was wrapped", () => {
    const body = lines(
      "Ok.",
      "",
      "On Mon, Nov 3, 2026 at 10:12 AM Anna Holm <anna@holm.dk>",
      "wrote:",
      "> x",
    );
    expect(quoteAttribution(body)!.line).toBe("On Mon, Nov 3, 2026 at 10:12 AM Anna Holm <anna@holm.dk> wrote:");
  });

  it("reads only the first 32 KB", () => {
    const body = "a".repeat(40 * 1024) + "\nsecret tail";
    expect(newText(body)).toBe("a".repeat(32 * 1024));
  });
});

/** Digest replies as each client writes them, with the digest and its command examples quoted. */
const digestReplies: Array<{ file: string; text: string; attribution: Case["attribution"] }> = [
  {
    // Quote made from the HTML part: every table cell, "aldrig 3" and "pause" among them, on its own line.
    file: "gmail-reply-da.eml",
    text: [
      "færdig 1",
      "udsæt 2 til næste måned",
      "note karin@oestergaard-arkitekter.dk ringede i går, vender tilbage efter nytår",
    ].join("\n"),
    attribution: { name: "Gensidig", address: "gensidig@example.com", date: "2026-11-26T08:00:00.000Z" },
  },
  {
    // iPhone capitals, "Sendt fra min iPhone" above the attribution.
    file: "apple-mail-reply-da.eml",
    text: [
      "Udsæt 1 om 14 dage",
      "Aldrig 3",
      "Note bo@nielsenconsult.dk har skiftet job, skriv til ham på den nye adresse efter jul",
    ].join("\n"),
    attribution: { name: "Gensidig", address: "gensidig@example.com", date: "2026-11-26T08:00:00.000Z" },
  },
  {
    // A signature block, then Outlook's rule and header block, then the digest without > markers.
    file: "outlook-reply-en.eml",
    text: [
      "done 1",
      "never 3",
      "snooze 2 until 7 December",
      "note bo@nielsenconsult.dk Moving to Aarhus in January, suggest a call instead",
    ].join("\n"),
    attribution: { name: "Gensidig", address: "gensidig@example.com", date: "2026-11-26T08:00:00.000Z" },
  },
  {
    // Bottom-posted: the commands sit below the quote, the "-- " signature below them.
    file: "thunderbird-reply-en.eml",
    text: [
      "done 2",
      "snooze 1 until 4 December",
      "note anna@holmraadgivning.dk rang me back, lunch at Paludan on 4 December",
      "cadence karin@oestergaard-arkitekter.dk monthly",
    ].join("\n"),
    attribution: { name: "Gensidig", address: null, date: "2026-11-26T08:00:00.000Z" },
  },
];

describe("newText of a digest reply, per mail client", () => {
  it.each(digestReplies)("$file", async ({ file, text, attribution }) => {
    const mail = await parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/commands", file)));
    expect(newText(mail.text)).toBe(text);
    const found = quoteAttribution(mail.text);
    expect(
      found && { name: found.name, address: found.address, date: found.date === null ? null : new Date(found.date).toISOString() },
    ).toEqual(attribution);
  });
});

// The address a quote or a forwarded block names is compared with the parsed headers' (isSelf): written one way.
describe("mailboxIn", () => {
  it.each([
    ['Owner <"owner"@X.dk.>', { address: "owner@x.dk", name: "Owner" }],
    ["Anna Holm [mailto:Anna@Firma.DK]", { address: "anna@firma.dk", name: "Anna Holm" }],
    ['<"a@b"@x.dk>', { address: '"a@b"@x.dk' }],
  ])("%s", (value, mailbox) => {
    expect(mailboxIn(value)).toEqual(mailbox);
  });

  it("names the quoted owner's address in an attribution as the owner's one way", () => {
    expect(quoteAttribution('Ja.\n\nOn Mon, 3 Feb 2025 at 09:12, Owner <"owner"@x.dk.> wrote:\n> Kaffe?\n')?.address).toBe("owner@x.dk");
  });
});

describe("snippet", () => {
  it("collapses the new text onto one line", () => {
    const body = lines("Hi Peter,", "", "Thursday works.", "", "On Mon, 3 Nov 2026 at 10:12, Anna <a@x.dk> wrote:", "> q");
    expect(snippet(body)).toBe("Hi Peter, Thursday works.");
  });

  it("cuts on a word boundary with an ellipsis", () => {
    expect(snippet("one two three four five six", 14)).toBe("one two three…");
    expect(snippet("one two three four five six", 14).length).toBeLessThanOrEqual(14);
  });

  it("leaves text that fits alone", () => {
    expect(snippet("Short note.", 280)).toBe("Short note.");
  });
});
