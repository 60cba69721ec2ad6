import { describe, expect, it } from "vitest";
import { classifyIntent, noteVouches, readsAsAdvice } from "../../src/mail/intent";

// Requests as people write them to someone they know, with and without a question mark, and sentences that
// look like them but ask the reader for nothing. Written from what a reader would take them to mean, not from
// the patterns: each names a class (a need, a hint, an imperative, a deadline, a benefit) in fresh words.
const requests: Array<[string, string]> = [
  ["need + deadline", "I need the signed contract back by Thursday."],
  ["could do with", "Could really do with a second opinion on the pricing before I send it."],
  ["imperative, when", "Give me a shout when you've looked at it."],
  ["benefit of your view", "Your view on the clause 4 wording would help a lot."],
  ["hoping you can", "Hoping you can squeeze in a review this week."],
  ["if there's any way", "If there's any way you could cover Saturday's shift, I'd be so relieved."],
  ["would be great to get your take", "Would be great to get your take on the logo before we print."],
  ["need a yes or no", "Need a quick yes or no on the venue by tomorrow."],
  ["I'd value your time", "I'd value ten minutes of your time on this."],
  ["keen to hear", "Keen to hear what you make of the numbers."],
  ["let me know your", "Let me know your availability for a call next week."],
  ["please can you", "Please can you forward this to your finance team."],
  ["needs your sign-off", "The quote needs your sign-off before Friday."],
  ["hoping to borrow", "I was hoping to borrow your tripod for the weekend."],
  ["any ideas, no mark", "Can't work out the VAT on this one, any ideas"],
  ["wondering whether you'd", "Wondering whether you'd be up for co-hosting the January meetup."],
  ["deadline for you", "Numbers for the board pack by Wednesday, if humanly possible."],
  ["owe you if", "I'd owe you one if you could pick up the keys on your way."],
  ["dearly love your eyes", "I would dearly love your eyes on the narrative before it goes in."],
  ["looking for someone", "We're still looking for someone to run the Saturday kids' session in March."],
  ["vi mangler en til", "Vi mangler stadig en til at holde et oplæg om bæredygtig emballage på årsmødet."],
  ["if you can, then I'll", "If you can get me a few lines on it by Friday I'll pass them straight on."],
  // Danish
  ["skal bruge + senest", "Jeg skal bruge din underskrift senest fredag."],
  ["send mig lige", "Send mig lige fakturaen, når du får et øjeblik."],
  ["du må gerne kigge", "Du må meget gerne kigge på den vedhæftede inden mødet."],
  ["det ville redde", "Det ville redde min uge, hvis du kunne tage lørdagsvagten."],
  ["håber du kan nå", "Jeg håber, du kan nå at læse korrektur på den inden torsdag."],
  ["kunne godt bruge", "Kunne godt bruge en second opinion på prisen, før jeg sender den."],
  ["giv mig et ring", "Giv mig et ring, når du har set tegningerne."],
  ["din vurdering ville", "Din vurdering af kontrakten ville være guld værd."],
  ["mangler dit svar", "Jeg mangler bare dit svar på, om vi kører med plan A eller B."],
  ["tjek lige", "Tjek lige om tallene stemmer, tak."],
  ["du bedes", "Du bedes sende timesedlerne senest mandag."],
  ["kan du ikke", "Kan du ikke lige ringe til mig i morgen formiddag."],
  // A benefit that is not thanks: "would be a lifesaver", "would mean a lot", said of what the reader might do.
  ["lifesaver, if you have", "If you've got an old brief lying around you could pass on, that would be an absolute lifesaver."],
  ["would mean a lot, from you", "Two lines from you before the panel meets on the 9th would mean a lot."],
  ["appreciated, with a purpose", "When you find a quiet hour, a second read would be hugely appreciated so we can close this off."],
  ["grateful for, by a date", "I'd be so grateful for a copy of your supplier list before Tuesday."],
  // A want with a time the reader is to meet, with no "you" in it.
  ["value an eye, before a date", "Would really value a second pair of eyes on the floor plan before 3 December."],
  ["like to see, before we meet", "I'd like to see a rough budget before we meet next week."],
  ["gerne se, inden vi mødes", "Jeg vil gerne se et par eksempler på jeres arbejde, inden vi mødes."],
  ["gerne inden", "Gerne inden torsdag, så jeg kan nå at vende det med min makker."],
  // Urgency turns an open invitation into a request.
  ["ring, det haster", "Ring gerne hurtigst muligt, det haster lidt med tilbuddet."],
  ["call, urgent", "Give me a call when you see this, it's fairly urgent."],
  ["må du gerne", "Hvis du har fem minutter i morgen, må du rigtig gerne tjekke mine tal."],
  ["spare minutes", "If you have a spare ten minutes this week, I'd love your read on the intro."],
  ["a deadline for the answer", "If either of your juniors is free that weekend, let me know before Wednesday."],
  ["would save me", "If you still have last year's checklist, that would save me a whole afternoon."],
  ["inverted after a fronted clause", "Før vi skriver kontrakt, har jeg brug for jeres forsikringspapirer."],
  ["leave, with a time", "Skriv mig gerne et par linjer, helst inden mødet på torsdag."],
  ["a two-digit date", "Would really value your notes on the running order before 19 March."],
  ["benefit after a condition, inverted", "Hvis jeg kunne låne jeres trailer på lørdag, ville det hjælpe mig enormt."],
  ["want a thing, by a date", "Vi vil gerne have et tilbud på hele tagetagen, gerne inden 15. januar."],
  ["an answer, by a date", "Vi skal gerne have svar inden nytår, så vi kan booke salen."],
  ["kunne rigtig godt bruge", "Jeg kunne rigtig godt bruge at høre, hvordan lønsystemet virker hos jer."],
  ["an ordinal date", "I'd need the floor plans and a rough budget before the 3rd."],
  ["make all the difference", "A short letter from someone who has seen me work would make all the difference before the deadline."],
  ["need to understand how you", "Before the board meets, I need to understand how you price the support contract."],
  ["inverted glad for", "Hvis du kender en god revisor, vil jeg blive glad for et navn."],
  ["a little time, 'min'", "Hvis du har 5 min så læs lige mit oplæg igennem."],
  ["an indirect question", "We would like to know whether the wall can come out, and roughly what it adds."],
  ["need it before the meeting", "We need the figures before the board meets on the 10th."],
  ["vil gerne vide, om", "Vi vil gerne vide, om I kan levere i uge 3."],
  ["needs someone, no pronoun", "Jeg er væk i uge 8 og har brug for en, der kan passe butikken om lørdagen."],
  ["minutes for a demo, after thanks for the chat", "Tak for snakken ved vores stand i torsdags. Har du 20 minutter i uge 44 til en kort demo?"],
  ["et kvarter", "Har I et kvarter i næste uge, så jeg kan vise jer skabelonen?"],
];

