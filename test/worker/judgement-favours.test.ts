// Favours people expect thanked, and business that is no favour, replayed through the real capture path, D1 and
// digest: a brief answer to the owner's question for know-how, the owner's note that praises what someone did, a
// supplier's or a landlord's answer, and a referral the owner learns of from the newcomer it sent. Each test has
// its own owner.
import { describe, expect, it } from "vitest";
import { at, DAY, replayOwner, shown, type Mail, type Who } from "../support/replay";
import { MONDAY } from "../support/network";

const HENRIK: Who = { name: "Henrik Lund", address: "henrik@lund-skat.example" };
const POUL: Who = { name: "Poul Poulsen", address: "poul@frugtplantage.example" };
const MARK: Who = { name: "Mark Tolley", address: "mark@tolleycustoms.example" };
const RAJ: Who = { name: "Raj Patel", address: "raj@kelham-physio.example" };
const JULIA: Who = { name: "Julia Brandt", address: "j.brandt@tonwerk.example" };
const JORGEN: Who = { name: "Jørgen Dahl", address: "jd@dahl-ejendomme.example" };
const PER: Who = { name: "Per Thomsen", address: "per@thomsen-revision.example" };
const SOFIE: Who = { name: "Sofie Lind", address: "sofie@kaffekoppen.example" };
const SOES: Who = { name: "Søs Frandsen", address: "soes@frandsen-tekstil.example" };
const CHARLOTTE: Who = { name: "Charlotte Winther", address: "charlotte@kunsthal.example" };

describe("a brief answer to the owner's question for know-how is help given", () => {
  it("Danish, delivered live: the owner's question is stored, the answer forwarded days later", async () => {
    const r = await replayOwner("lone.brief@blomsterstue.example", { language: "da" });
    const question = await r.send({ at: "2026-11-09T20:00:00+01:00", to: [HENRIK], subject: "Moms på gavekort", body: "Hej Henrik\n\nSkal der moms på gavekort, når de sælges eller når de bruges?\n\nLone" });
    await r.forward({
      at: "2026-11-10T08:00:00+01:00",
      from: HENRIK,
      to: [r.me],
      subject: "SV: Moms på gavekort",
      body: "Hej Lone\n\nNår de bruges, hvis kortet kan bruges til alt i butikken. Bogfør salget som gæld indtil da.\n\nHenrik",
      inReplyTo: question,
    });
    expect(await r.contact(HENRIK)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "help", lastYouAskedAdvice: true });
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", HENRIK.address]]);
  });

  it("English, in a backfilled mailbox", async () => {
    const r = await replayOwner("ros.brief@hartandvine.example");
    const ask: Mail = { at: "2026-11-09T11:40:00Z", from: r.me, to: [MARK], subject: "Duty stamps on still wine?", body: "Hi Mark,\n\nDoes the new UK duty stamp scheme apply to still wine under 15%? A customer swears it starts in 2027 for everything.\n\nRos" };
    const [sent] = await r.backfill([ask], at("2026-11-15T12:00:00Z"));
    await r.backfill(
      [{ at: "2026-11-09T12:15:00Z", from: MARK, to: [r.me], subject: "RE: Duty stamps on still wine?", body: "Hi Ros,\n\nNo, only spirits over 30% for now; still wine isn't in scope. Honestly, who designs these rules?\n\nMark", inReplyTo: sent }],
      at("2026-11-15T12:00:00Z"),
    );
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", MARK.address]]);
  });

  it.each([
    [
      "an answer to a question of logistics is only a reply",
      { subject: "Levering lørdag", body: "Hej Poul\n\nKan du komme med de 40 kasser lørdag?\n\nKaren" },
      "Ja, lørdag kl. 9 ved laden, kasserne er pakket og klar til dig.",
    ],
    [
      "an answer that puts the question off gives nothing yet",
      { subject: "Pris på juleæbler", body: "Hej Poul\n\nHvad synes du jeg skal tage for en pose Ingrid Marie i butikken?\n\nKaren" },
      "Godt spørgsmål, det skal jeg lige tjekke med min kone, jeg vender tilbage i morgen.",
    ],
  ])("%s", async (_label, ask, answer) => {
    const r = await replayOwner(`karen.brief.${ask.subject.length}@gaardbutik.example`, { language: "da" });
    const question = await r.send({ at: "2026-11-12T20:00:00+01:00", to: [POUL], ...ask });
    await r.forward({ at: "2026-11-13T07:10:00+01:00", from: POUL, to: [r.me], subject: `Sv: ${ask.subject}`, body: `Hej Karen\n\n${answer}\n\nPoul`, inReplyTo: question });
    expect(await r.contact(POUL)).toMatchObject({ theyGaveCount: 0 });
  });
});

