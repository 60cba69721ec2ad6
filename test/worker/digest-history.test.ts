// Histories over weeks, replayed through the real capture path: each Monday's digest is the real one, sent with
// the real sendDigest, so what it showed (and how often) is remembered as in production. Each test has its own owner.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cadenceDays } from "../../src/digest/decide";
import { at, DAY, replayOwner, shown, type Mail, type Replay, type Who } from "../support/replay";

const ANNA: Who = { name: "Anna Holm", address: "anna@holm-design.dk" };
const FRIDA: Who = { name: "Frida Berg", address: "frida.berg@gmail.com" };
const GORM: Who = { name: "Gorm Nielsen", address: "gorm@byggeraad.dk" };
const noCircles = { cadenceProfessionalDays: null, cadencePrivateDays: null };

/** Monday 08:00 in Copenhagen, `weeks` after 16 November 2026. */
const monday = (weeks: number) => at("2026-11-16T08:00:00+01:00") + weeks * 7 * DAY;

/** A conversation every `everyDays` days from `first`: the owner writes (`words`), they answer the next day. */
function conversations(r: Replay, who: Who, first: string, count: number, everyDays: number, words = "Skal vi tage en kaffe og en status snart?"): Mail[] {
  const mails: Mail[] = [];
  for (let i = 0; i < count; i++) {
    const start = at(first) + i * everyDays * DAY;
    const subject = `Kaffe og status #${i + 1}`;
    mails.push({ at: new Date(start).toISOString(), from: r.me, to: [who], subject, body: `Hej ${who.name.split(" ")[0]},\n\n${words}\n\nSofie` });
    mails.push({ at: new Date(start + DAY).toISOString(), from: who, to: [r.me], subject: `Re: ${subject}`, body: "Gerne, torsdag passer fint." });
  }
  return mails;
}

describe("rhythm", () => {
  it("a monthly exchange of a mail and a reply the next day is monthly, not fortnightly", async () => {
    const r = await replayOwner("sofie.monthly@kjaer.design");
    await r.backfill(conversations(r, ANNA, "2026-05-04T09:00:00+02:00", 6, 30), at("2026-10-05T12:00:00+02:00"));
    const anna = await r.contact(ANNA);
    expect([anna.inboundCount, anna.outboundCount, anna.conversationCount]).toEqual([6, 6, 6]);
    // Conversation starts 150 days apart over 5 gaps, drawn towards 90 days by half a prior gap: (150 + 45) / 5.5.
    expect(cadenceDays(anna, noCircles)).toBe(35);
    const digest = await r.digest(monday(0));
    expect(digest.items).toEqual([
      {
        number: 1,
        section: "reconnect",
        address: ANNA.address,
        why: "Last in touch on 2 Oct: “Re: Kaffe og status #6”. That was 6 weeks ago; you're usually in touch every month.",
      },
    ]);
    const da = await replayOwner("sofie.maanedlig@kjaer.design", { language: "da" });
    await da.backfill(conversations(da, ANNA, "2026-05-04T09:00:00+02:00", 6, 30), at("2026-10-05T12:00:00+02:00"));
    expect((await da.digest(monday(0))).items[0].why).toBe(
      "Sidst i kontakt den 2. okt.: »Re: Kaffe og status #6«. Det er 6 uger siden; I plejer at høre fra hinanden hver måned.",
    );
  });
});

describe("a rhythm said in words", () => {
  /** Two letters four weeks apart, each answered the next day, the owner's saying `words`. */
  const letters = (r: Replay, who: Who, words: string) => conversations(r, who, "2026-08-31T20:00:00+02:00", 2, 28, words);

  it("'our monthly letter' makes two letters a month apart a monthly tie; the same two without the words wait for more", async () => {
    const r = await replayOwner("sofie.letters@kjaer.design");
    await r.backfill(
      [...letters(r, ANNA, "Here is our monthly letter: the studio is busy."), ...letters(r, GORM, "The studio is busy and the kiln works again.")],
      at("2026-10-01T12:00:00+02:00"),
    );
    expect([(await r.contact(ANNA)).statedCadenceDays, (await r.contact(GORM)).statedCadenceDays]).toEqual([30, null]);
    // Five weeks on from the last letter: past a month, short of the two months the two letters alone suggest.
    expect(shown(await r.plan(at("2026-11-03T08:00:00+01:00")))).toEqual([["reconnect", ANNA.address]]);
  });

  it("the owner's rhythm for the circle comes before the one the mail states", async () => {
    const r = await replayOwner("sofie.letters.circle@kjaer.design");
    await r.backfill(letters(r, ANNA, "Here is our monthly letter: the studio is busy."), at("2026-10-01T12:00:00+02:00"));
    await env.DB.prepare("update owners set cadence_professional_days = 90 where id = ?").bind(r.ownerId).run();
    expect(shown(await r.plan(at("2026-11-03T08:00:00+01:00")))).toEqual([]);
  });
});

