// The owner's clock from kept zone offsets (src/zone-clock.ts) against the runtime's own Intl, in workerd: every
// zone the runtime knows, around each of its changes of offset and at instants in between. Then the digest path:
// the offsets are kept on the owner's row by a digest, and renewed only when they run out or the zone changes.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../src/db/client";
import { updateOwnerSettings } from "../../src/db/owners";
import { localTime, nextDigestAt } from "../../src/digest/schedule";
import { learnZoneOffsets, wallClock, zoneOffsetMinutes, zoneOffsetsFromIntl, zoneOffsetsToKeep, type ZoneOffsets } from "../../src/zone-clock";
import { seedOwner } from "../support/owners";
import { deliverJobs, runCron } from "../support/queue";

const DAY = 86_400_000;
const MINUTE = 60_000;
const FROM = Date.UTC(2021, 0, 1);
const UNTIL = Date.UTC(2027, 6, 1);
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** What Intl says, read on its own terms (its own weekday, not one worked out from the date). */
function intlClock(ms: number, timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" });
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), weekday: WEEKDAYS[parts.weekday], hour: Number(parts.hour), minute: Number(parts.minute) };
}

const clockOf = (ms: number, timeZone: string) => {
  const { year, month, day, weekday, hour, minute } = wallClock(ms, timeZone);
  return { year, month, day, weekday, hour, minute };
};

// A fixed walk of instants (no Math.random: a failure names an instant that fails again).
function* instantsBetween(from: number, until: number, n: number) {
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield from + Math.floor((x / 2 ** 31) * (until - from));
  }
}

/** Runs `fn` with every Intl.DateTimeFormat refusing to answer, those already built (and cached) among them. */
function withIntlRefusing(fn: () => void): void {
  const real = Intl.DateTimeFormat;
  const { formatToParts } = real.prototype;
  const refuse = function refuse() {
    throw new Error("Intl was asked");
  };
  Object.defineProperty(Intl, "DateTimeFormat", { value: refuse, configurable: true, writable: true });
  real.prototype.formatToParts = refuse;
  try {
    fn();
  } finally {
    Object.defineProperty(Intl, "DateTimeFormat", { value: real, configurable: true, writable: true });
    real.prototype.formatToParts = formatToParts;
  }
}

