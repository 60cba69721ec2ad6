import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { fillActivityWeeks, mailtoHref, wrap } from "../../src/digest/format";
import { isoWeekOf, isoWeekStart } from "../../src/time";
import { DIGEST } from "../../src/i18n/digest";
import { buildDigestMime } from "../../src/digest/mime";
import { encodeHeaderWords } from "../../src/mail/compose";
import { type DigestView, digestSubject, renderDigestHtml, renderDigestText } from "../../src/digest/render";
import type { DigestPlan, Recommendation, Section } from "../../src/digest/types";
import { ACTIVITY, NOW, PLAN, digestView, firstDigestView, quietWeekView } from "../fixtures/digest-view";

const noneLeftOut: Record<Section, number> = { thank: 0, help: 0, "follow-up": 0, reconnect: 0 };

function item(over: Partial<Recommendation> & Pick<Recommendation, "section" | "address">): Recommendation {
  return {
    contactId: 1,
    name: null,
    circle: "professional",
    strength: 5,
    stake: 1,
    priority: 1,
    evidence: { what: "gave", at: Date.parse("2026-11-03T09:14:00Z"), subject: "Intro" },
    ...over,
  };
}

function withPlan(language: DigestView["language"], items: Recommendation[], overrides: Partial<DigestView> = {}): DigestView {
  const plan: DigestPlan = { items, leftOut: noneLeftOut };
  return digestView(language, { plan, ...overrides });
}

/** Every href="mailto:…" in the HTML, with the attribute escaping undone. */
function allMailtos(html: string): string[] {
  return [...html.matchAll(/href="(mailto:[^"]*)"/g)].map((m) =>
    m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  );
}

/** The mailtos that write to a person (the items' main buttons). */
function mailtos(html: string): string[] {
  return allMailtos(html).filter((href) => !href.startsWith("mailto:gensidig%2B"));
}

/** The one-tap mailtos that write a command to the digest's signed reply address. */
function commandMailtos(html: string): string[] {
  return allMailtos(html).filter((href) => href.startsWith("mailto:gensidig%2B"));
}

const THANK_HELP_RECONNECT = [
  item({ section: "thank", address: "anna@holmraadgivning.dk", name: "Anna Holm" }),
  item({
    section: "help",
    address: "bo@nielsenconsult.dk",
    name: "Bo Nielsen",
    evidence: { what: "asked", at: Date.parse("2026-11-10T08:02:00Z"), subject: "Can you recommend an accountant?" },
  }),
  item({
    section: "reconnect",
    address: "mikkel@jensen-revision.dk",
    name: "Mikkel Jensen",
    evidence: { what: "quiet", at: Date.parse("2026-08-27T14:20:00Z"), subject: "Nyhedsbrev", cadenceDays: 30 },
  }),
  item({
    section: "reconnect",
    address: "lise@dahlkommunikation.dk",
    name: "Lise Dahl",
    evidence: { what: "quiet", at: Date.parse("2026-06-15T11:00:00Z"), subject: "Lunch", cadenceDays: 75 },
  }),
];

describe("digestSubject", () => {
  it("names a single person and counts the rest, in section order", () => {
    expect(digestSubject(withPlan("en", THANK_HELP_RECONNECT))).toBe("Thank Anna, help Bo, reconnect 2 · week 48");
    expect(digestSubject(withPlan("da", THANK_HELP_RECONNECT))).toBe("Sig tak til Anna, hjælp Bo, sig hej til 2 · uge 48");
  });

  it("counts every section of the realistic plan", () => {
    // Every section inside the first 45 characters, which a phone's inbox shows; the week comes last.
    expect(digestSubject(digestView("en"))).toBe("Thank 3, help 2, follow up 2, reconnect 3 · week 48");
    expect(digestSubject(digestView("da"))).toBe("Sig tak til 3, hjælp 2, følg op med 2, sig hej til 3 · uge 48");
    for (const lang of ["en", "da"] as const) expect(digestSubject(digestView(lang)).indexOf(" · ")).toBeLessThanOrEqual(55);
  });

  it("says so when nothing is due", () => {
    expect(digestSubject(quietWeekView("en"))).toBe("All quiet · week 48");
    expect(digestSubject(quietWeekView("da"))).toBe("Stille uge · uge 48");
    expect(digestSubject(firstDigestView("en"))).toBe("How to start · week 48");
    expect(digestSubject(firstDigestView("da"))).toBe("Sådan kommer du i gang · uge 48");
  });

  it("uses the given name of 'Last, First', the address without a name, and strips line breaks", () => {
    const items = [
      item({ section: "thank", address: "anna@holm.dk", name: "Holm, Anna" }),
      item({ section: "follow-up", address: "bo@nielsen.dk", name: null }),
      item({ section: "help", address: "x@evil.example", name: "Eve\r\nBcc: victim@example.com" }),
    ];
    expect(digestSubject(withPlan("en", items))).toBe("Thank Anna, help Eve, follow up with bo@nielsen.dk · week 48");
  });
});

