// Judgement rules added after the held-out run, replayed through the real capture path like judgement.test.ts:
// replies and nudges, mail to many, who did a referral, the owner's forwards (a note, a lost newsletter header,
// other clients' shapes), Apple Mail's quoted attribution, an address asked for, and how much history a quiet
// tie needs. Each test has its own owner, so the tests of this file share no people.
import { describe, expect, it } from "vitest";
import { at, DAY, replayOwner, shown, type Mail, type Replay, type Sent, type Who } from "../support/replay";
import { LARS, TOM, KAREN, METTE, JONAS, JESPER, slug, MONDAY, NEXT_MONDAY, knownTie } from "../support/network";

describe("a reply that only proposes a time answers the owner's invitation", () => {
  // Both answers propose a time for the owner's own invitation: the scheduling rule reads them as the answer.
  it.each([
    [
      "Danish, another day at their place",
      JONAS,
      "Kaffe og tilbygningen",
      "Hej Jonas,\n\nSkal vi tage en kop kaffe og tale om tilbygningen? Jeg har god tid de næste uger.\n\nSofie",
      "Hej Sofie,\n\nGerne. Jeg kan ikke i næste uge, men hvad med tirsdag den 8. december kl. 10 her på tegnestuen?\n\nJonas",
    ],
    [
      "English, a time and a place",
      TOM,
      "Coffee next week?",
      "Hi Tom,\n\nCould we grab a coffee next week and talk about the booking flow?\n\nSofie",
      "Hi Sofie,\n\nWednesday at 3 works — your office?\n\nTom",
    ],
  ])("%s: no help item, and the invitation is answered", async (label, who, subject, invitation, answer) => {
    const r = await replayOwner(`sofie.time.${slug(label)}@kjaer.design`);
    await knownTie(r, who);
    const asked = await r.send({ at: "2026-11-09T09:00:00+01:00", to: [who], subject, body: invitation });
    const reply = subject.startsWith("Coffee") ? `Re: ${subject}` : `Sv: ${subject}`;
    await r.reply({ at: "2026-11-10T14:30:00+01:00", from: who, to: [r.me], subject: reply, body: answer, inReplyTo: asked });
    expect(await r.contact(who)).toMatchObject({ lastTheyAskedAt: null, followUpSince: null, inboundCount: 2 });
    expect((await r.digest(MONDAY)).items).toEqual([]);
  });

  it("a dated task in the reply is still a request: help", async () => {
    const r = await replayOwner("sofie.time.task@kjaer.design");
    await knownTie(r, TOM);
    const asked = await r.send({ at: "2026-11-09T09:00:00+01:00", to: [TOM], subject: "Coffee next week?", body: "Hi Tom,\n\nCould we grab a coffee next week and talk about the booking flow?\n\nSofie" });
    await r.reply({
      at: "2026-11-10T14:30:00+01:00",
      from: TOM,
      to: [r.me],
      subject: "Re: Coffee next week?",
      body: "Hi Sofie,\n\nGladly. Could you review the deck before Friday? Then we have something to talk about.\n\nTom",
      inReplyTo: asked,
    });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([{ number: 1, section: "help", address: TOM.address, why: "Asked you something on 10 Nov: “Re: Coffee next week?” Still unanswered." }]);
  });
});

