// The judgement of issue 8, replayed through the real capture path: real mails in, the real contact row and the
// real digest out. Each test has its own owner, so the tests of this file share no people.
import { describe, expect, it } from "vitest";
import { at, DAY, replayOwner, shown, type Mail, type Replay, type Who } from "../support/replay";
import { LARS, TOM, KAREN, METTE, JONAS, JESPER, slug, MONDAY, knownTie } from "../support/network";

/** The owner asks, with the assistant in BCC, and the contact answers on that thread with `body`. */
async function askedAndAnswered(r: Replay, who: Who, answer: Omit<Mail, "from" | "to" | "inReplyTo" | "subject"> & { cc?: Who[] }) {
  const question = await r.send({
    at: "2026-11-09T09:00:00+01:00",
    to: [who],
    subject: "Designere til booking-appen?",
    body: `Hej ${who.name.split(" ")[0]},\n\nKender du nogen, der søger en UX-designer til foråret?\n\nSofie`,
  });
  await r.reply({ ...answer, from: who, to: [r.me], subject: "Re: Designere til booking-appen?", inReplyTo: question });
}

describe("gifts: the words, with others in between and in any tense", () => {
  it.each([
    ["English, words in between", "Hi Sofie,\n\nNot right now, but I'd really love for you two to meet. Tom is building a design team.\n\nLars", [TOM], "Introduced you to Tom Becker"],
    ["English, looping in", "Hi Sofie,\n\nLooping in a friend who is hiring, he'll take it from here.\n\nLars", [TOM], "Introduced you to Tom Becker"],
    ["English, a word for you", "Hi Sofie,\n\nNot us, but I put in a word for you with the team at Lego.\n\nLars", [], "Recommended you to someone"],
    ["Danish, past tense with words in between", "Hej Sofie,\n\nJeg har lige skrevet til min gamle kollega om dig. Hun mangler en UX-designer.\n\nLars", [], "Recommended you to someone"],
  ])("%s", async (label, body, cc, why) => {
    const r = await replayOwner(`sofie.gift.${slug(label)}@kjaer.design`);
    await knownTie(r, LARS);
    await askedAndAnswered(r, LARS, { at: "2026-11-10T14:30:00+01:00", body, cc });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: LARS.address, why: `${why} on 10 Nov: “Re: Designere til booking-appen?” You haven't said thank you yet.` },
    ]);
  });

  it("an introduction by structure: a contact writes to the owner and someone new together, without intro words", async () => {
    const r = await replayOwner("sofie.structure@kjaer.design");
    await r.forward({
      at: "2026-11-11T11:20:00+01:00",
      from: KAREN,
      to: [r.me, TOM],
      subject: "Booking-flowet i Aarhus",
      body: "Hej begge,\n\nTom starter et studie i Aarhus og mangler en UX-person. Tom: Sofie lavede vores booking-flow sidste år.\n\nKaren",
    });
    const karen = await r.contact(KAREN);
    expect([karen.lastTheyGaveKind, karen.lastTheyGaveDetail, karen.theyGaveCount]).toEqual(["introduction", "Tom Becker", 1]);
    expect(await r.contact(TOM)).toMatchObject({ introducedBy: "Karen Bech", inboundCount: 0, outboundCount: 0 });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: KAREN.address, why: "Introduced you to Tom Becker on 11 Nov: “Booking-flowet i Aarhus”. You haven't said thank you yet." },
    ]);
  });

  it("material after the owner's request is what they asked for, named by its file", async () => {
    const r = await replayOwner("sofie.askedfor@kjaer.design");
    const ask = await r.send({
      at: "2026-11-09T09:00:00+01:00",
      to: [JONAS],
      subject: "Slides fra dit oplæg?",
      body: "Hej Jonas,\n\nKunne du sende mig dine slides om prissætning? De var rigtig gode.\n\nSofie",
    });
    await r.reply({
      at: "2026-11-10T16:05:00+01:00",
      from: JONAS,
      to: [r.me],
      subject: "Re: Slides fra dit oplæg?",
      body: "Hej Sofie,\n\nVærsgo.\n\nJonas",
      inReplyTo: ask,
      attachments: [{ filename: "prissaetning.pdf", mimeType: "application/pdf", content: "%PDF-1.7 slides" }],
    });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([
      {
        number: 1,
        section: "thank",
        address: JONAS.address,
        why: "Sent what you asked for (prissaetning.pdf) on 10 Nov: “Re: Slides fra dit oplæg?” You haven't said thank you yet.",
      },
    ]);
  });
});

