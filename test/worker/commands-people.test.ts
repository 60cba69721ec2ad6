// met / mødt, same / samme, split / adskil, status, and a note that makes a contact: each through the real
// email() handler as a mail from the owner, against histories replayed through the real capture path.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { findOwnerById } from "../../src/db/owner-lookup";
import { planDigest } from "../../src/digest/decide";
import { digestPeople } from "../../src/digest/run";
import { JONAS, KAREN, knownTie, LARS, METTE, MONDAY, NEXT_MONDAY, slug, TOM } from "../support/network";
import { at, DAY, replayOwner, type Replay, type Who } from "../support/replay";
import { deliverCommand } from "./commands-scenario";
import { explainCalls, meterD1 } from "../../bench/support/d1-meter";
import { seedNetwork } from "../../bench/support/seed";

let counter = 0;

/** A fresh mail to the assistant, as Apple Mail sends a short one from the phone. */
function commandMail(r: Replay, lines: string[], now: number): string {
  return [
    `From: ${r.me.name} <${r.me.address}>`,
    "To: gensidig@example.com",
    "Subject: Gensidig",
    `Date: ${new Date(now).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${(++counter).toString(16).toUpperCase()}-4C1B-9E2F-meet@${r.me.address.split("@")[1]}>`,
    "Mime-Version: 1.0 (1.0)",
    "X-Mailer: iPhone Mail (22B91)",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    ...lines,
    "",
  ].join("\r\n");
}

async function command(r: Replay, lines: string[], now: number, db?: D1Database) {
  const res = await deliverCommand(commandMail(r, lines, now), { from: r.me.address, now, db });
  expect(res.outcome.status).toBe("command");
  return res;
}

/** What the digest at `now` would show: sections and addresses, each person once. */
async function planned(r: Replay, now: number): Promise<Array<[string, string]>> {
  const owner = (await findOwnerById(env.DB, r.ownerId))!;
  const plan = planDigest({ ...(await digestPeople(env.DB, owner, now)), owner, now });
  return plan.items.map((i) => [i.section, i.address]);
}

/** The owner wrote to them, expecting an answer, and heard nothing. */
async function unanswered(r: Replay, who: Who, day: string) {
  return r.send({ at: `${day}T09:30:00+01:00`, to: [who], subject: "Kaffe i næste uge?", body: `Hej ${who.name.split(" ")[0]},\n\nSkal vi tage en kaffe i næste uge?\n\nSofie` });
}

