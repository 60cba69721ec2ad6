import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import { signDigestToken } from "../../src/digest/token";
import { fixture } from "../support/fixtures";
import { seedOwner } from "../support/owners";
import { ANNA, at, BO, fivePeople, KARIN, LISE, MIKKEL, count, deliverCommand, digestAt, owner, planned, seedOutreach } from "./commands-scenario";

const OWNER = "owner@example.com";

let ownerId: number;
let otherId: number;
/** The first digest (16 Nov, items 1 Anna, 2 Bo, 3 Karin) and a reply token signed for it. */
let first: Awaited<ReturnType<typeof digestAt>>;

beforeAll(async () => {
  ownerId = (await seedOwner(OWNER, "owner-token", { name: "Camilla Olsen" })).id;
  otherId = (await seedOwner("other@elsewhere.dk", "other-token", { name: "Other Owner" })).id;
  await seedOutreach(OWNER, fivePeople("2026-11-02", "2026-11-03"));
  first = await digestAt(ownerId, at("2026-11-16T08:00:00+01:00"));
});

describe("a Gmail reply to the digest (English)", () => {
  it("acts on each line above the quote and confirms line by line with reply()", async () => {
    expect(first.items).toBe(3);
    const res = await deliverCommand(fixture("commands/gmail-reply-en.eml"), { from: OWNER, token: first.token, now: at("2026-11-16T09:12:37+01:00") });
    expect(res.outcome).toEqual({ status: "command", ownerId });
    expect(res.replies).toHaveLength(1);
    expect(res.sent).toEqual([]);
    expect((await PostalMime.parse(res.answerRaw!)).subject).toBe("Re: Week 47: 3 to follow up with");
    expect(res.answerRaw).toMatch(/^In-Reply-To: <CAK7n1c8Gq0=Vb2rT4mXw9dJ3pLz6uN1sYe5hFq@mail.gmail.com>\r?$/m);
    expect(res.answer).toBe(
      [
        "✓ done 1 — Anna Holm: marked as handled",
        "✓ snooze 2 2w — Bo Nielsen: snoozed until Tuesday 1 December 2026",
        "✓ never 3 — Karin Østergaard: will never be suggested again",
        "",
      ].join("\n"),
    );
  });

  it("changes the next digests: done stays away, the snoozed person skips two digests, the muted never", async () => {
    expect(await planned(ownerId, at("2026-11-23T08:00:00+01:00"))).toEqual([MIKKEL, LISE]);
    // "2w" on Monday 16 Nov covers Monday 30 Nov too: two weekly digests without Bo, back on 7 Dec.
    expect(await planned(ownerId, at("2026-11-30T08:00:00+01:00"))).toEqual([MIKKEL, LISE]);
    expect(await planned(ownerId, at("2026-12-01T00:00:00+01:00"))).toEqual([BO, MIKKEL, LISE]);
    expect(await planned(ownerId, at("2026-12-07T08:00:00+01:00"))).toEqual([BO, MIKKEL, LISE]);
    expect(await planned(ownerId, at("2026-12-21T08:00:00+01:00"))).toEqual([BO, MIKKEL, LISE]);
    const second = await digestAt(ownerId, at("2026-11-23T08:00:00+01:00"));
    expect(second.text).toContain(" 1. Mikkel Jensen <mikkel@jensen-revision.dk>");
    expect(second.text).toContain(" 2. Lise Dahl <lise@dahlkommunikation.dk>");
    expect(second.text).not.toContain("Anna Holm");
    expect(second.text).not.toContain("Karin");
  });

  it("acts once when the same mail is delivered twice", async () => {
    const before = await env.DB.prepare("select snoozed_until from contacts where address = ?").bind(BO).first<{ snoozed_until: number }>();
    const res = await deliverCommand(fixture("commands/gmail-reply-en.eml"), { from: OWNER, token: first.token, now: at("2026-11-20T10:00:00+01:00") });
    expect(res.outcome).toEqual({ status: "duplicate", ownerId });
    expect(res.replies).toEqual([]);
    expect(res.sent).toEqual([]);
    const after = await env.DB.prepare("select snoozed_until from contacts where address = ?").bind(BO).first<{ snoozed_until: number }>();
    expect(after).toEqual(before);
    expect(before!.snoozed_until).toBe(at("2026-12-01T00:00:00+01:00"));
  });

  it("never acts on commands inside the quoted digest", async () => {
    const res = await deliverCommand(fixture("commands/gmail-reply-quote-only-en.eml"), { from: OWNER, token: first.token, now: at("2026-11-16T10:03:11+01:00") });
    expect(res.outcome).toEqual({ status: "command", ownerId });
    expect(res.answer!.split("\n").slice(0, 3)).toEqual([
      "✗ Thanks, looks good. I'll get to these later today. — I don't know \"Thanks,\". The commands are listed below.",
      "",
      "Commands, one per line (the Danish words work too):",
    ]);
    expect((await owner(ownerId)).paused).toBe(false);
    expect(await count("select count(*) as n from contacts where done_at is not null")).toBe(1);
  });
});

