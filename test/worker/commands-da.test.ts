import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../support/fixtures";
import { seedOwner } from "../support/owners";
import { ANNA, at, BO, fivePeople, KARIN, LISE, MIKKEL, count, deliverCommand, digestAt, owner, planned, seedOutreach } from "./commands-scenario";

const OWNER = "camilla@olsen.dk";
const ANNA_BERG = "anna.berg@bergdesign.dk";

let ownerId: number;

beforeAll(async () => {
  ownerId = (await seedOwner(OWNER, "camilla-token", { name: "Camilla Olsen", language: "da" })).id;
  await seedOutreach(OWNER, fivePeople("2026-11-02", "2026-11-03"));
});

/** A fresh mail to the assistant, as Outlook writes a short one. */
function fresh(id: string, lines: string[]) {
  return [
    `From: Camilla Olsen <${OWNER}>`,
    "To: Gensidig <gensidig@example.com>",
    "Subject: Gensidig",
    "Date: Mon, 23 Nov 2026 10:30:00 +0100",
    `Message-ID: <AM9PR07MB7211${id}@AM9PR07MB7211.eurprd07.prod.outlook.com>`,
    "Content-Language: da-DK",
    "X-Mailer: Microsoft Outlook 16.0",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    ...lines,
    "",
  ].join("\r\n");
}

describe("an Outlook reply in Danish, quoting the digest without > markers", () => {
  it("acts on the lines above Outlook's header block only, and answers in Danish", async () => {
    const digest = await digestAt(ownerId, at("2026-11-16T08:00:00+01:00"));
    expect(digest.subject).toBe("Følg op med 3 · uge 47");
    const res = await deliverCommand(fixture("commands/outlook-reply-da.eml"), { from: OWNER, token: digest.token, now: at("2026-11-16T09:47:52+01:00") });
    expect(res.outcome).toEqual({ status: "command", ownerId });
    expect(res.answer).toBe(
      [
        "✓ færdig 1 — Anna Holm: markeret som klaret",
        "✓ udsæt 2 til næste måned — Bo Nielsen: udsat til onsdag den 16. december 2026",
        "✓ aldrig 3 — Karin Østergaard: bliver aldrig foreslået igen",
        "",
      ].join("\n"),
    );
    // The quoted digest's own "pause" line did not act.
    expect((await owner(ownerId)).paused).toBe(false);
  });

  it("leaves the handled, snoozed and muted people out of the next digest", async () => {
    expect(await planned(ownerId, at("2026-11-23T08:00:00+01:00"))).toEqual([MIKKEL, LISE]);
    expect(await planned(ownerId, at("2026-12-14T08:00:00+01:00"))).toEqual([MIKKEL, LISE]);
    expect(await planned(ownerId, at("2026-12-16T08:00:00+01:00"))).toEqual([BO, MIKKEL, LISE]);
  });
});