describe("quiet ties", () => {
  it("three weeks of mail every week and a half (a mentor met again) is a tie to keep up; a two-week burst of one job is not", async () => {
    const r = await replayOwner("sofie.short@kjaer.design");
    // Conversations on 24 Aug, 4 Sep and 15 Sep: 22 days of history, then quiet. The rhythm: (22 + 45) / 2.5, 27 days.
    await r.backfill(conversations(r, ANNA, "2026-08-24T09:00:00+02:00", 3, 11), at("2026-09-20T12:00:00+02:00"));
    // Two conversations a week apart (a booking and its follow-up), as long ago.
    await r.backfill(conversations(r, GORM, "2026-08-24T09:00:00+02:00", 2, 7), at("2026-09-20T12:00:00+02:00"));
    expect(shown(await r.plan(monday(0)))).toEqual([["reconnect", ANNA.address]]);
  });

  it("two conversations a fortnight apart are a tie when they gave the owner something in them; a booking in two parts is not", async () => {
    const r = await replayOwner("sofie.gift@kjaer.design");
    const mentor: Mail[] = [
      { at: "2026-08-24T09:00:00+02:00", from: r.me, to: [ANNA], subject: "Kan du anbefale en revisor?", body: "Hej Anna,\n\nKender du en god revisor til en enkeltmandsvirksomhed?\n\nSofie" },
      { at: "2026-08-25T10:00:00+02:00", from: ANNA, to: [r.me], subject: "Re: Kan du anbefale en revisor?", body: "Hej Sofie,\n\nPrøv Lene Dahl på lene@dahl-revision.dk, hun er skarp og billig. Sig at det er mig der har sendt dig.\n\nAnna" },
      { at: "2026-08-25T14:00:00+02:00", from: r.me, to: [ANNA], subject: "Re: Kan du anbefale en revisor?", body: "Tusind tak, Anna! Jeg skriver til hende i dag.\n\nSofie" },
      { at: "2026-09-08T09:00:00+02:00", from: r.me, to: [ANNA], subject: "Frokost?", body: "Hej Anna,\n\nSkal vi tage en frokost snart?\n\nSofie" },
      { at: "2026-09-08T12:00:00+02:00", from: ANNA, to: [r.me], subject: "Re: Frokost?", body: "Gerne, torsdag passer fint." },
    ];
    // The same two weeks with a venue: a booking, its confirmation, and thanks both ways after the day. Nothing given.
    const venue: Mail[] = [
      { at: "2026-08-24T09:00:00+02:00", from: r.me, to: [GORM], subject: "Booking af salen 7. september", body: "Hej Gorm,\n\nKan jeg booke salen mandag den 7. september kl. 9-16 til 20 personer?\n\nSofie" },
      { at: "2026-08-25T10:00:00+02:00", from: GORM, to: [r.me], subject: "Re: Booking af salen 7. september", body: "Hej Sofie,\n\nDen er booket. Prisen er 3.500 kr. inkl. kaffe.\n\nGorm" },
      { at: "2026-09-08T09:00:00+02:00", from: r.me, to: [GORM], subject: "Tak for i går", body: "Hej Gorm,\n\nTak for en god dag i salen.\n\nSofie" },
      { at: "2026-09-08T12:00:00+02:00", from: GORM, to: [r.me], subject: "Re: Tak for i går", body: "Selv tak, I er altid velkomne." },
    ];
    await r.backfill([...mentor, ...venue], at("2026-09-20T12:00:00+02:00"));
    const anna = await r.contact(ANNA);
    const gorm = await r.contact(GORM);
    expect([anna.conversationCount, anna.theyGaveCount > 0, gorm.conversationCount, gorm.theyGaveCount]).toEqual([2, true, 2, 0]);
    expect(shown(await r.plan(monday(0)))).toEqual([["reconnect", ANNA.address]]);
  });

  it("do not expire: a strong tie quiet five months shows in the first digest after a backfill, rests after three showings, then comes back", async () => {
    const r = await replayOwner("sofie.quiet@kjaer.design");
    // A year-long monthly tie whose last conversation was in June.
    await r.backfill(conversations(r, FRIDA, "2025-07-10T09:00:00+02:00", 12, 30), at("2026-11-15T12:00:00+01:00"));
    const frida = await r.contact(FRIDA);
    // Twelve conversation starts 330 days apart, drawn towards 90 days: (330 + 45) / 11.5.
    expect(cadenceDays(frida, noCircles)).toBe(33);
    const why = (ago: string, date = "6 Jun") => `Last in touch on ${date}: “Re: Kaffe og status #12”. That was ${ago} ago; you're usually in touch every month.`;
    const seen: Array<Array<{ section: string; address: string; why: string }>> = [];
    for (let week = 0; week <= 11; week++) seen.push((await r.digest(monday(week))).items.map(({ section, address, why }) => ({ section, address, why })));
    const expected = (ago: string, date?: string) => [{ section: "reconnect", address: FRIDA.address, why: why(ago, date) }];
    expect(seen).toEqual([
      expected("5 months"),
      expected("5 months"),
      expected("5 months"),
      // Shown three digests in a row without action: it rests for four weeks…
      [],
      [],
      [],
      // …and comes back 28 days after it was last shown; from then on, once every four weeks.
      expected("6 months"),
      [],
      [],
      [],
      // In January the date carries its year.
      expected("7 months", "6 Jun 2026"),
      [],
    ]);
  });

  it("far beyond its rhythm, a tie is at risk", async () => {
    const r = await replayOwner("sofie.atrisk@kjaer.design");
    await r.backfill(conversations(r, GORM, "2025-06-02T09:00:00+02:00", 6, 30), at("2026-11-15T12:00:00+01:00"));
    const digest = await r.digest(monday(0));
    expect(digest.items).toEqual([
      {
        number: 1,
        section: "reconnect",
        address: GORM.address,
        why:
          "Last in touch on 31 Oct 2025: “Re: Kaffe og status #6”. That was 12 months ago; you're usually in touch every month. Far longer than your usual rhythm: this tie is at risk of fading.",
      },
    ]);
  });
});

