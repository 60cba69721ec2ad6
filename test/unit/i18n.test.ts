import { describe, expect, it } from "vitest";
import { DIGEST } from "../../src/i18n/digest";
import { languageOf, longDate, shortDate } from "../../src/i18n/language";
import { NOTICES } from "../../src/i18n/notices";

describe("the shared language module", () => {
  it("spells dates once for every path, in English and Danish", () => {
    const d = { year: 2026, month: 12, day: 17 };
    expect(shortDate(d, "en", false)).toBe("17 Dec");
    expect(shortDate(d, "da", true)).toBe("17. dec. 2026");
    expect(shortDate({ year: 2026, month: 5, day: 1 }, "da", false)).toBe("1. maj");
    expect(longDate(d, "en")).toBe("Thursday 17 December 2026");
    expect(longDate(d, "da")).toBe("torsdag den 17. december 2026");
    expect(DIGEST.da.date(d, false)).toBe(shortDate(d, "da", false));
  });

  it("answers in English unless the owner's language is one we speak", () => {
    expect(languageOf("da")).toBe("da");
    expect(languageOf("fr")).toBe("en");
    expect(languageOf(null)).toBe("en");
  });

  it("has the mail-path notices in Danish too", () => {
    expect(NOTICES.da.ignoredSubject("Fwd: Iværksætternyt")).toBe("Sorteret fra: Fwd: Iværksætternyt");
    expect(NOTICES.en.ignoredSubject("Fwd: Iværksætternyt")).toBe("Ignored: Fwd: Iværksætternyt");
  });
});