const notRequests: Array<[string, string]> = [
  ["courtesy offer", "Let me know if you need anything else from me."],
  ["hope you had", "Hope you had a lovely weekend!"],
  ["own need and deadline", "I need to finish the report by Friday, so I'll be quiet this week."],
  ["news", "We shipped the new version yesterday."],
  ["hands over", "Please find the invoice attached."],
  ["promise", "I'll send you the draft by Friday."],
  ["offer", "Happy to jump on a call if that helps."],
  ["no reply needed", "No need to reply to this one."],
  ["please don't", "Please don't feel you have to answer."],
  ["you'd have loved", "You'd have loved the venue, by the way."],
  ["hope it went", "I hope the move went smoothly."],
  ["standing offer", "Do let me know if there's ever anything I can do for you."],
  ["season's greeting", "Have a great Christmas, see you in January."],
  // Leave to send, in a reply that says yes: the ball is with the reader, but nothing is asked of them.
  ["permission, whenever", "Send it over whenever it's ready."],
  ["permission, then I", "Send me the annual report and I'll put a price on it."],
  ["found someone", "We found someone to run the kids' session in the end."],
  ["an invitation with 'do'", "I'd be glad to help any of your founders; do tell me what's on their minds."],
  ["hvis vi mangler", "Jeg har gemt dit navn og ringer, hvis vi mangler en hånd til foråret."],
  ["report of a past ask", "The client asked me to send the files by Monday, which I did."],
  // Danish
  ["sig til", "Sig endelig til, hvis der er mere, jeg kan gøre."],
  ["håber I har haft", "Håber I har haft en god weekend."],
  ["egen deadline", "Jeg skal have rapporten færdig inden fredag, så jeg er lidt væk."],
  ["nyhed", "Vi har sendt den nye version i går."],
  ["vedhæftet", "Vedhæftet finder du fakturaen."],
  ["løfte", "Jeg sender udkastet senest fredag."],
  ["intet svar", "Du behøver ikke svare på den her."],
  ["tilbud om hjælp", "Jeg hjælper gerne, hvis du får brug for det."],
  ["jul", "God jul og godt nytår!"],
  ["lov, i ro og mag", "Kig det igennem i ro og mag, så tager vi det endelige på mødet."],
  ["gammel bøn", "Kunden bad mig sende filerne inden mandag, og det har jeg gjort."],
  // The writer's own wish or plan with a date, and benefit said of the past.
  ["own wish with a date", "We'd love to launch the new menu before Christmas."],
  ["own plan, before we meet", "I'll read through your notes before we meet on Thursday."],
  ["it was a lifesaver", "Your checklist was an absolute lifesaver last week."],
  ["egen plan, inden", "Jeg vil gerne have ryddet op i regnskabet inden jul."],
  ["no rush, urgent elsewhere", "No rush on your side, the urgent part is already sorted."],
  ["advice: you need", "The client files it; you need a processing agreement with them before go-live."],
  ["råd: du har brug for", "Du har brug for en databehandleraftale, inden I går i luften."],
  ["thanks with 'hoping for'", "She is exactly the kind of person I was hoping for - I owe you one."],
];

