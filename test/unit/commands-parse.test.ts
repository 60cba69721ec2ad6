import { describe, expect, it } from "vitest";
import { MAX_COMMAND_LINES, nameSplits, parseCadence, parseCommandText, parseLine, suggestVerb } from "../../src/commands/parse";
import { contactsNamed } from "../../src/commands/resolve";
import type { Contact } from "../../src/db/schema";

describe("parseLine: every command and its Danish alias", () => {
  it.each([
    ["done 2", { verb: "done", target: { kind: "item", number: 2 }, args: { verb: "done" } }],
    ["færdig 2", { verb: "done", target: { kind: "item", number: 2 }, args: { verb: "done" } }],
    ["Done #2.", { verb: "done", target: { kind: "item", number: 2 }, args: { verb: "done" } }],
    ["snooze 3 2w", { verb: "snooze", target: { kind: "item", number: 3 }, args: { verb: "snooze", when: "2w" } }],
    ["udsæt 3 til næste måned", { verb: "snooze", target: { kind: "item", number: 3 }, args: { verb: "snooze", when: "til næste måned" } }],
    ["snooze Anna@X.dk until 1 march", { verb: "snooze", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "snooze", when: "until 1 march" } }],
    ["never 4", { verb: "never", target: { kind: "item", number: 4 }, args: { verb: "never" } }],
    ["aldrig 4", { verb: "never", target: { kind: "item", number: 4 }, args: { verb: "never" } }],
    ["note anna@x.dk met at Founders Friday", { verb: "note", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "note", text: "met at Founders Friday" } }],
    ["cadence anna@x.dk monthly", { verb: "cadence", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "cadence", days: 30 } }],
    ["kadence anna@x.dk hver 6. uge", { verb: "cadence", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "cadence", days: 42 } }],
    ["private anna@x.dk", { verb: "private", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "private" } }],
    ["privat anna@x.dk", { verb: "private", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "private" } }],
    ["professional anna@x.dk", { verb: "professional", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "professional" } }],
    ["faglig anna@x.dk", { verb: "professional", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "professional" } }],
    ["forget anna@x.dk", { verb: "forget", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "forget", confirmed: false } }],
    ["glem anna@x.dk bekræft", { verb: "forget", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "forget", confirmed: true } }],
    ["ignore @newsletter.com", { verb: "ignore", pattern: "@newsletter.com" }],
    ["ignorer nyhedsbrev.dk", { verb: "ignore", pattern: "@nyhedsbrev.dk" }],
    ["ignore news@shop.dk", { verb: "ignore", pattern: "news@shop.dk" }],
    ["pause", { verb: "pause" }],
    ["resume", { verb: "resume" }],
    ["Genoptag", { verb: "resume" }],
    ["settings", { verb: "settings" }],
    ["indstillinger", { verb: "settings" }],
    ["timezone Europe/Copenhagen", { verb: "timezone", timeZone: "Europe/Copenhagen" }],
    ["time zone Europe/London", { verb: "timezone", timeZone: "Europe/London" }],
    ["language da", { verb: "language", language: "da" }],
    ["sprog engelsk", { verb: "language", language: "en" }],
    ["digest monday 8:00", { verb: "schedule", weekday: 1, hour: 8 }],
    ["oversigt fredag kl. 7", { verb: "schedule", weekday: 5, hour: 7 }],
    ["digest every tuesday at 2pm", { verb: "schedule", weekday: 2, hour: 14 }],
    ["digest", { verb: "digest" }],
    ["oversigt", { verb: "digest" }],
    ["export", { verb: "export" }],
    ["eksport", { verb: "export" }],
    ["stats", { verb: "stats" }],
    ["help", { verb: "help" }],
    ["Hjælp", { verb: "help" }],
    ["met anna@x.dk on tuesday coffee at Paludan", { verb: "met", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "met", words: ["on", "tuesday", "coffee", "at", "Paludan"] } }],
    ["mødt Anna i går", { verb: "met", target: { kind: "name", words: ["Anna", "i", "går"] }, args: null }],
    ["same anna@x.dk Anna.Holm@gmail.com", { verb: "same", addresses: ["anna@x.dk", "anna.holm@gmail.com"] }],
    ["samme anna@x.dk anna.holm@gmail.com", { verb: "same", addresses: ["anna@x.dk", "anna.holm@gmail.com"] }],
    ["split anna.holm@gmail.com", { verb: "split", address: "anna.holm@gmail.com" }],
    ["adskil anna.holm@gmail.com", { verb: "split", address: "anna.holm@gmail.com" }],
    ["status", { verb: "status" }],
  ])("%s", (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });
});

describe("parseLine: forgiving of how mail is written", () => {
  it("drops Outlook's mailto echo, bullets and stray punctuation", () => {
    expect(parseLine("never anna@x.dk<mailto:anna@x.dk>")).toEqual({ verb: "never", target: { kind: "address", address: "anna@x.dk" }, args: { verb: "never" } });
    expect(parseLine("- done 1")).toEqual({ verb: "done", target: { kind: "item", number: 1 }, args: { verb: "done" } });
    expect(parseLine("  Pause.  ")).toEqual({ verb: "pause" });
  });

  it("keeps a name's words for the owner's data to settle", () => {
    expect(parseLine("snooze Anna Holm 2w")).toEqual({ verb: "snooze", target: { kind: "name", words: ["Anna", "Holm", "2w"] }, args: null });
  });

  it("skips blank lines, quoted lines and salutations without an answer", () => {
    expect(parseLine("")).toBeNull();
    expect(parseLine("> done 2")).toBeNull();
    expect(parseLine("Hi,")).toBeNull();
    expect(parseLine("Mange tak!")).toBeNull();
  });
});

