// What a contact hands over in answer to the owner's plea, replayed through the real capture path: advice written
// out below the owner's quoted question, and a person's name with a phone number. Each test has its own owner.
import { describe, expect, it } from "vitest";
import { at, replayOwner, type Who } from "../support/replay";
import { TOM, KAREN, JONAS, JESPER, MONDAY, knownTie } from "../support/network";

const quoted = (who: string, text: string) => `\n\nOn Tue, 10 Nov 2026 at 09:00, ${who} wrote:\n${text.split("\n").map((l) => `> ${l}`).join("\n")}\n`;

describe("an answer to the owner's plea for advice is help given", () => {
  it("advice written out below the quoted question: thank, 'Helped you out'", async () => {
    const r = await replayOwner("sofie.answer.advice@kjaer.design");
    await knownTie(r, TOM);
    const plea = "Hi Tom,\n\nA client's checkout drops one order in fifty and the logs say nothing useful. Any idea where I should start looking?\n\nSofie";
    const asked = await r.send({ at: "2026-11-10T09:00:00+01:00", to: [TOM], subject: "Lost orders", body: plea });
    await r.reply({
      at: "2026-11-11T18:20:00+01:00",
      from: TOM,
      to: [r.me],
      subject: "Re: Lost orders",
      body:
        "Sofie,\n\nOne in fifty smells like a payment webhook that times out. Check the provider's dashboard for retries, make the handler answer at once and do the work in a queue, and log the order id on both sides. We had exactly this last spring and that fixed it within a day.\n\nTom" +
        quoted("Sofie Kjær <sofie.answer.advice@kjaer.design>", plea),
      inReplyTo: asked,
    });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: TOM.address, why: expect.stringMatching(/^Helped you out on 11 Nov: “Re: Lost orders”/) },
    ]);
  });

  it("a long reply to a question about a date is no advice: nothing to thank", async () => {
    const r = await replayOwner("sofie.answer.date@kjaer.design");
    await knownTie(r, TOM);
    const question = "Hi Tom,\n\nDoes Thursday the 19th still suit you for the workshop at your office?\n\nSofie";
    const asked = await r.send({ at: "2026-11-10T09:00:00+01:00", to: [TOM], subject: "Workshop", body: question });
    await r.reply({
      at: "2026-11-11T18:20:00+01:00",
      from: TOM,
      to: [r.me],
      subject: "Re: Workshop",
      body:
        "Hi Sofie,\n\nThursday is fine. We have the big room from nine, there will be coffee and pastries, and the projector in there finally works again after the summer. Parking is behind the building, the code for the gate is the same as last time.\n\nTom" +
        quoted("Sofie Kjær <sofie.answer.date@kjaer.design>", question),
      inReplyTo: asked,
    });
    expect((await r.digest(MONDAY)).items.filter((i) => i.section === "thank")).toEqual([]);
  });
});

describe("a name with a phone number is the contact the owner asked for", () => {
  it("Danish: 'ring til Hanne Lund, 22 33 44 55' answers 'kender du en revisor?'", async () => {
    const r = await replayOwner("sofie.answer.phone@kjaer.design", { language: "da" });
    await knownTie(r, KAREN);
    const asked = await r.send({ at: "2026-11-10T09:00:00+01:00", to: [KAREN], subject: "Revisor", body: "Hej Karen,\n\nKender du en god revisor, der forstår enkeltmandsvirksomheder?\n\nSofie" });
    await r.reply({
      at: "2026-11-10T12:00:00+01:00",
      from: KAREN,
      to: [r.me],
      subject: "Sv: Revisor",
      body: "Ja! Hanne Lund, 22 33 44 55. Sig, at det er mig, der har sendt dig.\n\nKaren",
      inReplyTo: asked,
    });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([{ number: 1, section: "thank", address: KAREN.address, why: expect.stringMatching(/^Sendte det, du bad om den 10\. nov\./) }]);
  });

  it("the writer's own number in the signature hands nothing over", async () => {
    const r = await replayOwner("sofie.answer.signature@kjaer.design");
    await knownTie(r, JONAS);
    const asked = await r.send({ at: "2026-11-10T09:00:00+01:00", to: [JONAS], subject: "Drawings", body: "Hi Jonas,\n\nCould you send me the drawings for the extension?\n\nSofie" });
    await r.reply({
      at: "2026-11-10T12:00:00+01:00",
      from: JONAS,
      to: [r.me],
      subject: "Re: Drawings",
      body: "Will do tomorrow, they're at the printer.\n\nJonas Krøll\nKrøll Arkitekter, 33 12 34 56",
      inReplyTo: asked,
    });
    expect((await r.digest(MONDAY)).items.filter((i) => i.section === "thank")).toEqual([]);
  });
});

