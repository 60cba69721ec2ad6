import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findForward, MAX_SCAN_CHARS } from "../../src/mail/forward";
import { offsetOfDateHeader, parseForwardedDate } from "../../src/mail/forward/date";
import { htmlToText } from "../../src/mail/html";
import { cleanNote } from "../../src/mail/forward/note";
import { parseMail } from "../../src/mail/parse";
import type { ParsedMail } from "../../src/mail/types";
import { BO, forwards, SARAH, type ExpectedForward } from "../fixtures/forward/expected";

const load = async (name: string): Promise<ParsedMail> =>
  parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/forward", name)));

/** The first words of a text, whitespace-insensitive, so plain and HTML readings compare alike. */
const firstWords = (text: string, count: number) => text.split(/\s+/).filter(Boolean).slice(0, count).join(" ");

function expectOriginal(found: ReturnType<typeof findForward>, want: ExpectedForward): void {
  expect(found).not.toBeNull();
  const f = found!;
  expect(f.format).toBe(want.format);
  expect(f.from).toEqual(want.from);
  expect(f.to).toEqual(want.to);
  expect(f.cc).toEqual(want.cc);
  expect(f.subject).toBe(want.subject);
  expect(f.date === null ? null : new Date(f.date).toISOString()).toBe(want.date);
  expect(firstWords(f.body, want.body.split(" ").length)).toBe(want.body);
  expect(f.note).toBe(want.note);
}


describe("findForward on forwards from each client", () => {
  it.each(forwards)("$file", async (want) => {
    const found = findForward(await load(want.file));
    expectOriginal(found, want);
    // The block's own header lines never leak into the body.
    expect(found!.body).not.toMatch(/^\*?(From|Fra|Sent|Sendt|Date|Dato|To|Til|Subject|Emne)\s?:/im);
  });
});

describe("findForward on the HTML part alone", () => {
  const withHtml = forwards.filter((f) =>
    [
      "gmail-en.eml",
      "gmail-da.eml",
      "outlook-new-en.eml",
      "outlook-web-da.eml",
      "yahoo-en.eml",
      "bold-labels.eml",
    ].includes(f.file),
  );
  it.each(withHtml)("$file", async (want) => {
    const mail = await load(want.file);
    expect(mail.html).not.toBeNull();
    // Read alone, the HTML part must give the same original as the plain-text part.
    expectOriginal(findForward({ ...mail, text: "" }), want);
  });
});

describe("findForward keeps the original's headers only when it has them", () => {
  it("returns the attached message's headers for automated-mail checks", async () => {
    const found = findForward(await load("rfc822-attachment.eml"));
    expect(found!.headers!["message-id"]).toEqual(["<d8f3a6c1-52e7-4b0a-9f14-7c3e2b9a1d05@nielsen-consult.dk>"]);
    expect(found!.headers!["user-agent"]).toEqual(["Mozilla Thunderbird"]);
  });

  it("returns null headers for an inline forward", async () => {
    expect(findForward(await load("gmail-en.eml"))!.headers).toBeNull();
  });
});

describe("findForward on mail that is not a forward", () => {
  it.each(["not-forward-subject.eml", "reply-not-forward.eml", "reply-original-message.eml"])("%s", async (file) => {
    expect(findForward(await load(file))).toBeNull();
  });

  it("does not read a forwarded block in a reply to a forward", async () => {
    const mail = await load("gmail-en.eml");
    expect(findForward({ ...mail, subject: "Re: Fwd: Intro: you and Tom Becker" })).toBeNull();
  });

  it("still reads a Gmail block when the owner removed the Fwd: tag", async () => {
    const mail = await load("gmail-en.eml");
    expect(findForward({ ...mail, subject: "Intro: you and Tom Becker" })!.from).toEqual(SARAH);
  });

  it("needs a forward tag before it trusts Outlook's Original Message line", async () => {
    const mail = await load("outlook-classic-en.eml");
    expect(findForward({ ...mail, subject: "Workshop offer for December" })).toBeNull();
  });

  it("does not take a delivery report's returned message for a forward", async () => {
    const mail = await load("rfc822-attachment.eml");
    const report = {
      ...mail,
      headers: { ...mail.headers, "content-type": ["multipart/report; report-type=delivery-status; boundary=x"] },
    };
    expect(findForward(report)).toBeNull();
  });

  it("reports a forward whose block names no sender, with from null", async () => {
    const mail = await load("apple-mail-en.eml");
    const found = findForward({
      ...mail,
      text: "Read this.\n\nBegin forwarded message:\n\nThe minutes from Tuesday are below.\n",
      html: null,
    });
    expect(found).toMatchObject({ format: "apple", from: null, to: [], subject: null, date: null, note: "Read this." });
  });

  it("does not look past the first MAX_SCAN_CHARS characters", async () => {
    const mail = await load("gmail-en.eml");
    const block = mail.text.slice(mail.text.indexOf("----------"));
    const late = { ...mail, text: `${"x".repeat(MAX_SCAN_CHARS)}\n\n${block}`, html: null };
    expect(findForward(late)).toBeNull();
    const early = { ...mail, text: `${"x".repeat(1000)}\n\n${block}`, html: null };
    expect(findForward(early)!.from).toEqual(SARAH);
  });
});