describe("the owner's note above a forward praises what the sender did", () => {
  it.each([
    ["English", "Raj saved my week. He took all six of my Thursday patients while I was flat with Covid."],
    ["Danish", "Raj reddede min uge – han tog alle mine torsdagspatienter, mens jeg lå syg."],
    ["one-word", "Raj – gold."],
  ])("%s: the sender is owed thanks", async (label, note) => {
    const r = await replayOwner(`hannah.praise.${label.toLowerCase()}@physio.example`);
    await r.forward(
      { at: "2026-10-29T19:42:00Z", from: RAJ, to: [r.me], subject: "Your Thursday list - all seen", body: "Hi Hannah,\n\nAll six seen, notes are in the shared folder. Get well soon.\n\nRaj" },
      note,
    );
    expect(shown(await r.plan(at("2026-11-02T08:00:00Z")))).toEqual([["thank", RAJ.address]]);
  });
});

describe("business done with the owner is no favour", () => {
  it("a supplier's order confirmation, on a thread the assistant was copied on", async () => {
    const r = await replayOwner("ida.order@keramik.example");
    const order = await r.send({ at: "2026-09-23T10:00:00+02:00", to: [JULIA], subject: "Order: stoneware clay and glaze", body: "Dear Ms Brandt,\n\nPlease send 10 x 20 kg Steinzeugton WM 1280 and 2 x 5 kg Seladon 7214 to Ebeltoft.\n\nBest regards,\nIda" });
    await r.reply({
      at: "2026-09-24T09:37:00+02:00",
      from: JULIA,
      to: [r.me],
      subject: "AW: Order: stoneware clay and glaze",
      body: "Dear Ms Mølgaard,\n\nThank you for your order. We confirm:\n\n- 10 x 20 kg Steinzeugton WM 1280 – EUR 312.00\n- 2 x 5 kg Seladon 7214 – EUR 96.00\n\nDelivery is planned for week 41. Our order confirmation AB-2026-10482 is attached; the invoice follows with the goods.\n\nKind regards\nJulia Brandt",
      attachments: [{ filename: "AB-2026-10482.pdf", mimeType: "application/pdf", content: "%PDF-1.4 order confirmation" }],
      inReplyTo: order,
    });
    expect(await r.contact(JULIA)).toMatchObject({ theyGaveCount: 0 });
    expect(shown(await r.plan(at("2026-09-28T08:00:00+02:00")))).toEqual([]);
  });

  it("a landlord's yes to a sign and a key, forwarded by the owner", async () => {
    const r = await replayOwner("hanne.landlord@bogfoering.example", { language: "da" });
    const ask = await r.send({ at: "2026-11-02T10:00:00+01:00", to: [JORGEN], subject: "Skilt ved indgangen og ekstra nøgle", body: "Hej Jørgen\n\nMå jeg sætte et lille skilt op ved indgangen, og kan jeg få en ekstra nøgle?\n\nHanne" });
    await r.forward(
      {
        at: "2026-11-04T14:05:00+01:00",
        from: JORGEN,
        to: [r.me],
        subject: "SV: Skilt ved indgangen og ekstra nøgle",
        body: "Hej Hanne\n\nDet er i orden med skiltet, så længe det monteres i fugerne og ikke i murstenene – og du sørger selv for at tage det ned igen, når du engang flytter.\n\nNøglen kan hentes på vores kontor i Østergade på hverdage mellem 9 og 15. Der er et depositum på 200 kr.\n\nMed venlig hilsen\nJørgen Dahl",
        inReplyTo: ask,
      },
      "Skiltet er godkendt.",
    );
    expect(await r.contact(JORGEN)).toMatchObject({ theyGaveCount: 0 });
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });
});