describe("requests, with and without a question mark", () => {
  it.each(requests)("asks: %s", (_, text) => {
    expect(classifyIntent({ subject: "Hej", text }).request).toBe(true);
  });
  it.each(notRequests)("asks nothing: %s", (_, text) => {
    expect(classifyIntent({ subject: "Hej", text }).request).toBe(false);
  });
});

describe("small talk asks nothing", () => {
  it.each([
    ["an answer to thanks", "You're very welcome! How's the new office coming along?"],
    ["Danish, det var så lidt", "Det var så lidt! Hvad blev det til med huset i Aarhus?"],
    ["how something went", "Great to hear from you. How did the launch go in the end?"],
    ["Danish, hvordan gik", "Dejligt at høre fra dig. Hvordan gik præsentationen for bestyrelsen?"],
    ["lasting gratitude, then small talk", "You turned it into more than I dared hope for. I'll be grateful for years. Any plans for the holidays?"],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Re: Hej", text }).request).toBe(false);
  });
  it("a request in an answer to thanks still asks", () => {
    expect(classifyIntent({ subject: "Re: Tak", text: "Selv tak! Kan du sende mig fakturaen, når du får tid?" }).request).toBe(true);
  });
  it("how they did something asks: 'How did you get the permit through?'", () => {
    expect(classifyIntent({ subject: "Permit", text: "How did you get the permit through so fast?" }).request).toBe(true);
  });
});

describe("gratitude for what the reader might still do is no thanks", () => {
  it.each([
    ["would be a lifesaver", "A copy of last year's brief would be a real lifesaver."],
    ["I'd be grateful", "I'd be so grateful for ten minutes of your time on it."],
    ["will be grateful if", "We will be very grateful if you can spare an evening in March."],
    ["ville være taknemmelig", "Jeg ville være utrolig taknemmelig for et blik på budgettet."],
  ])("%s", (_, text) => {
    const i = classifyIntent({ subject: "A favour", text });
    expect(i.thanks).toBe(false);
    expect(i.request).toBe(true);
  });
});

