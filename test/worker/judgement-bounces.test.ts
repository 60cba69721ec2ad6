// An address the owner's mail bounced from, through the real capture path and the real digest: a follow-up or a
// reconnect aimed at it is advice no one can take. The bounce arrives as the owner's forward of it, or in the
// backfill's mailbox; a delay warning is no bounce, and mail from the address again lifts it.
import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { at, replayOwner, shown, type Mail, type Replay, type Who } from "../support/replay";
import { MONDAY } from "../support/network";

const OSKAR: Who = { name: "Oskar Brandt", address: "oskar@brandt-lyd.dk" };

/** A delivery report as Gmail writes it, for the owner's mail to `to`, received whole (a mailbox export). */
function gmailReport(r: Replay, to: string, date: string, action: "failed" | "delayed" = "failed"): string {
  const words =
    action === "failed"
      ? `Address not found\r\n\r\nYour message wasn't delivered to ${to} because the address couldn't be found, or is unable to receive mail.`
      : `Delivery incomplete\r\n\r\nThere was a temporary problem delivering your message to ${to}. Gmail will retry for 46 more hours.`;
  return [
    "Return-Path: <>",
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
    `To: ${r.me.address}`,
    "Auto-Submitted: auto-replied",
    `Subject: Delivery Status Notification (${action === "failed" ? "Failure" : "Delay"})`,
    `Message-ID: <dsn-${action}-${Date.parse(date)}-${r.ownerId}@mx.google.com>`,
    `Date: ${new Date(date).toUTCString()}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; boundary="b"; report-type=delivery-status',
    "",
    "--b",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    words,
    "",
    "--b",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; googlemail.com",
    "",
    `Final-Recipient: rfc822; ${to}`,
    `Action: ${action}`,
    `Status: ${action === "failed" ? "5.1.1" : "4.4.1"}`,
    "",
    "--b--",
    "",
  ].join("\r\n");
}

/** Conversations in June and August, quiet since: due for a reconnect in November (judgement-replies.test.ts). */
async function summerTie(r: Replay) {
  const exchange = (day: string, next: string, subject: string): Mail[] => [
    { at: `${day}T09:00:00+02:00`, from: r.me, to: [OSKAR], subject, body: "Hej Oskar,\n\nAfsnittet er ude nu, din intro er med.\n\nSofie" },
    { at: `${next}T10:00:00+02:00`, from: OSKAR, to: [r.me], subject: `Sv: ${subject}`, body: "Hej Sofie,\n\nFedt, jeg deler det.\n\nOskar" },
  ];
  await r.backfill([...exchange("2026-06-10", "2026-06-11", "Lyd til podcasten"), ...exchange("2026-08-13", "2026-08-14", "Afsnit 4")], at("2026-08-15T00:00:00+02:00"));
}

const NOVEMBER = at("2026-11-02T08:00:00+01:00");

describe("an address that bounced", () => {
  it("is not chased for an answer: the owner's question bounced, and the owner forwarded the report", async () => {
    const r = await replayOwner("sofie.bounce.question@kjaer.design");
    await r.send({ at: "2026-11-05T10:00:00+01:00", to: [OSKAR], subject: "Lyd til julekoncerten?", body: "Hej Oskar,\n\nHar du tid til at lave lyd til vores julekoncert den 12. december?\n\nSofie" });
    expect(shown(await r.plan(MONDAY))).toEqual([["follow-up", OSKAR.address]]);

    const outcome = await r.forwardAs(
      "Fwd: Delivery Status Notification (Failure)",
      [
        "Hans adresse virker ikke mere.",
        "",
        "---------- Forwarded message ---------",
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        "Date: Thu, Nov 5, 2026 at 10:01 AM",
        "Subject: Delivery Status Notification (Failure)",
        `To: <${r.me.address}>`,
        "",
        "Address not found",
        "",
        `Your message wasn't delivered to ${OSKAR.address} because the address couldn't be found, or is unable to receive mail.`,
      ].join("\n"),
      "2026-11-06T08:30:00+01:00",
      "Gmail",
    );
    expect(outcome).toMatchObject({ status: "ignored", reason: "bounce (MAILER-DAEMON/postmaster sender)" });
    // The forwarded block's time, in the zone of the forward's own Date header (UTC here).
    expect((await r.contact(OSKAR)).unreachableAt).toBe(at("2026-11-05T10:01:00Z"));
    // The read API and the export say so.
    const api = await worker.fetch(new Request(`http://x/api/contacts/${encodeURIComponent(OSKAR.address)}`, { headers: { authorization: `Bearer replay-${r.me.address}` } }), env, createExecutionContext());
    expect(((await api.json()) as { contact: { unreachableAt: string | null } }).contact.unreachableAt).toBe("2026-11-05T10:01:00.000Z");
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });

  it("is no quiet tie to reconnect with: the bounce was in the backfill", async () => {
    const r = await replayOwner("sofie.bounce.quiet@kjaer.design");
    await summerTie(r);
    expect(shown(await r.plan(NOVEMBER))).toEqual([["reconnect", OSKAR.address]]);

    await r.backfill([{ at: "2026-09-20T09:00:00+02:00", from: r.me, to: [OSKAR], subject: "Afsnit 5", body: "Hej Oskar,\n\nAfsnit 5 er ude.\n\nSofie" }], at("2026-09-21T00:00:00+02:00"));
    expect(await r.importRaw([gmailReport(r, OSKAR.address, "2026-09-20T07:01:00Z")], at("2026-09-21T00:00:00+02:00"))).toEqual([
      { status: "ignored", ownerId: r.ownerId, reason: "delivery status report (RFC 3464)" },
    ]);
    expect(shown(await r.plan(at("2027-01-04T08:00:00+01:00")))).toEqual([]);
  });

  it("a delay warning is no bounce: the tie still comes up", async () => {
    const r = await replayOwner("sofie.bounce.delay@kjaer.design");
    await summerTie(r);
    await r.backfill([{ at: "2026-09-20T09:00:00+02:00", from: r.me, to: [OSKAR], subject: "Afsnit 5", body: "Hej Oskar,\n\nAfsnit 5 er ude.\n\nSofie" }], at("2026-09-21T00:00:00+02:00"));
    await r.importRaw([gmailReport(r, OSKAR.address, "2026-09-20T11:01:00Z", "delayed")], at("2026-09-21T00:00:00+02:00"));
    expect((await r.contact(OSKAR)).unreachableAt).toBeNull();
    expect(shown(await r.plan(at("2027-01-04T08:00:00+01:00")))).toEqual([["reconnect", OSKAR.address]]);
  });

  it("mail from the address again lifts it", async () => {
    const r = await replayOwner("sofie.bounce.back@kjaer.design");
    await summerTie(r);
    await r.importRaw([gmailReport(r, OSKAR.address, "2026-08-20T07:01:00Z")], at("2026-08-21T00:00:00+02:00"));
    expect(shown(await r.plan(NOVEMBER))).toEqual([]);
    await r.backfill([{ at: "2026-09-01T10:00:00+02:00", from: OSKAR, to: [r.me], subject: "Ny mail", body: "Hej Sofie,\n\nMin server var nede et par uger, nu virker den igen.\n\nOskar" }], at("2026-09-02T00:00:00+02:00"));
    expect(shown(await r.plan(at("2027-01-04T08:00:00+01:00")))).toEqual([["reconnect", OSKAR.address]]);
  });

  it("a 'report' sent onto a shared thread by someone on it marks no one", async () => {
    const r = await replayOwner("sofie.bounce.thread@kjaer.design");
    await summerTie(r);
    const KIM: Who = { name: "Kim Holt", address: "kim@holt-lyd.dk" };
    const sent = await r.send({ at: "2026-10-20T09:00:00+02:00", to: [KIM, OSKAR], subject: "Julekoncerten", body: "Hej begge,\n\nKan I begge den 12. december?\n\nSofie" });
    const outcome = await r.reply({
      at: "2026-10-20T12:00:00+02:00",
      from: KIM,
      to: [r.me],
      subject: "Undeliverable: Julekoncerten",
      body: `Your message to ${OSKAR.address} couldn't be delivered.`,
      inReplyTo: sent,
    });
    expect(outcome.outcome).toMatchObject({ status: "ignored", reason: "bounce (subject)" });
    expect((await r.contact(OSKAR)).unreachableAt).toBeNull();
  });

  it("a report no mail system sent marks no one, though it names an address the owner just wrote to", async () => {
    const r = await replayOwner("sofie.bounce.forged@kjaer.design");
    await r.backfill([{ at: "2026-09-20T09:00:00+02:00", from: r.me, to: [OSKAR], subject: "Afsnit 5", body: "Hej Oskar,\n\nAfsnit 5 er ude.\n\nSofie" }], at("2026-09-21T00:00:00+02:00"));
    // A whole RFC 3464 report, but written by a person: no null Return-Path, no MAILER-DAEMON.
    const report = gmailReport(r, OSKAR.address, "2026-09-20T07:01:00Z")
      .replace("Return-Path: <>\r\n", "")
      .replace("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "From: Mail Delivery System <mallory@evil.example>");
    const undeliverable = [
      "From: Postmaster <mallory@evil.example>",
      `To: ${r.me.address}`,
      "Subject: Undeliverable: Afsnit 5",
      "Message-ID: <undeliverable-forged@evil.example>",
      "Date: Sun, 20 Sep 2026 07:02:00 +0000",
      "",
      `Your message to ${OSKAR.address} couldn't be delivered. The address does not exist.`,
      "",
    ].join("\r\n");
    expect(await r.importRaw([report, undeliverable], at("2026-09-21T00:00:00+02:00"))).toEqual([
      { status: "ignored", ownerId: r.ownerId, reason: "delivery status report (RFC 3464)" },
      { status: "ignored", ownerId: r.ownerId, reason: "bounce (subject)" },
    ]);
    expect((await r.contact(OSKAR)).unreachableAt).toBeNull();
  });

  it("a mail system's report marks only an address the owner wrote to in the 30 days before it", async () => {
    const r = await replayOwner("sofie.bounce.unwritten@kjaer.design");
    await summerTie(r);
    // The owner last wrote to Oskar on 13 August: a report of 1 November is about no mail of theirs.
    await r.importRaw([gmailReport(r, OSKAR.address, "2026-11-01T07:01:00Z")], at("2026-11-01T12:00:00+01:00"));
    expect((await r.contact(OSKAR)).unreachableAt).toBeNull();
    // Nor one dated before the owner's mail.
    await r.backfill([{ at: "2026-11-10T09:00:00+01:00", from: r.me, to: [OSKAR], subject: "Julekoncert", body: "Hej Oskar,\n\nKan du den 12.?\n\nSofie" }], at("2026-11-10T10:00:00+01:00"));
    await r.importRaw([gmailReport(r, OSKAR.address, "2026-11-09T07:01:00Z")], at("2026-11-10T10:00:00+01:00"));
    expect((await r.contact(OSKAR)).unreachableAt).toBeNull();
    await r.importRaw([gmailReport(r, OSKAR.address, "2026-11-10T08:05:00Z")], at("2026-11-10T10:00:00+01:00"));
    expect((await r.contact(OSKAR)).unreachableAt).toBe(at("2026-11-10T08:05:00Z"));
  });

  it("a bounce marks only the owner's own contacts", async () => {
    const other = await replayOwner("bo.bounce.other@winther.design");
    await summerTie(other);
    const r = await replayOwner("sofie.bounce.own@kjaer.design");
    await r.importRaw([gmailReport(r, OSKAR.address, "2026-09-20T07:01:00Z")], at("2026-09-21T00:00:00+02:00"));
    expect((await other.contact(OSKAR)).unreachableAt).toBeNull();
    await expect(r.contact(OSKAR)).rejects.toThrow(/no contact/);
  });
});