describe("an answer to the owner's question about their own life is news, not help", () => {
  it("a long reply to 'Hvornår kommer I til Sjælland?' owes no thanks; the tie is kept up instead", async () => {
    const r = await replayOwner("sofie.news@kjaer.design", { language: "da" });
    const [ask] = await r.backfill(
      [{ at: "2026-10-12T20:30:00+02:00", from: r.me, to: [FRIDA], subject: "Oktoberbrev", body: "Kære Frida\n\nJeg er begyndt at undervise yin om torsdagen, og det er ligesom at komme hjem. Emil har fået en kat.\n\nHvornår kommer I til Sjælland næste gang? Du kan altid sove på sofaen.\n\nKram\nSofie" }],
      at("2026-10-12T21:00:00+02:00"),
    );
    await r.backfill(
      [{ at: "2026-10-14T10:00:00+02:00", from: FRIDA, to: [r.me], subject: "Re: Oktoberbrev", inReplyTo: ask, body: "Kære Sofie\n\nPølse! Det er et godt navn til en kat. Hvor er jeg glad for, at du har fået yin-holdet; du var altid den, der kunne holde stilheden i rummet. Vi kommer måske til København i foråret, når Holger må køre bil igen, så siger jeg til i god tid.\n\nKærlig hilsen\nFrida" }],
      at("2026-10-14T11:00:00+02:00"),
    );
    expect(await r.contact(FRIDA)).toMatchObject({ theyGaveCount: 0 });
    expect(shown(await r.plan(monday(0)))).toEqual([]);
  });
});