describe("parseLine: errors that explain", () => {
  it.each([
    ["snoze 3 2w", { error: "unknown-command", word: "snoze", suggestion: "snooze" }],
    ["udsat 3 2w", { error: "unknown-command", word: "udsat", suggestion: "udsæt" }],
    ["hjaelpe", { error: "unknown-command", word: "hjaelpe", suggestion: "hjaelp" }],
    ["please call me", { error: "unknown-command", word: "please", suggestion: undefined }],
    ["snooze", { error: "missing-target", verb: "snooze" }],
    ["snooze 3", { error: "missing-argument", verb: "snooze" }],
    ["done 2 3", { error: "one-item-per-line", verb: "done", word: "3" }],
    ["done 2 called her", { error: "extra-words", verb: "done", word: "called her" }],
    ["pause now please", { error: "extra-words", verb: "pause", word: "now please" }],
    ["cadence anna@x.dk sometimes", { error: "bad-cadence", verb: "cadence", word: "sometimes" }],
    ["cadence anna@x.dk every 2 days", { error: "bad-cadence", verb: "cadence", word: "every 2 days" }],
    ["never anna@", { error: "bad-address", verb: "never", word: "anna@" }],
    ["ignore newsletter", { error: "bad-address", verb: "ignore", word: "newsletter" }],
    ["language klingon", { error: "bad-language", verb: "language", word: "klingon" }],
    ["same anna@x.dk", { error: "missing-argument", verb: "same" }],
    ["same anna@x.dk anna", { error: "bad-address", verb: "same", word: "anna" }],
    ["same anna@x.dk b@y.dk c@z.dk", { error: "extra-words", verb: "same", word: "c@z.dk" }],
    ["split", { error: "missing-argument", verb: "split" }],
    ["status please", { error: "extra-words", verb: "status", word: "please" }],
    ["met", { error: "missing-target", verb: "met" }],
    ["digest monday 8:30", { error: "not-on-the-hour", verb: "schedule", word: "8:30" }],
    ["digest someday", { error: "bad-schedule", verb: "schedule", word: "someday" }],
    ["forget anna@x.dk now", { error: "extra-words", verb: "forget", word: "now" }],
  ])("%s", (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  it("suggests only near misses", () => {
    expect(suggestVerb("exprot")).toBe("export");
    expect(suggestVerb("dne")).toBe("done");
    expect(suggestVerb("xyzzy")).toBeUndefined();
  });
});

describe("parseCadence", () => {
  it.each([
    ["weekly", 7],
    ["every 6 weeks", 42],
    ["6w", 42],
    ["quarterly", 91],
    ["every 3 months", 91],
    ["månedlig", 30],
    ["hver anden uge", 14],
    ["hver sjette uge", 42],
    ["hvert andet år", 730],
    ["off", null],
    ["automatisk", null],
  ])("%s", (text, days) => {
    expect(parseCadence(text)).toBe(days);
  });

  it("refuses rhythms shorter than the weekly digest or longer than two years", () => {
    expect(parseCadence("daily")).toBeUndefined();
    expect(parseCadence("every 3 years")).toBeUndefined();
  });
});

describe("parseCommandText", () => {
  it("reads each line, and counts those past the limit instead of reading them", () => {
    const text = ["done 1", "", "Thanks!", ...Array.from({ length: MAX_COMMAND_LINES + 2 }, (_, i) => `note a@b.dk line ${i}`)].join("\n");
    const parsed = parseCommandText(text);
    expect(parsed.lines).toHaveLength(MAX_COMMAND_LINES);
    expect(parsed.lines[0]).toEqual({ line: "done 1", result: { verb: "done", target: { kind: "item", number: 1 }, args: { verb: "done" } } });
    expect(parsed.skipped).toBe(3);
  });
});

describe("names", () => {
  const contact = (id: number, name: string | null, address: string) => ({ id, name, address }) as Contact;
  const people = [
    contact(1, "Anna Holm", "anna@holm.dk"),
    contact(2, "Anna Berg", "anna@berg.dk"),
    contact(3, "Karin Østergaard", "karin@oe.dk"),
    contact(4, "Bo Nielsen", "bo@nielsen.dk"),
  ];

  it("finds a full name, a unique first name, and folds æøå and case", () => {
    expect(contactsNamed(people, ["anna", "holm"]).map((c) => c.id)).toEqual([1]);
    expect(contactsNamed(people, ["østergaard"]).map((c) => c.id)).toEqual([]);
    expect(contactsNamed(people, ["karin", "østergaard"]).map((c) => c.id)).toEqual([3]);
    expect(contactsNamed(people, ["KARIN"]).map((c) => c.id)).toEqual([3]);
    expect(contactsNamed(people, ["Anna"]).map((c) => c.id)).toEqual([1, 2]);
  });

  it("tries the longest name first when words follow it", () => {
    expect(nameSplits("snooze", ["Anna", "Holm", "2w"])).toEqual([
      { name: ["Anna", "Holm"], rest: ["2w"] },
      { name: ["Anna"], rest: ["Holm", "2w"] },
    ]);
    expect(nameSplits("forget", ["Bo", "Nielsen", "confirm"])).toEqual([{ name: ["Bo", "Nielsen"], rest: ["confirm"] }]);
    expect(nameSplits("never", ["Bo", "Nielsen"])).toEqual([{ name: ["Bo", "Nielsen"], rest: [] }]);
  });
});