describe("thanks in other words settle a thank", () => {
  it.each([
    ["That was generous of you — Tom and I are meeting on Thursday.", "Re: Booking-flowet i Aarhus"],
    ["You saved my week, honestly. Tom and I meet on Thursday.", "Re: Booking-flowet i Aarhus"],
    ["Du reddede min uge! Tom og jeg mødes på torsdag.", "Sv: Booking-flowet i Aarhus"],
    ["Mange tak for din tid i går, og for Tom.", "Sv: Booking-flowet i Aarhus"],
  ])("%s", async (body, subject) => {
    const r = await replayOwner(`sofie.thanks.${slug(body)}@kjaer.design`);
    await r.forward({ at: "2026-11-11T11:20:00+01:00", from: KAREN, to: [r.me, TOM], subject: "Booking-flowet i Aarhus", body: "Hej begge,\n\nTom, mød Sofie.\n\nKaren" });
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", KAREN.address]]);
    await r.send({ at: "2026-11-12T08:30:00+01:00", to: [KAREN], subject, body: `Hej Karen,\n\n${body}\n\nSofie` });
    // Thanked: no thank item, and a thank-you expects no answer, so no follow-up either.
    expect(shown(await r.plan(MONDAY))).toEqual([]);
    expect(shown(await r.plan(MONDAY + 14 * DAY))).toEqual([]);
    expect((await r.contact(KAREN)).followUpSince).toBeNull();
  });

  it("thanks to the introducer moved to Bcc, in a sent-mail export, settle the thank and chase no one in Bcc", async () => {
    const r = await replayOwner("sofie.thanks.bcc@kjaer.design");
    const intro = { at: "2026-11-11T11:20:00+01:00", from: KAREN, to: [r.me, TOM], subject: "Booking-flowet i Aarhus", body: "Hej begge,\n\nTom, mød Sofie.\n\nKaren" };
    await r.forward(intro);
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", KAREN.address]]);
    await r.backfill(
      [
        {
          at: "2026-11-12T08:30:00+01:00",
          from: r.me,
          to: [TOM],
          headers: [`Bcc: ${KAREN.name} <${KAREN.address}>`],
          subject: "Re: Booking-flowet i Aarhus",
          body: "Hej Tom,\n\nTak, Karen (flytter dig til Bcc)! Tom: hvornår passer det dig at mødes?\n\nSofie",
        },
      ],
      at("2026-11-13T09:00:00+01:00"),
    );
    // Karen thanked; Tom is asked and may be followed up, Karen in Bcc is not.
    expect(shown(await r.plan(MONDAY + 14 * DAY)).filter(([, a]) => a === KAREN.address)).toEqual([]);
  });

  it("a reply to the introducer and the person introduced, thanking one and asking the other: only the other is followed up", async () => {
    const r = await replayOwner("sofie.thanks.replyall@kjaer.design");
    await r.forward({ at: "2026-11-11T11:20:00+01:00", from: KAREN, to: [r.me, TOM], subject: "Sofie, mød Tom", body: "Hej begge,\n\nTom, mød Sofie.\n\nKaren" });
    await r.send({
      at: "2026-11-12T08:30:00+01:00",
      to: [KAREN, TOM],
      subject: "Sv: Sofie, mød Tom",
      body: "Tusind tak, Karen!\n\nTom, har du tid til en kop kaffe i næste uge?\n\nSofie",
    });
    expect(shown(await r.plan(MONDAY + 14 * DAY))).toEqual([["follow-up", TOM.address]]);
  });

  it("a contact's thank-you is no request: nothing to help with, nothing to follow up", async () => {
    const r = await replayOwner("sofie.theythank@kjaer.design");
    await knownTie(r, METTE);
    const sent = await r.send({ at: "2026-11-09T09:00:00+01:00", to: [METTE], subject: "Budgettet til workshoppen", body: "Hej Mette,\n\nHer er mine tal til budgettet, som lovet.\n\nSofie" });
    await r.reply({ at: "2026-11-10T12:00:00+01:00", from: METTE, to: [r.me], subject: "Sv: Budgettet til workshoppen", body: "Tusind tak for hjælpen, du reddede min uge!\n\nMette", inReplyTo: sent });
    expect(await r.contact(METTE)).toMatchObject({ lastTheyAskedAt: null, followUpSince: null });
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });
});