describe("an Apple Mail reply whose token does not verify", () => {
  const apple = () => fixture("commands/apple-mail-reply-en.eml");
  const now = at("2026-11-16T12:41:09+01:00");

  it("runs no line at all, not even those that name an address, and answers by send_email when reply() is refused", async () => {
    const forged = first.token.slice(0, -1) + (first.token.endsWith("a") ? "b" : "a");
    const res = await deliverCommand(apple(), { from: OWNER, token: forged, now, replyRefused: true });
    expect(res.replies).toEqual([]);
    expect(res.sent.map((s) => s.to)).toEqual([OWNER]);
    expect(res.answer!.split("\n").slice(0, 4)).toEqual([
      "✗ Nothing in this mail was carried out: it went to a reply address Gensidig did not make (the part after + was changed), so I cannot tell which digest it answers.",
      "",
      "To have these lines carried out, send them to gensidig@example.com or reply to your latest digest:",
      "  Note anna@holmraadgivning.dk met at Founders Friday, wants…",
    ]);
    expect(await count("select count(*) as n from notes")).toBe(0);
    expect(await count("select count(*) as n from contacts where address = ? and cadence_days is not null", BO)).toBe(0);
  });

  it("runs nothing from an expired token or another owner's token, and says why", async () => {
    const expired = await signDigestToken(env.DIGEST_TOKEN_SECRET!, { ownerId, digestId: first.digestId, expiresAt: now - 1 });
    const raw = (id: string) => apple().replace("7E0C1B1A-3D2F", id);
    const a = await deliverCommand(raw("expired-1"), { from: OWNER, token: expired, now });
    expect(a.answer!.split("\n")[0]).toBe(
      "✗ Nothing in this mail was carried out: it answers a digest more than 30 days old, whose reply address no longer works.",
    );
    const others = await digestAt(otherId, at("2026-11-16T08:00:00+01:00"));
    const b = await deliverCommand(raw("other-owner-1"), { from: OWNER, token: others.token, now });
    expect(b.answer!.split("\n")[0]).toBe("✗ Nothing in this mail was carried out: it went to the reply address of a digest that was not sent to you.");
    expect(await count("select count(*) as n from contacts where done_at is not null")).toBe(1);
  });

  it("tells a fresh mail that item numbers need a digest", async () => {
    const res = await deliverCommand(apple().replace("7E0C1B1A-3D2F", "fresh-1"), { from: OWNER, token: null, now });
    expect(res.answer!.split("\n")[2]).toBe(
      '✗ Done 1 — item numbers only work in a reply to a digest. Name the person instead, e.g. "snooze anna@x.dk 2w".',
    );
  });
});

describe("malformed input", () => {
  it("explains each line it cannot use and still acts on the rest", async () => {
    const lines = ["done 9", `note ${ANNA} ${"x".repeat(1200)}`, "snooze bo@nielsenconsult.dk yesterday", "never nobody@nowhere.dk", "cadence Bo Nielsen monthly", "forget"];
    const res = await deliverCommand(fresh("malformed1", lines, "Re: Week 47: 3 to follow up with"), { from: OWNER, token: first.token, now: at("2026-11-16T13:00:00+01:00") });
    expect(res.answer!.split("\n").slice(0, 7)).toEqual([
      "✗ done 9 — the digest has no item 9 (its items are 1–3).",
      `✗ note anna@holmraadgivning.dk ${"x".repeat(30)}… — this line is too long to be a command.`,
      '✗ snooze bo@nielsenconsult.dk yesterday — "yesterday" is not in the future.',
      '✗ never nobody@nowhere.dk — I have no contact with the address nobody@nowhere.dk.',
      "✓ cadence Bo Nielsen monthly — Bo Nielsen: in touch every month",
      '✗ forget — forget needs an item number from the digest, an address or a name. For example: "forget anna@x.dk".',
      "",
    ]);
  });
});

describe("who may command", () => {
  it("never acts on a stranger's mail, and never answers it", async () => {
    const stranger = fixture("commands/gmail-reply-en.eml")
      .replace("From: Camilla Olsen <owner@example.com>", "From: Lars Winther <lars@winther-sales.com>")
      .replace("CAK7n1c8Gq0", "stranger");
    const before = await count("select count(*) as n from messages");
    const res = await deliverCommand(stranger, { from: "lars@winther-sales.com", token: first.token, now: at("2026-11-16T11:00:00+01:00") });
    expect(res.rejected).toBe("Gensidig only accepts mail from the people it works for, and lars@winther-sales.com is not one of them.");
    expect(res.replies).toEqual([]);
    expect(res.sent).toEqual([]);
    expect(await count("select count(*) as n from messages")).toBe(before);
  });

  it("refuses the owner's address when Cloudflare saw no DMARC pass", async () => {
    const res = await deliverCommand(fixture("commands/gmail-reply-en.eml").replace("CAK7n1c8Gq0", "nodmarc"), {
      from: OWNER,
      token: first.token,
      now: at("2026-11-16T11:00:00+01:00"),
      verdict: false,
    });
    expect(res.rejected).toMatch(/could not verify that this mail comes from owner@example.com/);
    expect(res.replies).toEqual([]);
  });
});

