// Someone the owner knows, writing from a new address under the same full name (ingest/namesakes.ts), replayed
// through the real capture path and digest: the old address is chased no more, the new one is no stranger. A first
// name alone, a name two contacts share, or a group mail to a second address of theirs changes nothing.
import { describe, expect, it } from "vitest";
import { at, replayOwner, shown, type Mail, type Replay, type Who } from "../support/replay";
import { MONDAY } from "../support/network";

const WORK: Who = { name: "Henrik Lund", address: "henrik.lund@havnekultur.example" };
const NEW_JOB: Who = { name: "Henrik Lund", address: "henrik.lund@fynboturisme.example" };

/** Conversations in June and August, quiet since: due for a reconnect in November. */
function summer(r: Replay, who: Who): Mail[] {
  const exchange = (day: string, next: string, subject: string): Mail[] => [
    { at: `${day}T09:00:00+02:00`, from: r.me, to: [who], subject, body: "Hej Henrik,\n\nPlakaten er klar til tryk.\n\nSigne" },
    { at: `${next}T10:00:00+02:00`, from: who, to: [r.me], subject: `Sv: ${subject}`, body: "Hej Signe,\n\nFlot, tak.\n\nHenrik" },
  ];
  return [...exchange("2026-06-10", "2026-06-11", "Plakat til sommerfesten"), ...exchange("2026-08-13", "2026-08-14", "Plakat til efterårsprogrammet")];
}

const NOVEMBER = at("2026-11-02T08:00:00+01:00");

