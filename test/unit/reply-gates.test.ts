// reply.ts puts cheap checks in front of its costly regexes (so a fresh isolate does not compile them for lines
// that cannot match). Each check must be implied by the regex it guards. These cases sit on the edge of a
// check: each one's answer changes if its check is made a little too strict. The invariants below are what
// the checks' reasoning rests on.
import { describe, expect, it } from "vitest";
import { HEADER_LABELS } from "../../src/mail/forward/markers";
import { newText, quoteAttribution } from "../../src/mail/reply";

describe("reply.ts pre-checks change no answer", () => {
  it("a line that says what someone wrote, with more after the colon, stays the person's own text", () => {
    const text = "Anna wrote: the 14th works for her, 10:00 at the office.\nSee you there.\n\nOn Mon, 3 Feb 2025 at 09:12, Anna Holm <anna@example.dk> wrote:\n> old text\n";
    expect(newText(text)).toBe("Anna wrote: the 14th works for her, 10:00 at the office.\nSee you there.");
    expect(quoteAttribution(text)?.line).toBe("On Mon, 3 Feb 2025 at 09:12, Anna Holm <anna@example.dk> wrote:");
  });

  it("a wrapped attribution whose middle line is as long as a continuation may be (80 characters)", () => {
    const text = `Ok.\n\nOn Mon, 3 Feb 2025 at 09:12, Anna\n${"y".repeat(62)} <anna@example.dk>\nwrote:\n> q\n`;
    expect(newText(text)).toBe("Ok.");
    expect(quoteAttribution(text)?.line).toBe(`On Mon, 3 Feb 2025 at 09:12, Anna ${"y".repeat(62)} <anna@example.dk> wrote:`);
  });

  it("an attribution with white space after its colon", () => {
    const text = "Sounds good.\n\nOn Mon, 3 Feb 2025 at 09:12, Anna Holm <anna@example.dk> wrote: \t\nold text\n";
    expect(newText(text)).toBe("Sounds good.");
    expect(quoteAttribution(text)?.address).toBe("anna@example.dk");
  });

  it("a dashed attribution inside a quote, ending in dashes and white space", () => {
    const text = "Fine.\n\n> ---- Anna Holm wrote ---- \n> old text 3\n";
    expect(quoteAttribution(text)?.line).toBe("---- Anna Holm wrote ----");
  });

  it("header blocks: the longest labels, a bold label, a full-width colon", () => {
    const long = "Yes.\n\nFrom: Anna <anna@example.dk>\nVastaanottaja: Peter\nMásolatot kap: Bo\n\nold text\n";
    expect(newText(long)).toBe("Yes.");
    expect(quoteAttribution(long)?.line).toBe("From: Anna <anna@example.dk>");
    const bold = "Yes.\n\nFrom: Anna <anna@example.dk>\n*    Vastaanottaja: Peter\nMásolatot kap: Bo\n\nold text\n";
    expect(quoteAttribution(bold)?.line).toBe("From: Anna <anna@example.dk>");
    const wide = "Yes.\n\n差出人： Anna <anna@example.dk>\n送信日時： 2025-02-03 09:12\n件名： x\n\nold text\n";
    expect(newText(wide)).toBe("Yes.");
    expect(quoteAttribution(wide)?.date).toBe(Date.UTC(2025, 1, 3, 9, 12));
  });

  it("signatures: a long s, a dash sign-off, a sign-off with a three-word name", () => {
    expect(newText("See you then.\n\nVerzonden met mijn ſmartphone\n")).toBe("See you then.");
    expect(newText("See you then.\n\nInviato da OutlooK per iOS\n")).toBe("See you then.");
    expect(newText("See you then.\n\n—Anna\n")).toBe("See you then.");
    expect(newText("See you then.\n\nMed venlig hilsen Anna Holm Jensen\n")).toBe("See you then.");
    expect(newText("See you then.\n\nMed venlig hilsen Anna Holm Jensen Berg\n")).toBe(
      "See you then.\n\nMed venlig hilsen Anna Holm Jensen Berg",
    );
  });

  it("header labels hold no colon, no leading '*' and no white space at either end", () => {
    for (const label of Object.values(HEADER_LABELS).flat()) {
      expect(label).not.toMatch(/[:：]/);
      expect(label.trim()).toBe(label);
      expect(label.startsWith("*")).toBe(false);
    }
  });

  it("String trim() removes exactly what regex \\s matches", () => {
    const differ: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (/^\s$/u.test(ch) !== (ch.trim() === "")) differ.push(cp);
    }
    expect(differ).toEqual([]);
  });
});