/** A fresh mail to the assistant, as Gmail writes one. */
function fresh(id: string, lines: string[], subject = "Gensidig") {
  return [
    "MIME-Version: 1.0",
    "Date: Tue, 17 Nov 2026 07:58:12 +0100",
    `Message-ID: <CAK7n1c8${id}@mail.gmail.com>`,
    `Subject: ${subject}`,
    "From: Camilla Olsen <owner@example.com>",
    "To: gensidig@example.com",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    ...lines,
    "",
  ].join("\r\n");
}

describe("settings, pause and resume, digest, stats, export, help", () => {
  const now = at("2026-11-17T07:58:12+01:00");

  it("changes settings and shows them as they now stand", async () => {
    const res = await deliverCommand(fresh("settings1", ["timezone europe/london", "digest friday 7:00", "pause", "settings"]), { from: OWNER, now });
    expect(res.answer).toBe(
      [
        "✓ timezone europe/london — time zone set to Europe/London",
        "✓ digest friday 7:00 — your digest now comes on Friday at 07:00",
        '✓ pause — digests paused; write "resume" to start them again',
        "✓ settings — your settings:",
        "    Language: English (en)",
        "    Time zone: Europe/London",
        "    Digest: Friday at 07:00 (paused)",
        "    Follow up after: 7 days",
        "    Rhythm, work: worked out from your mail; private: worked out from your mail",
        "    Ignored: none",
        "",
      ].join("\n"),
    );
    expect(await owner(ownerId)).toMatchObject({ timeZone: "Europe/London", digestWeekday: 5, digestHour: 7, paused: true });
    // London's offsets are kept with the zone, so the next digest need not ask ICU for them.
    const kept = JSON.parse((await owner(ownerId)).zoneOffsets!);
    expect(kept).toMatchObject({ zone: "Europe/London" });
    expect(kept.from).toBeLessThanOrEqual(now);
    expect(kept.offsets.map(([, minutes]: [number, number]) => minutes)).toContain(60);
  });

  it("resumes and sends a fresh digest on request, then counts the network", async () => {
    const res = await deliverCommand(fresh("digest1", ["resume", "digest", "stats"]), { from: OWNER, now });
    expect((await owner(ownerId)).paused).toBe(false);
    const digests = res.sent.filter((s) => /^Message-ID: <digest\./m.test(s.raw));
    expect(digests.map((d) => d.to)).toEqual([OWNER]);
    expect((await PostalMime.parse(digests[0].raw)).subject).toBe("Follow up 2 · week 47");
    expect(res.answer).toBe(
      [
        "✓ resume — digests start again",
        "✓ digest — a fresh digest with 2 items is on its way to owner@example.com",
        "✓ stats — your network:",
        "    Contacts: 5 (5 work, 0 private); 1 muted, 1 snoozed",
        "    Mail: 5 sent, 0 received",
        // The Apple Mail reply was delivered four times under four Message-IDs: each time its note acted.
        "    Notes: 1; ignored addresses and domains: 0",
        // 16 Nov, the one just sent on 17 Nov, and the one the digest test sent for 23 Nov.
        "    Digests sent: 3, the last on Monday 23 November 2026",
        "",
      ].join("\n"),
    );
  });

  it("reads a command from the subject of an empty fresh mail, and answers help in full", async () => {
    const res = await deliverCommand(fresh("help1", [], "help"), { from: OWNER, now });
    expect((await PostalMime.parse(res.answerRaw!)).subject).toBe("Re: help");
    const lines = res.answer!.split("\n");
    expect(lines[0]).toBe("✓ help — the commands are listed below");
    expect(lines).toContain("  forget anna@x.dk               delete a person with all their mail and notes");
  });

  it("attaches the export as JSON, CSV and vCard", async () => {
    const res = await deliverCommand(fresh("export1", ["export"]), { from: OWNER, now });
    expect(res.answer!.trimEnd()).toBe("✓ export — attached: 5 contacts, 5 mails and 1 notes as JSON, CSV and vCard");
    const parsed = await PostalMime.parse(res.answerRaw!);
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ["gensidig-2026-11-17.json", "application/json"],
      ["gensidig-2026-11-17.csv", "text/csv"],
      ["gensidig-2026-11-17.vcf", "text/vcard"],
    ]);
    const decode = (i: number) => new TextDecoder().decode(parsed.attachments[i].content as ArrayBuffer);
    const json = JSON.parse(decode(0));
    expect(json.contacts.map((c: { address: string }) => c.address)).toEqual([ANNA, BO, KARIN, LISE, MIKKEL]);
    expect(decode(2)).toContain("FN:Karin Østergaard\r\n");
  });
});
