import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  boundRawMail,
  MAX_KEPT_ATTACHMENT_BYTES,
  MAX_TEXT_PART_BYTES,
  RAW_BOUND_THRESHOLD,
} from "../../src/mail/bound";
import { normalizeAddress } from "../../src/mail/address";
import { MailParseError, parseMail } from "../../src/mail/parse";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/mail", name));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe("normalizeAddress", () => {
  it("lower-cases and strips brackets", () => {
    expect(normalizeAddress(" <Anna@Example.DK> ")).toBe("anna@example.dk");
    expect(normalizeAddress("not an address")).toBeNull();
  });

  it("writes one mailbox one way: needless quotes around the local part and a trailing dot on the domain go", () => {
    expect(normalizeAddress('"Owner"@Example.DK')).toBe("owner@example.dk");
    expect(normalizeAddress('"first.last"@example.dk')).toBe("first.last@example.dk");
    expect(normalizeAddress("owner@example.dk.")).toBe("owner@example.dk");
    expect(normalizeAddress('<"owner"@example.dk.>')).toBe("owner@example.dk");
  });

  it("keeps the quotes a local part needs, and refuses a domain that is only a dot", () => {
    expect(normalizeAddress('"a@b"@example.dk')).toBe('"a@b"@example.dk');
    expect(normalizeAddress('"a..b"@example.dk')).toBe('"a..b"@example.dk');
    expect(normalizeAddress("owner@.")).toBeNull();
  });
});

describe("parseMail: charsets", () => {
  it("Thunderbird, ISO-8859-1 body and encoded words", async () => {
    const mail = await parseMail(fixture("thunderbird-iso-8859-1-da.eml"));
    expect(mail.from).toEqual({ address: "peter@jensen.dk", name: "Peter Jørgensen" });
    expect(mail.to).toEqual([{ address: "soren@baek.dk", name: "Søren Bæk" }]);
    expect(mail.cc).toEqual([{ address: "aase@norgaard.dk", name: "Åse Nørgaard" }]);
    expect(mail.subject).toBe("Møde på fredag om blåbærkagen");
    expect(mail.text).toBe("Hej Søren\n\nKan vi mødes på fredag? Åse tager blåbærkagen med.\n\nHilsen Peter\n");
  });

  it("Outlook, windows-1252 quoted-printable with € and an en dash", async () => {
    const mail = await parseMail(fixture("outlook-windows-1252-da.eml"));
    expect(mail.from).toEqual({ address: "soren@baek.dk", name: "Søren Bæk" });
    expect(mail.to).toEqual([{ address: "aase@norgaard.dk", name: "Åse Nørgaard" }]);
    expect(mail.subject).toBe("Tilbud på rådgivning – 2026");
    // The blank line Outlook writes before the boundary stays in the part; only the words matter here.
    expect(mail.text.trimEnd()).toBe(
      "Hej Åse\n\nHer er tilbuddet på 12.500 € – inkl. moms. Sig til, hvis du har spørgsmål.\n\nVenlig hilsen\nSøren Bæk",
    );
    expect(mail.html).toContain("<p>Her er tilbuddet på 12.500 € – inkl. moms.</p>");
  });

  it("a long quoted-printable body: multi-byte letters and soft breaks across the decoder's 4 KiB chunks", async () => {
    // package.json's postinstall patches postal-mime's decoder to 4 KiB chunks (patches/): the bytes of a
    // letter split over two chunks must still come out as the letter.
    const lines: string[] = [];
    const expected: string[] = [];
    for (let i = 0; i < 400; i++) {
      const words = `Linje ${i}: blåbær, søde æbler og rødgrød med fløde${"-".repeat(i % 7)}`;
      expected.push(words);
      const qp = words.replace(/[^\x20-\x7e]/g, (c) => [...encoder.encode(c)].map((b) => `=${b.toString(16).toUpperCase()}`).join(""));
      // A soft break in the middle of every third line (never inside an escape), as clients wrap at 76 characters.
      const cut = qp.indexOf(" ", 15);
      lines.push(i % 3 === 0 ? `${qp.slice(0, cut)}=\r\n${qp.slice(cut)}` : qp);
    }
    const raw = encoder.encode(
      [
        "From: Søren <soren@baek.dk>",
        "To: anna@example.dk",
        "Subject: Lang tekst",
        "Message-ID: <long-qp@baek.dk>",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        ...lines,
        "",
      ].join("\r\n"),
    );
    const mail = await parseMail(raw);
    expect(encoder.encode(mail.text).byteLength).toBeGreaterThan(3 * 4096);
    expect(mail.text.trimEnd()).toBe(expected.join("\n"));
  });

  it("raw 8-bit windows-1252 headers and an undeclared 8-bit body", async () => {
    const mail = await parseMail(fixture("raw-8bit-headers-da.eml"));
    expect(mail.from).toEqual({ address: "jorgen@aero-vvs.dk", name: "Jørgen Ærø" });
    expect(mail.subject).toBe("Tilbud på blåbær");
    expect(mail.text).toBe("Hej Peter\n\nHer er prisen på blåbær: 45 kr. pr. bakke.\n\nJørgen\n");
  });

  it("leaves valid UTF-8 headers alone", () => {
    const raw = encoder.encode("From: Søren <s@x.dk>\r\nSubject: Blåbær\r\n\r\nHej\r\n");
    expect(boundRawMail(raw).bytes).toBe(raw);
  });

  it("an unknown charset name does not throw", async () => {
    const mail = await parseMail(fixture("unknown-charset.eml"));
    expect(mail.subject).toBe("Kaffe");
    expect(mail.text).toBe("Hej Peter, skal vi tage en kaffe?\n");
  });
});