describe("the owner's promise to answer later", () => {
  it("keeps their ask open: back in the digest a week after the promise, until the owner writes again", async () => {
    const r = await replayOwner("tom.promise@ashworth.example");
    // Someone with no history before the ask: the owner's own promise makes it a debt.
    const [ask] = await r.backfill(
      [{ at: "2026-11-10T21:14:00Z", from: ANNA, to: [r.me], subject: "Going freelance! Can I pick your brain?", body: "Hi Sofie,\n\nCould I pick your brain about day rates and how you handle deposits?\n\nAnna" }],
      at("2026-11-10T22:00:00Z"),
    );
    await r.send({ at: "2026-11-11T07:38:00Z", to: [ANNA], subject: "Re: Going freelance! Can I pick your brain?", body: "Anna, brilliant news!\n\nOf course. Let me have a proper think and I'll write properly at the weekend with what I charge.\n\nSofie", inReplyTo: ask });
    // The promise answers for a week…
    expect(shown(await r.plan(monday(0)))).toEqual([]);
    // …then the ask is back, saying what was promised.
    const digest = await r.digest(monday(1));
    expect(digest.items).toEqual([
      {
        number: 1,
        section: "help",
        address: ANNA.address,
        why: "Asked you something on 10 Nov: “Going freelance! Can I pick your brain?” You said you'd come back to it; nothing since.",
      },
    ]);
    await r.send({ at: "2026-11-24T09:00:00Z", to: [ANNA], subject: "Day rates", body: "Hi Anna,\n\nHere goes: I charge £450 a day, 30% up front, and I'll never start without a signed brief.\n\nSofie" });
    expect(shown(await r.plan(monday(2)))).toEqual([]);
  });

  it("a brief yes with a promise attached is the answer", async () => {
    const r = await replayOwner("tom.brief@ashworth.example", { language: "da" });
    const ask: Mail = { at: "2026-11-10T21:14:00+01:00", from: GORM, to: [r.me], subject: "Julefrokost for indlæsere", body: "Hej Sofie\n\nSkal vi ikke tage en julefrokost igen i år?\n\nGorm" };
    await r.forward(ask);
    await r.send({
      at: "2026-11-11T07:38:00+01:00",
      to: [GORM],
      subject: "Re: Julefrokost for indlæsere",
      body: "Hej Gorm\n\nJa, det gør vi. Jeg skriver til dig, når jeg kender min uge.\n\nSofie",
      inReplyTo: { messageId: "julefrokost@gorm.example", mail: ask },
    });
    expect((await r.contact(GORM)).promisedAt).toBeNull();
    expect(shown(await r.plan(monday(2)))).toEqual([]);
  });

  it("a call promised, or work promised inside an answer, answers the ask", async () => {
    const r = await replayOwner("tom.call@ashworth.example", { language: "da" });
    const [ask] = await r.backfill(
      [{ at: "2026-11-10T09:00:00+01:00", from: GORM, to: [r.me], subject: "Sparring om termer", body: "Hej Sofie\n\nHar du ti minutter til at vende et par termer med mig?\n\nGorm" }],
      at("2026-11-10T10:00:00+01:00"),
    );
    await r.send({ at: "2026-11-10T12:00:00+01:00", to: [GORM], subject: "SV: Sparring om termer", body: "Hej Gorm\n\nJa da, jeg ringer i morgen efter frokost.\n\nSofie", inReplyTo: ask });
    expect(await r.contact(GORM)).toMatchObject({ promisedAt: null });
    expect(shown(await r.plan(monday(2)))).toEqual([]);
  });
});