describe("the owner's later mail to someone who has not answered", () => {
  it("a nudge without a question still waits for the answer, and after two nudges the follow-up stops", async () => {
    const r = await replayOwner("sofie.nudges@kjaer.design");
    await knownTie(r, KAREN);
    const proposal = await r.send({
      at: "2026-10-26T09:00:00+01:00",
      to: [KAREN],
      subject: "Tilbud på brugertest",
      body: "Hej Karen,\n\nHer er mit tilbud på brugertesten: tre dage, 36.000 kr. ekskl. moms.\n\nSofie",
    });
    const first = await r.send({
      at: "2026-11-03T09:00:00+01:00",
      to: [KAREN],
      subject: "Re: Tilbud på brugertest",
      body: "Hi Karen,\n\nJust checking this reached you, I know November is busy.\n\nSofie",
      inReplyTo: proposal,
    });
    expect(await r.contact(KAREN)).toMatchObject({ followUpSince: at("2026-11-03T09:00:00+01:00"), unansweredOutbound: 2 });
    expect((await r.digest(MONDAY)).items).toEqual([
      {
        number: 1,
        section: "follow-up",
        address: KAREN.address,
        why: "You sent a proposal on 3 Nov: “Re: Tilbud på brugertest”. No answer after 12 days. You've followed up once already; if this gets no answer either, let it rest.",
      },
    ]);
    await r.send({
      at: "2026-11-17T09:00:00+01:00",
      to: [KAREN],
      subject: "Re: Tilbud på brugertest",
      body: "Hi Karen,\n\nJust checking this reached you before I plan December.\n\nSofie",
      inReplyTo: first,
    });
    // Still waiting for the answer, but two nudges is enough: no follow-up, and no reconnect either.
    expect(await r.contact(KAREN)).toMatchObject({ followUpSince: at("2026-11-17T09:00:00+01:00"), unansweredOutbound: 3 });
    expect((await r.digest(at("2026-11-30T08:00:00+01:00"))).items).toEqual([]);
    expect(shown(await r.plan(at("2027-03-01T08:00:00+01:00")))).toEqual([]);
  });

  it("a later mail that expects nothing ends the wait: a confirmation after a call", async () => {
    const r = await replayOwner("sofie.confirmed@kjaer.design");
    await knownTie(r, LARS);
    const question = await r.send({
      at: "2026-11-09T09:00:00+01:00",
      to: [LARS],
      subject: "Workshop-priser",
      body: "Hi Lars,\n\nWhat did you charge for the Novo workshop? I'm pricing my first one.\n\nSofie",
    });
    expect((await r.contact(LARS)).followUpSince).toBe(at("2026-11-09T09:00:00+01:00"));
    // They talked on the phone; the owner confirms by mail.
    await r.send({
      at: "2026-11-10T16:00:00+01:00",
      to: [LARS],
      subject: "Re: Workshop-priser",
      body: "Hi Lars,\n\nThanks for the call — confirming Thursday at 8:30 at your office.\n\nSofie",
      inReplyTo: question,
    });
    expect(await r.contact(LARS)).toMatchObject({ followUpSince: null, unansweredOutbound: 0 });
    expect((await r.digest(NEXT_MONDAY)).items).toEqual([]);
  });

  it("the answer is expected from the people in To: someone in Cc is not chased", async () => {
    const r = await replayOwner("sofie.cc@kjaer.design");
    await knownTie(r, LARS);
    await knownTie(r, TOM);
    await r.send({
      at: "2026-11-05T09:00:00+01:00",
      to: [LARS],
      cc: [TOM],
      subject: "Workshop i januar",
      body: "Hi Lars,\n\nCould you send me the dates you have free in January? Tom is copied so he knows the plan.\n\nSofie",
    });
    expect((await r.contact(TOM)).followUpSince).toBeNull();
    expect(shown(await r.plan(MONDAY))).toEqual([["follow-up", LARS.address]]);
  });

  it("an announcement to more than five settles nothing: the open question and the quiet stay as they were", async () => {
    const r = await replayOwner("sofie.announces@kjaer.design");
    await knownTie(r, LARS);
    await r.send({
      at: "2026-11-02T09:00:00+01:00",
      to: [LARS],
      subject: "Kontoudtog for oktober",
      body: "Hej Lars,\n\nKan du sende mig kontoudtoget for oktober?\n\nSofie",
    });
    const clients = ["anna@holm.dk", "bo@nielsen.dk", "carl@berg.dk", "dorte@lind.dk", "eva@skov.dk"].map((address) => ({ name: address.split("@")[0], address }));
    await r.send({
      at: "2026-11-04T09:00:00+01:00",
      to: [LARS, ...clients],
      subject: "Nye telefontider fra 1. december",
      body: "Kære alle,\n\nFra 1. december har jeg telefontid kl. 9–12 på hverdage.\n\nVenlig hilsen\nSofie",
    });
    const lars = await r.contact(LARS);
    expect(lars).toMatchObject({ followUpSince: at("2026-11-02T09:00:00+01:00"), lastOutboundAt: at("2026-11-02T09:00:00+01:00"), outboundCount: 3 });
    expect(shown(await r.plan(MONDAY))).toEqual([["follow-up", LARS.address]]);
    // Someone who only ever got the announcement is counted, but no conversation and no tie.
    expect(await r.contact(clients[0])).toMatchObject({ outboundCount: 1, lastAt: null, conversationCount: 0, followUpSince: null });
  });
});