describe("parseMail: malformed and unusual mail", () => {
  it("a missing closing boundary is read best-effort", async () => {
    const mail = await parseMail(fixture("missing-closing-boundary.eml"));
    expect(mail.text.trimEnd()).toBe("Her er referatet fra mødet.");
    expect(mail.attachments.map((a) => [a.filename, a.mimeType])).toEqual([["Referat.pdf", "application/pdf"]]);
  });

  it("a duplicated From header is counted so the caller can refuse it", async () => {
    const mail = await parseMail(fixture("duplicated-from.eml"));
    expect(mail.fromCount).toBe(2);
    expect(mail.from).toEqual({ address: "anna@holm.dk", name: "Anna Holm" });
  });

  // One converter serves HTML-only mail and HTML-only forwards: a paragraph is one line, as Outlook's
  // margin-less <p> paragraphs need for forwarded header blocks.
  it("HTML-only mail gets a text body", async () => {
    const mail = await parseMail(fixture("html-only-contact-form.eml"));
    expect(mail.subject).toBe("Forespørgsel fra hjemmesiden");
    expect(mail.replyTo).toEqual([{ address: "mette@lund-arkitekter.dk", name: "Mette Lund" }]);
    expect(mail.html).toContain("<p>Hej Peter,</p>");
    expect(mail.text).toBe(
      "Hej Peter,\nVi søger en rådgiver til vores nye kontor & hørte godt om dig.\nVenlig hilsen\nMette Lund",
    );
  });

  it("garbage bytes parse to an empty mail instead of throwing", async () => {
    const bytes = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 256);
    const mail = await parseMail(bytes);
    expect(mail.from).toBeNull();
    expect(mail.fromCount).toBe(0);
    expect(mail.rawSize).toBe(4000);
  });

  it("mail nested beyond postal-mime's limit throws a MailParseError", async () => {
    const depth = 300;
    let raw = "From: a@x.dk\r\nSubject: deep\r\n";
    for (let i = 0; i < depth; i++) raw += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
    raw += "Content-Type: text/plain\r\n\r\nbottom\r\n";
    for (let i = depth - 1; i >= 0; i--) raw += `--b${i}--\r\n`;
    const error = await parseMail(raw).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailParseError);
    expect((error as MailParseError).code).toBe("unparseable_mail");
    expect((error as MailParseError).message).toMatch(/^The mail could not be parsed as MIME: /);
  });
});