describe("met: a meeting outside mail counts as contact both ways", () => {
  it("settles a follow-up, says when in the owner's language, and keeps the meeting as a meeting", async () => {
    const r = await replayOwner(`${slug("met settles follow-up")}@kjaer.dk`);
    await unanswered(r, LARS, "2026-11-02");
    expect(await planned(r, MONDAY)).toEqual([["follow-up", LARS.address]]);

    // Thursday 12 November: "on tuesday" is the 10th.
    const res = await command(r, [`met ${LARS.address} on tuesday coffee at Paludan`], at("2026-11-12T17:05:00+01:00"));
    expect(res.answer).toBe(`✓ met ${LARS.address} on tuesday coffee at Paludan — Lars Winther: met on 10 Nov (coffee at Paludan), counted as contact\n`);
    expect(await planned(r, MONDAY)).toEqual([]);
    const row = await env.DB.prepare(
      "select i.kind, i.direction, i.source, i.subject, i.at from interactions i join contacts c on c.id = i.contact_id where c.address = ? and i.owner_id = ? and i.kind = 'meeting'",
    )
      .bind(LARS.address, r.ownerId)
      .first();
    expect(row).toEqual({ kind: "meeting", direction: "out", source: "command", subject: "coffee at Paludan", at: at("2026-11-10T12:00:00+01:00") });
    const contact = await env.DB.prepare("select inbound_count, outbound_count, meeting_count, follow_up_since from contacts where address = ? and owner_id = ?")
      .bind(LARS.address, r.ownerId)
      .first();
    // Mail counts stay true: one mail sent, none received, one meeting.
    expect(contact).toEqual({ inbound_count: 0, outbound_count: 1, meeting_count: 1, follow_up_since: null });
  });

  it("mødt Anna i går: a name, a Danish date, and the meeting is cited when the tie goes quiet again", async () => {
    const r = await replayOwner(`${slug("mødt by name")}@kjaer.dk`, { language: "da" });
    await knownTie(r, KAREN, "2026-03-10");
    await knownTie(r, KAREN, "2026-05-12");
    const res = await command(r, ["mødt Karen i går kaffe på Paludan"], at("2026-06-02T20:00:00+02:00"));
    expect(res.answer).toBe("✓ mødt Karen i går kaffe på Paludan — Karen Bech: mødt 1. jun. (kaffe på Paludan), regnet som kontakt\n");
    // Months later the quiet tie is due, and its evidence is the meeting.
    const digest = await r.digest(at("2026-11-16T08:00:00+01:00"));
    const item = digest.items.find((i) => i.address === KAREN.address)!;
    expect(item.section).toBe("reconnect");
    expect(item.why).toMatch(/^Sidst mødtes I den 1\. jun\.: »kaffe på Paludan«\./);
  });

  it("a new address becomes a contact in the network; a date ahead, an unreadable date or the owner's own address are refused", async () => {
    const r = await replayOwner(`${slug("met new person")}@kjaer.dk`);
    const now = at("2026-11-12T17:05:00+01:00");
    const res = await command(
      r,
      ["met ida@holm-design.dk", "met ida@holm-design.dk tomorrow", "met ida@holm-design.dk on the blue moon", `met ${r.me.address} yesterday`],
      now,
    );
    expect(res.answer!.split("\n").slice(0, 4)).toEqual([
      "✓ met ida@holm-design.dk — ida@holm-design.dk: met on 12 Nov, counted as contact; a new contact",
      '✗ met ida@holm-design.dk tomorrow — "tomorrow" has not happened yet; a meeting counts once it has taken place.',
      '✗ met ida@holm-design.dk on the blue moon — I can\'t read "on the blue" as a date. Try "2w", "until 1 march" or "next month".',
      `✗ met ${r.me.address} yesterday — ${r.me.address} is one of your own addresses, never a contact.`,
    ]);
    const ida = await env.DB.prepare("select meeting_count, first_outbound_at, last_at from contacts where owner_id = ? and address = 'ida@holm-design.dk'").bind(r.ownerId).first();
    expect(ida).toEqual({ meeting_count: 1, first_outbound_at: now, last_at: now });
    expect(await env.DB.prepare("select count(*) as n from contacts where owner_id = ? and address = ?").bind(r.ownerId, r.me.address).first("n")).toBe(0);
  });
});

describe("note on a new address", () => {
  it("creates the contact, vouched for by the owner, with the note", async () => {
    const r = await replayOwner(`${slug("note creates")}@kjaer.dk`, { language: "da" });
    const res = await command(r, ["note new.person@x.dk mødt til et meetup om klimatech"], at("2026-11-12T17:05:00+01:00"));
    expect(res.answer).toBe("✓ note new.person@x.dk mødt til et meetup om klimatech — new.person@x.dk: note tilføjet (en ny kontakt)\n");
    const row = await env.DB.prepare(
      "select c.introduced_at, n.body from contacts c join notes n on n.contact_id = c.id where c.owner_id = ? and c.address = 'new.person@x.dk'",
    )
      .bind(r.ownerId)
      .first();
    expect(row).toEqual({ introduced_at: at("2026-11-12T17:05:00+01:00"), body: "mødt til et meetup om klimatech" });
  });
});