describe("which mail the owner sends expects an answer", () => {
  const NEXT_WEEK = at("2026-11-23T08:00:00+01:00");

  it.each([
    ["a confirmation", "Re: Underskrift fredag?", "Friday works, I'll bring the contract."],
    ["an answer to their question", "Re: Kender du en revisor?", "Yes: Dorte Lund at KBH Revision, dorte@kbh-revision.dk. She does mine."],
    ["a thank-you", "Thank you!", "Thank you so much for the intro to Tom, that was generous of you."],
    ["a birthday greeting", "Happy birthday!", "Happy birthday, Lars! Hope you have a great day."],
  ])("none for %s", async (label, subject, body) => {
    const r = await replayOwner(`sofie.none.${slug(label)}@kjaer.design`);
    await knownTie(r, LARS);
    const asked = await r.backfill(
      [{ at: "2026-11-09T10:00:00+01:00", from: LARS, to: [r.me], subject: subject.replace(/^Re: /, ""), body: "Hi Sofie,\n\nA quick one from me.\n\nLars" }],
      at("2026-11-09T11:00:00+01:00"),
    );
    await r.send({ at: "2026-11-10T09:00:00+01:00", to: [LARS], subject, body: `Hi Lars,\n\n${body}\n\nSofie`, inReplyTo: subject.startsWith("Re:") ? asked[0] : undefined });
    expect((await r.contact(LARS)).followUpSince).toBeNull();
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([]);
  });

  it("none for a note about a move to 12 people", async () => {
    const r = await replayOwner("sofie.move@kjaer.design");
    const people = Array.from({ length: 12 }, (_, i) => ({ name: `Kunde ${i + 1}`, address: `kunde${i + 1}@firma${i + 1}.dk` }));
    await r.send({
      at: "2026-11-10T09:00:00+01:00",
      to: people,
      subject: "Ny adresse fra 1. december",
      body: "Hej alle,\n\nFra 1. december holder jeg til i Jægersborggade 12. Samme telefon, samme mail.\n\nSofie",
    });
    expect((await r.contact(people[0])).outboundCount).toBe(1);
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([]);
  });

  it("an announcement with everyone in Bcc keeps no tie warm and waits for no answer", async () => {
    const r = await replayOwner("sofie.bccannounce@kjaer.design");
    await knownTie(r, TOM, "2026-08-14");
    await r.backfill(
      [
        {
          at: "2026-11-10T09:00:00+01:00",
          from: r.me,
          to: [r.me],
          headers: [`Bcc: ${TOM.address}, ${JONAS.address}, ${KAREN.address}`],
          subject: "New portfolio online",
          body: "Hi all,\n\nMy new portfolio is up at kjaer.design. Would love to hear what you think?\n\nSofie",
        },
      ],
      at("2026-11-10T10:00:00+01:00"),
    );
    expect(await r.contact(TOM)).toMatchObject({ lastAt: at("2026-08-14T18:00:00+02:00") });
    expect(shown(await r.plan(NEXT_WEEK)).filter(([s]) => s === "follow-up")).toEqual([]);
  });

  it("'Hi all' to a few keeps no single tie warm; someone in Cc of a +3d mail is not chased", async () => {
    const r = await replayOwner("sofie.hiall@kjaer.design");
    await knownTie(r, TOM, "2026-08-14");
    await r.send({ at: "2026-11-01T09:00:00+01:00", to: [TOM, JONAS, KAREN], subject: "Honning fra i år", body: "Hej alle,\n\nÅrets honning er tappet, og der står et glas til jer på værkstedet.\n\nSofie" });
    expect(await r.contact(TOM)).toMatchObject({ lastAt: at("2026-08-14T18:00:00+02:00") });
    await r.send(
      { at: "2026-11-10T09:00:00+01:00", to: [LARS], cc: [METTE], subject: "Tilbud på gennemgang", body: "Hej Lars,\n\nHer er mit tilbud på gennemgangen. Kan vi sige ja til den 3. december?\n\nSofie" },
      "gensidig+3d@example.com",
    );
    expect(shown(await r.plan(NEXT_WEEK)).filter(([s]) => s === "follow-up")).toEqual([["follow-up", LARS.address]]);
  });

  it("none for a first mail that confirms what was arranged by phone", async () => {
    const r = await replayOwner("sofie.confirmfirst@kjaer.design");
    await r.send({ at: "2026-11-10T09:00:00+01:00", to: [JESPER], subject: "Tirsdag", body: "Hej Jesper. Det er aftalt, jeg kommer tirsdag kl. 7 og måler op i kælderen.\n\nSofie" });
    await r.send({ at: "2026-11-10T09:05:00+01:00", to: [TOM], subject: "Tuesday", body: "Confirmed for Tuesday 7am, the side door code is 4471.\n\nSofie" });
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([]);
  });

  it("none for a note to a list address ('students@…'), though it asks", async () => {
    const r = await replayOwner("sofie.listaddress@kjaer.design");
    await r.send({
      at: "2026-11-10T09:00:00+01:00",
      to: [{ name: "", address: "students@kjaer-kurser.dk" }],
      subject: "Term wrap-up",
      body: "Hi all,\n\nPick-up days for your pieces are 12 and 13 December. Can you let me know which day suits you?\n\nSofie",
    });
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([]);
  });

  it("none for a first note that greets a group ('Hi all') at an address the rules do not know as a list", async () => {
    const r = await replayOwner("sofie.unknownlist@kjaer.design");
    await r.send({
      at: "2026-11-10T09:00:00+01:00",
      to: [{ name: "Vinterholdet", address: "vinterhold@kjaer-kurser.dk" }],
      subject: "Christmas opening hours",
      body: "Hi all,\n\nThe studio closes on 23 December and reopens on 5 January. Happy Christmas from all of us!\n\nSofie",
    });
    await r.send({ at: "2026-11-10T09:05:00+01:00", to: [{ name: "", address: "patients@kjaer-klinik.dk" }], subject: "New address", body: "We move to Jægersborggade 12 on 1 December.\n\nSofie" });
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([]);
  });

  it("none for a first mail that only hands something over; a stranger's 'my name is …, here is my portfolio' waits", async () => {
    const r = await replayOwner("sofie.handsover@kjaer.design");
    await r.send({ at: "2026-11-10T09:00:00+01:00", to: [JESPER], subject: "Rota for December", body: "Jesper, here is the December rota.\n\nSofie" });
    const emma = { name: "Emma Lind", address: "emma@lind.studio" };
    await r.send({
      at: "2026-11-10T09:05:00+01:00",
      to: [emma],
      subject: "Portfolio",
      body: "Hi Emma,\n\nMy name is Sofie and I have just gone freelance as a UX designer. Here is my portfolio: kjaer.design\n\nSofie",
    });
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([["follow-up", emma.address]]);
  });

  it("a club's note to five ('Hej allesammen') introduces none of the others; the owner's answer to it expects nothing", async () => {
    const r = await replayOwner("sofie.clubnote@kjaer.design");
    const members = Array.from({ length: 4 }, (_, i) => ({ name: `Medlem ${i + 1}`, address: `medlem${i + 1}@post${i + 1}.dk` }));
    await r.forward({
      at: "2026-11-11T19:30:00+01:00",
      from: KAREN,
      to: [r.me, ...members],
      subject: "Vinteroplæg – hvem gør hvad?",
      body: "Hej allesammen\n\nKlubbådene skal på land lørdag d. 14. november. Vi skal bruge folk til kran, afrigning og kaffe. Svar gerne hvad I tager.\n\nKaren",
    });
    expect((await r.contact(KAREN)).lastTheyGaveKind).toBeNull();
    expect(shown(await r.plan(MONDAY)).filter(([s]) => s === "thank")).toEqual([]);
  });

  it("a client's colleagues copied in on what she asks are no introduction; a colleague looped in by a note that asks nothing is", async () => {
    const r = await replayOwner("sofie.colleagues@kjaer.design");
    const signe = { name: "Signe Krog", address: "signe@musikskolen-vest.dk" };
    const mads = { name: "Mads Bjerre", address: "mads@musikskolen-vest.dk" };
    await r.forward({
      at: "2026-11-11T12:45:00+01:00",
      from: signe,
      to: [r.me],
      cc: [mads],
      subject: "Julekoncert",
      body: "Hej Sofie\n\nKan du lave plakaten til julekoncerten inden den 1.? Mads har teksterne og er med her.\n\nSigne",
    });
    expect((await r.contact(signe)).lastTheyGaveKind).toBeNull();
    // An introduced person would become a contact, introduced by Signe.
    await expect(r.contact(mads)).rejects.toThrow(/no contact/);
    const grace = { name: "Grace Whitfield", address: "grace@lumenhealth.io" };
    const raj = { name: "Raj Mehta", address: "raj@lumenhealth.io" };
    await r.forward({
      at: "2026-11-11T16:20:00+01:00",
      from: grace,
      to: [r.me, raj],
      subject: "Sofie <> Raj",
      body: "Hi both,\n\nRaj is our CTO and is about to rebuild the dashboard. Sofie did the research behind the deck you liked.\n\nGrace",
    });
    expect(await r.contact(grace)).toMatchObject({ lastTheyGaveKind: "introduction", lastTheyGaveDetail: "Raj Mehta" });
  });

  it("a contact writing to the owner and to their own firm's 'hello@' introduces no one", async () => {
    const r = await replayOwner("sofie.roleaddress@kjaer.design");
    await r.forward({
      at: "2026-11-11T11:20:00+01:00",
      from: KAREN,
      to: [r.me, { name: "", address: "hello@bech-revision.dk" }],
      subject: "We moved!",
      body: "Hi both,\n\nBech Revision has moved to Vestergade 12 as of Monday. Same phones.\n\nKaren",
    });
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });

  it("none for a first note to four people that asks nothing; one to a single person waits", async () => {
    const r = await replayOwner("sofie.fewnote@kjaer.design");
    const crew = Array.from({ length: 4 }, (_, i) => ({ name: `Lærling ${i + 1}`, address: `laerling${i + 1}@post${i + 1}.dk` }));
    await r.send({ at: "2026-11-10T09:00:00+01:00", to: crew, subject: "Juleafslutning", body: "Hej alle,\n\nJuleafslutning fredag den 18. kl. 14 på værkstedet. Der er æbleskiver.\n\nSofie" });
    await r.send({ at: "2026-11-10T09:05:00+01:00", to: [LARS], subject: "Tegningerne til Vesterbro", body: "Hej Lars,\n\nJeg har overtaget sagen på Vesterbro efter Mette og sender tegningerne, når de er klar.\n\nSofie" });
    expect(shown(await r.plan(NEXT_WEEK))).toEqual([["follow-up", LARS.address]]);
  });

  it.each([
    [
      "a first contact",
      { name: "Emma Lind", address: "emma@lind.studio" },
      "Designmatters",
      "Hi Emma,\n\nI saw your talk at Designmatters and loved the part on research ops. I've just gone freelance in Copenhagen.\n\nSofie",
      "gensidig@example.com",
      "You reached out on 10 Nov: “Designmatters”. No answer after 12 days.",
    ],
    [
      "a question",
      LARS,
      "Workshop-priser",
      "Hi Lars,\n\nWhat did you charge for the Novo workshop? I'm pricing my first one.\n\nSofie",
      "gensidig@example.com",
      "You asked on 10 Nov: “Workshop-priser”. No answer after 12 days.",
    ],
    [
      "a proposal",
      LARS,
      "Tilbud på brugertest",
      "Hej Lars,\n\nHer er mit tilbud på brugertesten: tre dage, 36.000 kr. ekskl. moms.\n\nSofie",
      "gensidig@example.com",
      "You sent a proposal on 10 Nov: “Tilbud på brugertest”. No answer after 12 days.",
    ],
    [
      "a mail to gensidig+3d",
      LARS,
      "Good to see you",
      "Hi Lars,\n\nGood to see you yesterday. Say hi to the team.\n\nSofie",
      "gensidig+3d@example.com",
      "You wrote on 10 Nov: “Good to see you”. No answer after 12 days.",
    ],
  ])("one for %s", async (label, who, subject, body, bcc, why) => {
    const r = await replayOwner(`sofie.expects.${slug(label)}@kjaer.design`);
    if (who === LARS) await knownTie(r, LARS);
    await r.send({ at: "2026-11-10T09:00:00+01:00", to: [who], subject, body }, bcc);
    const digest = await r.digest(NEXT_WEEK);
    expect(digest.items).toEqual([{ number: 1, section: "follow-up", address: who.address, why }]);
  });

  it("+3d nudges on the third day, counted by the calendar, where the default waits a week", async () => {
    const r = await replayOwner("sofie.plus3d@kjaer.design");
    await knownTie(r, LARS);
    await r.send({ at: "2026-11-10T09:00:00+01:00", to: [LARS], subject: "Good to see you", body: "Hi Lars,\n\nGood to see you yesterday.\n\nSofie" }, "gensidig+3d@example.com");
    expect(shown(await r.plan(at("2026-11-12T23:30:00+01:00")))).toEqual([]);
    // Due at 09:01 on Friday the 13th: a digest at 08:00 that day shows it.
    expect(shown(await r.plan(at("2026-11-13T08:00:00+01:00")))).toEqual([["follow-up", LARS.address]]);
  });

  it("a +3d sent on Friday morning is in Monday's digest, not the one a week later", async () => {
    const r = await replayOwner("sofie.plus3d.friday@kjaer.design");
    await knownTie(r, LARS);
    await r.send({ at: "2026-11-13T10:00:00+01:00", to: [LARS], subject: "Tilbud på lys", body: "Hej Lars,\n\nHer er mit tilbud på lyset til optagelsen.\n\nSofie" }, "gensidig+3d@example.com");
    const monday = await r.digest(at("2026-11-16T08:00:00+01:00"));
    expect(monday.items.map((i) => [i.section, i.address])).toEqual([["follow-up", LARS.address]]);
  });

  it("the owner's default week is counted by the calendar too: sent Monday at ten, shown the next Monday at eight", async () => {
    const r = await replayOwner("sofie.week.calendar@kjaer.design");
    await knownTie(r, LARS);
    await r.send({ at: "2026-11-09T10:00:00+01:00", to: [LARS], subject: "Workshop-priser", body: "Hi Lars,\n\nWhat did you charge for the Novo workshop?\n\nSofie" });
    expect(shown(await r.plan(at("2026-11-15T20:00:00+01:00")))).toEqual([]);
    expect(shown(await r.plan(at("2026-11-16T08:00:00+01:00")))).toEqual([["follow-up", LARS.address]]);
  });
});