describe("follow-ups", () => {
  const subject = "Kaffe og en snak om jeres designproces?";

  it("the owner's answer to an invitation the assistant only sees quoted waits for nothing when it names a time", async () => {
    const r = await replayOwner("sofie.quoted@kjaer.design", { language: "da" });
    // Their mail reached the owner only: the owner's BCC'd answer quotes it, and that quote is the evidence of it.
    const invitation = (subject: string, ask: string, day: string) => ({
      messageId: `invite-${day}@gorm.example`,
      mail: { at: `2026-11-${day}T17:22:00+01:00`, from: GORM, to: [r.me], subject, body: `Hej Sofie\n\n${ask}\n\nGorm` },
    });
    const november = invitation("Sparring i november", "Så er det november! Sparring en af de første dage i næste uge?", "03");
    await r.send({ at: "2026-11-04T08:31:00+01:00", to: [GORM], subject: "Re: Sparring i november", body: "Hej Gorm\n\nTorsdag d. 12. kl. 9 på Kaffestuen? Så viser jeg dig de første fund.\n\nSofie", inReplyTo: november });
    // The same answer to Anna's invitation, with a question that is more than a time: it waits for her answer.
    const annas = { ...invitation("Oplæg til foreningen", "Vil du holde et oplæg for foreningen i januar?", "05"), mail: { ...november.mail, at: "2026-11-05T17:22:00+01:00", from: ANNA, subject: "Oplæg til foreningen", body: "Hej Sofie\n\nVil du holde et oplæg for foreningen i januar?\n\nAnna" } };
    await r.send({ at: "2026-11-06T08:31:00+01:00", to: [ANNA], subject: "Re: Oplæg til foreningen", body: "Hej Anna\n\nGerne! Hvor mange kommer der, og hvor lang tid har jeg?\n\nSofie", inReplyTo: annas });
    expect(await r.contact(GORM)).toMatchObject({ inboundCount: 1, outboundCount: 1, followUpSince: null });
    expect(shown(await r.plan(monday(1)))).toEqual([["follow-up", ANNA.address]]);
  });

  it("nudges twice at most, and an out-of-office is never an answer", async () => {
    const r = await replayOwner("sofie.nudges@kjaer.design");
    const first = await r.send({
      at: "2026-11-09T09:14:00+01:00",
      to: [ANNA],
      subject,
      body: "Hej Anna,\n\nJeg har lige startet som freelance UX-designer. Har du tid til en kop kaffe i næste uge?\n\nSofie",
    });
    const ooo = await r.reply({
      at: "2026-11-09T09:15:00+01:00",
      from: ANNA,
      to: [r.me],
      subject: `Automatisk svar: ${subject}`,
      body: "Tak for din mail. Jeg er på ferie til og med 20. november og har begrænset adgang til mail.\n\nAnna",
      headers: ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"],
      inReplyTo: first,
    });
    expect(ooo.outcome?.status).toBe("ignored");
    const followUp = (why: string) => [{ number: 1, section: "follow-up", address: ANNA.address, why }];
    // Due a week later, at 09:14 on Monday the 16th: days count by the calendar, so that morning's digest shows it.
    expect((await r.digest(monday(0))).items).toEqual(followUp("You asked on 9 Nov: “Kaffe og en snak om jeres designproces?” No answer after 6 days."));
    expect((await r.digest(monday(1))).items).toEqual(followUp("You asked on 9 Nov: “Kaffe og en snak om jeres designproces?” No answer after 13 days."));
    const nudge = await r.send({ at: "2026-11-24T10:02:00+01:00", to: [ANNA], subject: `Re: ${subject}`, body: "Hej Anna,\n\nJeg prøver lige igen: har du tid til en kaffe?\n\nSofie", inReplyTo: first });
    expect((await r.digest(monday(2))).items).toEqual([]);
    expect((await r.digest(monday(3))).items).toEqual(
      followUp(
        "You asked on 24 Nov: “Re: Kaffe og en snak om jeres designproces?” No answer after 12 days. You've followed up once already; if this gets no answer either, let it rest.",
      ),
    );
    await r.send({ at: "2026-12-08T10:00:00+01:00", to: [ANNA], subject: `Re: ${subject}`, body: "Hej Anna,\n\nSidste forsøg herfra: kaffe i januar?\n\nSofie", inReplyTo: nudge });
    for (let week = 4; week <= 30; week++) expect(shown(await r.plan(monday(week)))).toEqual([]);
    expect((await r.contact(ANNA)).unansweredOutbound).toBe(3);
  });

  it("a later answer settles the follow-up, and the tie rests until its rhythm", async () => {
    const r = await replayOwner("sofie.answered@kjaer.design");
    const first = await r.send({ at: "2026-11-02T09:14:00+01:00", to: [ANNA], subject, body: "Hej Anna,\n\nHar du tid til en kop kaffe i næste uge?\n\nSofie" });
    expect(shown(await r.plan(monday(0)))).toEqual([["follow-up", ANNA.address]]);
    await r.reply({ at: "2026-11-17T15:40:00+01:00", from: ANNA, to: [r.me], subject: `Re: ${subject}`, body: "Hej Sofie,\n\nUndskyld det sene svar. Gerne!\n\nAnna", inReplyTo: first });
    expect(await r.contact(ANNA)).toMatchObject({ followUpSince: null, unansweredOutbound: 0 });
    // One conversation is no rhythm yet: nothing until a quarter has passed, then a quiet tie.
    for (let week = 1; week <= 12; week++) expect(shown(await r.plan(monday(week)))).toEqual([]);
    expect(shown(await r.plan(monday(13)))).toEqual([]);
  });
});

