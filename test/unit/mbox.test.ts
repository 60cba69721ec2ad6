import { describe, expect, it } from "vitest";
import { escapeFromLines, mboxEntry, splitMbox, type MboxMessage } from "../../scripts/mbox.mjs";

async function* inChunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function split(bytes: Buffer, chunkSize = 64 * 1024, maxMessageBytes?: number): Promise<MboxMessage[]> {
  const out: MboxMessage[] = [];
  for await (const m of splitMbox(inChunks(bytes, chunkSize), maxMessageBytes ? { maxMessageBytes } : {})) out.push(m);
  return out;
}

const text = (m: MboxMessage) => m.raw!.toString("utf8");

// As Gmail Takeout writes it: a From_ line with the message's X-GM-THRID and an asctime date, LF endings,
// an empty line after each message, and body lines starting with "From " escaped as ">From ".
const takeout = [
  "From 1815342119523704339@xxx Tue Nov 03 08:14:22 +0000 2026",
  "X-GM-THRID: 1815342119523704339",
  "X-Gmail-Labels: Sendt,Åbnet",
  "MIME-Version: 1.0",
  "Date: Tue, 3 Nov 2026 09:14:22 +0100",
  "Message-ID: <CAK7n1c9xZ0p3Lq=R2vT8wYbQe4u@mail.gmail.com>",
  "Subject: Kaffe i næste uge?",
  "From: Sofie Kjær <owner@example.com>",
  "To: Mette Riis <mette@riis-kommunikation.dk>",
  'Content-Type: text/plain; charset="UTF-8"',
  "Content-Transfer-Encoding: 8bit",
  "",
  "Hej Mette,",
  "",
  ">From min side er torsdag bedst. From now on I'll keep Thursdays free.",
  ">>From a quoted mail, escaped twice",
  "",
  "Kh Sofie",
  "",
  "From 1815342119523704339@xxx Wed Nov 04 10:02:51 +0000 2026",
  "X-GM-THRID: 1815342119523704339",
  "X-Gmail-Labels: Indbakke",
  "MIME-Version: 1.0",
  "Date: Wed, 4 Nov 2026 11:02:51 +0100",
  "Message-ID: <AM0PR07MB6114A2@AM0PR07MB6114.eurprd07.prod.outlook.com>",
  "In-Reply-To: <CAK7n1c9xZ0p3Lq=R2vT8wYbQe4u@mail.gmail.com>",
  "Subject: SV: Kaffe i næste uge?",
  "From: Mette Riis <mette@riis-kommunikation.dk>",
  "To: Sofie Kjær <owner@example.com>",
  'Content-Type: text/plain; charset="UTF-8"',
  "",
  "Torsdag passer fint. Ses på Original Coffee kl. 10.",
  "",
].join("\n");