describe("renderDigestText", () => {
  it("renders the realistic week in English", async () => {
    await expect(renderDigestText(digestView("en"))).toMatchFileSnapshot("__snapshots__/digest-en.txt");
  });

  it("renders the realistic week in Danish", async () => {
    await expect(renderDigestText(digestView("da"))).toMatchFileSnapshot("__snapshots__/digest-da.txt");
  });

  it("renders a week with nothing due", async () => {
    await expect(renderDigestText(quietWeekView("en"))).toMatchFileSnapshot("__snapshots__/digest-quiet-en.txt");
    const da = renderDigestText(quietWeekView("da"));
    expect(da).toContain("Intet at gøre i denne uge – dit netværk er i god form.");
    expect(da).not.toContain("Sig tak\n");
  });

  it("keeps every line within 72 columns", () => {
    for (const view of [digestView("en"), digestView("da"), quietWeekView("en")]) {
      const long = renderDigestText(view)
        .split("\n")
        .filter((l) => [...l].length > 72);
      expect(long).toEqual([]);
    }
  });

  it("numbers items by their place in the plan and puts the private part last", () => {
    const text = renderDigestText(digestView("en"));
    const numbers = [...text.matchAll(/^ ?(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(text.indexOf("WORK\n====")).toBeLessThan(text.indexOf("PRIVATE\n======="));
    expect(text.indexOf("PRIVATE")).toBeLessThan(text.indexOf(" 9. Morten Kjær <morten.kjaer@gmail.com>"));
  });

  it("leaves out empty sections and the part headings when everything is professional", () => {
    const text = renderDigestText(withPlan("en", THANK_HELP_RECONNECT));
    expect(text).toContain("Thank\n-----");
    expect(text).toContain("Reconnect\n---------");
    expect(text).not.toContain("Follow up\n");
    expect(text).not.toContain("WORK");
    expect(text).not.toContain("PRIVATE");
  });

  it("shows dates in the owner's time zone and language", () => {
    // 23:30 UTC on 2 November is already 3 November in Copenhagen, still 2 November in New York.
    const evidence = { what: "gave", at: Date.parse("2026-11-02T23:30:00Z"), subject: "Intro", kind: "introduction", detail: "Tom Becker" } as const;
    const late = [item({ section: "thank", address: "anna@holm.dk", name: "Anna", evidence })];
    expect(renderDigestText(withPlan("en", late))).toContain("Introduced you to Tom Becker on 3 Nov: “Intro”.");
    expect(renderDigestText(withPlan("da", late))).toContain("Introducerede dig for Tom Becker den 3. nov.: »Intro«.");
    expect(renderDigestText(withPlan("en", late, { timeZone: "America/New_York" }))).toContain("Introduced you to Tom Becker on 2 Nov: “Intro”.");
  });

  it("mentions ignored and failed mail only when there is some", () => {
    const line = "Since the last digest, 14 mails were ignored as automated and 1 mail\ncould not be processed.";
    expect(renderDigestText(digestView("en"))).toContain(line);
    const none = renderDigestText(digestView("en", { ignoredCount: 0, failedCount: 0 }));
    expect(none).not.toContain("Since the last digest");
    expect(renderDigestText(digestView("en", { ignoredCount: 0, failedCount: 2 }))).toContain(
      "Since the last digest, 2 mails could not be processed.",
    );
    expect(renderDigestText(digestView("da", { ignoredCount: 1, failedCount: 0 }))).toContain(
      "Siden sidste oversigt: 1 mail sorteret fra som automatisk.",
    );
    expect(renderDigestHtml(digestView("en", { ignoredCount: 0, failedCount: 0 }))).not.toContain("Since the last digest");
  });

  it("lists the reply commands with their Danish aliases", () => {
    const da = renderDigestText(digestView("da"));
    for (const cmd of ["færdig 1", "udsæt 2 2w", "aldrig 3", "note ADRESSE tekst", "pause", "hjælp"]) {
      expect(da).toContain(`\n  ${cmd} `);
    }
  });

  it("gives item commands only with numbers this digest has", () => {
    const one = renderDigestText(withPlan("en", THANK_HELP_RECONNECT.slice(0, 1)));
    expect(one).toContain("\n  done 1 ");
    expect(one).toContain("\n  snooze 1 2w ");
    expect(one).toContain("\n  never 1 ");
    const quiet = renderDigestText(quietWeekView("en"));
    expect(quiet).not.toMatch(/^  (done|snooze|never) /m);
    expect(quiet).toContain("\n  note ADDRESS text ");
  });
});

describe("renderDigestHtml", () => {
  it("gives every item a mailto with recipient, reply subject and the assistant in BCC", () => {
    const links = mailtos(renderDigestHtml(digestView("en")));
    expect(links).toHaveLength(PLAN.items.length);
    expect(links[0]).toBe(
      "mailto:anna@holmraadgivning.dk?subject=Re%3A%20Intro%3A%20Bo%20from%20Nielsen%20Consult&bcc=gensidig@example.com",
    );
    expect(links[3]).toBe(
      "mailto:karin@oestergaard-arkitekter.dk?subject=Re%3A%20Feedback%20p%C3%A5%20dit%20tilbud%20til%20Hvidovre%20Kommune&bcc=gensidig@example.com",
    );
    // A subject that already starts with "Re:" is not prefixed twice; reconnect gets its own subject.
    expect(links[6]).toBe("mailto:mikkel@jensen-revision.dk?subject=Long%20time%20no%20see&bcc=gensidig@example.com");
    const da = mailtos(renderDigestHtml(digestView("da")));
    expect(da[6]).toBe("mailto:mikkel@jensen-revision.dk?subject=Det%20er%20l%C3%A6nge%20siden&bcc=gensidig@example.com");
    expect(da[1]).toBe(
      "mailto:jonas@brandtdesign.dk?subject=Re%3A%20Slides%20fra%20workshoppen%20om%20priss%C3%A6tning&bcc=gensidig@example.com",
    );
    for (const link of [...links, ...da]) expect(link).not.toContain("+");
  });

  it("falls back to a plain subject when there is no mail to reply to", () => {
    const balance = item({ section: "help", address: "karin@x.dk", evidence: { what: "balance", at: null, subject: null, theyGave: 4, youGave: 0 } });
    expect(mailtos(renderDigestHtml(withPlan("en", [balance])))).toEqual([
      "mailto:karin@x.dk?subject=Can%20I%20help%3F&bcc=gensidig@example.com",
    ]);
    expect(mailtos(renderDigestHtml(withPlan("da", [balance])))).toEqual([
      "mailto:karin@x.dk?subject=Kan%20jeg%20hj%C3%A6lpe%3F&bcc=gensidig@example.com",
    ]);
    expect(renderDigestText(withPlan("en", [balance]))).toContain(
      "Has given you something 4 times. You haven't given back yet. What\n    could you offer in return?",
    );
  });

  it("encodes mailto parts per RFC 6068", () => {
    expect(mailtoHref("anna+work@holm.dk", "Re: Q&A? 100% ok", "gensidig@example.com")).toBe(
      "mailto:anna%2Bwork@holm.dk?subject=Re%3A%20Q%26A%3F%20100%25%20ok&bcc=gensidig@example.com",
    );
    const html = renderDigestHtml(
      withPlan("en", [item({ section: "follow-up", address: "sv@x.dk", evidence: { what: "sent-no-reply", at: NOW - 9 * 86_400_000, subject: "SV: Møde" } })]),
    );
    expect(mailtos(html)).toEqual(["mailto:sv@x.dk?subject=SV%3A%20M%C3%B8de&bcc=gensidig@example.com"]);
  });

  it("escapes names, addresses and subjects from mail", () => {
    const hostile = item({
      section: "help",
      address: 'eve"onmouseover="alert(1)@evil.example',
      name: "<img src=x onerror=alert(1)>",
      evidence: { what: "asked", at: NOW - 3 * 86_400_000, subject: "<script>alert('x')</script> & more" },
    });
    const html = renderDigestHtml(withPlan("en", [hostile]));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain("“&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more”");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mailtos(html)[0]).toBe(
      "mailto:eve%22onmouseover%3D%22alert(1)@evil.example?subject=Re%3A%20%3Cscript%3Ealert('x')%3C%2Fscript%3E%20%26%20more&bcc=gensidig@example.com",
    );
  });

  it("drops bidi controls that could disguise a name", () => {
    const html = renderDigestHtml(withPlan("en", [item({ section: "thank", address: "a@b.dk", name: "Anna\u202Egnp.exe" })]));
    expect(html).toContain(">Annagnp.exe</td>");
    expect(html).not.toContain("\u202E");
  });

  it("draws 12 weeks of bars as table cells, padding missing weeks with zeros", () => {
    const html = renderDigestHtml(digestView("en"));
    expect(html.match(/class="week"/g)).toHaveLength(12);
    expect(html.match(/title="Week \d+: Sent \d+"/g)).toHaveLength(12);
    expect(html).toContain('title="Week 47: Sent 10"');
    expect(html).not.toMatch(/<svg|<img/i);
    const sparse = renderDigestHtml(digestView("en", { activity: ACTIVITY.slice(-3) }));
    expect(sparse.match(/class="week"/g)).toHaveLength(12);
    expect(sparse).toContain('title="Week 36: Sent 0"');
    expect(sparse).toContain('title="Week 45: Sent 9"');
  });

  it("states the give and take balance in words", () => {
    expect(renderDigestHtml(digestView("en"))).toContain(
      "Give and take: you helped others in 9 mails and were helped in 11 mails — about even.",
    );
    expect(renderDigestHtml(quietWeekView("en"))).toContain(
      "Give and take: you helped others in 2 mails and were helped in 9 mails. You get more than you give — worth asking: what can I contribute?",
    );
  });

  it("uses table layout with inline styles that mail clients keep", () => {
    const html = renderDigestHtml(digestView("en"));
    expect(html).not.toMatch(/display:\s*(flex|grid)/);
    expect(html).toContain('role="presentation"');
    expect(html).toContain("max-width:600px");
    expect(html).toContain('bgcolor="#2f8f76"');
    // Two <style> blocks: dark and narrow-screen rules (classes beside the inline styles, which stay complete
    // for clients that drop <style>), and Outlook's font fallback inside a conditional comment.
    expect(html.match(/<style>/g)).toHaveLength(2);
    expect(html).toMatch(/<!--\[if mso\]><style>/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
    // Outlook on Windows ignores padding on the <a>: the bordered button pads its cell.
    expect(html).toMatch(/<td class="btn"[^>]*padding:6px 14px;[^>]*><a /);
  });

  it("stays well under Gmail's clipping size of 102 KB", () => {
    // Ten items (the cap), each with its button and two one-tap links.
    for (const lang of ["en", "da"] as const) {
      expect(new TextEncoder().encode(renderDigestHtml(digestView(lang))).length).toBeLessThan(72 * 1024);
    }
  });

  it("gives every item one-tap links that write `done N` and `snooze N 2w` to the signed reply address", () => {
    const view = digestView("en");
    const links = commandMailtos(renderDigestHtml(view));
    expect(links).toHaveLength(2 * PLAN.items.length);
    const subject = encodeURIComponent(`Re: ${digestSubject(view)}`);
    const to = encodeURIComponent(view.replyAddress).replace("%40", "@");
    expect(links.slice(0, 2)).toEqual([
      `mailto:${to}?subject=${subject}&body=done%201`,
      `mailto:${to}?subject=${subject}&body=snooze%201%202w`,
    ]);
    expect(links.at(-1)).toBe(`mailto:${to}?subject=${subject}&body=snooze%2010%202w`);
    const da = renderDigestHtml(digestView("da"));
    expect(da).toContain(">Færdig</a>");
    expect(da).toContain(">Om 2 uger</a>");
  });

  it("lets an address wrap only after its @ and dots, on a line of its own", () => {
    const html = renderDigestHtml(digestView("en"));
    expect(html).toContain(">karin@<wbr>oestergaard-arkitekter.<wbr>dk</td>");
  });

  it("hides the preheader in the way Gmail's mobile web app honours", () => {
    const html = renderDigestHtml(digestView("en"));
    expect(html).toMatch(/<div style="display:none;[^"]*max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;[^"]*">10 small things this week/);
  });

  it("tells a brand-new owner how to start instead of 'all quiet', in both languages", () => {
    const en = renderDigestHtml(firstDigestView("en"));
    expect(en).not.toContain("your network is in good shape");
    expect(en).toContain("Nothing to show yet: I only know the mail you share with me. Four ways to start:");
    expect(en).toContain("BCC gensidig@example.com on mail you send.");
    expect(en).toContain("BCC gensidig+3d@example.com (or +2w).");
    expect(en).toContain("npm run import -- your.mbox");
    const text = renderDigestText(firstDigestView("da"));
    expect(text).toContain("Intet at vise endnu");
    expect(text).toContain("  - Sæt gensidig@example.com i Bcc på mails, du sender.");
    // An owner who has contacts and nothing due still gets the quiet note.
    expect(renderDigestHtml(quietWeekView("en"))).not.toContain("Four ways to start");
  });

  it("says when nothing is due, in both languages", () => {
    expect(renderDigestHtml(quietWeekView("en"))).toContain("Nothing is due this week — your network is in good shape.");
    const da = renderDigestHtml(quietWeekView("da"));
    expect(da).toContain("Intet at gøre i denne uge – dit netværk er i god form.");
    expect(mailtos(da)).toEqual([]);
  });

  it("shows no English in the Danish digest", () => {
    const en = DIGEST.en;
    const english = [
      ...Object.values(en.section),
      ...Object.values(en.sectionHint),
      ...Object.values(en.action),
      ...Object.values(en.part),
      ...en.commands(3).flatMap((c) => [c.example, c.meaning]).filter((s) => s !== "pause"),
      en.activityTitle,
      en.sent,
      en.received,
      en.footerIntro,
      en.footerNote,
      "Week",
      "Nov",
      "You ",
      "Give and take",
      "Since the last digest",
      "left out",
    ];
    // Mail subjects are the contacts' own words, in whatever language they wrote.
    const withoutSubjects = (out: string) =>
      PLAN.items.reduce((acc, i) => (i.evidence.subject ? acc.split(i.evidence.subject).join("") : acc), out);
    const html = withoutSubjects(renderDigestHtml(digestView("da")).replace(/href="[^"]*"/g, ""));
    const text = withoutSubjects(renderDigestText(digestView("da")));
    for (const phrase of english) {
      expect(html, phrase).not.toContain(phrase);
      expect(text, phrase).not.toContain(phrase);
    }
    expect(html).toContain('<html lang="da"');
  });
});

describe("the balance line", () => {
  // youGave: mails in which the owner helped someone; theyGave: mails in which someone helped the owner.
  const cases: Array<[string, number, number, string, string]> = [
    ["none", 0, 0, "No give and take recorded yet.", "Ingen give og tage registreret endnu."],
    [
      "few: helped twice is not yet a balance",
      0,
      2,
      "Give and take: you helped others in 0 mails and were helped in 2 mails.",
      "Giv og tag: du hjalp andre i 0 mails og fik hjælp i 2 mails.",
    ],
    [
      "few, one each",
      1,
      1,
      "Give and take: you helped others in 1 mail and were helped in 1 mail.",
      "Giv og tag: du hjalp andre i 1 mail og fik hjælp i 1 mail.",
    ],
    [
      "even",
      9,
      11,
      "Give and take: you helped others in 9 mails and were helped in 11 mails — about even.",
      "Giv og tag: du hjalp andre i 9 mails og fik hjælp i 11 mails – nogenlunde lige.",
    ],
    [
      "giving",
      10,
      2,
      "Give and take: you helped others in 10 mails and were helped in 2 mails. You give more than you get — it's fine to ask, too.",
      "Giv og tag: du hjalp andre i 10 mails og fik hjælp i 2 mails. Du giver mere, end du får – du må også gerne bede om noget.",
    ],
    [
      "taking",
      2,
      9,
      "Give and take: you helped others in 2 mails and were helped in 9 mails. You get more than you give — worth asking: what can I contribute?",
      "Giv og tag: du hjalp andre i 2 mails og fik hjælp i 9 mails. Du får mere, end du giver – værd at spørge dig selv: hvad kan jeg bidrage med?",
    ],
  ];

  /** The digest's text with the wrapped balance paragraph joined back into one line. */
  const digestText = (language: DigestView["language"], youGave: number, theyGave: number) =>
    renderDigestText(digestView(language, { balance: { youGave, theyGave } })).replace(/\n(?=\S)/g, " ");

  it.each(cases)("%s (you gave %i, they gave %i)", (_label, youGave, theyGave, english, danish) => {
    expect(digestText("en", youGave, theyGave)).toContain(` ${english}\n`);
    expect(digestText("da", youGave, theyGave)).toContain(` ${danish}\n`);
  });

  it("never calls 0 given against 2 received balanced", () => {
    expect(digestText("en", 0, 2)).not.toMatch(/balanced|about even/);
    expect(digestText("da", 0, 2)).not.toContain("nogenlunde lige");
  });
});

describe("buildDigestMime", () => {
  const view = digestView("da");
  const subject = digestSubject(view);
  const text = renderDigestText(view);
  const html = renderDigestHtml(view);
  const raw = buildDigestMime({
    from: "gensidig@example.com",
    to: "camilla@bergconsult.dk",
    replyTo: view.replyAddress,
    subject,
    text,
    html,
    messageId: "digest.2026-48.1@example.com",
    date: new Date(NOW),
  });

  it("parses back to the same subject, addresses and both parts", async () => {
    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe("Sig tak til 3, hjælp 2, følg op med 2, sig hej til 3 · uge 48");
    expect(mail.from).toEqual({ address: "gensidig@example.com", name: "Gensidig" });
    expect(mail.to).toEqual([{ address: "camilla@bergconsult.dk", name: "" }]);
    expect(mail.replyTo).toEqual([{ address: "gensidig+r.MTcxNjQ.c2lnbmF0dXJl@example.com", name: "" }]);
    expect(mail.messageId).toBe("<digest.2026-48.1@example.com>");
    expect(mail.date).toBe("2026-11-23T07:00:00.000Z");
    expect(mail.text?.replace(/\r\n/g, "\n")).toBe(text);
    expect(mail.html?.replace(/\r\n/g, "\n")).toBe(html);
    const header = (key: string) => mail.headers.find((h) => h.key === key)?.value;
    expect(header("auto-submitted")).toBe("auto-generated");
    expect(header("content-type")).toMatch(/^multipart\/alternative; boundary=/);
  });

  it("writes CRLF lines of legal length", () => {
    expect(raw).not.toMatch(/[^\r]\n/);
    const [head] = raw.split("\r\n\r\n");
    for (const line of head.split("\r\n")) expect(line.length, line).toBeLessThanOrEqual(78);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
    expect(raw).toContain("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64");
    expect(raw).toContain("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64");
  });

  it("splits long subjects into encoded-words of at most 75 characters on character boundaries", async () => {
    const long = "Uge 48: sig tak til Søren Ærø-Østergård, hjælp Åse, følg op med Bjørn, 3 at genoptage kontakten med 🎉";
    const folded = encodeHeaderWords(long);
    const words = folded.split("\r\n ");
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) {
      expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(w.length).toBeLessThanOrEqual(75);
    }
    const mail = await PostalMime.parse(`Subject: ${folded}\r\nFrom: a@b.dk\r\n\r\nx`);
    expect(mail.subject).toBe(long);
  });
});

describe("weeks", () => {
  it("computes ISO weeks, including the 53rd week and year edges", () => {
    expect(isoWeekOf(NOW)).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf(Date.UTC(2021, 0, 3))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(Date.UTC(2025, 11, 29))).toEqual({ year: 2026, week: 1 });
    expect(new Date(isoWeekStart(2026, 48)).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(new Date(isoWeekStart(2026, 1)).toISOString()).toBe("2025-12-29T00:00:00.000Z");
  });

  it("fills the 12 weeks before the current one when there is no activity", () => {
    const weeks = fillActivityWeeks([], { year: 2026, week: 48 });
    expect(weeks).toHaveLength(12);
    expect(weeks.map((w) => isoWeekOf(w.weekStart).week)).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47]);
    expect(weeks.every((w) => w.sent === 0 && w.received === 0)).toBe(true);
  });

  it("ends the picture with the week before the digest's, however long the owner has been quiet", () => {
    const week41 = { weekStart: isoWeekStart(2026, 41), sent: 4, received: 2, theyGave: 1, youGave: 0 };
    const weeks = fillActivityWeeks([week41], { year: 2026, week: 48 });
    expect(weeks.map((w) => isoWeekOf(w.weekStart).week)).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47]);
    expect(weeks.map((w) => w.sent)).toEqual([0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0]);
  });

  it("wraps words with a hanging indent and never breaks an address", () => {
    expect(wrap("one two three four", 10, " 1. ")).toEqual([" 1. one", "    two", "    three", "    four"]);
    expect(wrap("see averyveryverylongaddress@example.com now", 12)).toEqual(["see", "averyveryverylongaddress@example.com", "now"]);
  });
});