describe("a Thunderbird reply in Danish, written below the quote", () => {
  it("resolves names, refuses an ambiguous one with the candidates, and asks before forgetting", async () => {
    await seedOutreach(OWNER, [{ name: "Anna Berg", address: ANNA_BERG, subject: "Logo til hjemmesiden", at: "2026-11-20T14:00:00+01:00" }]);
    const digest = await digestAt(ownerId, at("2026-11-23T08:00:00+01:00"));
    const res = await deliverCommand(fixture("commands/thunderbird-reply-da.eml"), { from: OWNER, token: digest.token, now: at("2026-11-23T10:15:42+01:00") });
    const lines = res.answer!.split("\n");
    expect(lines.slice(0, 8)).toEqual([
      "✓ note mikkel@jensen-revision.dk mødt til Founders Friday, vi… — Mikkel Jensen: note tilføjet",
      "✓ kadence Mikkel Jensen hver 6. uge — Mikkel Jensen: i kontakt hver 6. uge",
      "✓ privat Lise Dahl — Lise Dahl: nu i din private kreds",
      "✓ note lise@dahlkommunikation.dk kender Bo fra studiet — Lise Dahl: note tilføjet",
      '✗ udsæt Anna 2w — "Anna" kan være Anna Berg <anna.berg@bergdesign.dk> eller Anna Holm <anna@holmraadgivning.dk>. Skriv adressen i stedet.',
      "? glem lise@dahlkommunikation.dk — det sletter Lise Dahl <lise@dahlkommunikation.dk> med alle mails og noter, og kan ikke fortrydes. Svar med denne linje for at fortsætte: glem lise@dahlkommunikation.dk bekræft",
      "",
      "Kommandoer, én pr. linje (de engelske ord virker også):",
    ]);
    const mikkel = await env.DB.prepare("select cadence_days, circle from contacts where address = ?").bind(MIKKEL).first();
    expect(mikkel).toEqual({ cadence_days: 42, circle: "professional" });
    const notes = await env.DB.prepare("select body from notes n join contacts c on c.id = n.contact_id where c.address = ?").bind(MIKKEL).all();
    expect(notes.results).toEqual([{ body: "mødt til Founders Friday, vil høre om kurset i Århus" }]);
    expect(await count("select count(*) as n from contacts where address = ? and circle = 'private'", LISE)).toBe(1);
    // Asking is not forgetting.
    expect(await count("select count(*) as n from contacts where address = ?", LISE)).toBe(1);
  });

  it("forgets a person on confirmation and leaves no row of theirs behind", async () => {
    const id = (await env.DB.prepare("select id from contacts where address = ?").bind(LISE).first<{ id: number }>())!.id;
    const rows = async () => [
      await count("select count(*) as n from contacts where id = ?", id),
      await count("select count(*) as n from interactions where contact_id = ?", id),
      await count("select count(*) as n from notes where contact_id = ?", id),
      await count("select count(*) as n from digest_items where contact_id = ?", id),
      await count("select count(*) as n from messages where subject = 'Thanks for lunch!'"),
    ];
    // Lise was item 2 of the 23 Nov digest; the 16 Nov one had no room for her.
    expect(await rows()).toEqual([1, 1, 1, 1, 1]);
    const res = await deliverCommand(fresh("forget1", ["glem lise@dahlkommunikation.dk bekræft", "note lise@dahlkommunikation.dk igen"]), {
      from: OWNER,
      now: at("2026-11-23T10:30:00+01:00"),
    });
    expect(res.answer!.split("\n").slice(0, 2)).toEqual([
      '✓ glem lise@dahlkommunikation.dk bekræft — Lise Dahl <lise@dahlkommunikation.dk> er slettet, med 1 mails og 1 noter. Skriver personen igen, bliver de en kontakt igen; "ignorer lise@dahlkommunikation.dk" forhindrer det',
      "✗ note lise@dahlkommunikation.dk igen — Lise Dahl blev glemt tidligere i denne mail.",
    ]);
    expect(await rows()).toEqual([0, 0, 0, 0, 0]);
  });

  it("ignores a domain: its contacts are muted and its people never become contacts again", async () => {
    const res = await deliverCommand(fresh("ignore1", ["ignorer @jensen-revision.dk"]), { from: OWNER, now: at("2026-11-23T10:40:00+01:00") });
    expect(res.answer).toBe("✓ ignorer @jensen-revision.dk — mail fra alle på jensen-revision.dk bliver aldrig til en kontakt; 1 eksisterende kontakt slået fra\n");
    // The mail is kept (the owner sent it), but no one in it becomes a contact.
    await seedOutreach(OWNER, [{ name: "Søren Jensen", address: "soren@jensen-revision.dk", subject: "Regnskab", at: "2026-11-24T09:00:00+01:00" }]);
    expect(await count("select count(*) as n from contacts where address = 'soren@jensen-revision.dk'")).toBe(0);
    expect(await planned(ownerId, at("2026-12-21T08:00:00+01:00"))).toEqual([BO, ANNA_BERG]);
  });
});

describe("Danish mistakes and settings", () => {
  it("suggests the command meant, with the Danish help", async () => {
    const res = await deliverCommand(fresh("typo1", ["indstilinger", "udsæt bo@nielsenconsult.dk engang"]), { from: OWNER, now: at("2026-11-23T11:00:00+01:00") });
    const lines = res.answer!.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      '✗ indstilinger — Jeg kender ikke "indstilinger". Mente du "indstillinger"?',
      '✗ udsæt bo@nielsenconsult.dk engang — Jeg kan ikke læse "engang" som en dato. Prøv "2w", "til 1. marts" eller "næste måned".',
      "",
      "Kommandoer, én pr. linje (de engelske ord virker også):",
    ]);
    expect(lines).toContain("  glem anna@x.dk                 slet en person med alle mails og noter");
  });

  it("answers in the language just chosen", async () => {
    const res = await deliverCommand(fresh("lang1", ["sprog en", "oversigt tirsdag kl. 9", "privat anna.berg@bergdesign.dk", "faglig Anna Berg"]), {
      from: OWNER,
      now: at("2026-11-23T11:05:00+01:00"),
    });
    expect(res.answer).toBe(
      [
        "✓ sprog en — I will write to you in English",
        "✓ oversigt tirsdag kl. 9 — your digest now comes on Tuesday at 09:00",
        "✓ privat anna.berg@bergdesign.dk — Anna Berg: now in your private circle",
        "✓ faglig Anna Berg — Anna Berg: now in your work circle",
        "",
      ].join("\n"),
    );
    expect(await owner(ownerId)).toMatchObject({ language: "en", digestWeekday: 2, digestHour: 9 });
    // Both lines ran in one batch, in the order written: the last word is "work".
    expect(await count("select count(*) as n from contacts where address = ? and circle = 'professional'", ANNA_BERG)).toBe(1);
  });
});