describe("same and split: one person, several addresses", () => {
  const WORK: Who = { name: "Mette Riis", address: METTE.address };
  const GMAIL: Who = { name: "Mette Riis", address: "mette.riis@gmail.com" };

  it("a reply from the other address settles the nudge once they are one person; split gives it back", async () => {
    const r = await replayOwner(`${slug("same and split")}@kjaer.dk`);
    const sent = await unanswered(r, WORK, "2026-11-02");
    // She answers from Gmail under her own name; the owner forwards it. Her work address is not chased any more
    // (ingest/namesakes.ts), though the two are not one person yet.
    await r.forward({ at: "2026-11-04T19:12:00+01:00", from: GMAIL, to: [r.me], subject: "Re: Kaffe i næste uge?", body: "Gerne! Torsdag?" });
    expect(await planned(r, MONDAY)).toEqual([]);
    // And a reply-all from Gmail on the shared thread is refused: that address took no part in it.
    const refused = await r.reply({ at: "2026-11-04T19:20:00+01:00", from: GMAIL, to: [r.me], subject: "Re: Kaffe i næste uge?", body: "PS: kl. 10?", inReplyTo: sent }).catch((e: Error) => e);
    expect(String(refused)).toContain("took no part in the mail it answers");

    const res = await command(r, [`same ${WORK.address} ${GMAIL.address}`], at("2026-11-05T08:00:00+01:00"));
    expect(res.answer).toBe(
      `✓ same ${WORK.address} ${GMAIL.address} — Mette Riis <${WORK.address}> and ${GMAIL.address} are now one person: their mail, notes and open items count together. "split ${GMAIL.address}" undoes it\n`,
    );
    expect(await planned(r, MONDAY)).toEqual([]);
    // One person now: her Gmail reply-all on the thread her work address took part in is recorded.
    const later = await r.reply({ at: "2026-11-05T07:40:00+01:00", from: GMAIL, to: [r.me], subject: "Re: Kaffe i næste uge?", body: "PS: kl. 10?", inReplyTo: sent });
    expect(later.outcome?.status).toBe("stored");
    // Commands on either address reach the person.
    const snooze = await command(r, [`snooze ${GMAIL.address} 2w`, "stats"], at("2026-11-05T08:05:00+01:00"));
    expect(snooze.answer).toContain("✓ snooze mette.riis@gmail.com 2w — Mette Riis: snoozed until Friday 20 November 2026");
    expect(snooze.answer).toContain("    Contacts: 1 (1 work, 0 private); 0 muted, 1 snoozed");
    const snoozed = await env.DB.prepare("select address from contacts where owner_id = ? and snoozed_until is not null").bind(r.ownerId).all();
    expect(snoozed.results).toEqual([{ address: WORK.address }]);

    const again = await command(r, [`same ${GMAIL.address} ${WORK.address}`, `split ${WORK.address}`, `split ${GMAIL.address}`], at("2026-11-05T08:10:00+01:00"));
    expect(again.answer!.split("\n").slice(0, 3)).toEqual([
      `✗ same ${GMAIL.address} ${WORK.address} — ${GMAIL.address} is already an address of Mette Riis <${WORK.address}>.`,
      `✗ split ${WORK.address} — ${WORK.address} is Mette Riis's own address; split off the other one instead: "split ${GMAIL.address}".`,
      `✓ split ${GMAIL.address} — ${GMAIL.address} is its own contact again, with its own mail; Mette Riis keeps the rest`,
    ]);
    // Apart again, two people says the owner: the unanswered mail to the work address is open (once the snooze has passed).
    expect(await planned(r, at("2026-11-23T08:00:00+01:00"))).toEqual([["follow-up", WORK.address]]);
  });

  it("samme in Danish; the digest shows the person once, and forgetting them forgets every address", async () => {
    const r = await replayOwner(`${slug("samme dansk")}@kjaer.dk`, { language: "da" });
    await knownTie(r, JONAS, "2026-03-10");
    await knownTie(r, JONAS, "2026-05-12");
    const private_: Who = { name: "Jonas Krøll", address: "jonas.kroell@icloud.com" };
    await knownTie(r, private_, "2026-04-20");
    await knownTie(r, private_, "2026-06-01");
    expect((await planned(r, MONDAY)).map(([, a]) => a).sort()).toEqual([JONAS.address, private_.address].sort());

    const res = await command(r, [`samme ${JONAS.address} ${private_.address}`], at("2026-11-12T17:05:00+01:00"));
    expect(res.answer).toBe(
      `✓ samme ${JONAS.address} ${private_.address} — Jonas Krøll <${JONAS.address}> og ${private_.address} er nu én person: mails, noter og åbne punkter tæller sammen. "adskil ${private_.address}" fortryder det\n`,
    );
    const digest = await r.digest(MONDAY);
    expect(digest.items.map((i) => i.address)).toEqual([JONAS.address]);
    // The latest contact of the person is the one from the private address.
    expect(digest.items[0].why).toMatch(/^Sidst i kontakt den 1\. jun\.: »Re: Tak for i går«\./);

    const forget = await command(r, [`glem ${private_.address} bekræft`], at("2026-11-16T09:00:00+01:00"));
    expect(forget.answer).toMatch(new RegExp(`^✓ glem ${private_.address.replace(/\./g, "\\.")} bekræft — Jonas Krøll <${JONAS.address}> er slettet, med 8 mails og 0 noter\\.`));
    expect(await env.DB.prepare("select count(*) as n from contacts where owner_id = ?").bind(r.ownerId).first("n")).toBe(0);
  });
});

