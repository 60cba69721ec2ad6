import { describe, expect, it } from "vitest";
import { parseMetDate, parseSnoozeDate, startOfLocalDay } from "../../src/commands/dates";
import { zoneOffsetMinutes } from "../../src/zone-clock";

const CPH = "Europe/Copenhagen";
// Monday 23 November 2026, 09:30 in Copenhagen (UTC+1).
const NOW = Date.parse("2026-11-23T09:30:00+01:00");
const day = (iso: string) => Date.parse(`${iso}T00:00:00+01:00`);
const summerDay = (iso: string) => Date.parse(`${iso}T00:00:00+02:00`);

// A date ends the snooze at the start of that day (the item is back in that day's digest); a length covers the
// day it lands on too, so "2w" on Monday 23 Nov skips the digests of 30 Nov and 7 Dec and ends as 8 Dec begins.
describe("parseSnoozeDate: English phrases through chrono", () => {
  it.each([
    ["2w", day("2026-12-08")],
    ["2 weeks", day("2026-12-08")],
    ["in two weeks", day("2026-12-08")],
    ["for 3 days", day("2026-11-27")],
    ["until 1 march", day("2027-03-01")],
    ["1 March 2027", day("2027-03-01")],
    ["march 1", day("2027-03-01")],
    ["next month", day("2026-12-23")],
    ["tomorrow", day("2026-11-24")],
    ["friday", day("2026-11-27")],
    ["next friday", day("2026-12-04")],
    ["until 2027-01-15", day("2027-01-15")],
    ["1/3", day("2027-03-01")],
  ])("%s", async (phrase, expected) => {
    expect(await parseSnoozeDate(phrase, NOW, CPH)).toEqual({ ok: true, until: expected });
  });
});

describe("parseSnoozeDate: Danish phrases added to chrono", () => {
  it.each([
    ["til næste måned", day("2026-12-23")],
    ["næste uge", day("2026-11-30")],
    ["om 3 uger", day("2026-12-15")],
    ["om to uger", day("2026-12-08")],
    ["to uger", day("2026-12-08")],
    ["2 uger", day("2026-12-08")],
    ["i 10 dage", day("2026-12-04")],
    ["om en måned", day("2026-12-24")],
    ["i morgen", day("2026-11-24")],
    ["i overmorgen", day("2026-11-25")],
    ["til 1. marts", day("2027-03-01")],
    ["den 1. marts 2027", day("2027-03-01")],
    ["15 jan", day("2027-01-15")],
    ["til fredag", day("2026-11-27")],
    ["på fredag", day("2026-11-27")],
    ["næste fredag", day("2026-12-04")],
    ["til januar", day("2027-01-01")],
    ["2u", day("2026-12-08")],
  ])("%s", async (phrase, expected) => {
    expect(await parseSnoozeDate(phrase, NOW, CPH)).toEqual({ ok: true, until: expected });
  });
});