describe("a favour done after the yes, and a thank-you that asks", () => {
  it("a colleague who agreed to cover, was thanked for the yes, and reports the day done is owed thanks for the day", async () => {
    const r = await replayOwner("tom.cover@harding.example");
    const cover: Mail[] = [
      { at: "2026-10-19T19:41:00Z", from: r.me, to: [ANNA], subject: "Cover on Thursday 5 Nov?", body: "Hi Anna,\n\nCheeky one: any chance you could cover my Thursday clinic on 5 November? I'd rather not cancel seven people.\n\nSofie" },
      { at: "2026-10-20T08:03:00Z", from: ANNA, to: [r.me], subject: "Re: Cover on Thursday 5 Nov?", body: "Hi Sofie,\n\nYes, I can do that – Thursdays are my admin day anyway.\n\nAnna" },
      { at: "2026-10-20T09:20:00Z", from: r.me, to: [ANNA], subject: "Re: Cover on Thursday 5 Nov?", body: "Brilliant, thank you! I'll send the list the week before.\n\nSofie" },
      { at: "2026-11-06T08:47:00Z", from: ANNA, to: [r.me], subject: "Re: Cover on Thursday 5 Nov?", body: "Hi Sofie,\n\nAll done! Saw all seven yesterday. Notes are written up in the system.\n\nAnna" },
    ];
    // The same thread with Gorm, who only writes again to say when he is free: no favour done since the thanks.
    const chat: Mail[] = [
      { at: "2026-10-19T19:41:00Z", from: r.me, to: [GORM], subject: "Cover on Thursday 5 Nov?", body: "Hi Gorm,\n\nAny chance you could cover my Thursday clinic on 5 November?\n\nSofie" },
      { at: "2026-10-20T08:03:00Z", from: GORM, to: [r.me], subject: "Re: Cover on Thursday 5 Nov?", body: "Hi Sofie,\n\nYes, I can do that.\n\nGorm" },
      { at: "2026-10-20T09:20:00Z", from: r.me, to: [GORM], subject: "Re: Cover on Thursday 5 Nov?", body: "Brilliant, thank you!\n\nSofie" },
      { at: "2026-11-06T08:47:00Z", from: GORM, to: [r.me], subject: "Re: Cover on Thursday 5 Nov?", body: "Hi Sofie,\n\nI'm around on Fridays in December too, by the way.\n\nGorm" },
    ];
    await r.backfill([...cover, ...chat], at("2026-11-06T12:00:00Z"));
    expect(shown(await r.plan(monday(0)))).toEqual([["thank", ANNA.address]]);
  });

  it("the owner's thank-you that asks outright waits for an answer; one with small talk does not", async () => {
    const r = await replayOwner("ditte.gallery@ravn.example", { language: "da" });
    await r.send({ at: "2026-11-02T10:41:00+01:00", to: [ANNA], subject: "Forårsudstillingen 2027", body: "Kære Anna\n\nTak for snakken på messen i lørdags. Har I stadig plads til en keramiker i forårsudstillingen?\n\nDitte" });
    await r.send({ at: "2026-11-02T10:45:00+01:00", to: [GORM], subject: "Tak for sidst", body: "Kære Gorm\n\nTak for snakken på messen i lørdags. Hvordan gik resten af dagen?\n\nDitte" });
    expect(shown(await r.plan(monday(0)))).toEqual([["follow-up", ANNA.address]]);
  });
});

