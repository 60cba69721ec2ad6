import { describe, expect, it } from "vitest";
import { digestDue, localDayEnd, nextDigestAt } from "../../src/digest/schedule";

const owner = (over: Partial<Parameters<typeof nextDigestAt>[0]> = {}) => ({
  timeZone: "Europe/Copenhagen",
  digestWeekday: 1,
  digestHour: 8,
  lastDigestWeek: null,
  ...over,
});
const iso = (ms: number) => new Date(ms).toISOString();

describe("the next digest time", () => {
  it("is this week's weekday and hour in the owner's zone, or next week's once this week's went out", () => {
    // Sunday 15 November 2026: this ISO week's Monday 08:00 (CET, UTC+1) has passed with no digest, so it is due
    // now, as digestDue says; the next run catches it up.
    const sunday = Date.parse("2026-11-15T12:00:00Z");
    expect(iso(nextDigestAt(owner(), sunday))).toBe("2026-11-09T07:00:00.000Z");
    const monday = Date.parse("2026-11-16T07:00:00Z");
    expect(iso(nextDigestAt(owner(), monday))).toBe("2026-11-16T07:00:00.000Z");
    expect(iso(nextDigestAt(owner({ lastDigestWeek: "2026-W47" }), monday))).toBe("2026-11-23T07:00:00.000Z");
    expect(iso(nextDigestAt(owner({ digestWeekday: 5, digestHour: 17 }), monday))).toBe("2026-11-20T16:00:00.000Z");
  });

  it("follows summer time and zones a half hour off UTC", () => {
    expect(iso(nextDigestAt(owner(), Date.parse("2026-06-01T00:00:00Z")))).toBe("2026-06-01T06:00:00.000Z");
    expect(iso(nextDigestAt(owner({ timeZone: "Asia/Kolkata" }), Date.parse("2026-11-16T00:00:00Z")))).toBe("2026-11-16T02:30:00.000Z");
    expect(iso(nextDigestAt(owner({ timeZone: "America/New_York", digestWeekday: 7, digestHour: 20 }), Date.parse("2026-11-16T12:00:00Z")))).toBe(
      "2026-11-23T01:00:00.000Z",
    );
  });

  it("in a daylight-saving gap is the first hour after it", () => {
    // Sunday 29 March 2026, 02:00–03:00 does not exist in Copenhagen.
    const at = nextDigestAt(owner({ digestWeekday: 7, digestHour: 2 }), Date.parse("2026-03-28T12:00:00Z"));
    expect(iso(at)).toBe("2026-03-29T01:00:00.000Z");
  });

  it("is when digestDue first says due", () => {
    for (const tz of ["Europe/Copenhagen", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland"]) {
      for (const [weekday, hour] of [[1, 8], [3, 0], [7, 23]]) {
        const o = { ...owner({ timeZone: tz, digestWeekday: weekday, digestHour: hour }), paused: false };
        const start = Date.parse("2026-10-20T00:00:00Z");
        const at = nextDigestAt(o, start);
        const hourly = Math.ceil(at / 3_600_000) * 3_600_000;
        // The first hourly run at or after it is due; the run before it is not (unless already in the past).
        if (at > start) expect(digestDue(o, hourly - 3_600_000).due, `${tz} ${weekday} ${hour}`).toBe(false);
        expect(digestDue(o, hourly).due, `${tz} ${weekday} ${hour}`).toBe(true);
      }
    }
  });
});

describe("the end of the owner's local day (what follow-ups are due by)", () => {
  it.each([
    ["Copenhagen, the digest's hour", "2026-11-16T07:00:00.000Z", "Europe/Copenhagen", "2026-11-16T23:00:00.000Z"],
    ["Copenhagen, a second before midnight", "2026-11-16T22:59:59.000Z", "Europe/Copenhagen", "2026-11-16T23:00:00.000Z"],
    ["Copenhagen, at midnight: the next day's end", "2026-11-16T23:00:00.000Z", "Europe/Copenhagen", "2026-11-17T23:00:00.000Z"],
    ["Kolkata, half an hour off the hour", "2026-11-16T02:30:00.000Z", "Asia/Kolkata", "2026-11-16T18:30:00.000Z"],
    ["Sydney, a day ahead of UTC", "2026-11-15T21:00:00.000Z", "Australia/Sydney", "2026-11-16T13:00:00.000Z"],
    ["an unknown zone, read as UTC", "2026-11-16T07:45:12.500Z", "Mars/Olympus", "2026-11-17T00:00:00.000Z"],
  ])("%s", (_label, now, timeZone, end) => {
    expect(iso(localDayEnd(Date.parse(now), timeZone))).toBe(end);
  });
});