describe("help, only for the owner's network", () => {
  const stranger = (address: string, subject: string, body: string): Mail => ({
    at: "2026-11-10T10:00:00+01:00",
    from: { name: "Stranger", address },
    to: [{ name: "Sofie Kjær", address: "" }],
    subject,
    body,
  });

  it("a cold sales pitch and a stranger's survey with a question mark are not debts", async () => {
    const r = await replayOwner("sofie.cold@kjaer.design");
    const to = [r.me];
    await r.backfill(
      [
        { ...stranger("mads@leadgen.io", "Grow your pipeline", "Hi Sofie,\n\nI help agencies like yours book 20 more meetings a month. Are you the right person to talk to about lead generation?\n\nMads"), to },
        { ...stranger("research@freelancepulse.com", "Quick survey", "Hi,\n\nWe are running a survey on freelance rates. Would you take five minutes to fill it in?\n\nThe Freelance Pulse team"), to },
      ],
      at("2026-11-10T12:00:00+01:00"),
    );
    expect((await r.contact("mads@leadgen.io")).lastTheyAskedAt).toBe(at("2026-11-10T10:00:00+01:00"));
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });

  it.each([
    ["Danish, without a question mark", "Sv: Min portfolio", "Hej Sofie,\n\nDet ville være en stor hjælp, hvis du kunne læse den igennem inden tirsdag.\n\nMette"],
    ["English, without a question mark", "Re: My portfolio", "Hi Sofie,\n\nAny chance you could look over it before Tuesday\n\nMette"],
  ])("a real request from a two-way tie, %s", async (label, subject, body) => {
    const r = await replayOwner(`sofie.request.${slug(label)}@kjaer.design`);
    await knownTie(r, METTE);
    await r.backfill([{ at: "2026-11-10T10:00:00+01:00", from: METTE, to: [r.me], subject, body }], at("2026-11-10T12:00:00+01:00"));
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([{ number: 1, section: "help", address: METTE.address, why: `Asked you something on 10 Nov: “${subject}”. Still unanswered.` }]);
  });

  it("a request from someone a tie introduced, saying who", async () => {
    const r = await replayOwner("sofie.introduced@kjaer.design");
    await r.forward({ at: "2026-11-02T11:20:00+01:00", from: KAREN, to: [r.me, TOM], subject: "Tom og Sofie", body: "Hej begge,\n\nTom, mød Sofie.\n\nKaren" });
    await r.send({ at: "2026-11-02T15:00:00+01:00", to: [KAREN], subject: "Sv: Tom og Sofie", body: "Hej Karen,\n\nTusind tak for introduktionen til Tom!\n\nSofie" });
    await r.backfill(
      [{ at: "2026-11-10T10:00:00+01:00", from: TOM, to: [r.me], subject: "Booking-flowet", body: "Hi Sofie,\n\nCould you share how you priced the booking-flow test for Karen?\n\nTom" }],
      at("2026-11-10T12:00:00+01:00"),
    );
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "help", address: TOM.address, why: "Asked you something (introduced by Karen Bech) on 10 Nov: “Booking-flowet”. Still unanswered." },
    ]);
  });
});