describe("status: everything open now, numbered for done and snooze", () => {
  it("lists every open item without the digest's caps, and a reply to it acts on the numbers", async () => {
    const r = await replayOwner(`${slug("status")}@kjaer.dk`);
    const people: Who[] = [LARS, TOM, KAREN, METTE, JONAS];
    for (const [i, who] of people.entries()) await unanswered(r, who, `2026-11-0${i + 1}`);
    const now = at("2026-11-12T17:05:00+01:00");
    const res = await command(r, ["status"], now);
    const lines = res.answer!.split("\n");
    expect(lines[0]).toBe('✓ status — 5 open items now; reply to this mail with "done 2" or "snooze 3 2w":');
    // The digest shows three follow-ups at most; status shows all five, numbered.
    expect(lines.filter((l) => /^\s{4}\s?\d\. /.test(l)).map((l) => l.trim().split(" <")[0])).toEqual([
      "1. Lars Winther",
      "2. Tom Becker",
      "3. Karen Bech",
      "4. Mette Riis",
      "5. Jonas Krøll",
    ]);
    const parsed = await PostalMime.parse(res.answerRaw!);
    const replyTo = parsed.replyTo?.[0]?.address ?? "";
    expect(replyTo).toMatch(/^gensidig\+.+@example\.com$/);
    // It is no digest: it does not count as one, and nothing is marked as shown.
    expect(await env.DB.prepare("select count(*) as n from digests where owner_id = ? and kind = 'digest'").bind(r.ownerId).first("n")).toBe(0);
    expect(await env.DB.prepare("select count(*) as n from contacts where owner_id = ? and shown_count > 0").bind(r.ownerId).first("n")).toBe(0);

    const token = replyTo.slice("gensidig+".length, replyTo.indexOf("@"));
    const reply = await deliverCommand(commandMail(r, ["done 2", "snooze 5 2w"], now + 60_000).replace("To: gensidig@example.com", `To: ${replyTo}`), {
      from: r.me.address,
      token,
      now: now + 60_000,
    });
    expect(reply.answer).toBe("✓ done 2 — Tom Becker: marked as handled\n✓ snooze 5 2w — Jonas Krøll: snoozed until Friday 27 November 2026\n");
    const again = await command(r, ["status"], now + 2 * 60_000);
    expect(again.answer!.split("\n")[0]).toBe('✓ status — 3 open items now; reply to this mail with "done 2" or "snooze 3 2w":');
  });

  it("says so when nothing is open, in Danish", async () => {
    const r = await replayOwner(`${slug("status quiet")}@kjaer.dk`, { language: "da" });
    const res = await command(r, ["status"], at("2026-11-12T17:05:00+01:00") + DAY);
    expect(res.answer).toBe("✓ status — intet er åbent lige nu\n");
  });
});