describe("splitMbox", () => {
  it("splits on From_ lines and drops the From_ line and the empty line that ends each message", async () => {
    const messages = await split(Buffer.from(takeout, "utf8"));
    expect(messages).toHaveLength(2);
    expect(text(messages[0]).startsWith("X-GM-THRID: 1815342119523704339\nX-Gmail-Labels: Sendt,Åbnet\n")).toBe(true);
    expect(text(messages[0]).endsWith("\n\nKh Sofie\n")).toBe(true);
    expect(text(messages[1]).endsWith("Torsdag passer fint. Ses på Original Coffee kl. 10.\n")).toBe(true);
    expect(messages[0].start).toBe(0);
    expect(messages[0].end).toBe(messages[1].start);
    expect(messages[1].end).toBe(Buffer.byteLength(takeout));
    expect(messages.map((m) => m.oversize)).toEqual([false, false]);
  });

  it("strips one '>' from lines matching ^>+From and leaves other quoting alone", async () => {
    const [first] = await split(Buffer.from(takeout, "utf8"));
    expect(text(first)).toContain("\nFrom min side er torsdag bedst. From now on I'll keep Thursdays free.\n");
    expect(text(first)).toContain("\n>From a quoted mail, escaped twice\n");
  });

  it("keeps 'From ' that does not start a line, and a 'From ' body line not after an empty line", async () => {
    const mbox = [
      "From - Mon Nov 09 12:00:00 2026",
      "From: Jonas Bech <jonas@bech.dk>",
      "Subject: Notes",
      "",
      "Quoted below. From the meeting:",
      "From the meeting we agreed on three things.",
      "",
    ].join("\n");
    const messages = await split(Buffer.from(mbox));
    expect(messages).toHaveLength(1);
    expect(text(messages[0])).toBe("From: Jonas Bech <jonas@bech.dk>\nSubject: Notes\n\nQuoted below. From the meeting:\nFrom the meeting we agreed on three things.\n");
  });

  it("splits a Thunderbird-style file whose From_ line follows the previous message with no empty line", async () => {
    const mbox = "From - Mon Nov 09 12:00:00 2026\nSubject: a\n\none\nFrom - Tue Nov 10 08:30:00 2026\nSubject: b\n\ntwo\n";
    const messages = await split(Buffer.from(mbox));
    expect(messages.map(text)).toEqual(["Subject: a\n\none\n", "Subject: b\n\ntwo\n"]);
  });

  it("reads CRLF files and keeps their line endings", async () => {
    const crlf = takeout.replaceAll("\n", "\r\n");
    const messages = await split(Buffer.from(crlf, "utf8"));
    expect(messages).toHaveLength(2);
    expect(text(messages[0])).toContain("\r\nFrom min side er torsdag bedst.");
    expect(text(messages[0]).endsWith("\r\n\r\nKh Sofie\r\n")).toBe(true);
    expect(text(messages[1]).startsWith("X-GM-THRID: 1815342119523704339\r\n")).toBe(true);
    expect(messages[1].end).toBe(Buffer.byteLength(crlf));
  });

  it("gives the same messages whatever the chunk size, even with CRLF split between chunks", async () => {
    const crlf = Buffer.from(takeout.replaceAll("\n", "\r\n"), "utf8");
    const whole = (await split(crlf)).map(text);
    for (const size of [1, 2, 3, 7, 64]) {
      expect((await split(crlf, size)).map(text)).toEqual(whole);
    }
  });

  it("yields nothing for an empty file or one with only empty lines", async () => {
    expect(await split(Buffer.alloc(0))).toEqual([]);
    expect(await split(Buffer.from("\n\r\n"))).toEqual([]);
  });

  it("refuses a file that does not start with a From_ line", async () => {
    const eml = "From: Sofie Kjær <owner@example.com>\nSubject: not an mbox\n\nHej\n";
    await expect(split(Buffer.from(eml))).rejects.toThrow('not an mbox file: byte 0 should start a "From " line (RFC 4155)');
  });

  it("streams a 6 MB message in 4 KB chunks and returns it byte for byte", async () => {
    const line = "QmFzZTY0IGVuY29kZWQgYXR0YWNobWVudCBkYXRhIGZvciBhIGJpZyBQREYgZmlsZSE=\r\n";
    const attachment = line.repeat(Math.ceil((6 * 1024 * 1024) / line.length));
    const big =
      "From: Anders Lund <anders@lundogpartnere.dk>\r\nSubject: Brandbook\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
      attachment;
    const file = Buffer.concat([mboxEntry(big), mboxEntry("Subject: after\r\n\r\nsmall\r\n")]);
    const messages = await split(file, 4096);
    expect(messages).toHaveLength(2);
    expect(messages[0].raw!.equals(Buffer.from(big))).toBe(true);
    expect(messages[0].size).toBe(Buffer.byteLength(big));
    expect(text(messages[1])).toBe("Subject: after\r\n\r\nsmall\r\n");
  });

  it("counts but does not keep a message over the size limit, and goes on with the next", async () => {
    const file = Buffer.concat([mboxEntry(`Subject: big\n\n${"x".repeat(5000)}\n`), mboxEntry("Subject: next\n\nok\n")]);
    const messages = await split(file, 512, 1000);
    expect(messages.map((m) => [m.oversize, m.raw === null])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(messages[0].size).toBe(Buffer.byteLength(`Subject: big\n\n${"x".repeat(5000)}\n`));
    expect(text(messages[1])).toBe("Subject: next\n\nok\n");
  });
});

describe("escapeFromLines and mboxEntry", () => {
  it("round-trips through the splitter, including lines that already start with '>From '", async () => {
    const raw = "Subject: x\n\nFrom the top\n>From a quote\nnot From here\n";
    expect(escapeFromLines(raw).toString()).toBe("Subject: x\n\n>From the top\n>>From a quote\nnot From here\n");
    const [m] = await split(mboxEntry(raw, { sender: "owner@example.com", date: new Date("2026-11-03T08:14:22Z") }));
    expect(text(m)).toBe(raw);
  });

  it("writes the From_ line with an asctime date in UTC", () => {
    const entry = mboxEntry("Subject: x\n\nhi\n", { sender: "owner@example.com", date: new Date("2026-08-04T07:05:09Z") });
    expect(entry.toString().split("\n")[0]).toBe("From owner@example.com Tue Aug  4 07:05:09 2026");
  });
});
