// Reply splitting on replies written by Gmail, Outlook, Apple Mail, Thunderbird, Android and iOS clients in
// 14 languages: every fixture's new text exact, and never a line of its quote.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMail } from "../../src/mail/parse";
import { newText, quoteAttribution } from "../../src/mail/reply";
import { replies, scoreReply } from "../fixtures/replies/expected";

const load = async (file: string) => parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/replies", file)));

describe("newText on replies from each client and language", () => {
  it.each(replies.map((r) => [`${r.client} ${r.language}: ${r.file}`, r] as const))("%s", async (_, want) => {
    const mail = await load(want.file);
    const got = newText(mail.text, { quotesMarked: !mail.textFromHtml });
    expect(got).toBe(want.newText);
    for (const line of want.quoted) expect(got).not.toContain(line.trim());
  });

  it("cover six clients and at least ten languages", () => {
    expect(new Set(replies.map((r) => r.client)).size).toBe(6);
    expect(new Set(replies.map((r) => r.language)).size).toBeGreaterThanOrEqual(10);
  });

  it("score above the targets: first line right with no quote kept ≥ 94 %, exact ≥ 85 %", async () => {
    const scores = await Promise.all(
      replies.map(async (r) => {
        const mail = await load(r.file);
        return scoreReply(r, newText(mail.text, { quotesMarked: !mail.textFromHtml }));
      }),
    );
    expect(scores.filter((s) => s.firstLineAndNoQuote).length / scores.length).toBeGreaterThanOrEqual(0.94);
    expect(scores.filter((s) => s.exact).length / scores.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe("words under an attribution with no quote", () => {
  it("are the person's own in a client's plain text, and quoted in text made from HTML (its quotes lost their marks)", async () => {
    const mail = await load("thunderbird-en-below-attribution.eml");
    expect(newText(mail.text, { quotesMarked: true })).toBe("Friday works for me, I'll book the table.\n\nPeter");
    expect(newText(mail.text)).toBe("");
  });
});

describe("quoteAttribution in other languages", () => {
  it.each([
    ["gmail-ru.eml", "anna@designbureau.dk", "2025-02-03T09:12:00.000Z"],
    ["gmail-it.eml", "anna@designbureau.dk", "2025-02-03T09:12:00.000Z"],
    ["outlook-pl.eml", "anna@designbureau.dk", "2025-02-03T09:12:00.000Z"],
    ["apple-mail-nl.eml", "anna@designbureau.dk", "2025-02-03T09:12:00.000Z"],
    ["gmail-vi.eml", "anna@designbureau.dk", "2025-02-03T09:12:00.000Z"],
  ])("%s: who wrote the quote, and when", async (file, address, date) => {
    const found = quoteAttribution((await load(file)).text);
    expect(found?.address).toBe(address);
    expect(found?.name).toBe("Anna Holm");
    expect(found?.date === null || found?.date === undefined ? null : new Date(found.date).toISOString()).toBe(date);
  });
});