describe("the digest's notes about people", () => {
  const WORK: Who = { name: "Anna Holm", address: "anna@holmraadgivning.dk" };
  const GMAIL: Who = { name: "Anna Holm", address: "anna.holm@gmail.com" };

  it("names who came in this week, asks whether two Anna Holms are one person, and stops asking once answered", async () => {
    const r = await replayOwner(`${slug("digest notes")}@kjaer.dk`);
    await knownTie(r, WORK, "2026-05-12");
    for (const [i, who] of [TOM, LARS, JONAS, GMAIL].entries()) {
      await r.send({ at: `2026-11-1${i}T10:00:00+01:00`, to: [who], subject: "Godt at møde dig", body: `Hej ${who.name.split(" ")[0]},\n\nGodt at møde dig i går.\n\nSofie` });
    }
    const digest = await r.digest(MONDAY);
    expect(digest.text).toContain("New this week: Tom Becker, Lars Winther and 2 more.");
    expect(digest.text.replace(/\s+/g, " ")).toContain(
      `Is Anna Holm <${WORK.address}> the same person as Anna Holm <${GMAIL.address}>? Reply "same ${WORK.address} ${GMAIL.address}".`,
    );
    await command(r, [`same ${WORK.address} ${GMAIL.address}`], MONDAY + 3_600_000);
    expect((await r.digest(NEXT_MONDAY)).text).not.toContain("the same person as");
    await command(r, [`split ${GMAIL.address}`], NEXT_MONDAY + 3_600_000);
    // Told they are two people, it never asks again.
    expect((await r.digest(NEXT_MONDAY + 7 * DAY)).text).not.toContain("the same person as");
  });

  it("the export has one vCard for a person, with an EMAIL line for each address", async () => {
    const r = await replayOwner(`${slug("export emails")}@kjaer.dk`);
    await knownTie(r, WORK, "2026-05-12");
    await knownTie(r, GMAIL, "2026-06-12");
    await command(r, [`same ${WORK.address} ${GMAIL.address}`], MONDAY);
    const res = await command(r, ["export"], MONDAY + 60_000);
    const vcf = (await PostalMime.parse(res.answerRaw!)).attachments.find((a) => a.filename?.endsWith(".vcf"))!;
    const text = typeof vcf.content === "string" ? vcf.content : new TextDecoder().decode(vcf.content);
    expect(text.split("\r\n").filter((l) => /^(BEGIN|FN|EMAIL)/.test(l))).toEqual([
      "BEGIN:VCARD",
      "FN:Anna Holm",
      `EMAIL;PREF=1:${WORK.address}`,
      `EMAIL:${GMAIL.address}`,
    ]);
    const json = (await PostalMime.parse(res.answerRaw!)).attachments.find((a) => a.filename?.endsWith(".json"))!;
    const data = JSON.parse(typeof json.content === "string" ? json.content : new TextDecoder().decode(json.content));
    // Sorted by address, as the export is.
    expect(data.contacts.map((c: { address: string; sameAs: string | null }) => [c.address, c.sameAs])).toEqual([
      [GMAIL.address, WORK.address],
      [WORK.address, null],
    ]);
  });
});