describe("parseMail: the body is what the sender wrote, not the files they attached", () => {
  /** Apple Mail's shape: the text written, then an attached file marked inline with a file name (RFC 2183). */
  const withTextFile = (part: string[]) =>
    [
      "From: Camilla Olsen <owner@example.com>",
      "To: gensidig@example.com",
      "Subject: status",
      "Message-ID: <text-file@example.com>",
      'Content-Type: multipart/mixed; boundary="apple"',
      "",
      "--apple",
      'Content-Type: text/plain; charset="UTF-8"',
      "",
      "status",
      "--apple",
      ...part,
      "",
      "pause",
      "language da",
      "--apple--",
      "",
    ].join("\r\n");

  it.each([
    ["inline, the file name in both headers (Apple Mail)", ['Content-Type: text/plain; charset="UTF-8"; name="from-mallory.txt"', 'Content-Disposition: inline; filename="from-mallory.txt"'], "from-mallory.txt"],
    ["inline, the file name only in Content-Disposition", ['Content-Type: text/plain; charset="UTF-8"', "Content-Disposition: inline;", ' filename="notes.txt"'], "notes.txt"],
    ["no Content-Disposition, the name only in Content-Type", ['Content-Type: text/plain; charset="UTF-8"; name="list.txt"'], "list.txt"],
    ["an attached .html file marked inline", ['Content-Type: text/html; charset="UTF-8"; name="page.html"', 'Content-Disposition: inline; filename="page.html"'], "page.html"],
    // RFC 2231 continuations, as Thunderbird writes a long or non-ASCII name.
    [
      "inline, a non-ASCII name split in RFC 2231 continuations (Thunderbird)",
      ['Content-Type: text/plain; charset="UTF-8"', "Content-Disposition: inline;", " filename*0*=utf-8''m%C3%B8de-referat-fra-den-lange-workshop;", " filename*1*=-i-januar.txt"],
      "møde-referat-fra-den-lange-workshop-i-januar.txt",
    ],
    [
      "inline, a long ASCII name split in RFC 2231 continuations",
      ['Content-Type: text/plain; charset="UTF-8"', "Content-Disposition: inline;", ' filename*0="a-very-long-file-name-for-the-notes-of";', ' filename*1="-the-meeting.txt"'],
      "a-very-long-file-name-for-the-notes-of-the-meeting.txt",
    ],
    [
      "no Content-Disposition, the name split in Content-Type",
      ['Content-Type: text/plain; charset="UTF-8";', ' name*0="list-of-";', ' name*1="things.txt"'],
      "list-of-things.txt",
    ],
  ])("a text part with a file name is an attachment: %s", async (_label, part, filename) => {
    const mail = await parseMail(withTextFile(part));
    expect(mail.text.trim()).toBe("status");
    expect(mail.html).toBeNull();
    expect(mail.attachments.map((a) => [a.filename, a.inline])).toEqual([[filename, false]]);
  });

  it("a text file already marked attachment is left as it came, byte for byte", async () => {
    const raw = new TextEncoder().encode(withTextFile(['Content-Type: text/plain; charset="UTF-8"', 'Content-Disposition: attachment; filename="notes.txt"']));
    expect(boundRawMail(raw).bytes).toBe(raw);
    const mail = await parseMail(raw);
    expect(mail.attachments.map((a) => [a.filename, a.inline])).toEqual([["notes.txt", false]]);
  });

  it("a second text part without a file name is still body text, as the reader saw it inline", async () => {
    const mail = await parseMail(withTextFile(['Content-Type: text/plain; charset="UTF-8"', "Content-Disposition: inline"]));
    expect(mail.text.split("\n").map((l) => l.trim()).filter(Boolean)).toEqual(["status", "pause", "language da"]);
    expect(mail.attachments).toEqual([]);
  });
});

/** A Gmail-shaped mail with a large base64 PDF, built here so no big file is committed. */
function bigMail(attachmentBytes: number): Uint8Array {
  const pdf = new Uint8Array(attachmentBytes).map((_, i) => (i * 31 + 7) % 256);
  let b64 = "";
  const CHUNK = 57 * 1024;
  for (let i = 0; i < pdf.length; i += CHUNK) b64 += btoa(String.fromCharCode(...pdf.subarray(i, i + CHUNK)));
  const lines = b64.match(/.{1,76}/g)!.join("\r\n");
  const head = [
    "MIME-Version: 1.0",
    "Date: Tue, 4 Nov 2026 12:00:00 +0100",
    "Message-ID: <CAF3x9kQbig=tilbud@mail.gmail.com>",
    "Subject: =?UTF-8?Q?Tilbud_p=C3=A5_ombygning?=",
    "From: =?UTF-8?Q?S=C3=B8ren_B=C3=A6k?= <soren@baek.dk>",
    "To: Peter Jensen <peter@jensen.dk>",
    "Cc: =?UTF-8?Q?=C3=85se_N=C3=B8rgaard?= <aase@norgaard.dk>",
    'Content-Type: multipart/mixed; boundary="000000000000b1g0000062c1d4e5f"',
    "",
    "--000000000000b1g0000062c1d4e5f",
    'Content-Type: multipart/alternative; boundary="000000000000b1g0001062c1d4e5f"',
    "",
    "--000000000000b1g0001062c1d4e5f",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "Hej Peter, her er tilbuddet. Mvh Søren",
    "",
    "--000000000000b1g0001062c1d4e5f",
    'Content-Type: text/html; charset="UTF-8"',
    "",
    '<div dir="ltr">Hej Peter, her er tilbuddet. Mvh Søren</div>',
    "",
    "--000000000000b1g0001062c1d4e5f--",
    "--000000000000b1g0000062c1d4e5f",
    'Content-Type: application/pdf; name="=?UTF-8?Q?Tilbud_p=C3=A5_ombygning.pdf?="',
    'Content-Disposition: attachment; filename="=?UTF-8?Q?Tilbud_p=C3=A5_ombygning.pdf?="',
    "Content-Transfer-Encoding: base64",
    "Content-ID: <f_mh1a2b3c0>",
    "X-Attachment-Id: f_mh1a2b3c0",
    "",
    "",
  ].join("\r\n");
  return encoder.encode(head + lines + "\r\n--000000000000b1g0000062c1d4e5f--\r\n");
}