describe("parseForwardedDate", () => {
  const cases: [string, number, string][] = [
    ["Wed, Nov 4, 2026 at 9:15 AM", 60, "2026-11-04T08:15:00.000Z"],
    ["Wed, Nov 4, 2026 at 9:15\u202fPM", 0, "2026-11-04T21:15:00.000Z"],
    ["tir. 3. nov. 2026 kl. 10.12", 60, "2026-11-03T09:12:00.000Z"],
    ["3. nov. 2026 kl. 10.12", 60, "2026-11-03T09:12:00.000Z"],
    ["den 3. november 2026 kl. 10.12", 0, "2026-11-03T10:12:00.000Z"],
    ["onsdag den 4. november 2026 09:15", 60, "2026-11-04T08:15:00.000Z"],
    ["3. november 2026 kl. 10.12.00 CET", 0, "2026-11-03T09:12:00.000Z"],
    ["4 November 2026 at 09:15:02 CET", 0, "2026-11-04T08:15:02.000Z"],
    ["November 4, 2026 at 9:15:02 AM GMT+1", 0, "2026-11-04T08:15:02.000Z"],
    ["Wednesday, November 4, 2026 9:15 AM", 60, "2026-11-04T08:15:00.000Z"],
    ["Wednesday, November 4, 2026, 09:15:02 AM GMT+1", 0, "2026-11-04T08:15:02.000Z"],
    ["Wed, 4 Nov 2026 09:15:02 +0100", 0, "2026-11-04T08:15:02.000Z"],
    ["Wed, 4 Nov 2026 09:15:02 -0500", 60, "2026-11-04T14:15:02.000Z"],
    ["2026-11-04 09:15", 60, "2026-11-04T08:15:00.000Z"],
    ["2026-11-04T09:15:00+01:00", 0, "2026-11-04T08:15:00.000Z"],
    ["04/11/2026 09.15", 60, "2026-11-04T08:15:00.000Z"],
    ["11/24/2026 9:15 PM", 0, "2026-11-24T21:15:00.000Z"],
    ["Thursday, 28 October 2021 at 12:46", 120, "2021-10-28T10:46:00.000Z"],
    ["Sat, Jan 3, 2026 at 12:05 AM", 0, "2026-01-03T00:05:00.000Z"],
    ["Tue, 1 Dec 2026 18:00:00 PST", 0, "2026-12-02T02:00:00.000Z"],
  ];
  it.each(cases)("%s (fallback %i min)", (raw, fallback, iso) => {
    expect(new Date(parseForwardedDate(raw, fallback)!).toISOString()).toBe(iso);
  });

  const unreadable = [
    "",
    "tomorrow",
    "31. november 2026 kl. 10.12",
    "Wed, Nov 4 at 9:15 AM",
    "2026-13-01 10:00",
    "4 Nov 2026 25:10",
  ];
  it.each(unreadable)("returns null for %j", (raw) => {
    expect(parseForwardedDate(raw)).toBeNull();
  });
});