describe("introductions in other words", () => {
  it("the reader's number handed on is a referral", () => {
    expect(classifyIntent({ subject: "En kunde til dig", text: "Har givet dit nummer til en nabo, der skal have nyt tag. Hun ringer nok i næste uge." }).gift).toBe("referral");
  });
  it("clients sent to the reader are a referral", () => {
    expect(classifyIntent({ subject: "Heads up", text: "I've started sending a few of my yoga students to you for massage." }).gift).toBe("referral");
  });
  it("a retirement greeting expects nothing", () => {
    expect(classifyIntent({ subject: "Happy retirement!", text: "Happy retirement! Enjoy the boat." }).greeting).toBe(true);
  });
  it("a referral told to someone named, with a clause between commas", () => {
    const text = "Jeg har skrevet til min tidligere chef Anne Bak, der nu driver et bryggeri i Aarhus, om dig og dit arbejde.";
    expect(classifyIntent({ subject: "Anne", text }).gift).toBe("referral");
  });
  it("'Introduction via …' in the subject: the writer introducing themselves, not a gift", () => {
    const i = classifyIntent({ subject: "Introduction via Karen Bech", text: "Karen suggested I write to you. I'd be grateful for your view on our export licence before Friday." });
    expect(i.gift).toBeNull();
    expect(i.referredBy).toBe(true);
    expect(i.request).toBe(true);
  });
});

describe("words that hand something over, when a forward or an export lost the file", () => {
  it.each(["Attached: benchmarks_2025.xlsx. The second tab has the regions.", "Found it - scan attached, plus the spec sheet.", "Checklist attached (v4), plus the guidance I use.", "Vedhæftet: tilbuddet som PDF."])("%s", (text) => {
    expect(classifyIntent({ subject: "Re: Benchmarks", text }).handsOver).toBe(true);
  });
  it.each(["I'll send the file attached tomorrow.", "The attached invoice is overdue."])("not: %s", (text) => {
    expect(classifyIntent({ subject: "Re: Benchmarks", text }).handsOver).toBe(false);
  });
});