describe("zone offsets against Intl", () => {
  // ICU lists its canonical names; owners also write the aliases (Copenhagen is Berlin's, Kolkata is Calcutta).
  const aliases = ["Europe/Copenhagen", "Europe/Oslo", "Europe/Stockholm", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Ho_Chi_Minh", "Europe/Kyiv", "America/Argentina/Buenos_Aires", "Etc/GMT+5"];
  const zones = [...new Set([...Intl.supportedValuesOf("timeZone"), ...aliases])];

  it("knows the zones the runtime knows", () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toEqual(expect.arrayContaining(["America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "Africa/Casablanca"]));
  });

  it("gives Intl's wall clock in every zone, a minute either side of every change and at instants between", () => {
    const wrong: string[] = [];
    let changes = 0;
    for (const zone of zones) {
      const table = zoneOffsetsFromIntl(zone, FROM, UNTIL);
      learnZoneOffsets(JSON.stringify(table));
      changes += table.offsets.length - 1;
      const instants = [...table.offsets.slice(1).flatMap(([at]) => [at - MINUTE, at, at + MINUTE - 1]), ...instantsBetween(FROM, UNTIL, 40)];
      for (const ms of instants) {
        const got = clockOf(ms, zone);
        const want = intlClock(ms, zone);
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${zone} ${new Date(ms).toISOString()}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Most zones keep summer time: a change is found in each of them twice a year.
    expect(changes).toBeGreaterThan(1000);
    // Every zone the runtime knows, asked of Intl: about 3 s on a quiet machine, so more than the default 5 s on a busy one.
  }, 60_000);

  it("finds the changes where they are: Copenhagen's and Lord Howe's half-hour summer time", () => {
    const cph = zoneOffsetsFromIntl("Europe/Copenhagen", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(cph.offsets).toEqual([
      [Date.UTC(2026, 0, 1), 60],
      [Date.UTC(2026, 2, 29, 1), 120],
      [Date.UTC(2026, 9, 25, 1), 60],
    ]);
    const howe = zoneOffsetsFromIntl("Australia/Lord_Howe", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(howe.offsets.map(([, minutes]) => minutes)).toEqual([660, 630, 660]);
  });

  it("answers a learned zone without asking Intl at all", () => {
    learnZoneOffsets(JSON.stringify(zoneOffsetsFromIntl("America/Santiago", FROM, UNTIL)));
    withIntlRefusing(() => {
      // Santiago: UTC−3 in the southern summer, UTC−4 in winter.
      expect(clockOf(Date.UTC(2026, 0, 15, 12), "America/Santiago")).toEqual({ year: 2026, month: 1, day: 15, weekday: 4, hour: 9, minute: 0 });
      expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15, 12), "America/Santiago")).toBe(-240);
      expect(localTime(Date.UTC(2026, 6, 15, 12), "America/Santiago").hour).toBe(8);
      // A zone not learned (an alias ICU does not list) is asked of Intl.
      expect(() => wallClock(Date.UTC(2026, 6, 15), "US/Pacific")).toThrow("Intl was asked");
    });
  });

  it("answers through Intl outside the kept span, and ignores a list it cannot read", () => {
    // A list that says Tokyo is at UTC all year: believed inside its span, never outside it.
    const wrongOnPurpose: ZoneOffsets = { zone: "Asia/Tokyo", from: Date.UTC(2030, 0, 1), until: Date.UTC(2030, 1, 1), offsets: [[Date.UTC(2030, 0, 1), 0]] };
    learnZoneOffsets(JSON.stringify(wrongOnPurpose));
    expect(clockOf(Date.UTC(2030, 0, 10, 12), "Asia/Tokyo").hour).toBe(12);
    expect(clockOf(Date.UTC(2030, 2, 10, 12), "Asia/Tokyo").hour).toBe(21);
    expect(clockOf(Date.UTC(2029, 11, 31, 12), "Asia/Tokyo").hour).toBe(21);
    for (const bad of ["{", "null", '{"zone":"Asia/Seoul","from":0,"until":1e15,"offsets":[]}', '{"zone":"Asia/Seoul","from":0,"until":1e15,"offsets":[[5,0]]}']) {
      learnZoneOffsets(bad);
      expect(clockOf(Date.UTC(2026, 5, 1, 0), "Asia/Seoul").hour).toBe(9);
    }
    expect(() => wallClock(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("keeps a list while it has two months left, for the same zone", () => {
    const now = Date.UTC(2026, 10, 30);
    const kept = zoneOffsetsToKeep("Europe/Copenhagen", null, now)!;
    const table = JSON.parse(kept) as ZoneOffsets;
    expect(table.zone).toBe("Europe/Copenhagen");
    expect(table.from).toBeLessThanOrEqual(now - 5 * 365 * DAY);
    expect(table.until).toBeGreaterThanOrEqual(now + 399 * DAY);
    expect(zoneOffsetsToKeep("Europe/Copenhagen", kept, now + 300 * DAY)).toBeNull();
    expect(zoneOffsetsToKeep("Europe/Copenhagen", kept, now + 350 * DAY)).not.toBeNull();
    expect(JSON.parse(zoneOffsetsToKeep("America/Chicago", kept, now)!).zone).toBe("America/Chicago");
    // UTC and an unknown zone need no list.
    expect(zoneOffsetsToKeep("UTC", null, now)).toBeNull();
    expect(zoneOffsetsToKeep("Mars/Olympus_Mons", null, now)).toBeNull();
  });

  it("gives owners of one zone the list this isolate asked Intl for, and never shares a list read from a row", () => {
    const now = Date.UTC(2026, 10, 30);
    const first = zoneOffsetsToKeep("Pacific/Auckland", null, now)!;
    // Bogotá's list comes from an owner's row, perhaps months older than the runtime's time-zone data.
    learnZoneOffsets(JSON.stringify(zoneOffsetsFromIntl("America/Bogota", now - 365 * DAY, now + 365 * DAY)));
    const later = now + 350 * DAY;
    withIntlRefusing(() => {
      // Another owner in Auckland, an hour later (a fan-out's next digest): the same list, without Intl.
      expect(zoneOffsetsToKeep("Pacific/Auckland", null, now + 3_600_000)).toBe(first);
      // Another owner in Bogotá gets a list of their own, from the runtime.
      expect(() => zoneOffsetsToKeep("America/Bogota", null, now)).toThrow("Intl was asked");
      // Once the shared list has less than two months left, the runtime is asked again.
      expect(() => zoneOffsetsToKeep("Pacific/Auckland", null, later)).toThrow("Intl was asked");
    });
    expect((JSON.parse(zoneOffsetsToKeep("Pacific/Auckland", null, later)!) as ZoneOffsets).until).toBeGreaterThanOrEqual(later + 399 * DAY);
  });
});

describe("the digest keeps the owner's zone offsets", () => {
  // Monday 7 December 2026, 08:00 in Copenhagen.
  const MONDAY = Date.UTC(2026, 11, 7, 7);
  const WEEK = 7 * DAY;
  let ownerId = 0;
  const kept = async () => (await env.DB.prepare("select zone_offsets from owners where id = ?").bind(ownerId).first<{ zone_offsets: string | null }>())!.zone_offsets;

  beforeAll(async () => {
    ownerId = (await seedOwner("zone@example.com", "zone-token")).id;
    await deliverJobs(await runCron(MONDAY - 2 * 3_600_000));
  });

  it("writes them with the first digest, keeps them the next week, and renews them when the zone changes", async () => {
    expect(await kept()).toBeNull();
    expect((await deliverJobs(await runCron(MONDAY))).sent.map((s) => s.to)).toEqual(["zone@example.com"]);
    const first = JSON.parse((await kept())!) as ZoneOffsets;
    expect(first.zone).toBe("Europe/Copenhagen");
    expect(first.until).toBeGreaterThan(MONDAY + 365 * DAY);

    expect((await deliverJobs(await runCron(MONDAY + WEEK))).sent).toHaveLength(1);
    expect(JSON.parse((await kept())!)).toEqual(first);

    // Moved to New York: Monday 08:00 there is 13:00 UTC.
    await updateOwnerSettings(getDb(env.DB), ownerId, { timeZone: "America/New_York" });
    await deliverJobs(await runCron(MONDAY + 2 * WEEK - 3_600_000));
    expect((await deliverJobs(await runCron(MONDAY + 2 * WEEK + 6 * 3_600_000))).sent).toHaveLength(1);
    const moved = JSON.parse((await kept())!) as ZoneOffsets;
    expect(moved.zone).toBe("America/New_York");
    // The schedule worked out from the kept list is the one Intl gives.
    learnZoneOffsets(JSON.stringify(moved));
    const owner = { timeZone: "America/New_York", digestWeekday: 1, digestHour: 8, lastDigestWeek: localTime(MONDAY + 2 * WEEK + 6 * 3_600_000, "America/New_York").isoWeek };
    expect(nextDigestAt(owner, MONDAY + 2 * WEEK + 6 * 3_600_000)).toBe(Date.UTC(2026, 11, 28, 13));
  });
});
