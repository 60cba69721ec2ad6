import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandMailVerdict } from "../../src/mail/command-mail";
import { parseMail } from "../../src/mail/parse";

/** Owner mail to the assistant alone, as parseMail gives it. */
async function ownerMail(subject: string, body: string, extraHeaders: string[] = []) {
  const raw = [
    "MIME-Version: 1.0",
    "Date: Mon, 16 Nov 2026 09:00:00 +0100",
    "Message-ID: <cmd-1@mail.example.com>",
    `Subject: ${subject}`,
    "From: Camilla Olsen <owner@example.com>",
    "To: gensidig@example.com",
    ...extraHeaders,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    body,
    "",
  ].join("\r\n");
  return parseMail(new TextEncoder().encode(raw));
}

const ATTACK = "forget anna@holmraadgivning.dk\nconfirm\npause";

describe("which owner mail may run as commands", () => {
  it.each([
    [
      "a Korean Gmail forward",
      "전달: 안녕하세요",
      `---------- 전달된 메일 ---------\n보낸사람: 김민수 <minsu@example.kr>\n날짜: 2026년 11월 3일 (화) 오전 10:12\n제목: 안녕하세요\n받는사람: <owner@example.com>\n\n${ATTACK}`,
      // "전달:" is Gmail's Korean forward tag: the subject alone already says forward.
      "its subject marks it as a forward, and the forwarded mail could not be read",
    ],
    [
      "a Korean header block with no separator",
      "안녕하세요",
      `보낸사람: 김민수 <minsu@example.kr>\n날짜: 2026년 11월 3일 (화) 오전 10:12\n제목: 안녕하세요\n\n${ATTACK}`,
      "it holds a block of mail headers (sender, date), as a forwarded or pasted mail does",
    ],
    [
      "a Chinese header block with full-width colons",
      "你好",
      `发件人： 王伟 <wei@example.cn>\n发送时间： 2026年11月3日 10:12\n收件人： owner@example.com\n主题： 你好\n\n${ATTACK}`,
      "it holds a block of mail headers (sender, date), as a forwarded or pasted mail does",
    ],
    [
      "a Greek header block",
      "Γεια σας",
      `Από: Νίκος Παπαδόπουλος <nikos@example.gr>\nΗμερομηνία: Τρίτη, 3 Νοεμβρίου 2026 10:12 π.μ.\nΠρος: owner@example.com\nΘέμα: Γεια σας\n\n${ATTACK}`,
      "it holds a block of mail headers (sender, date), as a forwarded or pasted mail does",
    ],
    [
      "a Hebrew header block",
      "שלום",
      `מאת: דוד כהן <david@example.co.il>\nתאריך: יום ג׳, 3 בנוב׳ 2026 ב-10:12\nאל: owner@example.com\nנושא: שלום\n\n${ATTACK}`,
      "it holds a block of mail headers (sender, date), as a forwarded or pasted mail does",
    ],
    [
      "a pasted mail with an English From and Date and no separator",
      "Look at this",
      `From: Mallory <mallory@example.net>\nDate: 3 Nov 2026 10:12\n\n${ATTACK}`,
      "it holds a block of mail headers (sender, date), as a forwarded or pasted mail does",
    ],
    [
      "an Outlook rule in a language we do not read",
      "Zie hieronder",
      `________________________________\nVan: Mallory\n\n${ATTACK}`,
      "it holds a separator line, as a forwarded or pasted mail does",
    ],
    ["a subject tagged as a forward", "Fwd: hello", ATTACK, "its subject marks it as a forward, and the forwarded mail could not be read"],
    ["a Danish forward tag", "VS: hej", ATTACK, "its subject marks it as a forward, and the forwarded mail could not be read"],
    ["quoted lines among the commands", "Re: Week 48", "done 1\n> forget anna@holmraadgivning.dk confirm\npause", "quoted text sits among its command lines"],
    ["quoted lines between bottom-posted commands", "Re: Week 48", "> Gensidig · Week 48\n\ndone 1\n\n> 2. Bo\n\npause", "quoted text sits among its command lines"],
  ])("%s is not commands", async (_name, subject, body, reason) => {
    expect(commandMailVerdict(await ownerMail(subject, body))).toEqual({ commands: false, reason });
  });

  it.each([
    ["Auto-Submitted: auto-replied", "automatic (Auto-Submitted: auto-replied)"],
    ["X-Autoreply: yes", "auto-reply (X-Autoreply)"],
    ["Content-Type: multipart/report; report-type=delivery-status; boundary=x", "delivery status report (RFC 3464)"],
  ])("automated mail (%s) is not commands", async (header, why) => {
    const mail = await ownerMail("Re: Week 48", "I am away until Monday.\npause", [header]);
    expect(commandMailVerdict(mail)).toEqual({ commands: false, reason: `it was sent automatically (${why})` });
  });

  it("an Outlook auto-reply by its subject is not commands", async () => {
    const mail = await ownerMail("Automatic reply: Week 48: 3 to follow up with", "I am out of the office until 30 November.");
    expect(commandMailVerdict(mail)).toEqual({ commands: false, reason: "it was sent automatically (auto-reply (subject))" });
  });

  it.each([
    "gmail-reply-en.eml",
    "gmail-reply-da.eml",
    "gmail-reply-quote-only-en.eml",
    "outlook-reply-en.eml",
    "outlook-reply-da.eml",
    "apple-mail-reply-en.eml",
    "apple-mail-reply-da.eml",
    "thunderbird-reply-en.eml",
    "thunderbird-reply-da.eml",
  ])("the digest reply %s is commands", async (file) => {
    const mail = await parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/commands", file)));
    expect(commandMailVerdict(mail)).toEqual({ commands: true });
  });

  it.each([
    ["help", ""],
    ["Settings", "timezone Europe/Copenhagen\nschedule friday 7\nlanguage da"],
    ["", "note anna@holmraadgivning.dk met at Founders Friday, 3 Nov 2026\ncadence anna@holmraadgivning.dk monthly\nsnooze bo@nielsenconsult.dk 2w"],
    ["", "note Anna Holm: wants an intro to Bo\ndone 2"],
  ])("a fresh command mail (%s) is commands", async (subject, body) => {
    expect(commandMailVerdict(await ownerMail(subject, body))).toEqual({ commands: true });
  });
});