describe("mail to more than five people", () => {
  it("workshop slides from a tie to 15 attendees give the owner nothing to thank for and nothing to help with", async () => {
    const r = await replayOwner("sofie.many@kjaer.design");
    await knownTie(r, JONAS);
    const attendees = Array.from({ length: 14 }, (_, i) => ({ name: `Deltager ${i + 1}`, address: `deltager${i + 1}@firma${i + 1}.dk` }));
    await r.backfill(
      [
        {
          at: "2026-11-11T09:30:00+01:00",
          from: JONAS,
          to: [r.me, ...attendees],
          subject: "Slides fra workshoppen",
          body: "Hej alle,\n\nTak for i går! Som lovet er her mine slides. Kunne I udfylde evalueringen inden fredag?\n\nJonas",
          attachments: [{ filename: "workshop-slides.pdf", mimeType: "application/pdf", content: "%PDF-1.7 slides" }],
        },
      ],
      at("2026-11-11T12:00:00+01:00"),
    );
    expect(await r.contact(JONAS)).toMatchObject({ inboundCount: 2, lastTheyGaveAt: null, theyGaveCount: 0, lastTheyAskedAt: null });
    expect((await r.digest(MONDAY)).items).toEqual([]);
  });
});

describe("a referral is read by who did it", () => {
  it("a tie who recommended the owner is thanked; a stranger whom someone recommended the owner to comes through the network", async () => {
    const r = await replayOwner("sofie.referrals@kjaer.design");
    await knownTie(r, LARS);
    const PRIYA: Who = { name: "Priya Nair", address: "priya@nair-clinics.com" };
    await r.backfill(
      [
        {
          at: "2026-11-10T10:00:00+01:00",
          from: LARS,
          to: [r.me],
          subject: "Ida from Lego",
          body: "Hi Sofie,\n\nI had lunch with Ida Holm from Lego yesterday. I told her you're the person to talk to about booking flows and gave her your details.\n\nLars",
        },
        {
          at: "2026-11-11T10:00:00+01:00",
          from: PRIYA,
          to: [r.me],
          subject: "UX research for our clinics",
          body: "Hi Sofie,\n\nSanjay Gupta recommended you. Could you let me know your monthly rates?\n\nBest,\nPriya",
        },
      ],
      at("2026-11-11T12:00:00+01:00"),
    );
    expect(await r.contact(PRIYA)).toMatchObject({ lastTheyGaveAt: null, introducedAt: at("2026-11-11T10:00:00+01:00") });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: LARS.address, why: "Recommended you to someone on 10 Nov: “Ida from Lego”. You haven't said thank you yet." },
      { number: 2, section: "help", address: PRIYA.address, why: "Asked you something on 11 Nov: “UX research for our clinics”. Still unanswered." },
    ]);
  });

  it("Danish: 'Nadia gav mig dit navn' puts a stranger in the network: help", async () => {
    const r = await replayOwner("sofie.referred-da@kjaer.design", { language: "da" });
    const ANDERS: Who = { name: "Anders Lyng", address: "anders@lyng-fysio.dk" };
    await r.backfill(
      [
        {
          at: "2026-11-10T10:00:00+01:00",
          from: ANDERS,
          to: [r.me],
          subject: "Ny booking-side",
          body: "Hej Sofie,\n\nNadia Holm gav mig dit navn, da jeg spurgte efter en god UX-designer. Kunne du tænke dig at hjælpe os med en ny booking-side?\n\nAnders",
        },
      ],
      at("2026-11-10T12:00:00+01:00"),
    );
    const digest = await r.digest(MONDAY);
    expect(digest.items.map((i) => [i.section, i.address])).toEqual([["help", ANDERS.address]]);
    expect((await r.contact(ANDERS)).lastTheyGaveAt).toBeNull();
  });
});