describe("the owner's note decides a mail that gives and asks", () => {
  it("'I need to answer her' shows it under help; forwarded without a note, the customers sent count first", async () => {
    const r = await replayOwner("ruth.note@lendal.example");
    const tie = (who: Who): Mail[] => [
      { at: "2026-09-18T15:05:00+01:00", from: who, to: [r.me], subject: "Sent you a customer!", body: "Hi Ruth,\n\nI sent a lovely woman round to you for the Persian cookbook, hope that's OK!\n\nSadia" },
      { at: "2026-09-18T17:40:00+01:00", from: r.me, to: [who], subject: "Re: Sent you a customer!", body: "She found us! Thank you so much – I owe you a coffee.\n\nRuth" },
    ];
    await r.backfill([...tie(ANNA), ...tie(GORM)], at("2026-09-20T12:00:00+01:00"));
    const asks = (who: Who): Mail => ({
      at: "2026-11-07T11:02:00Z",
      from: who,
      to: [r.me],
      subject: "Christmas suppers (and two more customers!)",
      body: "Hi Ruth,\n\nSent two more your way this morning – a couple visiting from Leeds.\n\nAlso, a small favour: could I leave a little pile of Christmas menus by your till?\n\nSadia",
    });
    await r.forward(asks(ANNA), "I need to answer her about the menus.");
    await r.forward(asks(GORM));
    expect(shown(await r.plan(monday(0))).sort()).toEqual([["help", ANNA.address], ["thank", GORM.address]]);
  });
});

describe("the owner's commands", () => {
  async function withQuestion(address: string) {
    const r = await replayOwner(address);
    await r.backfill(conversations(r, ANNA, "2026-06-01T09:00:00+02:00", 3, 40), at("2026-09-01T12:00:00+02:00"));
    await r.backfill(
      [{ at: "2026-11-12T13:05:00+01:00", from: ANNA, to: [r.me], subject: "Spørgsmål om moms på konsulentydelser", body: "Hej Sofie,\n\nVed du, om man skal lægge moms på rådgivning til en kunde i Sverige?\n\nAnna" }],
      at("2026-11-12T14:00:00+01:00"),
    );
    const digest = await r.digest(monday(0));
    expect(digest.items).toEqual([
      { number: 1, section: "help", address: ANNA.address, why: "Asked you something on 12 Nov: “Spørgsmål om moms på konsulentydelser”. Still unanswered." },
    ]);
    return { r, digest };
  }

  it("snooze: '2w' skips the next two digests, then the item is back", async () => {
    const { r, digest } = await withQuestion("sofie.snooze@kjaer.design");
    expect((await r.answer(digest, ["snooze 1 2w"], monday(0) + 3_600_000)).status).toBe("command");
    expect(shown(await r.plan(monday(1)))).toEqual([]);
    expect(shown(await r.plan(monday(2) + 3_600_000))).toEqual([]);
    expect(shown(await r.plan(monday(3)))).toEqual([["help", ANNA.address]]);
  });

  it("never: that person is muted for good, even when she asks again", async () => {
    const { r, digest } = await withQuestion("sofie.never@kjaer.design");
    expect((await r.answer(digest, ["never 1"], monday(0) + 3_600_000)).status).toBe("command");
    await r.backfill([{ at: "2026-11-18T10:00:00+01:00", from: ANNA, to: [r.me], subject: "Moms igen", body: "Hej Sofie,\n\nHar du set mit spørgsmål om moms?\n\nAnna" }], at("2026-11-18T11:00:00+01:00"));
    for (let week = 1; week <= 8; week++) expect(shown(await r.plan(monday(week)))).toEqual([]);
  });

  it("done: settled until something new happens", async () => {
    const { r, digest } = await withQuestion("sofie.done@kjaer.design");
    expect((await r.answer(digest, ["done 1"], monday(0) + 3_600_000)).status).toBe("command");
    expect(shown(await r.plan(monday(1)))).toEqual([]);
    await r.backfill([{ at: "2026-11-25T10:00:00+01:00", from: ANNA, to: [r.me], subject: "Et nyt spørgsmål", body: "Hej Sofie,\n\nKender du en god revisor i Aarhus?\n\nAnna" }], at("2026-11-25T11:00:00+01:00"));
    expect(shown(await r.plan(monday(2)))).toEqual([["help", ANNA.address]]);
  });
});