describe("on a thread about a quote, an order or a booking, what comes back is the business asked for", () => {
  const ANDERS: Who = { name: "Anders Lund", address: "anders@dentaludstyr.example" };
  it.each([
    ["the supplier's quote is no favour", "Hej Maria\n\nHermed vores pris på unitten inkl. montering og et års service. Tilbuddet gælder til 31. december.\n\nAnders", 0],
    ["samples sent at no charge are", "Hej Maria\n\nHer er prislisten. Jeg har også sendt dig tre prøver af polerpastaen, helt gratis, så du kan prøve dem først.\n\nAnders", 1],
  ])("%s", async (label, body, gifts) => {
    const r = await replayOwner(`maria.quote.${gifts}@tandklinik.example`, { language: "da" });
    const ask = await r.send({ at: "2026-11-24T09:00:00+01:00", to: [ANDERS], subject: "Tilbud på ny behandlingsunit", body: "Hej Anders\n\nKan du sende mig et tilbud på en ny behandlingsunit?\n\nMaria" });
    await r.forward({
      at: "2026-11-30T10:00:00+01:00",
      from: ANDERS,
      to: [r.me],
      subject: "SV: Tilbud på ny behandlingsunit",
      body,
      attachments: [{ filename: "Tilbud_2026-118.pdf", mimeType: "application/pdf", content: "%PDF-1.4 tilbud" }],
      inReplyTo: ask,
    });
    expect((await r.contact(ANDERS)).theyGaveCount, label).toBe(gifts);
  });
});

describe("a reply that puts the matter off to a later season gives nothing yet", () => {
  const NANNA: Who = { name: "Nanna Holm", address: "nanna@oelkompagniet.example" };
  it.each([
    ["English", "Sorry for the silence, it's been brewing season for our Christmas beer! The owners decided to move the integration to the 2027 budget, so we can't start in November. I'll get back to you in January with answers to your questions about bundles and the stock sync, and we can take it from there then."],
    ["Danish", "Tak for din mail, og undskyld det sene svar. Jeg har kigget din portfolio igennem og kan rigtig godt lide plakaterne. Jeg vender tilbage i januar, når vi går i gang med efterårssæsonen og skal have lagt planen for hele programmet."],
  ])("%s", async (label, answer) => {
    const r = await replayOwner(`tomasz.later.${label.toLowerCase()}@dev.example`);
    const ask = await r.send({ at: "2026-10-27T09:25:00+01:00", to: [NANNA], subject: "Shopify integration", body: "Hi Nanna,\n\nCould you tell me whether you sell bundles, and do you need one-way or two-way stock sync?\n\nTomasz" });
    await r.reply({ at: "2026-10-30T14:02:00+01:00", from: NANNA, to: [r.me], subject: "Re: Shopify integration", body: `Hi Tomasz,\n\n${answer}\n\nNanna`, inReplyTo: ask });
    expect(await r.contact(NANNA)).toMatchObject({ theyGaveCount: 0 });
  });
});

describe("the owner's note above a forward says an answer is owed", () => {
  const ANNA: Who = { name: "Anna Zielińska", address: "anna@ksiegowosc.example" };
  it.each([["husk at svare hende"], ["Moet ik nog beantwoorden"], ["Do zrobienia."]])("%s", async (note) => {
    const r = await replayOwner(`tomasz.note.${note.length}@dev.example`);
    await r.forward(
      { at: "2026-11-10T12:41:05Z", from: ANNA, to: [r.me], subject: "Brakujące dokumenty za październik", body: "Dzień dobry Panie Tomaszu,\n\nnie otrzymałam jeszcze dokumentów za październik. Proszę o przesłanie ich do 15 listopada.\n\nZ poważaniem\nAnna Zielińska" },
      note,
    );
    expect(shown(await r.plan(at("2026-11-16T08:00:00+01:00")))).toEqual([["help", ANNA.address]]);
  });
});

describe("the owner answers someone's request with a time", () => {
  const LINE: Who = { name: "Line Bruun", address: "line@dansk-vand.example" };
  it.each([
    ["help offered at a time is theirs to take up", "Selvfølgelig! Tirsdag d. 1. kl. 16 hos mig? Tag slides med.", []],
    ["a price with a start date waits for their yes", "Jeg kan tage det for 4.900 kr. om måneden. Passer det at starte tirsdag d. 1.?", [["follow-up", "line@dansk-vand.example"]]],
  ])("%s", async (_label, answer, want) => {
    const r = await replayOwner(`maja.time.${answer.length}@kommunikation.example`, { language: "da" });
    const plea = await r.reply({
      at: "2026-11-17T15:00:00+01:00",
      from: LINE,
      to: [r.me],
      subject: "DI-oplægget",
      body: "Hej Maja\n\nJeg skal holde oplæg på DI's årsmøde, og jeg er nervøs. Kan du høre mig igennem en dag inden?\n\nLine",
      inReplyTo: await r.send({ at: "2026-11-10T09:00:00+01:00", to: [LINE], subject: "Hej", body: "Hej Line\n\nHvordan går det med oplægget?\n\nMaja" }),
    });
    await r.send({ at: "2026-11-24T07:30:00+01:00", to: [LINE], subject: "Re: DI-oplægget", body: `${answer}\n\nMaja`, inReplyTo: plea });
    expect(shown(await r.plan(at("2026-12-07T08:00:00+01:00")))).toEqual(want);
  });
});