describe("the owner's forwards", () => {
  const SARAH: Who = { name: "Sarah Lund", address: "sarah@lund-klinikker.dk" };
  const request = (to: Who): Mail => ({
    at: "2026-11-10T10:00:00+01:00",
    from: SARAH,
    to: [to],
    subject: "Booking flow for the clinics",
    body: "Hi Sofie,\n\nWe're redoing the booking flow for our clinics. Could you send me a quote for a two-day user test?\n\nSarah",
  });

  it.each([
    ["with a note, the owner vouches for a first-time sender: help", "Remember to answer Sarah this week", [["help", SARAH.address]]],
    ["without a note, a first-time sender's request is no debt", "", []],
  ])("%s", async (label, note, want) => {
    const r = await replayOwner(`sofie.fwd.${slug(label)}@kjaer.design`);
    await r.forward(request(r.me), note);
    expect((await r.contact(SARAH)).lastTheyAskedAt).toBe(at("2026-11-10T10:00:00+01:00"));
    expect(shown(await r.plan(MONDAY))).toEqual(want);
  });

  it("the help item for the forward with a note", async () => {
    const r = await replayOwner("sofie.fwd.note-why@kjaer.design");
    await r.forward(request(r.me), "Remember to answer Sarah this week");
    expect((await r.digest(MONDAY)).items).toEqual([
      { number: 1, section: "help", address: SARAH.address, why: "Asked you something on 10 Nov: “Booking flow for the clinics”. Still unanswered." },
    ]);
  });

  it.each([
    [
      "Unsubscribe",
      { name: "Designmatters", address: "hello@designmatters.dk" },
      "Designmatters i november",
      "Hi Sofie,\n\nThis month: three new courses on research ops, and early-bird tickets for Designmatters 2027.\n\nRead more: https://designmatters.dk/news/november\n\nDesignmatters ApS, Nørregade 7, 1165 København K\nUnsubscribe",
    ],
    [
      "Afmeld nyhedsbrev",
      { name: "Træ-Nyt", address: "redaktion@traenyt.dk" },
      "Træ-Nyt uge 46",
      "Kære læser,\n\nI denne uge: nye regler for brandsikring af trækonstruktioner, og tre projekter fra Aarhus.\n\nLæs mere på traenyt.dk\n\nAfmeld nyhedsbrev",
    ],
    [
      "View this email in your browser",
      { name: "Anna at Studio Letters", address: "anna@studioletters.com" },
      "Studio Letters #41",
      "View this email in your browser\n\nHi there,\n\nThis week I wrote about pricing your first workshop. Could you charge more than you think? Probably.\n\nAnna",
    ],
  ])("a forwarded newsletter whose headers the forward lost is ignored by its footer: %s", async (label, sender, subject, body) => {
    const r = await replayOwner(`sofie.newsletter.${slug(label)}@kjaer.design`);
    const outcome = await r.forward({ at: "2026-11-10T07:00:00+01:00", from: sender, to: [r.me], subject, body }, "Interessant, gem den");
    expect(outcome).toEqual({ status: "ignored", ownerId: r.ownerId, reason: "newsletter (unsubscribe footer)" });
    await expect(r.contact(sender)).rejects.toThrow(`no contact ${sender.address}`);
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });

  /** The owner asks Mette for a link, BCC'd; Mette answers only the owner, who forwards her answer later. */
  async function askedForLink(r: Replay) {
    await r.send({
      at: "2026-11-16T11:00:00+01:00",
      to: [METTE],
      subject: "Linket til puljen",
      body: "Hej Mette,\n\nKunne du sende mig linket til puljen, du nævnte?\n\nSofie",
    });
  }

  it("a bottom-posted answer inside a Danish Thunderbird forward keeps its new text: the link is what was asked for", async () => {
    const r = await replayOwner("sofie.fwd.bottom-posted@kjaer.design", { language: "da" });
    await askedForLink(r);
    const text = [
      "-------- Videresendt meddelelse --------",
      "Emne: \tSv: Linket til puljen",
      "Dato: \tMon, 16 Nov 2026 14:20:00 +0100",
      `Fra: \tMette Riis <${METTE.address}>`,
      `Til: \tSofie Kjær <${r.me.address}>`,
      "",
      "",
      "",
      "Den 16.11.2026 kl. 11.00 skrev Sofie Kjær:",
      "> Hej Mette,",
      ">",
      "> Kunne du sende mig linket til puljen, du nævnte?",
      ">",
      "> Sofie",
      "",
      "Her er det: https://puljer.dk/ivaerksaetter",
      "",
      "Mette",
      "",
    ].join("\n");
    expect((await r.forwardAs("Fwd: Sv: Linket til puljen", text, "2026-11-17T08:10:00+01:00", "Mozilla Thunderbird")).status).toBe("stored");
    const digest = await r.digest(NEXT_MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: METTE.address, why: "Sendte det, du bad om den 16. nov.: »Sv: Linket til puljen«. Du har ikke sagt tak endnu." },
    ]);
  });

  it("an Apple Mail forward quotes the whole original, and its body is still read", async () => {
    const r = await replayOwner("sofie.fwd.apple@kjaer.design", { language: "da" });
    await askedForLink(r);
    const text = [
      "",
      "",
      "Begin forwarded message:",
      "",
      `> From: Mette Riis <${METTE.address}>`,
      "> Subject: Sv: Linket til puljen",
      "> Date: 16 November 2026 at 14.20.00 CET",
      `> To: Sofie Kjær <${r.me.address}>`,
      "> ",
      "> Hej Sofie,",
      "> ",
      "> Her er det: https://puljer.dk/ivaerksaetter",
      "> ",
      "> Mette",
      "> ",
      ">> On 16 Nov 2026, at 11.00, Sofie Kjær <" + r.me.address + "> wrote:",
      ">> ",
      ">> Hej Mette,",
      ">> ",
      ">> Kunne du sende mig linket til puljen, du nævnte?",
      ">> ",
      ">> Sofie",
      "",
    ].join("\n");
    expect((await r.forwardAs("Fwd: Sv: Linket til puljen", text, "2026-11-17T08:10:00+01:00", "Apple Mail (2.3826.600.51.1.1)")).status).toBe("stored");
    const digest = await r.digest(NEXT_MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: METTE.address, why: "Sendte det, du bad om den 16. nov.: »Sv: Linket til puljen«. Du har ikke sagt tak endnu." },
    ]);
  });
});