describe("thanks in the form of praise", () => {
  it.each([
    ["betænksomt af dig", "Hvor var det betænksomt af dig at tænke på mig, da de spurgte."],
    ["en rigtig god ven", "Du er en rigtig god ven. Vi ses til jul."],
    ["a true friend", "You're a true friend for putting my name forward."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Re: Intro", text }).thanks).toBe(true);
  });
});

describe("someone the owner knows sent them", () => {
  it.each([
    ["mentioned you", "Hanne Lund mentioned you when I asked around for a bookkeeper."],
    ["showed us your", "Peter showed us your kitchen in Hellerup and we'd like something similar."],
    ["will have told you about me", "Kirsten will probably have told you a little about me already."],
    ["told me to write", "Anna Berg at the library told me to write to you about the exhibition."],
    ["said you'd be the person", "Jakob said you'd be the person to ask about listed buildings."],
    ["sagde, at vi skulle skrive", "Mette Lund sagde, at vi skulle skrive til dig om haven."],
    ["har anbefalet dig", "Søren Holt har anbefalet dig til os."],
    ["nævnte dit bureau", "Birgitte Holm nævnte dit bureau for mig."],
    ["connected us", "Ines connected us at the trade fair last month."],
    ["gave us your name", "Carl Jensen gave us your name when we asked about guides."],
    ["said to write to you", "Sofia from the weaving mill said to write to you about pattern cutters."],
    ["satte os i forbindelse", "Lars satte os i forbindelse i sidste uge."],
    ["nævnte dig", "Birgitte nævnte dig, da jeg spurgte efter en god tømrer."],
    ["har fortalt om mig", "Jonas har sikkert fortalt lidt om mig."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Hello", text }).referredBy).toBe(true);
  });
  it("the writer recommending the reader to someone else is no one sending the writer", () => {
    expect(classifyIntent({ subject: "Hi", text: "I recommended you to the new café on Vestergade." }).referredBy).toBe(false);
  });
});

describe("a forward note that names a pitch for what it is vouches for no one", () => {
  it.each(["cold pitch", "Sales spam again", "reklame", "Endnu en sælger", "Another render farm. Keep for the file.", "Is this worth it?", "Aldrig i livet", "Nok ikke", "Not a chance", "Nah", "Glem det"])("%s", (note) => {
    expect(noteVouches(note)).toBe(false);
  });
  it("a note about the person vouches", () => {
    expect(noteVouches("Good guy, met him at the fair")).toBe(true);
  });
});

describe("the reader came to mind", () => {
  it("'thought of you' with a link is help given", () => {
    const i = classifyIntent({ subject: "Saw this", text: "Read this piece on pricing retainers and thought of you: https://example.com/retainers" });
    expect(i.gift).toBe("help");
  });
  it("'thought of you' in a mail that asks is why they ask, not a gift", () => {
    const i = classifyIntent({
      subject: "Garden in spring",
      text: "We're looking for someone to redo the borders in March and I thought of you straight away. If you have room in your diary we'd love to book you.",
    });
    expect(i.gift).toBeNull();
    expect(i.request).toBe(true);
  });
  it("Danish: 'kom til at tænke på dig' in a request for a job asks", () => {
    const i = classifyIntent({ subject: "Tagrender", text: "Vi skal have skiftet tagrender til foråret, og jeg kom straks til at tænke på dig. Hvis du kan klemme os ind, vil vi gerne have et tilbud." });
    expect(i.gift).toBeNull();
    expect(i.request).toBe(true);
  });
});

describe("a recommendation offered is not yet given", () => {
  it.each([
    ["da", "Tusind tak for hjælpen, jeg anbefaler dig gerne til mine kolleger."],
    ["en", "Thanks again. I'd recommend you any time, just say the word."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Re: Done", text }).gift).toBeNull();
  });
  it("a recommendation made is given", () => {
    expect(classifyIntent({ subject: "Hi", text: "I recommended you to our new CFO yesterday, she'll be in touch." }).gift).toBe("referral");
  });
});

describe("referrals said to someone else about the reader", () => {
  it.each([
    ["told whom, then about what is theirs", "Had dinner with the COO of Brightline and told her about Quillpad and your onboarding flow. She wants a demo."],
    ["telling, ongoing", "I keep telling the partners at our firm about your workshops, expect a call."],
    ["a long 'whom'", "I mentioned my former colleague Hanne from the ministry to about three people, and told my neighbour Peter Holm about you too."],
    ["Danish, skrevet til … om dig", "Jeg har i går skrevet til min tidligere chef i kommunen om dig."],
    ["Danish, sagt til … at de skal …", "Jeg har sagt til hele bestyrelsen i foreningen, at de skal ringe til dig."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Hej", text }).gift).toBe("referral");
  });
});

describe("thanks in more words", () => {
  it.each([
    ["sødt tænkt af dig", "Hvor var det sødt tænkt af dig!"],
    ["hvor er du sød", "Hvor er du sød at huske det."],
    ["a huge help", "Cheers Anna, that's a huge help."],
    ["in your debt", "I'm in your debt for this one."],
    ["står i gæld", "Jeg står i gæld til dig."],
    ["Italian", "Grazie mille, Paolo!"],
    ["German", "Danke schön für die Hilfe."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Re: Hjælp", text }).thanks).toBe(true);
  });
});

describe("what reads as advice", () => {
  it("paperwork sent on to someone else is advice, not the writer's business", () => {
    expect(classifyIntent({ subject: "Re: Moms", text: "Sign it and send it to Skat before 1 May." }).transaction).toBe(false);
  });
  it("'You'll thank yourself later' in advice thanks nobody", () => {
    expect(classifyIntent({ subject: "Re: Pinblock", text: "Take a rubbing of the plate before anything comes out. You'll thank yourself later." }).thanks).toBe(false);
  });
  it.each([
    ["steps", "Not yet. Inventory the subdomains first. Move them all to HTTPS. Then submit to the list, it's hard to undo."],
    ["Danish, usual cause and a step", "Det er næsten altid elementerne. Mål modstanden, og tjek termoelementet bagefter."],
    ["words", "I'd start with the pricing page, the trick is to show one plan first."],
    ["what is usual, and wording to use", "It is common but too broad. Ask for a licence instead. Suggested wording: the client receives a licence for internal use."],
    ["Danish, what works and steps", "Vi går gennem ældreklubber – opslag virker ikke. Betal med gavekort frem for penge. Planlæg 50 % flere end du skal bruge."],
  ])("%s", (_, text) => {
    expect(readsAsAdvice(text)).toBe(true);
  });
  it.each([
    ["a chatty yes", "Thursday is fine. We have the big room from nine, there will be coffee, and parking is behind the building."],
    ["one step only", "Sure, check the shared folder, it's all there."],
    ["nouns and complaints, not steps", "Offer valid until Friday. Budget is tight. Linket virker ikke, and I don't work Fridays."],
  ])("not: %s", (_, text) => {
    expect(readsAsAdvice(text)).toBe(false);
  });
});

describe("referrals that name the reader or what is theirs", () => {
  it.each([
    ["their name passed on", "Hi Jess,\n\nI passed Jess's name to my sister-in-law, she wants a PT for the new year."],
    ["the reader referred to someone", "Marcus,\n\nReferred Marcus to Emma Walsh at Harvest Bank yesterday, she runs their sponsorship budget."],
    ["Danish, what is theirs", "Hej Niels\n\nJeg anbefaler Niels' ænder til alle mine kunder, der er et skilt ved kassen."],
    ["Danish, their business by its noun", "Hej Sofie\n\nJeg anbefalede bryggeriet til et busselskab fra Hamborg i går."],
    ["Danish, patients sent", "Hej Pernille\n\nJeg har henvist tre patienter til klinikken med skulderproblemer."],
    ["English, clients sent", "Hi Ana,\n\nI've sent two of my clients your way this month."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Hej", text }).gift).toBe("referral");
  });
  it("someone else named as the subject says how they came", () => {
    expect(classifyIntent({ subject: "Hi", text: "Hi Jess,\n\nDev passed Jess's name to me, I'm his sister-in-law." }).gift).toBeNull();
  });
});

describe("referrals of what is the reader's, by its name or 'your …'", () => {
  it.each([
    ["Danish, 'nævnt din klinik for'", "Hej Mette\n\nJeg har nævnt din klinik for tre af mine patienter med ondt i skulderen."],
    ["the business by name", "Hey Marcus, mentioned The Bell Curve to the head of marketing at Northbank over lunch."],
    ["passed your details to", "Also, I passed your details to my old boss at Cedar Health."],
  ])("%s", (_, text) => {
    expect(classifyIntent({ subject: "Hej", text }).gift).toBe("referral");
  });
  it.each([
    ["Danish, sending it on", "Perfekt, jeg sender det videre til holdet. Vi ses torsdag."],
    ["lower-case words are no name", "I mentioned it to him at lunch, no news yet."],
  ])("not: %s", (_, text) => {
    expect(classifyIntent({ subject: "Hej", text }).gift).toBeNull();
  });
});

describe("more ways to thank and to hand over", () => {
  it.each([
    ["en fin gestus", "Tak for henvisningen, det var en rigtig fin gestus."],
    ["a lovely gesture", "What a lovely gesture, I'm touched."],
  ])("thanks: %s", (_, text) => {
    expect(classifyIntent({ subject: "Re: Hej", text }).thanks).toBe(true);
  });
  it("'her er rideren og scenetegningen' hands over", () => {
    expect(classifyIntent({ subject: "SV: Rider", text: "Hej Jonas\n\nHer er rideren og scenetegningen.\n\nLine" }).handsOver).toBe(true);
  });
});

describe("advice as steps to take", () => {
  it("'Apply yourself … Backdate it to April'", () => {
    expect(readsAsAdvice("Apply yourself, it is a one-page form on the council site. Backdate it to April; they allow that.")).toBe(true);
  });
});

describe("asking for an introduction is no introduction", () => {
  it.each([
    ["English", "Intro to Hannah?", "Could you introduce me to Hannah at Seedcamp? I'd love ten minutes with her."],
    ["Danish", "Introduktion?", "Kunne du præsentere mig for din gamle chef i Novo? Det ville betyde meget."],
  ])("%s: a request, not a gift", (_, subject, text) => {
    const i = classifyIntent({ subject, text });
    expect(i.gift).toBeNull();
    expect(i.request).toBe(true);
  });
  it("an introduction made still is one", () => {
    expect(classifyIntent({ subject: "Intro: Anna <> Lars", text: "Let me introduce you to Lars, who runs a design studio." }).gift).toBe("introduction");
  });
});
