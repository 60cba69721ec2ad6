// Parser benchmark: how well Gensidig reads forwards, splits replies and spots automated mail, side by side
// with the libraries it wraps, on the same fixtures. Accuracy, not speed: run by hand,
// `npx vitest run --config bench/vitest.config.ts bench/parsers.node-bench.ts`. To measure on a checkout
// of email-forward-parser instead of the copy in test/fixtures/forward/email-forward-parser:
// `FORWARD_FIXTURES=/path/to/email-forward-parser/test/fixtures npx vitest run --config bench/vitest.config.ts bench/parsers.node-bench.ts`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import EmailReplyParser from "email-reply-parser";
import { describe, expect, it } from "vitest";
import { detectAutomated } from "../src/mail/automated";
import { parseMail } from "../src/mail/parse";
import { newText } from "../src/mail/reply";
import { allRight, libraryFixtures, useFixturesDir, type FieldsRight } from "../test/fixtures/forward/email-forward-parser";
import { replies, scoreReply } from "../test/fixtures/replies/expected";
import { scoreBoth } from "../test/support/forward-corpus";
import { table } from "./support/measure";
import "./support/meta";

const fixtures = path.join(import.meta.dirname, "../test/fixtures");
const pct = (n: number, of: number) => `${n} of ${of} (${((100 * n) / of).toFixed(1)} %)`;

/** The automated fixtures, by kind; every other .eml under test/fixtures is a person's mail. */
const AUTOMATED = new Set([
  "mail/arf-feedback-report.eml",
  "mail/dsn-bounce.eml",
  "mail/exchange-out-of-office-da.eml",
  "mail/gmail-vacation-responder.eml",
  "mail/google-calendar-invite.eml",
  // Sent by Google Calendar's robot in the organiser's name (Sender: calendar-notification@google.com).
  "calendar/google-calendar-request-da.eml",
  "mail/mailchimp-newsletter.eml",
  "mail/google-groups-list.eml",
  "mail/sieve-vacation-de.eml",
  "mail/outlook-auto-reply-fr.eml",
  "mail/substack-newsletter.eml",
]);

function emlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".eml"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

describe("parsers, side by side with the libraries", () => {
  it("forwards: email-forward-parser's own fixtures", ({ task }) => {
    if (process.env.FORWARD_FIXTURES) useFixturesDir(process.env.FORWARD_FIXTURES);
    const forwards = libraryFixtures.filter((f) => f.forwarded);
    const scores = forwards.map(scoreBoth);
    const count = (who: "library" | "gensidig", field: keyof FieldsRight | "all") =>
      scores.filter((s) => (field === "all" ? allRight(s[who]) : s[who][field])).length;
    const fields = ["from", "to", "cc", "subject", "date", "all"] as const;
    // The library hands the date back as printed: its column counts the date line found.
    const name = (f: (typeof fields)[number]) => (f === "all" ? "every field" : f === "date" ? "date (library: found as text)" : f);
    const rows = fields.map((f) => [name(f), pct(count("library", f), forwards.length), pct(count("gensidig", f), forwards.length)]);
    console.log(`\nForwards: email-forward-parser's ${forwards.length} forward fixtures\n${table(["field", "email-forward-parser alone", "Gensidig"], rows)}\n`);
    task.meta.benchResult = { name: "parsers-forward", fixtures: forwards.length, library: Object.fromEntries(fields.map((f) => [f, count("library", f)])), gensidig: Object.fromEntries(fields.map((f) => [f, count("gensidig", f)])) };
    expect(forwards).toHaveLength(196);
  });

  it("reply splitting: the fixtures per client and language", async ({ task }) => {
    const byClient = new Map<string, { n: number; ours: [number, number]; library: [number, number] }>();
    for (const want of replies) {
      const mail = await parseMail(readFileSync(path.join(fixtures, "replies", want.file)));
      const ours = scoreReply(want, newText(mail.text, { quotesMarked: !mail.textFromHtml }));
      const library = scoreReply(want, new EmailReplyParser().read(mail.text).getVisibleText().trim());
      for (const key of [want.client, "all"]) {
        const row = byClient.get(key) ?? { n: 0, ours: [0, 0], library: [0, 0] };
        row.n++;
        row.ours[0] += +ours.firstLineAndNoQuote;
        row.ours[1] += +ours.exact;
        row.library[0] += +library.firstLineAndNoQuote;
        row.library[1] += +library.exact;
        byClient.set(key, row);
      }
    }
    const rows = [...byClient].sort(([a], [b]) => +(a === "all") - +(b === "all")).map(([client, r]) => [client, String(r.n), pct(r.library[0], r.n), pct(r.library[1], r.n), pct(r.ours[0], r.n), pct(r.ours[1], r.n)]);
    const languages = new Set(replies.map((r) => r.language)).size;
    console.log(
      `\nReply splitting: ${replies.length} replies, ${languages} languages (first line right and no quoted line kept; exact)\n${table(
        ["client", "replies", "email-reply-parser: first line", "email-reply-parser: exact", "Gensidig: first line", "Gensidig: exact"],
        rows,
      )}\n`,
    );
    task.meta.benchResult = { name: "parsers-reply", replies: replies.length, languages, byClient: Object.fromEntries(byClient) };
  });

  it("automated mail: recognised, and no person's mail taken for automated", async ({ task }) => {
    let automatedSeen = 0;
    let automatedRight = 0;
    let people = 0;
    const peopleWrong: string[] = [];
    for (const file of emlFiles(fixtures)) {
      const verdict = detectAutomated(await parseMail(readFileSync(path.join(fixtures, file))));
      if (AUTOMATED.has(file)) {
        automatedSeen++;
        automatedRight += +verdict.automated;
      } else {
        people++;
        if (verdict.automated) peopleWrong.push(`${file} (${verdict.reason})`);
      }
    }
    console.log(`\nAutomated mail: ${pct(automatedRight, automatedSeen)} recognised; ${peopleWrong.length} of ${people} people's mails taken for automated${peopleWrong.length ? `: ${peopleWrong.join(", ")}` : ""}\n`);
    task.meta.benchResult = { name: "parsers-automated", automated: automatedSeen, recognised: automatedRight, people, peopleWrong };
    expect(automatedSeen).toBe(AUTOMATED.size);
  });
});