describe("a name in a command is found by index", () => {
  it("reads the contacts with that name or first name, not the owner's network of 1,500", async () => {
    const r = await replayOwner(`${slug("name by index")}@kjaer.dk`);
    await seedNetwork(env.DB, r.ownerId, { contacts: 1500, interactions: 5000, seed: 11 }, MONDAY);
    const vibeke: Who = { name: "Vibeke Østergård", address: "vibeke@oestergaard-design.dk" };
    await unanswered(r, vibeke, "2026-11-02");
    const meter = meterD1(env.DB);
    const res = await command(r, ["snooze Vibeke 2w", "snooze vibeke østergård 3w", "snooze Nobody Anyone 1w"], at("2026-11-12T17:05:00+01:00"), meter.db);
    expect(res.answer).toContain(
      [
        "✓ snooze Vibeke 2w — Vibeke Østergård: snoozed until Friday 27 November 2026",
        "✓ snooze vibeke østergård 3w — Vibeke Østergård: snoozed until Friday 4 December 2026",
        '✗ snooze Nobody Anyone 1w — I have no contact "Nobody". Check the spelling, or use the address.',
      ].join("\n"),
    );
    // One round trip for every name of the mail: the exact names in one statement, a first name as a range.
    const lookups = meter.calls.filter((c) => c.statements.some((s) => /^select/i.test(s.sql) && /"name_key"/.test(s.sql)));
    expect(lookups).toHaveLength(1);
    expect(lookups[0].rowsRead).toBeLessThan(30);
    const plans = (await explainCalls(env.DB, lookups)).flatMap((p) => p.plan.map((d) => d.replace(/ \(.*\)$/, "")));
    expect([...new Set(plans.filter((d) => / contacts /.test(`${d} `)))]).toEqual(["SEARCH contacts USING INDEX contacts_owner_name_key"]);
    expect(plans.filter((d) => /^SCAN/.test(d) && !/json_each/.test(d))).toEqual([]);
  });

  it("ignore @domain mutes the domain and its subdomains, reading that range of the index only", async () => {
    const r = await replayOwner(`${slug("ignore by index")}@kjaer.dk`);
    await seedNetwork(env.DB, r.ownerId, { contacts: 1500, interactions: 5000, seed: 12 }, MONDAY);
    await unanswered(r, { name: "Ole Bæk", address: "ole@mail.baek.dk" }, "2026-11-02");
    await unanswered(r, { name: "Ib Xbæk", address: "ib@xbaek.dk" }, "2026-11-02");
    await unanswered(r, { name: "Ea Bæk", address: "ea@baek.dk-shop.com" }, "2026-11-02");
    // What the pattern always meant: the address at the domain or at a subdomain of it.
    const covered = await env.DB.prepare("select count(*) as n from contacts where owner_id = ? and muted = 0 and (address like '%@baek.dk' or address like '%@%.baek.dk')")
      .bind(r.ownerId)
      .first<{ n: number }>();
    expect(covered!.n).toBeGreaterThan(50);
    const meter = meterD1(env.DB);
    const res = await command(r, ["ignore @baek.dk"], at("2026-11-12T17:05:00+01:00"), meter.db);
    expect(res.answer).toBe(`✓ ignore @baek.dk — mail from anyone at baek.dk never becomes a contact; ${covered!.n} existing contacts muted\n`);
    const muted = await env.DB.prepare("select address from contacts where owner_id = ? and muted = 1 and address in ('ole@mail.baek.dk', 'ib@xbaek.dk', 'ea@baek.dk-shop.com')")
      .bind(r.ownerId)
      .all<{ address: string }>();
    expect(muted.results.map((m) => m.address)).toEqual(["ole@mail.baek.dk"]);
    const byDomain = meter.calls.filter((c) => c.statements.some((s) => /"domain_key"/.test(s.sql)));
    // The count before, and the update in the mail's batch.
    expect(byDomain.map((c) => c.statements.filter((s) => /"domain_key"/.test(s.sql)).length)).toEqual([1, 1]);
    for (const call of byDomain) expect(call.rowsRead).toBeLessThan(3 * covered!.n + 20);
    const plans = (await explainCalls(env.DB, byDomain)).flatMap((p) => p.plan.map((d) => d.replace(/ \(.*\)$/, "")));
    expect(plans.filter((d) => / contacts /.test(`${d} `) && !/contacts_owner_domain_key/.test(d))).toEqual([]);
  });
});