describe("someone the owner knows, at a new address", () => {
  it("asks from a new job: the request counts, and the quiet old address is no reconnect", async () => {
    const r = await replayOwner("signe.newjob@grafik.example", { language: "da" });
    await r.backfill(summer(r, WORK), at("2026-08-15T00:00:00+02:00"));
    expect(shown(await r.plan(NOVEMBER))).toEqual([["reconnect", WORK.address]]);
    await r.forward({
      at: "2026-10-28T10:00:00+01:00",
      from: NEW_JOB,
      to: [r.me],
      subject: "Nyt job – og en sommerfolder?",
      body: "Hej Signe,\n\nJeg er startet hos Fyn Turisme. Har du tid i april til en sommerfolder? Hvad vil du tage for den?\n\nHenrik",
    });
    expect(await r.contact(WORK)).toMatchObject({ unreachableAt: at("2026-10-28T10:00:00+01:00") });
    expect(shown(await r.plan(NOVEMBER))).toEqual([["help", NEW_JOB.address]]);
  });

  it("answers the owner's question from the new address: the nudge to the old one is settled", async () => {
    const r = await replayOwner("signe.answered@grafik.example", { language: "da" });
    await r.backfill(summer(r, WORK), at("2026-08-15T00:00:00+02:00"));
    await r.send({ at: "2026-10-20T09:00:00+02:00", to: [WORK], subject: "Vinterprogrammet?", body: "Hej Henrik,\n\nSkal I have et vinterprogram i år?\n\nSigne" });
    await r.forward({ at: "2026-10-22T14:00:00+02:00", from: NEW_JOB, to: [r.me], subject: "Sv: Vinterprogrammet?", body: "Hej Signe,\n\nJeg er stoppet i Havnekultur, spørg Mette der. Men jeg har noget nyt til dig snart.\n\nHenrik" });
    expect(shown(await r.plan(NOVEMBER))).toEqual([]);
  });

  it("writes under a longer name that begins with the known one ('Henrik Lund Møller'): still them", async () => {
    const r = await replayOwner("signe.longer@grafik.example", { language: "da" });
    await r.backfill(summer(r, WORK), at("2026-08-15T00:00:00+02:00"));
    const longer: Who = { name: "Henrik Lund Møller", address: "hlm@privat.example" };
    await r.forward({ at: "2026-10-28T10:00:00+01:00", from: longer, to: [r.me], subject: "Ny adresse", body: "Hej Signe,\n\nHar du tid i april til en sommerfolder?\n\nHenrik" });
    expect(shown(await r.plan(NOVEMBER))).toEqual([["help", longer.address]]);
  });

  it.each([
    ["a first name alone", { name: "Henrik", address: "henrik@fynboturisme.example" }],
    ["another full name", { name: "Henrik Lundgaard", address: "henrik@lundgaard.example" }],
  ])("%s is someone else: the old address is still a quiet tie", async (label, stranger: Who) => {
    const r = await replayOwner(`signe.${label.replace(/\W+/g, "-")}@grafik.example`, { language: "da" });
    await r.backfill(summer(r, WORK), at("2026-08-15T00:00:00+02:00"));
    await r.forward({ at: "2026-10-28T10:00:00+01:00", from: stranger, to: [r.me], subject: "Sommerfolder?", body: "Hej Signe,\n\nHar du tid i april til en sommerfolder?\n\nHenrik" });
    expect(await r.contact(WORK)).toMatchObject({ unreachableAt: null });
    expect(shown(await r.plan(NOVEMBER))).toEqual([["reconnect", WORK.address]]);
  });

  it("a name two contacts share picks neither", async () => {
    const r = await replayOwner("signe.twohenriks@grafik.example", { language: "da" });
    const OTHER: Who = { name: "Henrik Lund", address: "hl@lund-tryk.example" };
    await r.backfill([...summer(r, WORK), ...summer(r, OTHER)], at("2026-08-15T00:00:00+02:00"));
    await r.forward({ at: "2026-10-28T10:00:00+01:00", from: NEW_JOB, to: [r.me], subject: "Sommerfolder?", body: "Hej Signe,\n\nHar du tid i april til en sommerfolder?\n\nHenrik" });
    expect(shown(await r.plan(NOVEMBER)).sort()).toEqual([["reconnect", OTHER.address], ["reconnect", WORK.address]].sort());
  });

  it("the owner's group mail to a second address of theirs leaves the first a quiet tie", async () => {
    const r = await replayOwner("signe.roster@grafik.example", { language: "da" });
    await r.backfill(summer(r, WORK), at("2026-08-15T00:00:00+02:00"));
    const roster: Who = { name: "Henrik Lund", address: "henrik@frivillige-roster.example" };
    const others: Who[] = [1, 2, 3].map((n) => ({ name: `Frivillig ${n}`, address: `f${n}@frivillige-roster.example` }));
    await r.send({ at: "2026-10-20T09:00:00+02:00", to: [roster, ...others], subject: "Vagtplan", body: "Hej alle,\n\nHer er vagtplanen for november.\n\nSigne" });
    expect(await r.contact(WORK)).toMatchObject({ unreachableAt: null });
    expect(shown(await r.plan(NOVEMBER))).toContainEqual(["reconnect", WORK.address]);
  });

  it("a mail the provider filed as spam, under a contact's name, is left out of the import: no move, no stranger", async () => {
    const r = await replayOwner("signe.spam@grafik.example", { language: "da" });
    await r.backfill(summer(r, WORK), at("2026-08-15T00:00:00+02:00"));
    const phishing = [
      `From: Henrik Lund <henrik.lund.invoices@freemail.example>`,
      `To: ${r.me.address}`,
      "Subject: Faktura – betal i dag",
      "Date: Wed, 28 Oct 2026 10:00:00 +0100",
      "Message-ID: <phish-1@freemail.example>",
      "X-Gmail-Labels: Spam,Category Updates",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hej Signe, kan du betale vedhæftede faktura i dag? Henrik",
      "",
    ].join("\r\n");
    expect(await r.importRaw([phishing], at("2026-10-29T00:00:00+01:00"))).toEqual([{ status: "ignored", ownerId: r.ownerId, reason: "in your Spam folder" }]);
    await expect(r.contact("henrik.lund.invoices@freemail.example")).rejects.toThrow(/no contact/);
    expect(await r.contact(WORK)).toMatchObject({ unreachableAt: null });
  });

  it("a backfill that holds both addresses finds the move within one batch", async () => {
    const r = await replayOwner("signe.batch@grafik.example", { language: "da" });
    await r.backfill(
      [...summer(r, WORK), { at: "2026-10-28T10:00:00+01:00", from: NEW_JOB, to: [r.me], subject: "Nyt job", body: "Hej Signe,\n\nJeg er startet hos Fyn Turisme. Kan du sende mig dine priser for en folder?\n\nHenrik" }],
      at("2026-10-29T00:00:00+01:00"),
    );
    expect(shown(await r.plan(NOVEMBER))).toEqual([["help", NEW_JOB.address]]);
  });
});