describe("a newcomer names who sent them", () => {
  const sofiesMail = (r: { me: Who }, when: string): Mail => ({
    at: when,
    from: SOFIE,
    to: [r.me],
    subject: "Bogholder til Kaffekoppen fra januar?",
    body: "Kære Hanne\n\nPer Thomsen, som er vores revisor, sagde, at jeg skulle skrive til dig – han mente, du var den rette til at overtage vores bogholderi fra januar.\n\nHar du tid til et møde i næste uge?\n\nVenlig hilsen\nSofie Lind",
  });

  it("the one the owner knows by that full name is thanked for the referral", async () => {
    const r = await replayOwner("hanne.referral@bogfoering.example", { language: "da" });
    const hello = await r.send({ at: "2026-08-04T09:00:00+02:00", to: [PER], subject: "Årsregnskab for Café Nord", body: "Hej Per\n\nHar du fået bilagene til årsregnskabet?\n\nHanne" });
    await r.reply({ at: "2026-08-04T15:00:00+02:00", from: PER, to: [r.me], subject: "Re: Årsregnskab for Café Nord", body: "Hej Hanne\n\nJa, de kom i går. Tak.\n\nPer", inReplyTo: hello });
    await r.forward(sofiesMail(r, "2026-11-10T09:00:00+01:00"));
    expect(await r.contact(PER)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral", lastTheyGaveDetail: "Sofie Lind", inboundCount: 1 });
    expect(shown(await r.plan(MONDAY))).toEqual([
      ["thank", PER.address],
      ["help", SOFIE.address],
    ]);
  });

  it("a name of three words is looked up whole", async () => {
    const LUCIA: Who = { name: "Lucía Gómez Marín", address: "lucia@gomez-arkitekter.example" };
    const r = await replayOwner("hanne.three@bogfoering.example", { language: "da" });
    await r.send({ at: "2026-08-04T09:00:00+02:00", to: [LUCIA], subject: "Tegninger", body: "Hej Lucía\n\nHar du tegningerne til Café Nord?\n\nHanne" });
    await r.forward({
      at: "2026-11-10T09:00:00+01:00",
      from: SOFIE,
      to: [r.me],
      subject: "Bogholder til Kaffekoppen",
      body: "Kære Hanne\n\nLucía Gómez Marín sagde, at jeg skulle skrive til dig om vores bogholderi.\n\nHar du tid i næste uge?\n\nSofie Lind",
    });
    expect(await r.contact(LUCIA)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral" });
  });

  it("by first name, copying that person in", async () => {
    const KIRSTY: Who = { name: "Kirsty Baird", address: "kirsty@taycoast.example" };
    const FIONA: Who = { name: "Fiona Lennox", address: "fiona@glentarrach.example" };
    const r = await replayOwner("euan.cc@copy.example");
    const hello = await r.send({ at: "2026-09-01T09:00:00+01:00", to: [KIRSTY], subject: "Tourism copy", body: "Hi Kirsty,\n\nDo you still need someone for the brochure copy?\n\nEuan" });
    await r.reply({ at: "2026-09-02T09:00:00+01:00", from: KIRSTY, to: [r.me], subject: "Re: Tourism copy", body: "Not this year, but I'll keep you in mind.\n\nKirsty", inReplyTo: hello });
    await r.forward({
      at: "2026-11-10T10:00:00Z",
      from: FIONA,
      to: [r.me],
      cc: [KIRSTY],
      subject: "Visitor centre copy",
      body: "Dear Euan,\n\nKirsty recommended you for our new visitor centre copy, so I've copied her in. Could you send me a quote by Friday?\n\nFiona Lennox\nGlen Tarrach Distillery",
    });
    expect(await r.contact(KIRSTY)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral", lastTheyGaveDetail: "Fiona Lennox" });
    expect(shown(await r.plan(at("2026-11-16T08:00:00Z")))).toEqual([
      ["thank", KIRSTY.address],
      ["help", FIONA.address],
    ]);
  });

  it("said in the passive, about someone the owner knows", async () => {
    const r = await replayOwner("ida.nominated@keramik.example", { language: "da" });
    const market = await r.send({ at: "2026-09-01T09:00:00+02:00", to: [SOES], subject: "Marked i Ebeltoft", body: "Hej Søs\n\nSkal vi dele en bod på markedet i september?\n\nIda" });
    await r.reply({ at: "2026-09-02T09:00:00+02:00", from: SOES, to: [r.me], subject: "Re: Marked i Ebeltoft", body: "Ja, lad os gøre det. Jeg tager bordet med.\n\nSøs", inReplyTo: market });
    await r.forward({
      at: "2026-10-28T10:14:00+01:00",
      from: CHARLOTTE,
      to: [r.me],
      subject: "Indstilling til Ny dansk keramik 2027",
      body: "Kære Ida Mølgaard\n\nDu er blevet indstillet af tekstilkunstner Søs Frandsen, som sendte os billeder af din raku-serie og skrev meget fint om dit arbejde.\n\nKan du sende 5-8 billeder af nyere værker senest den 20. november?\n\nCharlotte Winther\nKurator",
    });
    expect(await r.contact(SOES)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral" });
    expect(await r.contact(CHARLOTTE)).toMatchObject({ theyGaveCount: 0 });
  });

  it("a close tie gone quiet is a reconnect, the newcomer its occasion", async () => {
    const r = await replayOwner("hanne.quiet@bogfoering.example", { language: "da" });
    for (let month = 0; month < 4; month++) {
      const when = new Date(at("2026-03-03T09:00:00+01:00") + month * 30 * DAY).toISOString();
      const sent = await r.send({ at: when, to: [PER], subject: `Sparring ${month + 1}`, body: "Hej Per\n\nSkal vi tage en kop kaffe og vende kunderne?\n\nHanne" });
      await r.reply({ at: new Date(at(when) + DAY).toISOString(), from: PER, to: [r.me], subject: `Re: Sparring ${month + 1}`, body: "Ja, det gør vi. Tak for sidst.\n\nPer", inReplyTo: sent });
    }
    await r.forward(sofiesMail(r, "2026-11-10T09:00:00+01:00"));
    expect(await r.contact(PER)).toMatchObject({ theyGaveCount: 0 });
    expect(shown(await r.plan(MONDAY))).toContainEqual(["reconnect", PER.address]);
  });

  it("a referral the referrer told the owner of first is credited once", async () => {
    const r = await replayOwner("hanne.told@bogfoering.example", { language: "da" });
    await r.forward({ at: "2026-11-03T09:00:00+01:00", from: PER, to: [r.me], subject: "Kaffekoppen", body: "Hej Hanne\n\nJeg har anbefalet dig til Sofie Lind på Kaffekoppen. Hun skriver nok snart.\n\nPer" });
    await r.send({ at: "2026-11-03T12:00:00+01:00", to: [PER], subject: "Re: Kaffekoppen", body: "Tusind tak, Per!\n\nHanne" });
    await r.forward(sofiesMail(r, "2026-11-10T09:00:00+01:00"));
    expect(await r.contact(PER)).toMatchObject({ theyGaveCount: 1 });
    expect(shown(await r.plan(MONDAY))).toEqual([["help", SOFIE.address]]);
  });
});

describe("a newcomer names who sent them by first name and firm", () => {
  const RIKKE: Who = { name: "Rikke Dall", address: "rikke@brandhouse-odense.example" };
  const FRIEND: Who = { name: "Rikke Holm", address: "rikke.holm@gmail.com" };
  const CLINIC: Who = { name: "Jonas Bach", address: "jonas@tandklinik-bach.example" };

  async function knowsBothRikkes(owner: string) {
    const r = await replayOwner(owner, { name: "Mette Lund", language: "da" });
    for (const rikke of [RIKKE, FRIEND]) {
      const hello = await r.send({ at: "2026-08-04T09:00:00+02:00", to: [rikke], subject: `Kaffe, ${rikke.name}?`, body: "Hej Rikke\n\nSkal vi tage en kaffe i næste uge?\n\nMette" });
      await r.reply({ at: "2026-08-04T15:00:00+02:00", from: rikke, to: [r.me], subject: `Re: Kaffe, ${rikke.name}?`, body: "Hej Mette\n\nJa, gerne. Onsdag?\n\nRikke", inReplyTo: hello });
    }
    return r;
  }

  it("'Jeg har fået dit navn af Rikke fra Brandhouse': the Rikke at Brandhouse is thanked, not the friend", async () => {
    const r = await knowsBothRikkes("mette.firm@tekst.example");
    await r.forward({
      at: "2026-09-24T10:00:00+02:00",
      from: CLINIC,
      to: [r.me],
      subject: "Tekster til ny hjemmeside",
      body: "Hej Mette\n\nJeg har fået dit navn af Rikke fra Brandhouse, som er ved at lave vores nye logo. Kan du give et tilbud på tekster til fem sider?\n\nJonas Bach",
    });
    expect(await r.contact(RIKKE)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral", lastTheyGaveDetail: "Jonas Bach" });
    expect(await r.contact(FRIEND)).toMatchObject({ theyGaveCount: 0 });
  });

  it("an imported mailbox with two newcomers, each naming a referrer by first name and firm, credits both", async () => {
    const ANNE: Who = { name: "Anne Lund", address: "anne@nordlys-design.example" };
    const OLIVER: Who = { name: "Oliver Berg", address: "oliver@berg-fintech.example" };
    const r = await knowsBothRikkes("mette.batch@tekst.example");
    const hello = await r.send({ at: "2026-08-05T09:00:00+02:00", to: [ANNE], subject: "Frokost?", body: "Hej Anne\n\nFrokost i næste uge?\n\nMette" });
    await r.reply({ at: "2026-08-05T15:00:00+02:00", from: ANNE, to: [r.me], subject: "Re: Frokost?", body: "Ja, torsdag!\n\nAnne", inReplyTo: hello });
    await r.backfill(
      [
        { at: "2026-09-24T10:00:00+02:00", from: CLINIC, to: [r.me], subject: "Tekster til ny hjemmeside", body: "Hej Mette\n\nJeg har fået dit navn af Rikke fra Brandhouse. Kan du give et tilbud på tekster til fem sider?\n\nJonas Bach" },
        { at: "2026-09-25T10:00:00+02:00", from: OLIVER, to: [r.me], subject: "Copy for our app", body: "Hi Mette,\n\nAnne at Nordlys said you're the person to talk to about app copy. Could we talk next week?\n\nOliver" },
      ],
      at("2026-09-28T12:00:00Z"),
    );
    expect(await r.contact(RIKKE)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral" });
    expect(await r.contact(ANNE)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "referral" });
  });

  it("someone picking up again ('Long time no speak') is no newcomer sent by anyone", async () => {
    const r = await knowsBothRikkes("mette.catchup@tekst.example");
    await r.forward({
      at: "2026-09-24T10:00:00+02:00",
      from: CLINIC,
      to: [r.me],
      subject: "CV",
      body: "Hi Mette,\n\nLong time no speak. Rikke at Brandhouse said you would be the one to ask: would you look over my CV?\n\nJonas",
    });
    expect(await r.contact(RIKKE)).toMatchObject({ theyGaveCount: 0 });
  });
});

describe("what the owner asked for, handed over in the words people use", () => {
  const LAURA: Who = { name: "Laura Mills", address: "laura@brightkitchen.example" };
  const HASSE: Who = { name: "Hasse Öberg", address: "hasse@oberg-arkitekt.example" };
  const PERNILLE: Who = { name: "Pernille Riis", address: "pernille@riis-arkitekter.example" };

  it("'Both September statements attached', forwarded, is what was asked for", async () => {
    const r = await replayOwner("rachel.statements@okafor.example", { name: "Rachel Okafor" });
    const ask = await r.send({ at: "2026-11-20T09:00:00Z", to: [LAURA], subject: "September bank statements", body: "Hi Laura,\n\nCould you send me both September bank statements?\n\nRachel" });
    await r.forward({ at: "2026-11-24T08:30:00Z", from: LAURA, to: [r.me], subject: "RE: September bank statements", body: "Hi Rachel,\n\nSorry, I was away. Both September statements attached.\n\nLaura", inReplyTo: ask });
    expect(await r.contact(LAURA)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "asked-for" });
    expect(shown(await r.plan(at("2026-11-30T08:00:00Z")))).toEqual([["thank", LAURA.address]]);
  });

  it("what was asked for, handed over in a new mail of its own, is what was asked for", async () => {
    const JONAS: Who = { name: "Jonas Riis", address: "jonas@riisfoto.example" };
    const r = await replayOwner("signe.photos@skribent.example", { name: "Signe Kjær", language: "da" });
    await r.send({ at: "2026-11-02T10:15:00+01:00", to: [JONAS], subject: "Re: Lørdag på markedet", body: "Hej Jonas\n\nVil du sende mig billederne, når du har redigeret dem?\n\nSigne" });
    await r.forward({ at: "2026-11-10T17:55:00+01:00", from: JONAS, to: [r.me], subject: "Billeder fra markedet", body: "Hej Signe\n\nHer er et udvalg på 42 billeder fra lørdag: https://we.tl/t-8Hq2markedet\n\nJonas" });
    expect(await r.contact(JONAS)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "asked-for" });
    expect(shown(await r.plan(at("2026-11-16T08:00:00+01:00")))).toEqual([["thank", JONAS.address]]);
  });

  it("a new mail with a link, when the owner asked nothing, is their own business", async () => {
    const JONAS: Who = { name: "Jonas Riis", address: "jonas@riisfoto.example" };
    const r = await replayOwner("signe.unasked@skribent.example", { name: "Signe Kjær", language: "da" });
    await r.send({ at: "2026-11-02T10:15:00+01:00", to: [JONAS], subject: "Lørdag", body: "Hej Jonas\n\nTak for en god morgen på markedet.\n\nSigne" });
    await r.forward({ at: "2026-11-10T17:55:00+01:00", from: JONAS, to: [r.me], subject: "Mine nye priser", body: "Hej Signe\n\nHer er min nye prisliste: https://riisfoto.example/priser\n\nJonas" });
    expect(await r.contact(JONAS)).toMatchObject({ theyGaveCount: 0 });
  });

  it("'Signed and attached' sends back the owner's paperwork: no favour", async () => {
    const r = await replayOwner("lukas.signed@tessellate.example", { name: "Lukas Weber" });
    const ask = await r.send({ at: "2026-11-12T09:00:00Z", to: [LAURA], subject: "Data-sharing agreement", body: "Hi Laura,\n\nHere is the agreement. Could you sign it and send it back this week?\n\nLukas" });
    await r.forward({ at: "2026-11-17T10:15:00Z", from: LAURA, to: [r.me], subject: "RE: Data-sharing agreement", body: "Hi Lukas,\n\nSigned and attached. Sorry for the delay.\n\nLaura", inReplyTo: ask });
    expect(await r.contact(LAURA)).toMatchObject({ theyGaveCount: 0 });
  });

  it("a reply-all that greets someone else hands its material to them", async () => {
    const r = await replayOwner("lene.replyall@broendum.example", { name: "Lene Brøndum", language: "da" });
    const [asked] = await r.backfill(
      [{ at: "2026-11-20T09:00:00+01:00", from: r.me, to: [PERNILLE], subject: "Lofter i aulaen", body: "Hej Pernille\n\nHar I valgt loftsplader til aulaen endnu?\n\nLene" }],
      at("2026-11-28T12:00:00Z"),
    );
    await r.backfill(
      [{ at: "2026-11-25T09:30:00+01:00", from: PERNILLE, to: [HASSE, r.me], subject: "SV: Lofter i aulaen", body: "Hej Hasse,\n\nOur comments attached, mostly lamps and sprinklers.\n\nPernille", inReplyTo: asked }],
      at("2026-11-28T12:00:00Z"),
    );
    expect(await r.contact(PERNILLE)).toMatchObject({ theyGaveCount: 0 });
  });
});

describe("a favour promised, then delivered in a mail of its own", () => {
  const MIA: Who = { name: "Mia Kjær", address: "mia@kjaer-grafisk.example" };
  const zip = [{ filename: "etiketter-trykfiler.zip", mimeType: "application/zip", content: "PK\u0003\u0004 print files" }];

  it("the finished work, weeks after the owner thanked the promise, is owed its own thanks", async () => {
    const r = await replayOwner("jonas.promised@bryghus.example", { name: "Jonas Bech", language: "da" });
    const ask = await r.send({ at: "2026-10-20T20:00:00+01:00", to: [MIA], subject: "Etiketter til vores første øl", body: "Hej Mia\n\nKunne du tænke dig at lave etiketter til vores tre første øl? Sig hvad det koster.\n\nJonas" });
    await r.forward({
      at: "2026-10-21T09:00:00+01:00",
      from: MIA,
      to: [r.me],
      subject: "SV: Etiketter til vores første øl",
      body: "Hej Jonas\n\nSelvfølgelig! Du skal ikke betale noget, det er min åbningsgave til jer.\n\nMia",
      inReplyTo: ask,
    });
    await r.send({ at: "2026-10-21T12:00:00+01:00", to: [MIA], subject: "SV: Etiketter til vores første øl", body: "Tusind tak, Mia! Du er for sød.\n\nJonas", inReplyTo: ask });
    await r.forward({
      at: "2026-11-10T15:00:00+01:00",
      from: MIA,
      to: [r.me],
      subject: "Så er de færdige!",
      body: "Hej Jonas\n\nSå er de færdige! I den vedhæftede zip ligger de endelige trykfiler til alle tre øl.\n\nMia",
      attachments: zip,
    });
    expect(await r.contact(MIA)).toMatchObject({ theyGaveCount: 2, lastTheyGaveKind: "asked-for" });
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", MIA.address]]);
  });

  it("files the owner ordered, with no favour before them, are business", async () => {
    const r = await replayOwner("jonas.ordered@bryghus.example", { name: "Jonas Bech", language: "da" });
    const ask = await r.send({ at: "2026-10-20T20:00:00+01:00", to: [MIA], subject: "Etiketter", body: "Hej Mia\n\nKan du lave etiketter til vores tre første øl? Send et tilbud.\n\nJonas" });
    await r.forward({ at: "2026-10-21T09:00:00+01:00", from: MIA, to: [r.me], subject: "SV: Etiketter", body: "Hej Jonas\n\nDet vil jeg gerne. Jeg går i gang i næste uge.\n\nMia", inReplyTo: ask });
    await r.forward({ at: "2026-11-10T15:00:00+01:00", from: MIA, to: [r.me], subject: "Trykfiler", body: "Hej Jonas\n\nI den vedhæftede zip ligger de endelige trykfiler.\n\nMia", attachments: zip });
    expect(await r.contact(MIA)).toMatchObject({ theyGaveCount: 0 });
  });
});

describe("a glad yes to the owner's ask for a favour is the favour", () => {
  const ULLA: Who = { name: "Ulla Kjeldsen", address: "ulla@kjeldsen-sprog.example" };

  it("Danish, forwarded: 'Selvfølgelig må du det' to 'Må jeg bruge dig som reference?', with her number to pass on", async () => {
    const r = await replayOwner("jonas.reference@brandt-sprog.example", { name: "Jonas Brandt", language: "da" });
    const ask = await r.send({ at: "2026-11-02T20:00:00+01:00", to: [ULLA], subject: "Må jeg bruge dig som reference?", body: "Hej Ulla\n\nJeg byder på regionens udbud. Må jeg bruge dig som reference?\n\nJonas" });
    await r.forward({
      at: "2026-11-03T07:58:00+01:00",
      from: ULLA,
      to: [r.me],
      subject: "Re: Må jeg bruge dig som reference?",
      body: "Hej Jonas\n\nSelvfølgelig må du det – det gør jeg med glæde. Skriv mit mobilnummer, 40 18 63 25, så de ikke skal lede efter mig.\n\nHeld og lykke med buddet!\n\nKh Ulla",
      inReplyTo: ask,
    });
    expect(await r.contact(ULLA)).toMatchObject({ theyGaveCount: 1, lastTheyGaveKind: "help" });
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", ULLA.address]]);
  });

  it("a glad yes to a question of logistics is only a reply", async () => {
    const r = await replayOwner("jonas.logistics@brandt-sprog.example", { name: "Jonas Brandt", language: "da" });
    const ask = await r.send({ at: "2026-11-02T20:00:00+01:00", to: [ULLA], subject: "Mødet torsdag", body: "Hej Ulla\n\nKan vi rykke mødet til kl. 10?\n\nJonas" });
    await r.forward({ at: "2026-11-03T07:58:00+01:00", from: ULLA, to: [r.me], subject: "Re: Mødet torsdag", body: "Hej Jonas\n\nSelvfølgelig, kl. 10 passer fint.\n\nUlla", inReplyTo: ask });
    expect(await r.contact(ULLA)).toMatchObject({ theyGaveCount: 0 });
  });
});