describe("the strongest evidence", () => {
  it("a mail that introduces and asks is a thank; after done, the same mail is not a help item", async () => {
    const r = await replayOwner("sofie.strongest@kjaer.design");
    await knownTie(r, LARS);
    await r.backfill(
      [
        {
          at: "2026-11-10T10:00:00+01:00",
          from: LARS,
          to: [r.me],
          cc: [TOM],
          subject: "Tom, meet Sofie",
          body: "Hi both,\n\nTom, Sofie is the designer I told you about. Sofie, could you send Tom your portfolio?\n\nLars",
        },
      ],
      at("2026-11-10T12:00:00+01:00"),
    );
    expect(await r.contact(LARS)).toMatchObject({ lastTheyGaveKind: "introduction", lastTheyAskedAt: at("2026-11-10T10:00:00+01:00") });
    const first = await r.digest(MONDAY);
    expect(first.items).toEqual([
      { number: 1, section: "thank", address: LARS.address, why: "Introduced you to Tom Becker on 10 Nov: “Tom, meet Sofie”. You haven't said thank you yet." },
    ]);
    expect((await r.answer(first, ["done 1"], MONDAY + 3_600_000)).status).toBe("command");
    expect((await r.contact(LARS)).doneAt).toBe(MONDAY + 3_600_000);
    expect((await r.digest(MONDAY + 7 * DAY)).items).toEqual([]);
  });
});

