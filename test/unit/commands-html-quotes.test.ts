// HTML-only replies carry no "> " markers and their attribution may be in any language: the commands path
// must stop at each client's quote marker, so only what the owner wrote above it acts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isParseError, parseCommandMail } from "../../src/commands/parse";
import { parseMail } from "../../src/mail/parse";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/commands", name), "utf8");

/** Each fixture quotes "done 1" and "never 2" below an attribution or header block in a locale we do not parse. */
const CLIENTS = [
  { client: "Gmail (gmail_quote)", file: "gmail-html-only-reply.eml" },
  { client: "Outlook web (divRplyFwdMsg)", file: "outlook-html-only-reply.eml" },
  { client: "Outlook desktop (border-top block)", file: "outlook-desktop-html-only-reply.eml" },
  { client: "Apple Mail (blockquote type=cite)", file: "apple-mail-html-only-reply.eml" },
  { client: "Thunderbird (moz-cite-prefix)", file: "thunderbird-html-only-reply.eml" },
  { client: "Yahoo (yahoo_quoted)", file: "yahoo-html-only-reply.eml" },
];

const OWN_COMMANDS = ["snooze 3 2w", "note anna@holmraadgivning.dk met at Founders Friday"];

/** The same reply with prose above the quote instead of commands. */
function quoteOnly(raw: string): string {
  return raw.replace(OWN_COMMANDS[0], "Thanks, looks good.").replace(OWN_COMMANDS[1], "I'll get to these tonight.");
}

async function read(raw: string) {
  const mail = await parseMail(raw);
  const { lines } = parseCommandMail(mail);
  return { mail, lines, commands: lines.filter((l) => !isParseError(l.result)).map((l) => l.line) };
}

describe("commands in an HTML-only reply", () => {
  it.each(CLIENTS)("$client: the lines above the quote act, and only they", async ({ file }) => {
    const { mail, lines, commands } = await read(fixture(file));
    expect(mail.textFromHtml).toBe(true);
    expect(lines.map((l) => l.line)).toEqual(OWN_COMMANDS);
    expect(commands).toEqual(OWN_COMMANDS);
    expect(lines[0].result).toEqual({ verb: "snooze", target: { kind: "item", number: 3 }, args: { verb: "snooze", when: "2w" } });
  });

  it.each(CLIENTS)("$client: commands only inside the quote never act", async ({ file }) => {
    const { lines, commands } = await read(quoteOnly(fixture(file)));
    expect(commands).toEqual([]);
    expect(lines.map((l) => l.line)).toEqual(["I'll get to these tonight."]);
  });

  it("treats any blockquote as quoted, and everything after it", async () => {
    const raw = [
      "From: Camilla Olsen <owner@example.com>",
      "To: gensidig@example.com",
      "Subject: Re: Next steps",
      "Content-Type: text/html; charset=UTF-8",
      "",
      "<div>pause</div><blockquote><div>forget anna@holmraadgivning.dk confirm</div></blockquote><div>resume</div>",
    ].join("\r\n");
    expect((await read(raw)).commands).toEqual(["pause"]);
  });

  it("reads the text/plain part as before when the mail has one", async () => {
    const { mail, commands } = await read(fixture("gmail-reply-en.eml"));
    expect(mail.textFromHtml).toBe(false);
    expect(commands).toEqual(["done 1", "snooze 2 2w", "never 3"]);
  });
});
