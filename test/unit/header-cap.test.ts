import { describe, expect, it } from "vitest";
import { MAX_ENCODED_WORD_RUN, MAX_HEADER_BLOCK_BYTES, MAX_HEADER_FIELD_BYTES, longestEncodedWordRun } from "../../src/mail/bound";
import { MailParseError, parseMail } from "../../src/mail/parse";

const WORD = "=?UTF-8?B?5pel5pys6Kqe44Gu5Lu25ZCN?="; // 日本語の件名, 36 bytes

function mailWith(headers: string[], body = "Hej\r\n"): string {
  return ["From: Anna Holm <anna@holm.dk>", "To: gensidig@example.com", "Message-ID: <cap@holm.dk>", ...headers, "", body].join("\r\n");
}

/** A header field of exactly `size` bytes, CRLF included, folded every ~70 characters. */
function field(name: string, size: number): string {
  let value = `${name}: `;
  const target = size - 2;
  while (value.length < target) {
    const room = target - value.length;
    value += room > 72 ? "x".repeat(69) + "\r\n " : "x".repeat(room);
  }
  return value;
}

async function refusal(raw: string | Uint8Array): Promise<MailParseError> {
  const error = await parseMail(raw).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailParseError);
  expect((error as MailParseError).code).toBe("headers_too_large");
  return error as MailParseError;
}

describe("one header field", () => {
  it("a Subject of exactly MAX_HEADER_FIELD_BYTES is read", async () => {
    const subject = field("Subject", MAX_HEADER_FIELD_BYTES);
    expect(subject.length + 2).toBe(MAX_HEADER_FIELD_BYTES);
    const mail = await parseMail(mailWith([subject]));
    expect(mail.subject.length).toBeGreaterThan(60_000);
  });

  it("one byte more is refused, naming the header and its size", async () => {
    const error = await refusal(mailWith([field("Subject", MAX_HEADER_FIELD_BYTES + 1)]));
    expect(error.message).toBe("This mail's Subject header is too large to read (65 KiB); Gensidig reads a header of up to 64 KiB.");
  });
});

describe("the header block", () => {
  // Many fields, each well under the field cap, so only the block cap can refuse.
  function block(total: number): string {
    const fixed = mailWith([]).length - "Hej\r\n".length; // the other headers and the blank line
    const fields: string[] = [];
    let left = total - fixed;
    for (let i = 0; left > 0; i++) {
      const size = Math.min(8 * 1024, left);
      fields.push(field(`X-Trace-${i}`, size));
      left -= size;
    }
    return mailWith(fields);
  }

  it("a block of exactly MAX_HEADER_BLOCK_BYTES is read", async () => {
    const raw = block(MAX_HEADER_BLOCK_BYTES);
    expect(raw.indexOf("\r\n\r\n") + 4).toBe(MAX_HEADER_BLOCK_BYTES);
    const mail = await parseMail(raw);
    expect(mail.text).toBe("Hej\n");
  });

  it("one byte more is refused with the block's size", async () => {
    const error = await refusal(block(MAX_HEADER_BLOCK_BYTES + 1));
    expect(error.message).toBe("This mail's headers are too large to read (257 KiB); Gensidig reads headers of up to 256 KiB.");
  });

  it("the headers of a MIME part are capped too", async () => {
    const raw = mailWith(
      ['Content-Type: multipart/mixed; boundary="b"'],
      ["--b", "Content-Type: text/plain", "", "Hej", "--b", 'Content-Type: application/pdf; name="a.pdf"', field("Content-Description", MAX_HEADER_FIELD_BYTES + 100), "", "JVBERi0=", "--b--", ""].join("\r\n"),
    );
    const error = await refusal(raw);
    expect(error.message).toMatch(/^This mail's Content-Description header is too large to read \(65 KiB\)/);
  });
});

describe("encoded words in a row", () => {
  const subject = (n: number) => "Subject: " + Array(n).fill(WORD).join("\r\n ");

  it(`${MAX_ENCODED_WORD_RUN} in a row are read and decoded`, async () => {
    const mail = await parseMail(mailWith([subject(MAX_ENCODED_WORD_RUN)]));
    expect(mail.subject).toBe("日本語の件名".repeat(MAX_ENCODED_WORD_RUN));
  });

  it("one more is refused", async () => {
    const error = await refusal(mailWith([subject(MAX_ENCODED_WORD_RUN + 1)]));
    expect(error.message).toBe("This mail's Subject header has too many encoded words to read (257); Gensidig reads up to 256.");
  });

  it("a To line with 600 encoded names is read: each name is decoded on its own", async () => {
    const to = "Cc: " + Array.from({ length: 600 }, (_, i) => `=?UTF-8?Q?S=C3=B8ren_M=C3=B8ller?= <s${i}@holm.dk>`).join(",\r\n ");
    const mail = await parseMail(mailWith([to]));
    expect(mail.cc).toHaveLength(600);
    expect(mail.cc[599]).toEqual({ address: "s599@holm.dk", name: "Søren Møller" });
  });

  it("a 1 MB Subject of encoded words is refused in milliseconds, not seconds", async () => {
    const raw = mailWith([subject(Math.ceil((1024 * 1024) / (WORD.length + 3)))]);
    expect(raw.length).toBeGreaterThan(1024 * 1024);
    const t0 = performance.now();
    const error = await refusal(raw);
    const ms = performance.now() - t0;
    expect(error.message).toBe("This mail's headers are too large to read (1,025 KiB); Gensidig reads headers of up to 256 KiB.");
    expect(ms).toBeLessThan(250);
  });

  it("60 KiB of encoded words within the block and field caps is refused fast", async () => {
    const raw = mailWith([subject(1600)]);
    const t0 = performance.now();
    const error = await refusal(raw);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(error.message).toBe("This mail's Subject header has too many encoded words to read (1,600); Gensidig reads up to 256.");
  });

  it("an encoded-word Subject inside a base64 attached message is refused too", async () => {
    const inner = ["From: x@y.dk", "Message-ID: <in@y.dk>", subject(1500), "", "inner", ""].join("\r\n");
    const b64 = Buffer.from(inner).toString("base64").replace(/.{76}/g, "$&\r\n");
    const raw = mailWith(
      ['Content-Type: multipart/mixed; boundary="b"'],
      ["--b", "Content-Type: text/plain", "", "Se vedhæftet", "--b", "Content-Type: message/rfc822", "Content-Transfer-Encoding: base64", "", b64, "--b--", ""].join("\r\n"),
    );
    const error = await refusal(raw);
    expect(error.message).toBe("This mail's Subject header has too many encoded words to read (1,500); Gensidig reads up to 256.");
  });
});

describe("longestEncodedWordRun stays linear on crafted input", () => {
  it.each([
    ["unclosed words", "=?x?q?".repeat(40_000)],
    ["bare markers", "=?".repeat(120_000)],
    ["one long unclosed word", "=?utf-8?q?" + "a".repeat(240_000)],
    ["words split by text", "=?a?q?b?= x ".repeat(20_000)],
  ])("%s", (_, text) => {
    const t0 = performance.now();
    const run = longestEncodedWordRun(text);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(run).toBeLessThanOrEqual(1);
  });

  it("counts words separated by folding as one run", () => {
    expect(longestEncodedWordRun("=?a?q?b?=\r\n =?a?q?c?= =?a?q?d?= x =?a?q?e?=")).toBe(3);
  });
});