describe("parseSnoozeDate: days and weeks in digits, counted without chrono", () => {
  // The same lengths in words go through chrono ("two weeks", "to uger"): both must give the same end, in every
  // zone and at any hour, across changes of summer time and the turn of the year.
  const EN = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
  const DA = ["en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"];
  const zones = [CPH, "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "America/Santiago", "UTC"];
  const instants = [
    "2026-03-28T23:30:00Z", "2026-03-29T00:30:00Z", "2026-10-24T22:59:00Z", "2026-10-25T01:00:00Z",
    "2026-12-31T23:45:00Z", "2027-01-01T10:00:00Z", "2026-04-04T12:00:00Z", "2026-09-26T15:00:00Z",
  ].map(Date.parse);

  it("agrees with chrono's reading of the same length in words", async () => {
    const differ: string[] = [];
    for (const zone of zones) {
      for (const now of instants) {
        for (let n = 1; n <= 10; n++) {
          const pairs: Array<[string, string]> = [
            [`${n}w`, `${EN[n - 1]} weeks`],
            [`${n} weeks`, `in ${EN[n - 1]} weeks`],
            [`${n}d`, `${EN[n - 1]} days`],
            [`${n} uger`, `om ${DA[n - 1]} uger`],
            [`${n}u`, `${DA[n - 1]} uger`],
            [`i ${n} dage`, `${DA[n - 1]} dage`],
          ];
          for (const [digits, words] of pairs) {
            const a = await parseSnoozeDate(digits, now, zone);
            const b = await parseSnoozeDate(words, now, zone);
            if (!a.ok || JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${zone} ${new Date(now).toISOString()} ${digits} ${JSON.stringify(a)} ≠ ${words} ${JSON.stringify(b)}`);
          }
        }
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it("leaves what chrono does not read unread: an abbreviation it lacks, a length with more after it", async () => {
    expect(await parseSnoozeDate("2wks", NOW, CPH)).toEqual({ ok: false, reason: "unreadable" });
    expect(await parseSnoozeDate("2w and then some", NOW, CPH)).toEqual({ ok: false, reason: "unreadable" });
    expect(await parseSnoozeDate("0d", NOW, CPH)).toEqual({ ok: true, until: day("2026-11-24") });
    expect(await parseSnoozeDate("999 weeks", NOW, CPH)).toEqual({ ok: false, reason: "too-far" });
  });
});

describe("parseSnoozeDate: limits", () => {
  it("ends a snooze at the start of a day in the owner's zone, summer time included", async () => {
    expect(await parseSnoozeDate("until 1 may", NOW, CPH)).toEqual({ ok: true, until: summerDay("2027-05-01") });
    expect(await parseSnoozeDate("2w", NOW, "America/New_York")).toEqual({ ok: true, until: Date.parse("2026-12-08T00:00:00-05:00") });
  });

  it("refuses what is not wholly a date, and dates in the past or years away", async () => {
    expect(await parseSnoozeDate("2w and then some", NOW, CPH)).toEqual({ ok: false, reason: "unreadable" });
    expect(await parseSnoozeDate("whenever", NOW, CPH)).toEqual({ ok: false, reason: "unreadable" });
    expect(await parseSnoozeDate("", NOW, CPH)).toEqual({ ok: false, reason: "unreadable" });
    expect(await parseSnoozeDate("x".repeat(200), NOW, CPH)).toEqual({ ok: false, reason: "unreadable" });
    expect(await parseSnoozeDate("yesterday", NOW, CPH)).toEqual({ ok: false, reason: "past" });
    expect(await parseSnoozeDate("i dag", NOW, CPH)).toEqual({ ok: false, reason: "past" });
    expect(await parseSnoozeDate("1 march 2030", NOW, CPH)).toEqual({ ok: false, reason: "too-far" });
  });

  it("knows the zone's offset on either side of a DST change", async () => {
    expect(zoneOffsetMinutes(Date.parse("2026-07-01T12:00:00Z"), CPH)).toBe(120);
    expect(zoneOffsetMinutes(Date.parse("2026-12-01T12:00:00Z"), CPH)).toBe(60);
    // 29 March 2026: clocks go forward at 02:00, but the day still starts at 00:00 UTC+1.
    expect(startOfLocalDay(2026, 3, 29, CPH)).toBe(Date.parse("2026-03-29T00:00:00+01:00"));
    expect(startOfLocalDay(2026, 3, 30, CPH)).toBe(Date.parse("2026-03-30T00:00:00+02:00"));
  });
});

describe("parseMetDate: when a meeting took place, and what follows the date", () => {
  const noon = (iso: string) => Date.parse(`${iso}T12:00:00+01:00`);
  it.each([
    ["on tuesday coffee at Paludan", noon("2026-11-17"), "coffee at Paludan"],
    ["yesterday", noon("2026-11-22"), ""],
    ["last friday lunch", noon("2026-11-20"), "lunch"],
    ["on 12 nov", noon("2026-11-12"), ""],
    ["on 28 dec", noon("2025-12-28"), ""],
    ["i går kaffe på Paludan", noon("2026-11-22"), "kaffe på Paludan"],
    ["i forgårs", noon("2026-11-21"), ""],
    ["den 12. nov frokost", noon("2026-11-12"), "frokost"],
    ["sidste fredag", noon("2026-11-20"), ""],
    ["på mandag", NOW, ""],
    ["coffee at Paludan", NOW, "coffee at Paludan"],
    ["", NOW, ""],
  ])("%s", async (phrase, at, rest) => {
    expect(await parseMetDate(phrase ? phrase.split(" ") : [], NOW, CPH)).toEqual({ ok: true, at, rest });
  });

  it("refuses a day ahead and a date it cannot read after 'on'", async () => {
    expect(await parseMetDate(["tomorrow"], NOW, CPH)).toEqual({ ok: false, reason: "future", word: "tomorrow" });
    expect(await parseMetDate(["i", "morgen"], NOW, CPH)).toEqual({ ok: false, reason: "future", word: "i morgen" });
    expect(await parseMetDate(["on", "the", "blue", "moon"], NOW, CPH)).toMatchObject({ ok: false, reason: "unreadable" });
  });
});
