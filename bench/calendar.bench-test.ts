// Calendar benchmark: what ical.js costs the worker to load (the first import in a fresh isolate of the
// test pool) and to read an invitation from each client, and what expanding a year of a weekly series costs.
// Run by hand: `npx vitest run --config bench/vitest.config.ts bench/calendar.bench-test.ts`.
import { describe, expect, it } from "vitest";
import { fixture } from "../test/support/fixtures";
import { batchSize, median, ms, sample, table } from "./support/measure";
import "./support/meta";

const RUNS = 20;
const FIXTURES = [
  "calendar/google-calendar-request-da.eml",
  "calendar/outlook-request-recurring-en.eml",
  "calendar/apple-calendar-request-da.eml",
  "calendar/gmail-forwarded-invitation-da.eml",
];

describe("calendar", () => {
  it("loads ical.js, reads each client's invitation, expands a weekly series", async (ctx) => {
    // Nothing this file imports statically pulls in ical.js: this is its first evaluation in the isolate.
    const t0 = performance.now();
    await import("ical.js");
    const firstImportMs = performance.now() - t0;
    const { parseMail } = await import("../src/mail/parse");
    const { readInvitation, occurrencesBetween } = await import("../src/calendar/invitation");

    const rows: Array<Array<string | number>> = [];
    const results: Record<string, number> = {};
    for (const name of FIXTURES) {
      const mail = await parseMail(new TextEncoder().encode(fixture(name)));
      const text = mail.calendars[0];
      expect(readInvitation(text, "Europe/Copenhagen")).not.toBeNull();
      const op = () => readInvitation(text, "Europe/Copenhagen");
      const k = await batchSize(op);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await sample(op, k));
      results[name] = median(samples);
      rows.push([name.replace("calendar/", ""), `${(text.length / 1024).toFixed(1)} KiB`, ms(median(samples))]);
    }
    const outlook = readInvitation((await parseMail(new TextEncoder().encode(fixture(FIXTURES[1])))).calendars[0], "Europe/Copenhagen")!;
    const weekly = outlook.events[0].ics!.replace("COUNT=6", "COUNT=520");
    const expand = () => occurrencesBetween(weekly, Number.NEGATIVE_INFINITY, Date.parse("2027-11-03T00:00:00Z"), "Europe/Copenhagen", new Set());
    expect(expand().length).toBe(53);
    const k = await batchSize(expand);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await sample(expand, k));
    rows.push(["weekly series, one year of occurrences", "", ms(median(samples))]);

    console.log(`\nical.js first import in the isolate: ${ms(firstImportMs)} ms\n`);
    console.log(table(["invitation", "iCalendar size", "readInvitation median ms"], rows));
    ctx.task.meta.benchResult = { name: "calendar", firstImportMs, readInvitation: results, expandYearMs: median(samples) };
  });
});