describe("boundRawMail", () => {
  const big = bigMail(9 * 1024 * 1024);

  it("drops the body of a 12 MiB mail's attachment and keeps its headers", () => {
    expect(big.byteLength).toBeGreaterThan(12 * 1024 * 1024);
    const { bytes, skippedParts } = boundRawMail(big);
    expect(bytes.byteLength).toBeLessThan(4 * 1024);
    const encodedSize = decoder.decode(big).split("X-Attachment-Id: f_mh1a2b3c0\r\n\r\n")[1].split("\r\n--0000")[0].length;
    expect(skippedParts).toEqual([
      {
        mimeType: "application/pdf",
        filename: "=?UTF-8?Q?Tilbud_p=C3=A5_ombygning.pdf?=",
        encodedSize: encodedSize + 2,
        keptBytes: 0,
      },
    ]);
    const kept = decoder.decode(bytes);
    expect(kept).toContain('Content-Disposition: attachment; filename="=?UTF-8?Q?Tilbud_p=C3=A5_ombygning.pdf?="');
    expect(kept).toContain("Hej Peter, her er tilbuddet. Mvh Søren");
    expect(kept.endsWith("--000000000000b1g0000062c1d4e5f--\r\n")).toBe(true);
  });

  it("parseMail on the 12 MiB mail captures the people, subject and attachment name", async () => {
    const mail = await parseMail(big);
    expect(mail.from).toEqual({ address: "soren@baek.dk", name: "Søren Bæk" });
    expect(mail.to).toEqual([{ address: "peter@jensen.dk", name: "Peter Jensen" }]);
    expect(mail.cc).toEqual([{ address: "aase@norgaard.dk", name: "Åse Nørgaard" }]);
    expect(mail.subject).toBe("Tilbud på ombygning");
    expect(mail.text.trimEnd()).toBe("Hej Peter, her er tilbuddet. Mvh Søren");
    expect(mail.attachments).toEqual([
      { filename: "Tilbud på ombygning.pdf", mimeType: "application/pdf", size: boundRawMail(big).skippedParts[0].encodedSize, inline: false },
    ]);
    expect(mail.truncated).toBe(true);
    expect(mail.rawSize).toBe(big.byteLength);
  });

  it("passes mail under the threshold through untouched", () => {
    const small = bigMail(MAX_KEPT_ATTACHMENT_BYTES * 4);
    expect(small.byteLength).toBeLessThan(RAW_BOUND_THRESHOLD);
    const result = boundRawMail(small);
    expect(result.bytes).toBe(small);
    expect(result.skippedParts).toEqual([]);
  });

  it("cuts a very long text part at a line boundary", () => {
    const line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n";
    const body = line.repeat(Math.ceil((1024 * 1024) / line.length));
    const raw = encoder.encode(`From: a@x.dk\r\nSubject: long\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}`);
    const { bytes, skippedParts } = boundRawMail(raw);
    expect(skippedParts).toHaveLength(1);
    expect(skippedParts[0].mimeType).toBe("text/plain");
    expect(skippedParts[0].encodedSize).toBe(encoder.encode(body).byteLength);
    expect(skippedParts[0].keptBytes).toBe(Math.floor(MAX_TEXT_PART_BYTES / line.length) * line.length);
    expect(decoder.decode(bytes).endsWith(line + "\r\n")).toBe(true);
  });

  it("follows a forwarded message/rfc822 part and bounds the attachment inside it", async () => {
    const inner = decoder.decode(bigMail(2 * 1024 * 1024));
    const raw = encoder.encode(
      [
        "From: Peter Jensen <peter@jensen.dk>",
        "To: gensidig@example.com",
        "Subject: Fwd: Tilbud",
        'Content-Type: multipart/mixed; boundary="outer"',
        "",
        "--outer",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Se nedenfor.",
        "--outer",
        "Content-Type: message/rfc822",
        "Content-Disposition: attachment",
        "",
        inner,
        "--outer--",
        "",
      ].join("\r\n"),
    );
    const { bytes, skippedParts } = boundRawMail(raw);
    expect(bytes.byteLength).toBeLessThan(8 * 1024);
    expect(skippedParts.map((p) => p.mimeType)).toEqual(["application/pdf"]);
    const mail = await parseMail(raw);
    expect(mail.attachedMessages).toHaveLength(1);
    expect(mail.attachedMessages[0].from).toEqual({ address: "soren@baek.dk", name: "Søren Bæk" });
    expect(mail.attachedMessages[0].attachments[0].filename).toBe("Tilbud på ombygning.pdf");
    expect(mail.attachedMessages[0].attachments[0].size).toBe(skippedParts[0].encodedSize);
  });
});