describe("the owner's answer to their request waits for nothing unless it asks outright", () => {
  const booking = "Hi Sofie,\n\nCould we have you for the Saturday workshop, 9 till 12? I can unlock the piano room if you want it.\n\nTom";
  it.each([
    ["a yes with a wish", "Hi Tom,\n\nYes, 9 till 12 is perfect, and the piano room would be wonderful. I'll pick up the keys on Friday.\n\nSofie", false],
    ["a yes that asks outright", "Hi Tom,\n\nYes, 9 till 12 is perfect. Is there parking behind the hall?\n\nSofie", true],
  ])("%s", async (label, answer, waits) => {
    const r = await replayOwner(`sofie.answers.${label.replace(/\W+/g, "-")}@kjaer.design`);
    await knownTie(r, TOM);
    const [theirs] = await r.backfill([{ at: "2026-11-02T10:00:00+01:00", from: TOM, to: [r.me], subject: "Saturday workshop", body: booking }], at("2026-11-02T12:00:00+01:00"));
    await r.send({ at: "2026-11-02T18:00:00+01:00", to: [TOM], subject: "Re: Saturday workshop", body: answer, inReplyTo: theirs });
    const followUps = (await r.digest(MONDAY)).items.filter((i) => i.section === "follow-up").map((i) => i.address);
    expect(followUps).toEqual(waits ? [TOM.address] : []);
  });
});