describe("the caps choose by importance", () => {
  it("an introduction from a strong, long-standing tie comes before links from one-off acquaintances", async () => {
    const r = await replayOwner("sofie.caps@kjaer.design");
    // A year of monthly exchanges with Lars.
    const history: Mail[] = [];
    for (let m = 0; m < 12; m++) {
      const day = new Date(Date.UTC(2025, 10 + m, 4, 9)).toISOString();
      const next = new Date(Date.UTC(2025, 10 + m, 5, 9)).toISOString();
      history.push({ at: day, from: r.me, to: [LARS], subject: `Månedens kaffe ${m + 1}`, body: "Hej Lars,\n\nKaffe på torsdag som altid.\n\nSofie" });
      history.push({ at: next, from: LARS, to: [r.me], subject: `Re: Månedens kaffe ${m + 1}`, body: "Klart, vi ses." });
    }
    await r.backfill(history, at("2026-11-01T00:00:00+01:00"));
    // Four people she met once, who each sent the link she asked for, earlier in the week.
    const acquaintances = ["anne@fonden.dk", "bent@puljen.dk", "carl@tilskud.dk", "dora@vaekst.dk"].map((address, i) => ({ name: `Acq ${i}`, address }));
    for (const [i, who] of acquaintances.entries()) {
      const ask = await r.send({ at: `2026-11-0${2 + i}T09:00:00+01:00`, to: [who], subject: "Linket til puljen?", body: "Hej,\n\nKunne du sende mig linket til puljen, du nævnte?\n\nSofie" });
      await r.reply({ at: `2026-11-0${2 + i}T15:00:00+01:00`, from: who, to: [r.me], subject: "Sv: Linket til puljen?", body: "Her: https://puljer.dk/ivaerksaetter", inReplyTo: ask });
    }
    // Lars's introduction is the newest of the five.
    await r.backfill([{ at: "2026-11-12T10:00:00+01:00", from: LARS, to: [r.me, TOM], subject: "Tom og Sofie", body: "Hej begge,\n\nI to burde tale sammen.\n\nLars" }], at("2026-11-12T11:00:00+01:00"));
    const plan = await r.plan(MONDAY);
    expect(plan.items.map((i) => [i.section, i.address, i.evidence.kind])).toEqual([
      ["thank", LARS.address, "introduction"],
      ["thank", "anne@fonden.dk", "asked-for"],
      ["thank", "bent@puljen.dk", "asked-for"],
    ]);
    expect(plan.leftOut).toEqual({ thank: 2, help: 0, "follow-up": 0, reconnect: 0 });
  });
});

describe("the digest's balance line", () => {
  it.each([
    ["en" as const, "Give and take: you helped others in 0 mails and were helped in 2 mails."],
    ["da" as const, "Giv og tag: du hjalp andre i 0 mails og fik hjælp i 2 mails."],
  ])("states the counts and calls nothing balanced (%s)", async (language, line) => {
    const r = await replayOwner(`sofie.balance-${language}@kjaer.design`, { language });
    await r.forward({ at: "2026-11-04T11:20:00+01:00", from: KAREN, to: [r.me, TOM], subject: "Tom og Sofie", body: "Hej begge,\n\nTom, mød Sofie.\n\nKaren" });
    await r.forward({ at: "2026-11-05T11:20:00+01:00", from: LARS, to: [r.me, { name: "Ida Holm", address: "ida@holm.dk" }], subject: "Ida og Sofie", body: "Hej begge,\n\nIda, mød Sofie.\n\nLars" });
    const digest = await r.digest(MONDAY);
    const text = digest.text.replace(/\n(?=\S)/g, " ");
    expect(text).toContain(` ${line}\n`);
    expect(text).not.toMatch(/balanced|balance\b|about even|nogenlunde lige/);
  });
});