describe("Apple Mail's attribution inside the quote", () => {
  it("the owner's BCC'd reply records the quoted mail as theirs, which settles the pending follow-up", async () => {
    const r = await replayOwner("sofie.apple-reply@kjaer.design");
    await knownTie(r, JESPER);
    const question = await r.send({
      at: "2026-11-05T09:00:00+01:00",
      to: [JESPER],
      subject: "Tal til ansøgningen",
      body: "Hej Jesper,\n\nKan du sende mig jeres omsætningstal for 2025 til ansøgningen?\n\nSofie",
    });
    // Jesper answered the owner only; the assistant never saw it.
    const unseen: Sent = {
      messageId: "CAF7Qx2m1n@dahl-byg.dk",
      mail: { at: "2026-11-12T16:40:00Z", from: JESPER, to: [r.me], subject: "Re: Tal til ansøgningen", body: "Hej Sofie,\n\nJa, dem får du på mandag.\n\nJesper", inReplyTo: question },
    };
    await r.send({
      at: "2026-11-13T09:00:00+01:00",
      to: [JESPER],
      subject: "Re: Tal til ansøgningen",
      body: "Hej Jesper,\n\nTak! Kan du også tage budgettet for 2026 med?\n\nSofie",
      inReplyTo: unseen,
      quoteStyle: "apple",
    });
    expect(await r.contact(JESPER)).toMatchObject({
      inboundCount: 2,
      lastInboundAt: at("2026-11-12T16:40:00Z"),
      followUpSince: at("2026-11-13T09:00:00+01:00"),
      unansweredOutbound: 1,
    });
    // The follow-up is the new question's, with no nudge before it: Jesper answered the first.
    const digest = await r.digest(NEXT_MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "follow-up", address: JESPER.address, why: "You asked on 13 Nov: “Re: Tal til ansøgningen”. No answer after 9 days." },
    ]);
  });
});