describe("offsetOfDateHeader", () => {
  it.each([
    ["Thu, 5 Nov 2026 08:02:11 +0100", 60],
    ["Thu, 5 Nov 2026 08:02:11 -0430 (VET)", -270],
    ["Thu, 5 Nov 2026 07:02:11 GMT", 0],
  ] as const)("%s", (value, offset) => {
    expect(offsetOfDateHeader(value)).toBe(offset);
  });

  it("is null without a zone", () => {
    expect(offsetOfDateHeader("Thu, 5 Nov 2026 08:02:11")).toBeNull();
    expect(offsetOfDateHeader(undefined)).toBeNull();
  });
});

describe("htmlToText", () => {
  it("decodes entities once, so escaped markup stays text", () => {
    const html = "<p>a &amp;lt;b&amp;gt; &oslash;&#248;&#xE5; S&oslash;ren</p>";
    expect(htmlToText(html)).toBe("a &lt;b&gt; øøå Søren");
  });

  it("keeps one header per line when a <br> ends a block", () => {
    // Apple Mail's HTML header block: each header in its own <div>, ending in a <br>.
    const html = [
      "<div><span><b>From: </b></span><span>Anna Holm &lt;anna@designbureau.dk&gt;<br></span></div>",
      "<div><span><b>Subject: </b></span><span>Kaffe<br></span></div>",
      "<div><br></div><div>Hej</div>",
    ].join("");
    expect(htmlToText(html)).toBe("From: Anna Holm <anna@designbureau.dk>\nSubject: Kaffe\n\nHej");
  });

  it("turns source line breaks into spaces and <hr> into Outlook's rule line", () => {
    expect(htmlToText("<p>Sarah can\nintroduce me</p><hr><b>From:</b> Sarah")).toBe(
      `Sarah can introduce me\n${"_".repeat(32)}\nFrom: Sarah`,
    );
  });

  it("drops styles and comments, and an unclosed one hides the rest", () => {
    expect(htmlToText("<style>p{color:red}</style><!-- x --><p>Hej</p>")).toBe("Hej");
    expect(htmlToText("<p>Hej</p><style>p{color:red}<p>never</p>")).toBe("Hej");
  });
});

describe("cleanNote", () => {
  it("drops client signatures, a bare forward tag and the signature block", () => {
    const text = "Fwd:\n\nHusk at takke Anna.\n\nSendt fra min iPhone\n\n-- \nJonas Kragh\nKragh Rådgivning\n";
    expect(cleanNote(text, "Fwd: Tak for introduktionen")).toBe("Husk at takke Anna.");
  });

  it("drops Outlook mobile's download line and a repeated subject", () => {
    const text = "Fw: Workshop dates\nNeeds an answer.\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n";
    expect(cleanNote(text, "Fw: Workshop dates")).toBe("Needs an answer.");
  });

  it("is empty when the owner wrote nothing", () => {
    expect(cleanNote("\n\nSent from my iPhone\n", "Fwd: x")).toBe("");
  });
});

describe("findForward on a sender given by name only", () => {
  it("keeps the name, and no address is made up", async () => {
    const found = findForward(await load("outlook-name-only-en.eml"));
    expect(found).not.toBeNull();
    expect(found!.from).toBeNull();
    expect(found!.senderName).toBe("Bo Nielsen");
    expect(found!.subject).toBe("Workshop dates");
    expect(new Date(found!.date!).toISOString()).toBe("2026-11-04T08:15:00.000Z");
    expect(found!.to).toEqual([]);
  });

  it("takes no sentence for a name", async () => {
    const mail = await load("outlook-name-only-en.eml");
    const found = findForward({ ...mail, text: mail.text.replace("From: Bo Nielsen", "From: what Bo said at the meetup") });
    expect(found?.from ?? null).toBeNull();
    expect(found?.senderName ?? null).toBeNull();
  });
});

describe("a sender name the forward parser library finds odd", () => {
  // "Rasmus | LeadBoost <rasmus@…>": the library gives no mailbox for it; our own header block still has the address.
  it.each(["gmail-en.eml", "apple-mail-en.eml"])("%s with 'Sarah | BrightLabs' keeps Sarah's address", async (name) => {
    const raw = readFileSync(path.join(import.meta.dirname, "../fixtures/forward", name), "latin1").replace(/Sarah Miller/g, "Sarah | BrightLabs");
    const found = findForward(await parseMail(Buffer.from(raw, "latin1")));
    expect(found?.from).toEqual({ address: SARAH.address, name: "Sarah | BrightLabs" });
  });
});