describe("what was asked for, after a holding reply", () => {
  it("'let me check and come back to you', then the file: thank", async () => {
    const r = await replayOwner("sofie.answer.holding@kjaer.design", { language: "da" });
    await knownTie(r, KAREN);
    const asked = await r.send({ at: "2026-11-02T09:00:00+01:00", to: [KAREN], subject: "Kontrakt", body: "Hej Karen,\n\nHar du en skabelon til en freelancekontrakt, jeg må låne?\n\nSofie" });
    const holding = await r.reply({ at: "2026-11-02T12:00:00+01:00", from: KAREN, to: [r.me], subject: "Sv: Kontrakt", body: "Godt spørgsmål, jeg finder den frem og vender tilbage.\n\nKaren", inReplyTo: asked });
    await r.reply({
      at: "2026-11-10T12:00:00+01:00",
      from: KAREN,
      to: [r.me],
      subject: "Sv: Kontrakt",
      body: "Her er den. Ret bare frit i den.\n\nKaren",
      attachments: [{ filename: "freelancekontrakt.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content: "UEsDBBQ=" }],
      inReplyTo: holding,
    });
    const digest = await r.digest(MONDAY);
    expect(digest.items).toEqual([{ number: 1, section: "thank", address: KAREN.address, why: expect.stringMatching(/^Sendte det, du bad om \(freelancekontrakt\.docx\) den 10\. nov\./) }]);
  });
});

/**
 * The owner asks `who` something on Monday 9 Nov; they answer in the thread on Tuesday afternoon. Returns the
 * digest of the Monday after. `tie`: they have mailed before (a two-way tie), else it is the owner's first mail.
 */
async function askedThenAnswered(
  owner: string,
  who: Who,
  ask: { subject: string; body: string },
  answer: string,
  opts: { tie?: boolean; language?: "da" } = {},
) {
  const r = await replayOwner(owner, opts.language ? { language: opts.language } : {});
  if (opts.tie !== false) await knownTie(r, who);
  const asked = await r.send({ at: "2026-11-09T09:00:00+01:00", to: [who], ...ask });
  const re = opts.language === "da" ? "Sv" : "Re";
  await r.reply({ at: "2026-11-10T16:00:00+01:00", from: who, to: [r.me], subject: `${re}: ${ask.subject}`, body: answer, inReplyTo: asked });
  return r.digest(MONDAY);
}
const sections = (items: Array<{ section: string; address: string }>) => items.map((i) => [i.section, i.address]);

describe("a substantial reply to the owner's question is an answer given", () => {
  it("a plain answer to a question, no advice words and nothing quoted: thank", async () => {
    const digest = await askedThenAnswered(
      "sofie.answer.question@kjaer.design",
      TOM,
      { subject: "VAT on workshops", body: "Hi Tom,\n\nA company wants to buy a workshop for its whole team. Do I charge VAT on that, or is it exempt like teaching?\n\nSofie" },
      "Sofie,\n\nYes, VAT applies. The teaching exemption only covers schools and courses that are publicly recognised, and a company workshop is neither. It is a normal service at 25 percent, and the company will simply deduct it. I had the same case with a client in Aarhus last spring.\n\nTom",
    );
    expect(digest.items).toEqual([
      { number: 1, section: "thank", address: TOM.address, why: expect.stringMatching(/^Helped you out on 10 Nov: “Re: VAT on workshops”/) },
    ]);
  });
});

describe("a first mail's question, answered", () => {
  it("Danish: a know-how question to someone never written to before, answered at length: thank", async () => {
    const digest = await askedThenAnswered(
      "sofie.first.question@kjaer.design",
      JESPER,
      { subject: "Forsikring af værktøj", body: "Hej Jesper\n\nHvordan forsikrer du værktøjet i bilen om natten? Mit selskab vil ikke dække tyveri fra varebil.\n\nSofie" },
      "Hej Sofie\n\nDet er et klassisk problem. Vi har en erhvervsforsikring hos et mindre selskab, der dækker værktøj i aflåst varebil, hvis bilen har en godkendt varebilslås. Låsen kostede 4.000 kr. monteret, og præmien faldt bagefter. Spørg efter en tillægsdækning for værktøj, den står sjældent i standardpolicen.\n\nJesper",
      { tie: false, language: "da" },
    );
    expect(digest.items).toEqual([{ number: 1, section: "thank", address: JESPER.address, why: expect.stringMatching(/^Hjalp dig den 10\. nov\./) }]);
  });

  it("a pitch asking for half an hour, answered at length: nothing to thank", async () => {
    const digest = await askedThenAnswered(
      "sofie.first.pitch@kjaer.design",
      JESPER,
      {
        subject: "Your new site",
        body: "Hi Jesper,\n\nI saw you are rebuilding the company website next year. I've designed sites for three builders in Jutland and would love to show you what worked for them. Would you have half an hour next week?\n\nSofie",
      },
      "Hi Sofie,\n\nGood timing. We are still deciding what the site should do at all, and my partner wants to wait until the spring when the new van fleet is in place. The budget is not set either. Write again in March and we can look at it then, no promises.\n\nJesper",
      { tie: false },
    );
    expect(digest.items.filter((i) => i.section === "thank")).toEqual([]);
  });
});

describe("catching up is no question for know-how", () => {
  it("Danish: 'Det er længe siden! Hvordan står det til med butikken?', answered at length: nothing to thank", async () => {
    const digest = await askedThenAnswered(
      "sofie.catchup@kjaer.design",
      KAREN,
      { subject: "Længe siden", body: "Hej Karen\n\nDet er længe siden! Hvordan står det til med butikken efter sommeren? Skal jeg kigge forbi, når jeg alligevel er i byen?\n\nSofie" },
      "Hej Sofie\n\nButikken har haft travlt. Vi har ansat to nye i august, og den nye ovn kører endelig. Salget ligger over sidste år, selvom efterårsmarkedet var stille. Julen ser ud til at blive god, og vi har fået tre nye leverandører af te og kaffe ind.\n\nKaren",
      { language: "da" },
    );
    expect(digest.items.filter((i) => i.section === "thank")).toEqual([]);
  });
});

describe("their answer to the owner's request, asking something back", () => {
  const shoot = { subject: "Shoot on the 4th", body: "Hi Jonas,\n\nCould you shoot the showroom for us on 4 December?\n\nSofie" };
  it("a yes with a small question back ('shall I keep the whole day free?') owes nothing", async () => {
    const digest = await askedThenAnswered("sofie.askback.passing@kjaer.design", JONAS, shoot, "Yes, count me in. Shall I keep the whole day free?\n\nJonas");
    expect(digest.items.filter((i) => i.section === "help")).toEqual([]);
  });

  it("a request worded as one, in their answer, still asks", async () => {
    const digest = await askedThenAnswered(
      "sofie.askback.worded@kjaer.design",
      JONAS,
      shoot,
      "Yes, count me in. Could you send me the floor plan and the product list by Friday, so I can plan the lights?\n\nJonas",
    );
    expect(sections(digest.items)).toEqual([["help", JONAS.address]]);
  });
});

describe("a short answer", () => {
  it("Danish: a few lines with a step to take answer the owner's question: thank", async () => {
    const digest = await askedThenAnswered(
      "sofie.short.answer@kjaer.design",
      KAREN,
      { subject: "Skilte", body: "Hej Karen\n\nVed du, hvem der stadig laver emaljeskilte i Jylland?\n\nSofie" },
      "Der er et lille værksted i Ribe, der stadig gør det. Ring til dem og spørg efter Bodil, hun tager små ordrer.\n\nKaren",
      { language: "da" },
    );
    expect(sections(digest.items)).toEqual([["thank", KAREN.address]]);
  });

  it("a short no to a pitch, with 'try me again', is no help given", async () => {
    const digest = await askedThenAnswered(
      "sofie.short.no@kjaer.design",
      TOM,
      { subject: "Workshop idea", body: "Hi Tom,\n\nWould a half-day workshop on booking flows interest your team this winter?\n\nSofie" },
      "Sounds good, but the winter plan is full already. Try me again in March.\n\nTom",
    );
    expect(digest.items.filter((i) => i.section === "thank")).toEqual([]);
  });
});

describe("a forwarded mail is never newer than its forward", () => {
  it("a zone-less time read later than the forward is taken as the forward's own time", async () => {
    const r = await replayOwner("sofie.forward.clock@kjaer.design");
    await knownTie(r, TOM);
    // Gmail prints the original's time without a zone; read as UTC, 9:15 AM lands after this 09:00 (+01:00) forward.
    await r.forwardAs(
      "Fwd: Pricing",
      "Tom on pricing.\n\n---------- Forwarded message ---------\nFrom: Tom Becker <tom@becker.studio>\nDate: Wed, Nov 4, 2026 at 9:15 AM\nSubject: Re: Pricing\nTo: Sofie Kjær <sofie.forward.clock@kjaer.design>\n\nSofie,\n\nPer-project is right for you.\n\nTom\n",
      "2026-11-04T09:00:00+01:00",
      "Mozilla/5.0 (Gmail)",
    );
    expect((await r.contact(TOM))?.lastInboundAt).toBe(Date.parse("2026-11-04T09:00:00+01:00"));
  });
});