describe("an address in the answer to the owner's request", () => {
  async function askForAdvisor(r: Replay, who: Who): Promise<Sent> {
    return r.send({
      at: "2026-11-09T09:00:00+01:00",
      to: [who],
      subject: "Energirådgiver?",
      body: `Hej ${who.name.split(" ")[0]},\n\nKender du en energirådgiver, der kan se på tagboligen?\n\nSofie`,
    });
  }

  it.each([
    ["someone else's address", METTE, "Hej Sofie,\n\nJa, min svoger. Han hedder Torben, tm@kystenergi.dk. Sig at det er fra mig.\n\nMette"],
    ["a colleague's address at the writer's own domain", { name: "Karin Lund", address: "karin@kystenergi.dk" }, "Hej Sofie,\n\nDet er ikke mig, men min kollega. Han hedder Torben, tm@kystenergi.dk.\n\nKarin"],
  ])("%s is what was asked for: thank", async (label, who, body) => {
    const r = await replayOwner(`sofie.address.${slug(label)}@kjaer.design`);
    const asked = await askForAdvisor(r, who);
    await r.reply({ at: "2026-11-10T12:00:00+01:00", from: who, to: [r.me], subject: "Sv: Energirådgiver?", body, inReplyTo: asked });
    expect((await r.digest(MONDAY)).items).toEqual([
      { number: 1, section: "thank", address: who.address, why: "Sent what you asked for on 10 Nov: “Sv: Energirådgiver?” You haven't said thank you yet." },
    ]);
  });

  it("the owner's answer acknowledges what was asked for, whatever its words; an introduction still wants thanks", async () => {
    const r = await replayOwner("sofie.address.acknowledged@kjaer.design");
    const asked = await askForAdvisor(r, METTE);
    const got = await r.reply({
      at: "2026-11-10T12:00:00+01:00",
      from: METTE,
      to: [r.me],
      subject: "Sv: Energirådgiver?",
      body: "Hej Sofie,\n\nJa, min svoger. Han hedder Torben, tm@kystenergi.dk.\n\nMette",
      inReplyTo: asked,
    });
    await r.send({ at: "2026-11-10T15:00:00+01:00", to: [METTE], subject: "Sv: Energirådgiver?", body: "Perfekt, jeg skriver til ham i aften.\n\nSofie", inReplyTo: got });
    expect((await r.digest(MONDAY)).items).toEqual([]);

    // Lars answers on a thread he took part in: only those may write on a shared thread.
    const tie = await knownTie(r, LARS);
    const intro = await r.reply({
      at: "2026-11-11T10:00:00+01:00",
      from: LARS,
      to: [r.me, TOM],
      subject: "Sofie, mød Tom",
      body: "Hej Sofie og Tom,\n\nI to burde virkelig tale sammen om jeres byggeprojekter.\n\nLars",
      inReplyTo: tie,
    });
    await r.send({ at: "2026-11-11T14:00:00+01:00", to: [LARS], subject: "Sv: Sofie, mød Tom", body: "Hej Lars,\n\nJeg skriver til Tom i morgen.\n\nSofie", inReplyTo: intro });
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", LARS.address]]);
  });

  it("the writer's own address in the text is not", async () => {
    const r = await replayOwner("sofie.address.own@kjaer.design");
    const asked = await askForAdvisor(r, METTE);
    await r.reply({
      at: "2026-11-10T12:00:00+01:00",
      from: METTE,
      to: [r.me],
      subject: "Sv: Energirådgiver?",
      body: `Hej Sofie,\n\nDesværre, jeg kender ingen i den branche.\n\nMette Riis\nRiis Kommunikation\n${METTE.address}`,
      inReplyTo: asked,
    });
    expect((await r.contact(METTE)).lastTheyGaveAt).toBeNull();
    expect((await r.digest(MONDAY)).items).toEqual([]);
  });
});

