// Calendar invitations the owner sent or forwarded, as Google Calendar, Outlook and Apple Calendar write
// them, through the real email() handler; meetings counted into the contacts once they have happened.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { readInvitation } from "../../src/calendar/invitation";
import { findOwnerById } from "../../src/db/owner-lookup";
import { loadDigestFacts } from "../../src/digest/run";
import { handleEmail } from "../../src/ingest/email-handler";
import { weekStartOf } from "../../src/time";
import { fixture } from "../support/fixtures";
import { emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";
import { at } from "../support/replay";
import { seedOutreach } from "./commands-scenario";

const OWNER = "sofie@kjaer-studio.dk";
const LARS = "lars@winther.dk";
const TOM = "tom@becker.studio";
const METTE = "mette@riis-kommunikation.dk";
const KAREN = "karen@bech-revision.dk";
const JONAS = "jonas@kroll-arkitekter.dk";

let ownerId: number;

beforeAll(async () => {
  ownerId = (await seedOwner(OWNER, "sofie-token", { name: "Sofie Kjær", language: "da" })).id;
});

async function deliver(raw: string, now: number) {
  const mail = emailMessage(withCloudflareVerdict(raw, "pass", "kjaer-studio.dk"), { from: OWNER, to: "gensidig@example.com" });
  return handleEmail(mail.message, testEnv({ SEND_EMAIL: recordingSendEmail().binding }), now);
}

async function contact(address: string) {
  return env.DB.prepare("select name, meeting_count, last_meeting_at, last_meeting_subject, inbound_count, outbound_count from contacts where owner_id = ? and address = ?")
    .bind(ownerId, address)
    .first<{ name: string | null; meeting_count: number; last_meeting_at: number | null; last_meeting_subject: string | null; inbound_count: number; outbound_count: number }>();
}

/** What the digest at `now` would show, read as the digest reads (meetings due counted first). */
async function planned(now: number): Promise<Array<[string, string]>> {
  const owner = (await findOwnerById(env.DB, ownerId))!;
  const { plan } = await loadDigestFacts(env.DB, owner, now);
  return plan.items.map((i) => [i.section, i.address]);
}

describe("Google Calendar: the owner invites with the assistant as a guest", () => {
  it("keeps the meeting until it happens; then it settles the follow-up, and the room and the owner are no one", async () => {
    await seedOutreach(OWNER, [{ name: "Lars Winther", address: LARS, subject: "Kaffe snart?", at: "2026-11-02T09:00:00+01:00" }]);
    const outcome = await deliver(fixture("calendar/google-calendar-request-da.eml"), at("2026-11-05T09:12:40+01:00"));
    expect(outcome).toEqual({ status: "stored", ownerId, summary: "meeting: Kaffe på Paludan", contacts: 1 });
    // Before Thursday 10:00 in Copenhagen nothing has happened: the follow-up stands.
    expect(await planned(at("2026-11-12T09:59:00+01:00"))).toEqual([["follow-up", LARS]]);
    expect((await contact(LARS))!.meeting_count).toBe(0);
    // After it, the meeting counts: no follow-up, and it is the last contact.
    expect(await planned(at("2026-11-16T08:00:00+01:00"))).toEqual([]);
    expect(await contact(LARS)).toMatchObject({ meeting_count: 1, last_meeting_at: at("2026-11-12T10:00:00+01:00"), last_meeting_subject: "Kaffe på Paludan", outbound_count: 1 });
    // Counted once however often the people are read.
    await planned(at("2026-11-23T08:00:00+01:00"));
    expect((await contact(LARS))!.meeting_count).toBe(1);
    const nobody = await env.DB.prepare("select count(*) as n from contacts where owner_id = ? and (address like '%resource.calendar.google.com' or address in (?, 'gensidig@example.com'))")
      .bind(ownerId, OWNER)
      .first("n");
    expect(nobody).toBe(0);
    // A second delivery of the same invitation is the same mail.
    expect(await deliver(fixture("calendar/google-calendar-request-da.eml"), at("2026-11-05T09:13:00+01:00"))).toEqual({ status: "duplicate", ownerId });
  });
});

describe("Outlook: a weekly series, moved by an update, then cancelled", () => {
  it("counts each occurrence as it passes, follows the update's new day, and stops at the cancellation", async () => {
    // Sent a quarter of an hour after the first Tuesday began (15:00 CET): that one has happened.
    await deliver(fixture("calendar/outlook-request-recurring-en.eml"), at("2026-11-03T15:15:02+01:00"));
    expect(await contact(TOM)).toMatchObject({ name: "Tom Becker", meeting_count: 1, last_meeting_at: at("2026-11-03T15:00:00+01:00") });
    // SEQUENCE 1 moves the series to Wednesdays 09:00.
    await deliver(fixture("calendar/outlook-update-en.eml"), at("2026-11-04T08:40:11+01:00"));
    await planned(at("2026-11-16T08:00:00+01:00"));
    expect(await contact(TOM)).toMatchObject({ meeting_count: 3, last_meeting_at: at("2026-11-11T09:00:00+01:00") });
    // Not the whole future series: nothing after the time it is read.
    expect((await contact(METTE))!.meeting_count).toBe(3);
    // Cancelled on Thursday 19th: Wednesday 18th had happened and counts; nothing after.
    const cancel = await deliver(fixture("calendar/outlook-cancel-en.eml"), at("2026-11-19T17:02:45+01:00"));
    expect(cancel).toMatchObject({ status: "stored", summary: "cancelled: Canceled: Weekly sync: autumn campaign" });
    await planned(at("2026-12-21T08:00:00+01:00"));
    expect(await contact(TOM)).toMatchObject({ meeting_count: 4, last_meeting_at: at("2026-11-18T09:00:00+01:00") });
    expect(await env.DB.prepare("select count(*) as n from contacts where owner_id = ? and address like 'room.%'").bind(ownerId).first("n")).toBe(0);
    const kinds = await env.DB.prepare("select kind, source, count(*) as n from interactions i join contacts c on c.id = i.contact_id where c.address = ? group by kind, source").bind(TOM).all();
    expect(kinds.results).toEqual([{ kind: "meeting", source: "calendar", n: 4 }]);
  });

  it("an update older than what is kept changes nothing", async () => {
    await deliver(fixture("calendar/outlook-update-en.eml").replace("Message-ID: <AM9PR07MB7211A04B", "Message-ID: <AM9PR07MB7211LATE"), at("2026-11-20T10:00:00+01:00"));
    const row = await env.DB.prepare("select sequence, cancelled from meetings where owner_id = ? and uid like '040000008200E00074C5B7101A82E008%'").bind(ownerId).first();
    expect(row).toEqual({ sequence: 2, cancelled: 1 });
  });
});

describe("Apple Calendar: the assistant in Cc", () => {
  it("reads the time across the change from summer time, and leaves out who declined", async () => {
    await deliver(fixture("calendar/apple-calendar-request-da.eml"), at("2026-10-20T20:31:40+02:00"));
    await planned(at("2026-10-28T08:00:00+01:00"));
    // 12:00 in Copenhagen on 27 October is 11:00 UTC: summer time ended on the 25th.
    expect(await contact(KAREN)).toMatchObject({ name: "Karen Bech", meeting_count: 1, last_meeting_at: Date.UTC(2026, 9, 27, 11, 0), last_meeting_subject: "Frokost med Karen" });
    expect(await contact("jesper@dahl-byg.dk")).toBeNull();
  });
});

describe("a forwarded invitation", () => {
  it("counts a meeting that has already happened at once, with a TZID and no VTIMEZONE", async () => {
    const outcome = await deliver(fixture("calendar/gmail-forwarded-invitation-da.eml"), at("2026-11-26T09:02:30+01:00"));
    expect(outcome).toMatchObject({ status: "stored", contacts: 1 });
    // 09:00 on 30 March 2026 in Copenhagen, the day after summer time began: 07:00 UTC.
    expect(await contact(JONAS)).toMatchObject({ name: "Jonas Krøll", meeting_count: 1, last_meeting_at: Date.UTC(2026, 2, 30, 7, 0), last_meeting_subject: "Byggemøde, Carlsberg Byen" });
  });
});

describe("an event with more than 20 people", () => {
  it("is counted once in the activity picture and makes nobody a contact", async () => {
    const attendees = Array.from({ length: 24 }, (_, i) => `ATTENDEE;CN=Guest ${i + 1};PARTSTAT=NEEDS-ACTION:mailto:guest${i + 1}@founders-friday.dk`);
    const ics = [
      "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
      "DTSTART:20261127T150000Z", "DTEND:20261127T180000Z", "UID:founders-friday-nov@google.com", "SEQUENCE:0",
      `ORGANIZER;CN=Sofie Kjær:mailto:${OWNER}`, ...attendees, "SUMMARY:Founders Friday", "END:VEVENT", "END:VCALENDAR",
    ].join("\r\n");
    const raw = [
      `From: Sofie Kjær <${OWNER}>`, "To: gensidig@example.com", "Subject: Invitation: Founders Friday", "Date: Fri, 20 Nov 2026 10:00:00 +0100",
      "Message-ID: <calendar-founders-friday@google.com>", "MIME-Version: 1.0", 'Content-Type: text/calendar; charset="UTF-8"; method=REQUEST', "", ics, "",
    ].join("\r\n");
    expect(await deliver(raw, at("2026-11-20T10:00:30+01:00"))).toMatchObject({ status: "stored", summary: "event: Founders Friday", contacts: 0 });
    const week = weekStartOf(at("2026-11-27T16:00:00+01:00"));
    const before = await env.DB.prepare("select sent from weekly_activity where owner_id = ? and week_start = ?").bind(ownerId, week).first<number>("sent");
    await planned(at("2026-11-30T08:00:00+01:00"));
    await planned(at("2026-12-07T08:00:00+01:00"));
    const after = await env.DB.prepare("select sent from weekly_activity where owner_id = ? and week_start = ?").bind(ownerId, week).first<number>("sent");
    expect((after ?? 0) - (before ?? 0)).toBe(1);
    expect(await env.DB.prepare("select count(*) as n from contacts where owner_id = ? and address like 'guest%'").bind(ownerId).first("n")).toBe(0);
  });
});

describe("readInvitation", () => {
  it("is null for a calendar answer (REPLY) and for text that is no iCalendar", () => {
    expect(readInvitation("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261112T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR", "Europe/Copenhagen")).toBeNull();
    expect(readInvitation("hello", "Europe/Copenhagen")).toBeNull();
  });
});

describe("one occurrence of a series changed or cancelled on its own (RECURRENCE-ID)", () => {
  const IDA = "ida@holm-design.dk";
  const series = (method: string, body: string[]) =>
    [
      `From: Sofie Kjær <${OWNER}>`, "To: ida@holm-design.dk", "Bcc: gensidig@example.com", `Subject: ${method === "CANCEL" ? "Canceled" : "Invitation"}: Mentor call`,
      "Date: Mon, 02 Nov 2026 10:00:00 +0100", `Message-ID: <mentor-${method}-${body.join("").length}@kjaer-studio.dk>`, "MIME-Version: 1.0",
      `Content-Type: text/calendar; charset="UTF-8"; method=${method}`, "",
      "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", `METHOD:${method}`,
      "BEGIN:VEVENT", "UID:mentor-call-fortnightly@google.com", `ORGANIZER;CN=Sofie Kjær:mailto:${OWNER}`,
      "ATTENDEE;CN=Ida Holm;PARTSTAT=ACCEPTED:mailto:ida@holm-design.dk", "SUMMARY:Mentor call", ...body, "END:VEVENT", "END:VCALENDAR", "",
    ].join("\r\n");

  it("skips the cancelled one, counts the moved one at its new time, and the rest of the series as it passes", async () => {
    // Mondays 16:00 in Copenhagen, four of them: 2, 9, 16 and 23 November.
    await deliver(series("REQUEST", ["DTSTART;TZID=Europe/Copenhagen:20261102T160000", "RRULE:FREQ=WEEKLY;COUNT=4", "SEQUENCE:0"]), at("2026-11-02T10:00:30+01:00"));
    // The 9th is cancelled; the 16th moves to Tuesday the 17th at 09:00.
    await deliver(series("CANCEL", ["RECURRENCE-ID;TZID=Europe/Copenhagen:20261109T160000", "DTSTART;TZID=Europe/Copenhagen:20261109T160000", "SEQUENCE:1", "STATUS:CANCELLED"]), at("2026-11-05T10:00:00+01:00"));
    await deliver(series("REQUEST", ["RECURRENCE-ID;TZID=Europe/Copenhagen:20261116T160000", "DTSTART;TZID=Europe/Copenhagen:20261117T090000", "SEQUENCE:1"]), at("2026-11-05T10:05:00+01:00"));
    await planned(at("2026-11-16T17:00:00+01:00"));
    // The 2nd only: the 9th was cancelled, the 16th moved to the 17th.
    expect(await contact(IDA)).toMatchObject({ meeting_count: 1, last_meeting_at: at("2026-11-02T16:00:00+01:00") });
    await planned(at("2026-11-30T08:00:00+01:00"));
    expect(await contact(IDA)).toMatchObject({ meeting_count: 3, last_meeting_at: at("2026-11-23T16:00:00+01:00") });
    const times = await env.DB.prepare("select i.at from interactions i join contacts c on c.id = i.contact_id where c.address = ? order by i.at").bind(IDA).all<{ at: number }>();
    expect(times.results.map((r) => new Date(r.at).toISOString())).toEqual(["2026-11-02T15:00:00.000Z", "2026-11-17T08:00:00.000Z", "2026-11-23T15:00:00.000Z"]);
  });
});