describe("a quiet tie needs a history", () => {
  /** The owner writes on `day` and they answer the next day: one conversation. */
  function exchange(r: Replay, who: Who, day: string, subject: string, body: string, answer: string): Mail[] {
    const mine: Mail = { at: `${day}T09:00:00+02:00`, from: r.me, to: [who], subject, body };
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    return [mine, { at: `${next}T10:00:00+02:00`, from: who, to: [r.me], subject: `Sv: ${subject}`, body: answer }];
  }

  it("two conversations within two weeks (a venue booking) are no tie to reconnect with", async () => {
    const r = await replayOwner("sofie.quiet.booking@kjaer.design");
    const LINE: Who = { name: "Line Skov", address: "line@pakhuset-kultur.dk" };
    await r.backfill(
      [
        ...exchange(r, LINE, "2026-09-01", "Leje af salen 3. oktober", "Hej Line,\n\nJeg vil gerne leje salen lørdag den 3. oktober til en workshop for 20.\n\nSofie", "Hej Sofie,\n\nDen er din. Jeg sender en bekræftelse.\n\nLine"),
        ...exchange(r, LINE, "2026-09-14", "Faktura for salen", "Hej Line,\n\nHer er vores CVR-nummer til fakturaen: 12345678.\n\nSofie", "Hej Sofie,\n\nModtaget, fakturaen kommer i dag.\n\nLine"),
      ],
      at("2026-09-16T00:00:00+02:00"),
    );
    expect(await r.contact(LINE)).toMatchObject({ conversationCount: 2, inboundCount: 2, outboundCount: 2 });
    expect(shown(await r.plan(MONDAY))).toEqual([]);
    expect(shown(await r.plan(at("2027-03-01T08:00:00+01:00")))).toEqual([]);
  });

  it("conversations in June and August, quiet since mid-August: due by early November", async () => {
    const r = await replayOwner("sofie.quiet.summer@kjaer.design");
    const OSKAR: Who = { name: "Oskar Brandt", address: "oskar@brandt-lyd.dk" };
    await r.backfill(
      [
        ...exchange(r, OSKAR, "2026-06-10", "Lyd til podcasten", "Hej Oskar,\n\nTak for hjælpen med lyden til første afsnit.\n\nSofie", "Hej Sofie,\n\nSelv tak, det blev godt.\n\nOskar"),
        ...exchange(r, OSKAR, "2026-08-13", "Afsnit 4", "Hej Oskar,\n\nAfsnit 4 er ude nu, din intro er med.\n\nSofie", "Hej Sofie,\n\nFedt, jeg deler det.\n\nOskar"),
      ],
      at("2026-08-15T00:00:00+02:00"),
    );
    expect(await r.contact(OSKAR)).toMatchObject({ conversationCount: 2, lastAt: at("2026-08-14T10:00:00+02:00") });
    expect(shown(await r.plan(at("2026-10-26T08:00:00+01:00")))).toEqual([]);
    // The rhythm drawn from the two conversations (64 days apart, drawn towards a quarter): (64 + 45) / 1.5 = 73 days.
    expect((await r.plan(at("2026-11-02T08:00:00+01:00"))).items.map((i) => i.evidence)).toMatchObject([{ what: "quiet", cadenceDays: 73 }]);
    const digest = await r.digest(at("2026-11-02T08:00:00+01:00"));
    expect(digest.items).toEqual([
      { number: 1, section: "reconnect", address: OSKAR.address, why: "Last in touch on 14 Aug: “Sv: Afsnit 4”. That was 2 months ago; you're usually in touch every 2 months." },
    ]);
  });
});
