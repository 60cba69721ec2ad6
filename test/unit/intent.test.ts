import { describe, expect, it } from "vitest";
import { aboutBusiness, asksAFavour, asksByName, classifyIntent, greetsSomeoneElse, NO_INTENT, noteOwesAnswer, noteOwesThanks, readsAsBriefAnswer, referrerOf, type Intent } from "../../src/mail/intent";

const none: Intent = NO_INTENT;
const is = (over: Partial<Intent>): Intent => ({ ...none, ...over });
const asks = is({ request: true, explicitRequest: true });
const introduces = (giftDetail: string | null = null) => ({ giving: true, gift: "introduction" as const, giftDetail });
const refers = (giftDetail: string | null = null) => ({ giving: true, gift: "referral" as const, giftDetail });

const rows: { subject: string; text: string; want: Intent }[] = [
  // English: thanks
  { subject: "Re: Intro", text: "Thanks so much for the intro to Lars!", want: is({ thanks: true }) },
  { subject: "Re: Slides", text: "Thank you, this is exactly what I needed.", want: is({ thanks: true }) },
  { subject: "Re: Report", text: "Much appreciated.\n\nPeter", want: is({ thanks: true }) },
  { subject: "Re: Offer", text: "No thanks, we are covered for now.", want: none },
  { subject: "Re: Budget", text: "Could you send me the budget?\n\nThanks,\nPeter", want: { ...asks, questionMark: true } },
  // "Thanks!" alone on the line above the name closes the mail; it thanks nobody.
  // "Thanks!" is meant; "Thanks," above the name is a sign-off (the row above).
  { subject: "Re: Budget", text: "Got the budget.\n\nThanks!\nPeter", want: is({ thanks: true }) },
  { subject: "Hi", text: "Can you help me with the pricing page? Thanks in advance.", want: { ...asks, questionMark: true } },
  { subject: "Thanks!", text: "Lars and I met yesterday.", want: is({ thanks: true }) },
  // English: thanks in other words (issue 8)
  { subject: "Re: Intro", text: "That was generous of you.", want: is({ thanks: true }) },
  { subject: "Re: Slides", text: "You saved my week with those slides.", want: is({ thanks: true }) },
  { subject: "Re: Contract", text: "Thanks, that was really helpful. See you Friday.", want: is({ thanks: true, confirms: true }) },
  { subject: "Re: Contract", text: "Thanks for your email. I will get back to you.", want: none },
  // Thanks without the "I" (dropped subject); a wish for what the reader might do is no thanks.
  { subject: "RE: Sarah Greaves", text: "Cheers Dev, really appreciate you thinking of me. I'll look after her.", want: is({ thanks: true }) },
  { subject: "Re: Deck", text: "Appreciate it!\n\nPeter", want: is({ thanks: true }) },
  { subject: "Re: Draft", text: "I'd really appreciate your thoughts on the draft.", want: asks },
  { subject: "Re: Deck", text: "Appreciate it if you could send the deck by Friday.", want: asks },
  // "Tell us about your business" asks the reader; it tells no one about them.
  { subject: "Tell us about your small business", text: "Take our 5-minute survey. Tell us about your business and win a voucher.", want: asks },
  // Gifts of a thing or a favour, in the words people use for them (not "gift")
  { subject: "behind the counter", text: "There's a box behind the counter with your name on it: the last six tins of mineral paint. Not a cent. Call in whenever you're passing.", want: is({ giving: true, gift: "help" }) },
  { subject: "Saturdays", text: "The big kitchen stands empty on Saturdays. I've told the gate you're on the list; use it until January, on the house. You'll need the space for the Christmas rush.", want: is({ giving: true, gift: "help" }) },
  { subject: "27th", text: "The practice had a spare seat at the dinner and I got you a ticket. Don't even think about paying me back.", want: is({ giving: true, gift: "help" }) },
  { subject: "Offcuts", text: "I dropped two boxes of veneer offcuts at your workshop door. We won't need them, so put them to good use.", want: is({ giving: true, gift: "help" }) },
  { subject: "Thermal camera", text: "I put my spare thermal camera in the boot of your car. Keep it until spring. No rent, we are square anyway.", want: is({ giving: true, gift: "help", handsOver: false }) },
  { subject: "Finishes", text: "Our driver dropped a box at your studio: the full set of 12 finishes. We ended up with two sets, so this one is yours, no returning.", want: is({ giving: true, gift: "help" }) },
  { subject: "Invoice", text: "The invoice for November. Please keep it for your records.", want: none },
  // left at the reader's without letting it go: the keys brought back, no gift
  { subject: "Keys", text: "I left the keys in your mailbox this morning. See you Thursday.", want: is({ confirms: true }) },
  { subject: "Webinar", text: "You're welcome to join our free webinar next Tuesday on VAT for freelancers.", want: none },
  // An exclamation worded as a question about what both saw asks nothing; one about a time to come does.
  { subject: "Re: PFD question", text: "Level 50S is fine in sheltered waters. Keep the service tags current. How good was that sunset on Saturday?", want: none },
  { subject: "Re: Plan", text: "How good is Saturday for you?", want: is({ request: true, questionMark: true, scheduling: true }) },
  // A glad yes: to the owner's ask for a favour it is the favour (ingest/judge.ts); a yes that says no is none.
  { subject: "Re: Can you cover 24-28 Feb?", text: "Oh Tess, of course. I'll take all four, don't even think about it.", want: is({ agrees: true, transaction: true }) },
  { subject: "SV: Må jeg bruge dig som reference?", text: "Selvfølgelig må du det – det gør jeg med glæde. Held og lykke med buddet!", want: is({ agrees: true }) },
  { subject: "Re: Talk?", text: "I'd be honoured to. Send me the details when you have them.", want: is({ ...asks, agrees: true }) },
  { subject: "Re: Talk?", text: "Of course I understand, but I'm afraid I can't make it this time.", want: is({ declines: true }) },
  // Someone named by their role did it, not the writer: no gift of the writer's.
  { subject: "RE: Quote", text: "Quick update: the CEO is still talking about your brisket from the holiday party.", want: is({ referredBy: true }) },
  // Paperwork for the owner to sign and send back is business, however it is handed over.
  { subject: "Re: Quote", text: "As promised, here's our contract (PDF attached). Could you sign it and send it back by Friday?", want: is({ ...asks, questionMark: true, giving: true, gift: "help", handsOver: true, transaction: true }) },
  { subject: "Kontrakt", text: "Vedhæftet er kontrakten. Vil du underskrive den og sende den retur inden fredag?", want: is({ ...asks, questionMark: true, handsOver: true, transaction: true }) },
  // A present left at the reader's, said as one; an invoice left there is none.
  { subject: "Postkassen", text: "Der ligger en flaske rødvin og et gavekort i din postkasse. Det er for hjælpen med restskatten. Nyd den!", want: is({ giving: true, gift: "help" }) },
  { subject: "Doorstep", text: "There's a bottle of wine on your doorstep, as a little thank you for the help. Enjoy it!", want: is({ thanks: true, giving: true, gift: "help" }) },
  { subject: "Faktura", text: "There's an invoice in your mailbox.", want: none },
  // people sent the reader's way, and the reader's flyer put up
  { subject: "Key + your flyer", text: "Stuck your flyer up by the squat racks. Three people have asked about the class already, told them to email you.", want: is(refers()) },
  // a price offered for what the owner asked to buy is business
  { subject: "SV: Ny bærbar", text: "Jeg kan tilbyde en Lenovo ThinkPad E14 (16 GB) til 7.495 kr. ekskl. moms.", want: is({ transaction: true, prices: true }) },
  { subject: "Re: Rooms", text: "We can offer you the room at £90 a night.", want: is({ transaction: true, prices: true }) },
  { subject: "Re: Pricing", text: "I can offer a few tips if useful.", want: none },
  // Near misses of the rules above, found by a reviewer: none of them gives, refers or agrees.
  { subject: "Re: Offer", text: "I'll give it some thought and get back to you.", want: none },
  { subject: "Sv: Oplæg", text: "Det vil jeg gerne lige tænke over.", want: none },
  { subject: "Lokalet", text: "Jeg har gjort lokalet klart.", want: none },
  { subject: "Repair", text: "Our technician is out, I've asked him to call you tomorrow about the repair.", want: none },
  { subject: "Payment", text: "Please put your card details in the payment form.", want: asks },
  { subject: "Fault", text: "I told the electrician about the fault. He will come Thursday, so expect him around 9.", want: none },
  { subject: "Kontrakten", text: "Det står i din kontrakt. Den kan bruges som dokumentation.", want: none },
  { subject: "Had dinner", text: "Had dinner with their CEO and told her about you.", want: is(refers()) },
  // no bill for the favour; notes left for the reader so they are spared the work
  { subject: "SV: Altan", text: "Jeg har regnet lidt på altanen. Det skal du ikke have en regning for – det tog en halv time.", want: is({ giving: true, gift: "help" }) },
  { subject: "Opmåling", text: "Jeg har lagt mine opmålingsnoter i din bakke. Så slipper du måske for at stå på en stige i novemberregn.", want: is({ giving: true, gift: "help" }) },
  // English: requests
  // A terse client drops the "I"; a favour is asked by what the writer would owe.
  { subject: "365 licences", text: "Got a notice that our licences lapse on 4 December. Need you to sort the renewal before then, same 8 seats.", want: asks },
  { subject: "Re: Contract", text: "They need you to sign page 3 as well.", want: none },
  { subject: "Borrowing your ML engineer", text: "We are stuck on a model quantisation problem. If your ML engineer could spare two hours, I would owe you big time.", want: asks },
  { subject: "Re: Plan", text: "Would you mind reviewing the draft before Friday?", want: { ...asks, questionMark: true } },
  { subject: "Re: Plan", text: "Any chance you know someone at Novo?", want: { ...asks, questionMark: true } },
  { subject: "Re: Portfolio", text: "Any chance you could look over it before Tuesday", want: asks },
  { subject: "Quick question", text: "I'm pricing my first workshop.", want: asks },
  { subject: "Re: Plan", text: "What would you charge for a one-day workshop?", want: { ...asks, questionMark: true, seeksAdvice: true, transaction: true } },
  { subject: "Re: Plan", text: "How are you? All good here.", want: none },
  // "by" marks a deadline only with a time after it: advice in an answer ("tell them … by you") asks nothing.
  { subject: "Re: Event insurance?", text: "Yes. Ask for business liability cover. Tell them the headcount and that there's no alcohol service by you. Takes two days.", want: none },
  { subject: "Re: Invoice", text: "Send the invoice by the 15th.", want: asks },
  // A confirmation asks nothing.
  { subject: "Re: Friday", text: "Friday works, I'll bring the contract.", want: none },
  // English: gifts, with words in between and in other tenses
  { subject: "Intro: Anna <> Lars", text: "Let me introduce Lars, who runs a design studio.", want: is(introduces("Lars")) },
  {
    subject: "Re: Design",
    text: "I'd like you to meet Mette. I'm cc'ing her here.",
    // "I'd like you to …" is worded as a request too; the introduction is the stronger evidence (decide.ts).
    want: is({ ...asks, ...introduces("Mette") }),
  },
  // Worded as a wish of the reader too, like "I'd like you to meet"; the introduction is the stronger evidence.
  { subject: "Anna, meet Tom", text: "I'd really love for you two to meet. Tom runs the design team at Lego.", want: is({ ...asks, ...introduces() }) },
  { subject: "Re: Hiring", text: "Looping in a friend who is hiring.", want: is(introduces()) },
  { subject: "Re: Grant", text: "I put in a word for you with the committee.", want: is(refers()) },
  { subject: "Re: Work", text: "I recommended you to the team at Lego.", want: is(refers()) },
  { subject: "Re: Work", text: "I referred a client your way last week.", want: is(refers()) },
  // Material is judged by structure (ingest/judge.ts), not by its words.
  { subject: "Re: Contract", text: "Here is the template we use. Attached as PDF.", want: is({ handsOver: true }) },
  { subject: "Slides", text: "Here are the slides: https://example.com/slides", want: is({ link: true, handsOver: true }) },
  // English: proposals, greetings, first contact, who sent them
  { subject: "Workshop proposal", text: "Here is my proposal for the workshop in January: two days, 24.000 kr.", want: is({ proposal: true, prices: true }) },
  { subject: "Happy birthday!", text: "Happy birthday, Lars! Hope you have a great day.", want: is({ greeting: true }) },
  {
    subject: "We have moved",
    text: "From 1 December our studio is at Jægersborggade 12. Same phone, same people.",
    want: none,
  },
  {
    subject: "Hello from a fellow founder",
    text: "My name is Sara. We haven't met, but I'm reaching out because Lars suggested I contact you.",
    want: is({ outreach: true, referredBy: true }),
  },
  { subject: "Hi", text: "Lars Winther suggested I reach out to you about the Novo project.", want: is({ referredBy: true }) },
  {
    subject: "Coffee",
    text: "Let me introduce myself: I run a small bakery. Could we meet for coffee?",
    want: is({ ...asks, questionMark: true, outreach: true, pitch: true }),
  },
  { subject: "Profile", text: "I found your name on the speaker list.", want: none },
  // A stranger's pitch and survey ask, by words; only structure keeps them out of help (decide.ts).
  {
    subject: "Grow your pipeline",
    text: "I help agencies like yours book 20 more meetings a month. Are you the right person to talk to about lead generation?",
    want: is({ request: true, questionMark: true }),
  },
  {
    subject: "Quick survey",
    text: "We are running a survey on freelance rates. Would you take five minutes to fill it in?",
    want: { ...asks, questionMark: true },
  },
  // Danish: thanks
  { subject: "Sv: Intro", text: "Tusind tak for introduktionen til Lars!", want: is({ thanks: true }) },
  { subject: "Sv: Referat", text: "Mange tak, det var præcis det jeg manglede.", want: is({ thanks: true }) },
  { subject: "Sv: Møde", text: "Tak for i går, det var et godt møde.", want: is({ thanks: true, metBefore: true }) }, // they met: a stranger who writes this is no stranger
  { subject: "Sv: Hjælp", text: "Jeg takker for hjælpen med regnskabet.", want: is({ thanks: true }) },
  { subject: "Sv: Tilbud", text: "Nej tak, vi har det dækket.", want: none },
  { subject: "Sv: Kontrakt", text: "Tak for din mail, jeg vender tilbage.", want: none },
  { subject: "Sv: Budget", text: "Kan du sende mig budgettet?\n\nTak,\nPeter", want: { ...asks, questionMark: true } },
  { subject: "Sv: Budget", text: "Hej Anna, kan du hjælpe mig med prisen? På forhånd tak.", want: { ...asks, questionMark: true } },
  { subject: "Tak", text: "Lars og jeg mødtes i går.", want: is({ thanks: true }) },
  // Danish: thanks in other words (issue 8)
  { subject: "Sv: Slides", text: "Du reddede min uge med de slides.", want: is({ thanks: true }) },
  { subject: "Sv: Møde", text: "Mange tak for din tid i går.", want: is({ thanks: true }) },
  // Danish: gifts of a thing or a favour
  { subject: "Melsække", text: "Jeg lagde lige et par kasser med gamle melsække ude ved din bagdør. De står bare og fylder hos os. Ellers smid dem bare ud.", want: is({ giving: true, gift: "help" }) },
  { subject: "Kølerummet", text: "Der står tre spande med eukalyptus og hyben til dig i kølerummet bag butikken.", want: is({ giving: true, gift: "help" }) },
  { subject: "Mødelokalet", text: "Du må endelig bruge vores mødelokale på torsdag. Jeg har booket det i dit navn. Det koster ikke noget.", want: is({ giving: true, gift: "help" }) },
  { subject: "Faktura", text: "Jeg lagde fakturaen i din postkasse i morges.", want: none },
  // Made for the reader's own use, in the words of a friend handing over photos or files
  { subject: "Billederne", text: "Her er billederne fra åbningen. Brug dem endelig som du vil.", want: is({ giving: true, gift: "help", handsOver: true }) },
  { subject: "Bilderna", text: "Här är bilderna från invigningen. Använd dem som du vill.", want: is({ giving: true, gift: "help" }) },
  { subject: "Photos", text: "Here are the photos from the opening. Use them however you like.", want: is({ giving: true, gift: "help", handsOver: true }) },
  { subject: "Logo", text: "Attached is the logo in three sizes. Use them as you see fit.", want: is({ giving: true, gift: "help", handsOver: true }) },
  // Instructions for how to use what was bought are no gift.
  { subject: "Manual", text: "Use it as described in the manual.", want: none },

  // "hvis du vil" leaves it to the reader; "hvis du vil sende …" asks
  { subject: "Sække", text: "De kunne være fine til julemarkedet, hvis du vil.", want: none },
  // Danish: requests
  { subject: "Projektplan", text: "Jeg har lavet et udkast, men jeg har brug for en kyndig second opinion på tidsplan og risici, inden det går videre.", want: asks },
  // Swedish and Norwegian: "please send", "we need your help"
  { subject: "Statistik till styrelsen", text: "Vi behöver statistiken från piloten till styrelsemötet. Skicka gärna en sammanställning när du hinner.", want: asks },
  { subject: "Taket", text: "Vi trenger din hjelp med taket før jul.", want: asks },
  { subject: "Taket", text: "Vi trenger et nytt kontor før jul.", want: none },
  { subject: "Sv: Plan", text: "Vil du kigge på udkastet inden fredag?", want: { ...asks, questionMark: true } },
  // A question about when to meet is scheduling; one with a deadline ("before Friday") is a task.
  { subject: "Sv: Plan", text: "Har du mulighed for at mødes i næste uge?", want: is({ ...asks, questionMark: true, scheduling: true }) },
  { subject: "Re: Coffee", text: "Thursday at 9 at Original Coffee?", want: is({ request: true, questionMark: true, scheduling: true }) },
  { subject: "Sv: Plan", text: "Hvad tager du for en workshop på en dag?", want: is({ request: true, questionMark: true }) },
  // A reply that only proposes a time is scheduling (the answer to an invitation, ingest/judge.ts); a dated task is not.
  { subject: "Re: Coffee next week?", text: "Wednesday at 3 works — your office?", want: is({ request: true, questionMark: true, scheduling: true }) },
  { subject: "Re: Coffee next week?", text: "Could you review the deck before Friday?", want: { ...asks, questionMark: true } },
  // Danish plural "I" and asking the reader to decide are addressed to the reader, however long.
  { subject: "Møde", text: "Har I mulighed for et møde?", want: { ...asks, questionMark: true } },
  { subject: "Sv: Licenser", text: "Skal jeg forny dem som sidst?", want: is({ request: true, questionMark: true }) },
  { subject: "Sv: Licenser", text: "Skal jeg forny dem som sidst, til samme pris og for tre år?", want: is({ request: true, questionMark: true }) },
  { subject: "Sv: Bestyrelsen", text: "Vil I overveje at tage sagen med på næste møde i bestyrelsen?", want: is({ request: true, questionMark: true }) },
  // Musing and rhetorical questions never address the reader: they ask nothing.
  { subject: "Re: The app is live", text: "Who'd have guessed that the hardest bit would be the in-app purchases?", want: none },
  { subject: "Sv: Tilbygningen", text: "Hvem skal egentlig have råd til at bygge noget i det her land?", want: none },
  { subject: "Re: Launch", text: "We launched on Monday. Why does the last week always take longer than the first three?", want: none },
  // A question announced as one asks, even in a thank-you; a thank-you's small talk does not.
  { subject: "Re: Recommended you", text: "Thank you so much for the recommendation! Now one question, maybe you know it: is the reading speed for Catalan the same 17 cps?", want: is({ thanks: true, request: true, questionMark: true }) },
  { subject: "Re: Tips", text: "Thanks so much for the tips! How was your holiday?", want: is({ thanks: true, asksAfterThem: true }) },
  { subject: "Pension", text: "Tak for mange gode år. Og så alligevel et spørgsmål: må jeg give dem dit nummer?", want: is({ thanks: true, request: true, explicitRequest: true, questionMark: true }) },
  // Requests without a question mark.
  { subject: "Reference letter", text: "They want a short reference from a producer. Please write me a few lines by 4 December.", want: asks },
  // a task after "og"/"and", with its own mark
  { subject: "Vurdering", text: "Se venligst på de tre billeder og giv mig et prisleje inden weekenden.", want: asks },
  { subject: "Draft", text: "Have a look at the draft and send me your notes by Friday.", want: asks },
  { subject: "Re: Draft", text: "Tonight I'll read it and send you my notes by Friday.", want: none },
  { subject: "Jury", text: "Bestyrelsen vil gerne have dig med i juryen. Vi skal have dit svar senest 10. december.", want: asks },
  { subject: "Cider til julemarkedet", text: "Jeg kan komme forbi en formiddag i næste uge. Skriv bare hvilken dag der passer jer.", want: asks },
  { subject: "Møde", text: "Hvilket tidspunkt passer dig bedst i næste uge", want: { ...asks, scheduling: true } },
  { subject: "Sv: Rapporten", text: "Jeg ville sætte stor pris på en kritisk gennemlæsning.", want: asks },
  { subject: "Sv: Taget", text: "Jeg vil gerne høre, om du kunne komme ud og se på det.", want: asks },
  { subject: "Re: Draft", text: "I'd really appreciate your eyes on it.", want: asks },
  { subject: "Re: Budget", text: "I'd greatly appreciate a second opinion before we send it.", want: asks },
  // A nudge on one's own mail, with no question in it.
  { subject: "Re: Tilbud på brugertest", text: "Just checking this reached you, I know November is busy.", want: is({ nudge: true }) },
  { subject: "Sv: Tilbud", text: "Jeg følger lige op på min mail fra sidste uge.", want: is({ nudge: true }) },
  // A confirmation after a call thanks and asks nothing.
  { subject: "Re: Workshop-priser", text: "Thanks for the call — confirming Thursday at 8:30.", want: is({ thanks: true, confirms: true }) },
  { subject: "Sv: Portfolio", text: "Det ville være en stor hjælp, hvis du kunne læse den igennem.", want: asks },
  { subject: "Sv: Plan", text: "Hvordan går det? Her er alt fint.", want: is({ asksAfterThem: true }) },
  { subject: "Spørgsmål om moms", text: "Jeg er ny som selvstændig.", want: asks },
  // Danish: gifts
  {
    subject: "Introduktion: Anna og Lars",
    text: "Må jeg introducere Lars, som driver et designstudie.",
    // "Må jeg …" is worded as a question as well.
    want: is({ ...asks, ...introduces("Lars") }),
  },
  {
    subject: "Sv: Design",
    text: "Jeg vil gerne introducere dig for Mette, som jeg sætter på cc.",
    want: is(introduces("Mette")),
  },
  { subject: "Sv: Opgaven", text: "Jeg har lige skrevet til min gamle kollega om dig. Hun mangler en UX-designer.", want: is(refers()) },
  { subject: "Sv: Opgave", text: "Jeg anbefalede dig til Lego i sidste uge.", want: is(refers("Lego")) },
  { subject: "Sv: Opgave", text: "Jeg har givet dit navn videre til en kunde.", want: is(refers()) },
  // done, though "kunne" elsewhere says not yet; the reader's name said to someone; whom they told, then "expect her"
  { subject: "Fanø Færgekro", text: "Forpagteren spurgte, om jeg kendte en god bogholder. Jeg kunne ikke lade være med at anbefale dig, så han ringer nok i næste uge.", want: is(refers()) },
  { subject: "Vinterkurser", text: "FDM spurgte om jeg kendte en der kunne holde deres kurser. Jeg har sagt dit navn. De kontakter dig.", want: is(refers()) },
  { subject: "Sv: Navn", text: "Du har sagt dit navn til mig før.", want: none },
  { subject: "my cousin", text: "Hey Dana, told my cousin Renée all about Iron Willow. She just moved here and wants a coach, so expect her at the front desk soon.", want: is(refers()) },
  { subject: "Acme", text: "I told my boss about Acme. She thinks we should wait. Talk next week.", want: none },
  // Who did the referral: the writer ("I told her…") gives; someone else ("Sanjay recommended you") sent the writer.
  { subject: "Ida from Lego", text: "I told her you're the person to talk to and gave her your details.", want: is(refers()) },
  { subject: "Rates", text: "Sanjay Gupta recommended you. Could you let me know your monthly rates?", want: is({ ...asks, questionMark: true, referredBy: true }) },
  { subject: "Ny booking-side", text: "Nadia Holm gav mig dit navn. Kunne du hjælpe os?", want: is({ ...asks, questionMark: true, referredBy: true }) },
  { subject: "Sv: Referat", text: "Her er referatet fra mødet.", want: is({ handsOver: true }) },
  { subject: "Sv: Kontrakt", text: "Vedhæftet er den skabelon, vi bruger.", want: is({ handsOver: true }) },
  // Danish: proposals, greetings, first contact, who sent them
  { subject: "Tilbud på workshop", text: "Her er mit tilbud på workshoppen i januar.", want: is({ proposal: true, handsOver: true }) },
  { subject: "Tillykke med fødselsdagen", text: "Stort tillykke med dagen, Lars!", want: is({ greeting: true }) },
  { subject: "Hej", text: "Jeg fik dit navn af Lars, som mente at vi burde tale sammen.", want: is({ referredBy: true }) },
  {
    subject: "Hej fra en anden iværksætter",
    text: "Jeg hedder Sara. Vi har ikke mødt hinanden, men jeg skriver til dig fordi Lars anbefalede det.",
    want: is({ outreach: true }),
  },
  {
    subject: "Kaffe",
    text: "Mit navn er Sara, og jeg driver et bageri. Har du tid til en kop kaffe?",
    want: is({ ...asks, questionMark: true, outreach: true, pitch: true }),
  },
  {
    subject: "Sv: Intro",
    text: "Tusind tak for introduktionen! Kan vi mødes torsdag?\n\nVenlig hilsen\nSara",
    want: is({ ...asks, questionMark: true, thanks: true, scheduling: true, pitch: true }),
  },
];

describe("classifyIntent", () => {
  it.each(rows)("$subject | $text", ({ subject, text, want }) => {
    expect(classifyIntent({ subject, text })).toEqual(want);
  });

  it("ignores a reply subject someone else wrote", () => {
    expect(classifyIntent({ subject: "Re: Thanks for the intro", text: "See you Friday." })).toEqual({ ...none, confirms: true });
  });

  it("a mail that says nothing but a thank-you sign-off still thanks", () => {
    expect(classifyIntent({ subject: "Sv: Referat", text: "Tak,\nPeter" })).toEqual(is({ thanks: true }));
  });

  it("names whom an introduction is to, when the words do", () => {
    expect(classifyIntent({ subject: "Re: Hiring", text: "I want to introduce you to Tom Becker, who leads design at Lego." })).toMatchObject(
      introduces("Tom Becker"),
    );
  });
});

// Wording the rewrite first lost or misread, each pinned where it was found.
describe("wording from the last unseen scenarios", () => {
  it.each([
    ["Jeg skal bruge databladet og installationsvejledningen til den Zaptec Go.", true],
    ["Vi skal bruge et tilbud på ladestanderen inden jul.", true],
    ["Jeg sidder fast og kunne virkelig bruge dit blik på den, hvis du kan finde en halv time.", true],
    ["So I need someone to have the boys from 8 till about 5. I'll owe you big time.", true],
    ["Jeg skal bruge weekenden på at male.", false],
    ["Har du læst om de nye krav til autorisationen? Hvem har dog fundet på de nye regler?", false],
  ])("%s → request %s", (text, request) => {
    expect(classifyIntent({ subject: "Re: x", text }).request).toBe(request);
  });

  it("congratulations without the word are a greeting", () => {
    expect(classifyIntent({ subject: "!!!!!!", text: "HANNAH. Mum just told me. Engaged!! I'm so happy for you both." }).greeting).toBe(true);
  });

  it("'lagt din profil videre til' is a referral", () => {
    expect(classifyIntent({ subject: "Fabric-snakken", text: "Jeg har lagt din profil videre til vores nye indkøbschef." }).gift).toBe("referral");
  });
});

describe("wording from the closing unseen scenarios", () => {
  it.each([
    "Perfect, exactly what I needed - the hero fits with two words to spare. Cheers Lena!",
    "Sofie, du er guld. Programmet er allerede printet. Kaffen er på mig næste gang.",
    "Rikke, din ordliste har allerede sparet mig en hel dag. Du skal have en flaske af den gode rødvin.",
  ])("thanks without the word: %s", (text) => {
    expect(classifyIntent({ subject: "Re: x", text }).thanks).toBe(true);
  });

  it.each([
    ["Someone asked for a copywriter, and you got a shout-out in our Slack. OK, it was me.", "referral"],
    ["Jeg smed dit navn i puljen, da de spurgte efter en koordinator.", "referral"],
    ["Jeg har sendt to patienter din vej i denne uge.", "referral"],
    ["Could you send two case studies before then, so I can put your name in front of our CEO?", null],
  ])("%s → gift %s", (text, gift) => {
    expect(classifyIntent({ subject: "x", text }).gift).toBe(gift);
  });

  it.each([
    "Vi ville blive rigtig glade, hvis du havde lyst til at komme og fortælle lidt om løbeskader.",
    "Would be amazing to get your red pen on this before the 10th.",
  ])("a request worded as a wish: %s", (text) => {
    expect(classifyIntent({ subject: "x", text }).request).toBe(true);
  });
});

describe("wording from the very last unseen scenarios", () => {
  it.each([
    "I'd dearly love to have your eyes on the four pages before the 8th.",
    "If you ever had a spare half hour to tell me where I'm going wrong, I'd be all ears.",
    "Whenever you're passing would be brilliant.",
    "Numbers by Friday please.",
    "Jeg har brug for, at du går snit A-A og B-B igennem inden fredag.",
    "Jeg har brug for dit blik på det, før det skal for bestyrelsen.",
    "If you had half an hour this week, that would really help.",
  ])("a request without a question mark: %s", (text) => {
    expect(classifyIntent({ subject: "x", text }).request).toBe(true);
  });

  it("a short musing question asks nothing: 'Why is it always the printer?'", () => {
    expect(classifyIntent({ subject: "Re: Workshop printer", text: "All sorted now. Why is it always the printer?" }).request).toBe(false);
  });
});

describe("wording rules that were gaps", () => {
  it("'you might find this useful' is help given", () => {
    expect(classifyIntent({ subject: "Re: Grants", text: "I found a grant that fits you, you might find this useful." })).toMatchObject({
      giving: true,
      gift: "help",
    });
  });

  it("asking for 'et par råd' gives nothing", () => {
    expect(classifyIntent({ subject: "Sv: Plan", text: "Kunne du give mig et par råd om prissætning?" })).toEqual({ ...asks, questionMark: true, seeksAdvice: true });
  });

  it("a short thank-you under a greeting thanks: 'Hej Karen, Tusind tak! Sofie'", () => {
    // A greeting above is not "something else": "Tusind tak!" is the whole message, not a sign-off.
    expect(classifyIntent({ subject: "Sv: Tom og Sofie", text: "Hej Karen,\n\nTusind tak!\n\nSofie" }).thanks).toBe(true);
  });

  it("'… men hvad med tirsdag den 8. december kl. 10 her på tegnestuen?' proposes a time to the reader", () => {
    // "Hvad med" asks the reader though the sentence never says "du": proposing a time is a question to them.
    expect(
      classifyIntent({ subject: "Sv: Kaffe og tilbygningen", text: "Gerne. Jeg kan ikke i næste uge, men hvad med tirsdag den 8. december kl. 10 her på tegnestuen?" }),
      // "Jeg kan ikke i næste uge" says no to one time while it offers another.
    ).toEqual(is({ request: true, scheduling: true, declines: true, questionMark: true }));
  });

  it("'Så kan du se …' at the start of a sentence states, it does not ask", () => {
    expect(classifyIntent({ subject: "Sv: Plan", text: "Så kan du se, at tallene passer." })).toEqual(none);
  });
});

describe("wording from the session's blind scenarios (336–339, 332–335) and the held-out misses they pointed at", () => {
  it.each([
    // who sent the writer: what someone told them of the reader, in Danish, English, German and Swedish
    ["Kørekort", "Hej Kim\nBo Lassen sagde du har plads i januar. Send lige en pris på den samlede pakke til min søn.\nMvh Trine", { referredBy: true, request: true }],
    ["Brænde", "Hej Jens\nKirsten fra jagtforeningen sagde du måske kunne undvære noget brænde. Vi mangler ca. 2 rm til d. 12. december.\nLise", { referredBy: true, request: true }],
    ["Tripod", "Hi Sam, Rhian said you might have a spare tripod I could borrow for Saturday.", { referredBy: true }],
    ["Wine bar", "Hi Freja,\nLuca says you are the person for Instagram. Could we meet next week?\nGiulia", { referredBy: true, request: true }],
    ["Anfrage", "Sehr geehrte Frau Kofoed,\nFrau Munch vom Tourismusbüro hat Ihr Haus empfohlen. Könnten Sie uns ein Angebot schicken?", { referredBy: true, request: true }],
    ["Samtal", "Hej, Lena tipsade mig om dig. Har du tid för ett samtal nästa vecka?", { referredBy: true, request: true }],
    ["Students", "Dear Ms Marchetti,\nHannah Koch spoke very highly of you. Could two of my students visit you in January?", { referredBy: true, request: true }],
    // a request in words the rules lacked: "vil bede dig", a need with "til d. 12. december", "skal have en vurdering … inden"
    ["Citater", "Hej Søren\nJeg sender gerne tallene, men jeg vil bede dig sende mig mine citater til gennemsyn – gerne senest torsdag den 3. december.", { request: true }],
    ["Strengene", "Hej Bjarne\nBestyrelsen skal have en vurdering af strengene i blok C inden mødet den 24. november.", { request: true }],
  ])("%s: %s", (subject, text, want) => {
    expect(classifyIntent({ subject, text })).toMatchObject(want);
  });

  it.each([
    // the reader's own words quoted back, and a pitch's "said you might be interested", are no referral
    ["Plads", "Hej, du sagde du havde plads i januar. Er det stadig rigtigt?"],
    ["Leads", "Hi Dan, your colleague Sarah said you might be interested in our new lead generation tool. Can we book 15 minutes?"],
  ])("no referral: %s", (subject, text) => {
    expect(classifyIntent({ subject, text }).referredBy).toBe(false);
  });

  it("'til d. 3. januar' without a need informs", () => {
    expect(classifyIntent({ subject: "Lukket", text: "Hej Anna, vi holder lukket til d. 3. januar. God jul!" }).request).toBe(false);
  });

  it.each([
    ["Back from honeymoon!", "Hi Poppy!\nThank you again for the roses.\nSorry it's taken me forever, but I've finally written you a review on Hitched and on Google!\nChloe"],
    ["Re: Tak for opgaven", "Hej Michael\nSelvfølgelig! Jeg har skrevet en anmeldelse på Google og givet jer fem stjerner – fortjent.\nMvh Peter"],
  ])("a review written is a referral to no one in particular: %s", (subject, text) => {
    expect(classifyIntent({ subject, text })).toMatchObject(refers(null));
  });

  it.each([
    ["Reviews", "Hi Anna, could you leave us a review on Google? It would help a lot."],
    ["Anmeldelse", "Hej, vil du skrive en anmeldelse på Trustpilot?"],
  ])("asking for a review gives none: %s", (subject, text) => {
    expect(classifyIntent({ subject, text }).gift).toBeNull();
  });

  it("the subject right before the verb is who did it: after a comma, and after a dash", () => {
    const aisha = classifyIntent({ subject: "Board pack", text: "Hi Nadia,\nI hope you're feeling better, Aisha mentioned you were sick when I saw her post about your study. Could you send me the deck by the 19th?" });
    expect([aisha.gift, aisha.request]).toEqual([null, true]);
    const emma = classifyIntent({ subject: "Photographer", text: "Hi Nikolaj,\nEmma Lindqvist suggested I reach out – she's been raving about your conference work. Please send me your availability." });
    expect([emma.gift, emma.referredBy, emma.request]).toEqual([null, true, true]);
  });
});

describe("a meeting already had, and what a thank-you asks about money", () => {
  it.each([
    ["Café Gaden", "Hej alle\nTak for et godt møde i går. Signe: Kan du sende mig logofilerne inden fredag?\nMvh Peter"],
    ["Follow-up", "Hi Sam,\nGreat meeting you at the fair on Saturday. Could you send me your price list?\nAnna"],
    ["Next steps", "Hi Sam,\nThanks for the call yesterday. Could you send the proposal over?\nAnna"],
    ["Values exercise", "Hi Claire,\nThanks again for Friday, lots to chew on. Could you send over the values card exercise you mentioned?\nMark"],
    ["Stalden", "Hej Mads og Morten\nMads, tak for i onsdags, HPFI'en holder. Kan du sende mig et tilbud på stalden inden fredag?\nKarsten"],
  ])("met the owner: %s", (subject, text) => {
    // a meeting had is no word on who sent them: a new person copied in may still be introduced (judge.ts)
    expect(classifyIntent({ subject, text })).toMatchObject({ metBefore: true, referredBy: false, request: true });
  });

  it.each([
    ["Quick intro", "Hi Sam,\nNice to meet you! I'm Bob from LeadGen. Can we book 15 minutes?"],
    ["Pitch", "Hi Sam,\nThanks for your time. We help studios like yours get more leads."],
  ])("a pitch's courtesies meet no one: %s", (subject, text) => {
    expect(classifyIntent({ subject, text }).referredBy).toBe(false);
  });

  it("after thanks, what it would cost and a quote are asked, not small talk", () => {
    const text = "Hej Thomas\nTak for besøget i går.\nKan kvisten få et ovenlysvindue mere, og hvad vil det ca. koste ekstra? Så vil vi gerne have et samlet tilbud.\nLise";
    expect(classifyIntent({ subject: "Tak for besøget", text })).toMatchObject({ thanks: true, request: true });
    expect(classifyIntent({ subject: "Tak", text: "Thanks so much for yesterday! How was the drive home?" }).request).toBe(false);
  });
});

describe("referrals in the words the held-out misses used", () => {
  it.each([
    ["Heads up", "Hi Carmen,\nI had a couple at the desk today asking for a private tour. I handed them your card and said you know every family winery.\nPriscilla"],
    ["Sekretær", "Hej Jørgen\nJeg har sagt til Hanne Iversen, at hun kan henvende sig til dig med sekretæren, da jeg ikke har tid før februar.\nNis"],
    ["Coast Guard", "Claire, Jim Pothier was asking me who could look over their six rescue boats. Your name is the only one I gave him."],
    ["Musikhuset", "Hej Sofie\nMusikhuset spurgte efter en dygtig FOH-tekniker, og du var den første jeg nævnte.\nAnders"],
    ["Column", "Gwen, I told Laura Penn, who writes the Saturday books column, all about your shop.\nNia x"],
    ["Henvisning", "Hej Line\nJeg har henvist en ung mand med eksamensangst til dig; han ringer i næste uge.\nMartin"],
    ["Ridley Trust", "Laura! They asked me who writes the strongest grant narratives and your name was out of my mouth before they finished the question."],
  ])("%s", (subject, text) => {
    expect(classifyIntent({ subject, text })).toMatchObject({ giving: true, gift: "referral" });
  });

  it("'you were the first I thought of' in an invitation asks; it refers no one", () => {
    const text = "Hej Signe\nVi mangler et jurymedlem med tekstilbaggrund, og du var den første, jeg tænkte på. Vi skal have svar senest den 8. december.\nTove";
    expect(classifyIntent({ subject: "Jury til forårsudstillingen", text })).toMatchObject({ gift: null, request: true });
  });
});

describe("asks and offers in the neighbours' languages, and thanks in advance", () => {
  it.each([
    ["Showcase?", "Hi Rachel,\n\nIs there still room in the December showcase?\n\nThanks!\nJordan\n\n--\nJordan Reyes\nLanternmoth Games | Tidepool Keeper, wishlist on Steam", { request: true, thanks: false }],
    ["Zwei Fragen", "Liebe Katharina,\n\nKannst Du mir ihren Namen und Kontakt geben? Ich habe einen Bauherrn in Weißensee.\n\nDanke Dir!\nLena", { request: true, explicitRequest: true, thanks: false }],
    ["Una pregunta: ¿tu abogada?", "Hola Lucía,\n\nVamos a revisar el pacto de socios. ¿Me la podrías presentar, o pasarme su contacto?\n\n¡Gracias!\nCarlos", { request: true, explicitRequest: true, thanks: false }],
    ["Talk på Malmö UX Meetup?", "Hej Petra,\n\nTack för att du håller i meetupen! Jag skulle gärna hålla en kort talk om användartester. Finns det plats i vår?\n\nVänliga hälsningar\nElin", { proposal: true }],
    ["Machbarkeitsstudie", "Sehr geehrter Herr Brandt,\n\nanbei erhalten Sie unser Honorarangebot für die Machbarkeitsstudie.\n\nMit freundlichen Grüßen\nKatharina Vogel", { proposal: true }],
  ])("%s", (subject, text, want) => {
    expect(classifyIntent({ subject, text })).toMatchObject(want);
  });

  it.each([
    "Marcus - I can't tell you how much that intro means. Jenna and I are talking Thursday. Next round of tacos is on me.",
    "Cheers Gareth, very decent of you. He rang yesterday.",
    "Rita, you are an angel for thinking of me. Tiago's portfolio is stunning.",
  ])("thanks without the word: %s", (text) => {
    expect(classifyIntent({ subject: "Re: Intro", text })).toMatchObject({ thanks: true });
  });

  it.each([
    ["RE: Order – Barwon Heads job", "Jess\n\nFound 40 Grey Box at a grower in Ballarat. I picked them up on my way back and dropped them at the site this arvo. Charged you my price, no freight.\n\nGreg", { giving: true, gift: "help" }],
    ["Thank you!", "Aoife, I never said thank you properly for putting me in touch with Gráinne! I've sent her a proposal for her first couple, fingers crossed. I owe you one.", { thanks: true, proposal: false }],
  ])("%s", (subject, text, want) => {
    expect(classifyIntent({ subject, text })).toMatchObject(want);
  });

  it("thanks to the introducer in Cc leaves the question to the reader asking", () => {
    const text = "Hi Danielle,\n\nThanks Marcus! Danielle, what does your availability look like for 15 hours a week from January, and what is your rate?\n\nOlivia";
    expect(classifyIntent({ subject: "RE: Danielle, meet Olivia", text })).toMatchObject({ thanks: true, request: true });
  });

  it("a yes to the owner's offer is business done", () => {
    const text = "Hej Sanne\n\nTak for tilbuddet. Jakob og jeg har kigget på det, og vi siger ja. Du får ordrebekræftelsen i næste uge.\n\nMette";
    expect(classifyIntent({ subject: "SV: Fase 2", text })).toMatchObject({ transaction: true });
  });

  it("'Thanks!' below a mail that asks nothing still thanks", () => {
    expect(classifyIntent({ subject: "Re: Book", text: "Got the book today, it's perfect.\n\nThanks!\nJordan" })).toMatchObject({ thanks: true });
  });
});

describe("who a newcomer says sent them, by full name", () => {
  it.each([
    ["Per Thomsen, som er vores revisor, sagde, at jeg skulle skrive til dig.", true, "Per Thomsen"],
    ["I hope you don't mind me writing. Camilla Holm at Meditek passed your CV on to us last week.", true, "Camilla Holm"],
    ["I asked Sophie Marsh at the Aire Wharf Hotel who she would trust, and she passed on your details straight away.", true, "Sophie Marsh"],
    ["Christina Holt sendte mig din pitch om muslingefiskeriet.", true, "Christina Holt"],
    // named after who they are to the writer
    ["Min veninde Camilla Rasmussen anbefalede dig varmt.", true, "Camilla Rasmussen"],
    ["My old colleague Tom Baker suggested I get in touch.", true, "Tom Baker"],
    ["Our accountant, Lisa Grant, recommended you.", true, "Lisa Grant"],
    ["Mein Steuerberater Jens Vogel hat dich empfohlen.", true, "Jens Vogel"],
    ["Du er blevet indstillet af tekstilkunstner Søs Frandsen, som sendte os billeder.", false, "Søs Frandsen"],
    // a first name alone names too many people; a mail that says no one sent them names no referrer
    ["Per sagde, at jeg skulle skrive til dig.", true, null],
    ["Camilla Holm sent me the agenda for Thursday.", false, null],
  ])("%s", (text, referredBy, want) => {
    expect(referrerOf(`Hej Hanne\n\n${text}\n\nSofie`, null, "Sofie Lind", referredBy)?.name ?? null).toBe(want);
  });
});

describe("a brief answer says something: it neither asks, nor promises, nor names a time", () => {
  it.each([
    ["No, only spirits over 30% for now; still wine isn't in scope.", true],
    ["Jeg er gået over til Dinero. Tip: opret dine faste kursuspakker som varer.", true],
    ["Torsdag i uge 46 kl. 9 her på kontoret.", false],
    ["Sure, I'll send it over tomorrow.", false],
    ["Godt spørgsmål, det vender jeg tilbage på.", false],
  ])("%s", (text, want) => {
    expect(readsAsBriefAnswer(text)).toBe(want);
  });
});

describe("asksByName: a mail to many asks the one it names", () => {
  it.each([
    ["Rasmus", "Kære medlemmer\n\nSå er forårets program på plads.\n\nRasmus – jeg har som aftalt sat dig på som oplægsholder d. 13. april. Kan du sende mig en titel og 2-3 linjer? Gerne inden fredag.\n\nAlle andre: tilmelding via linket.\n\nVenlig hilsen\nBirthe", true],
    ["Catriona", "Hi all,\n\nSpring meet-ups are below.\n\nCatriona, would you be up for hosting the March coffee?\n\nGillian", true],
    ["Rasmus", "Kære medlemmer\n\nProgrammet: 13. april oplæg ved Rasmus Vinther. Tilmelding via linket i invitationen.\n\nBirthe", false],
    ["Karoline", "Hej alle\n\nKan I give besked om I kommer inden fredag?\n\nPeter", false],
    ["", "Hi all,\n\nCould you send me your numbers?", false],
  ])("%s", (name, text, want) => {
    expect(asksByName(text, name)).toBe(want);
  });
});

describe("handing over a file in the words people use for it", () => {
  it.each([
    // Whatever the thing is called, "… attached" hands it over; so does a sentence that starts with it.
    ["Hi Imogen,\n\nLocked script attached, plus a phonetic sheet for the place names.\n\nHarriet", true],
    ["Sorry, I was away. Both September statements attached.\n\nLaura", true],
    ["Attached a location release I drafted for another production last year.", true],
    ["Attaching the signed NDA. Shout if anything's missing.", true],
    ["I'm attaching the floor plan and the fire exits.", true],
    ["Please see the attached spreadsheet for the figures.", true],
    ["Jeg vedhæfter skabelonen, vi brugte sidste år.", true],
    ["Jeg sender hermed kontrakten til underskrift.", true],
    ["Anbei die Vorlage mit meinen Anmerkungen.", true],
    ["Im Anhang findest du die Folien.", true],
    ["Vous trouverez ci-joint le devis.", true],
    ["Te adjunto la plantilla que usamos.", true],
    ["In allegato trovi il modulo.", true],
    ["In de bijlage vind je het contract.", true],
    ["Bifogar mallen vi använder.", true],
    // Asking for a file, forgetting it, or none being there, hands nothing over.
    ["Could you send me the statements attached to an email?", false],
    ["I forgot to attach the file, will send it tomorrow.", false],
    ["Nothing attached this time, I'll post the samples instead.", false],
    ["Kan du vedhæfte kontrakten, når du svarer?", false],
  ])("%s", (text, want) => {
    expect(classifyIntent({ subject: "Re: Files", text }).handsOver).toBe(want);
  });
});

describe("paperwork sent back signed is business, not a favour", () => {
  it.each([
    ["Hi Lukas,\n\nSigned and attached. Sorry for the delay.\n\nPieter", true],
    ["Countersigned copy attached for your records.", true],
    ["Hej Ida\n\nKontrakten er underskrevet og vedhæftet.\n\nMvh Bo", true],
    ["Her er den underskrevne aftale.", true],
    ["Attached is our ESOP template with my notes in the margins.", false],
  ])("%s", (text, want) => {
    expect(classifyIntent({ subject: "Re: Agreement", text }).transaction).toBe(want);
  });
});

describe("a greeting to someone else: what the mail hands over is theirs", () => {
  it.each([
    ["Hej Hasse,\n\nOur comments attached, mostly lamps and sprinklers.", "Lene Brøndum", true],
    ["Hi Lene,\n\nOur comments attached.", "Lene Brøndum", false],
    ["Our comments attached.", "Lene Brøndum", false],
    ["Hej Hasse,\n\nOur comments attached.", null, false],
  ])("%s (owner %s)", (text, owner, want) => {
    expect(greetsSomeoneElse(text, owner)).toBe(want);
  });
});

describe("a referrer named by first name and firm", () => {
  it("'sent me the link to your case study and said you were the people to talk to' says who sent them", () => {
    expect(classifyIntent({ subject: "New Shopify store", text: "Rikke from Ordværket sent me the link to your case study and said you were the people to talk to." }).referredBy).toBe(true);
  });

  it.each([
    [null, "Jeg har fået dit navn af Rikke fra Brandhouse, som er ved at lave vores logo.", true, { name: "Rikke", firm: "Brandhouse" }],
    [null, "Anne at Nordlys said you're the person to talk to about usability testing.", true, { name: "Anne", firm: "Nordlys" }],
    [null, "Rikke from Ordværket sent me the link to your case study.", true, { name: "Rikke", firm: "Ordværket" }],
    [null, "Hi Amalie,\n\nRikke from Ordværket sent me the link to your case study and said you were the people to talk to.", true, { name: "Rikke", firm: "Ordværket" }],
    // Only the subject names them; a full name in the subject counts as in the text.
    ["Intro via Marcus (Brightside) - animator for housing explainer", "Hi Tom, could you send your day rate?", false, { name: "Marcus", firm: "Brightside" }],
    ["December feature – Marcus Bell suggested you", "Hi Chloé,\n\nWould you be available?", true, { name: "Marcus Bell" }],
    // A mention of someone at a firm is no referral; nor is the reader, or the writer, at their own firm; nor is
    // the reader greeted below a subject.
    [null, "Anne at Nordlys said the meeting has moved to Thursday.", false, null],
    [null, "Hi Tom,\n\nI got your number from Tom at Brightside.", false, null],
    ["Quick question", "Hi Rikke,\n\nRikke from Ordværket sent me the link.", true, null],
    [null, "Contact me by Monday at Brandhouse.", false, null],
    // said by full name with a Danish participle, or by the subject
    [null, "Gitte Lauritzen har givet mig dit navn og sagde du er den rette til tekniske tekster.", true, { name: "Gitte Lauritzen" }],
    ["Henvisning fra Gitte Lauritzen", "Hej Birte\n\nVi skal have en brugervejledning oversat i januar.", true, { name: "Gitte Lauritzen" }],
    [null, "Ellie March from March & Moor told us you do cheese towers for weddings.", true, { name: "Ellie March" }],
  ])("%s | %s", (subject, text, referredBy, want) => {
    expect(referrerOf(text, subject, "Lucy Grant", referredBy)).toEqual(want);
  });
});

describe("thanks, referrals and the owner's notes in the neighbours' languages", () => {
  it.each([
    ["Hi Jonas,\n\nich wollte mich noch richtig bei dir bedanken: Aylin war großartig, und wir machen ihr diese Woche ein Angebot. Das nächste Abendessen geht auf mich!\n\nLena", { thanks: true, proposal: false }],
    ["Vielen Dank für die Vorlage, genau das habe ich gebraucht.", { thanks: true }],
    ["Herzlichen Dank für deine Hilfe!", { thanks: true }],
    ["Anbei unser Angebot für den Workshop im März.", { proposal: true }],
    ["Ich war beim Unternehmerabend und habe ihr von dir erzählt. Sie freut sich über eine Mail von dir.", { giving: true, gift: "referral" }],
  ])("%s", (text, want) => {
    expect(classifyIntent({ subject: "Re: x", text })).toMatchObject(want);
  });

  it.each([
    ["devo rispondere a Luca prima del 19", true],
    ["Tengo que contestarle esta semana", true],
    ["Je dois lui répondre demain", true],
    ["Ich muss ihr noch antworten", true],
    ["Preciso responder até sexta", true],
    ["Bella notizia!", false],
  ])("note %s owes an answer: %s", (note, want) => {
    expect(noteOwesAnswer(note)).toBe(want);
  });

  it.each([
    ["Markus hat uns bei der Handwerkskammer empfohlen!", true],
    ["Karina kørte selv ud med hængslerne på en lørdag!", true],
    ["She drove the parts out herself on a Sunday!", true],
    ["Tom went out of his way for this one.", true],
    ["Ny kunde på vej", false],
    // what the sender gave the owner, told in the owner's note
    ["Conor sent me a whole box of coffee and a mug!!", true],
    ["Jonas har sendt en ny kunde til mig!", true],
    ["Lotte har givet os to kasser æbler", true],
    ["Priya got us two tickets for the gala", true],
    ["Sarah sent me the invoice", false],
    ["He sent me a quote for the roof", false],
    ["Sent me a reminder about the deadline", false],
    ["He sent me an email about the delay", false],
    ["She sent us a new invoice", false],
    // one praise word for what is forwarded, in a short note only
    ["Sophie – gold.", true],
    ["Steve's advice on the Bechstein – gold", true],
    ["Guld værd!", true],
    ["Gold package renewal, need to decide by Friday whether we keep it or not", false],
    ["Quote for the gold leaf", false],
    ["Jonas sparede mig for en hel dags opmåling i Ebeltoft.", true],
    ["Torben har igen regnet gratis for mig – altanen kan godt lade sig gøre.", true],
    ["Upgrade to gold", false],
    ["Go for gold", false],
    ["Sølv eller guld.", false],
    // people found for the owner, told in the note; not what the owner found
    ["Mette har skaffet seks forældre til skole-hjem-interviewene! Så kan jeg booke dem alle i denne uge.", true],
    ["Priya rounded up five testers for Thursday", true],
    ["Fandt to fejl i hans faktura", false],
    ["Found three typos in the contract, sending it back", false],
  ])("note %s owes thanks: %s", (note, want) => {
    expect(noteOwesThanks(note)).toBe(want);
  });
});

describe("sign-offs in Italian, French, Dutch, Portuguese, Polish and Finnish thank no one", () => {
  it.each([
    "Buongiorno Roberto,\n\nCi può mandare un'offerta per lo stampo e i tempi di consegna?\n\nGrazie e buona giornata\nGiulia",
    "Bonjour Claire,\n\nPouvez-vous m'envoyer le devis ?\n\nMerci d'avance\nLuc",
    "Hoi Sanne,\n\nKun je me de offerte sturen?\n\nMet vriendelijke groet,\nDaan",
    "Olá Ana,\n\nPode enviar-me o orçamento?\n\nObrigado\nRui",
  ])("%s", (text) => {
    expect(classifyIntent({ subject: "Offerta", text }).thanks).toBe(false);
  });
});

describe("a thread about business, in Italian, French, Dutch and Portuguese", () => {
  it.each([
    ["Richiesta offerta stampo scocca Lumetto - CAD definitivi", true],
    ["Re: Devis pour la cuisine", true],
    ["Offerte voor de verbouwing", true],
    ["Orçamento para o site", true],
    ["Grazie per oggi", false],
  ])("%s", (subject, want) => {
    expect(aboutBusiness(subject)).toBe(want);
  });
});

describe("a sign-off above a signature block is still a sign-off", () => {
  it("'Grazie e buona giornata' above the name and a four-line signature thanks no one", () => {
    const text = "Buongiorno Roberto,\n\nCi può mandare un'offerta per lo stampo e i tempi di consegna?\n\nGrazie e buona giornata\nGiulia\n\nGiulia Ferraro\nCEO & Co-founder | Lumetto\nVia Ventura 15, 20134 Milano\nlumetto392.it";
    expect(classifyIntent({ subject: "Richiesta", text }).thanks).toBe(false);
  });
});

describe("asks in Italian, French, Dutch and Portuguese", () => {
  it.each([
    "Ci può mandare un'offerta per lo stampo e i tempi di consegna?",
    "In allegato la nostra offerta. Mi fa sapere entro il 31 marzo?",
    "Pourriez-vous m'envoyer le devis avant vendredi ?",
    "Kun je me de offerte voor de verbouwing sturen?",
    "Pode enviar-me o orçamento até sexta?",
  ])("%s", (text) => {
    expect(classifyIntent({ subject: "x", text })).toMatchObject({ request: true, explicitRequest: true });
  });
});

describe("'let me know what they think' after a gift is a courtesy, not a request", () => {
  it.each([
    ["Posted you four corner samples yesterday, no charge. Let me know what your customers think.", false],
    ["Here's the deck I used. Let me know how it goes!", false],
    ["Let me know what time works for you on Friday.", true],
    ["Let me know if Thursday suits.", true],
  ])("%s", (text, want) => {
    expect(classifyIntent({ subject: "Re: x", text }).explicitRequest).toBe(want);
  });
});

describe("a price list the owner sends is business; one someone else asked for is no proposal to the reader", () => {
  it.each([
    ["Priya,\n\nI never said a proper thank you for introducing me to Gareth. He's asked for our price list and wants a tasting. Drinks on me next time!\n\nTom", { thanks: true, proposal: false }],
    ["Hi Gareth,\n\nAttached: wholesale price list and spec sheets. Would Thursday 18 March suit for a tasting?\n\nTom", { prices: true }],
  ])("%s", (text, want) => {
    expect(classifyIntent({ subject: "x", text })).toMatchObject(want);
  });
});

describe("'any time after 11 works for me' proposes a time; it is no 'anytime!'", () => {
  it("a question that proposes a tasting still asks", () => {
    const text = "Hi Gareth,\n\nWould Thursday 18 March suit for a tasting at the Lewes shop? Any time after 11 works for me.\n\nTom";
    expect(classifyIntent({ subject: "Price list", text }).request).toBe(true);
  });
  it("'Anytime!' answers thanks", () => {
    expect(classifyIntent({ subject: "Re: Thanks", text: "Anytime! Was fun. How was the trip?" }).request).toBe(false);
  });
});

describe("Dutch thanks", () => {
  it.each(["Dank voor de intro bij Hofwerk! We hebben donderdag afgesproken.", "Bedankt voor je hulp, Femke.", "Dank je wel!"])("%s", (text) => {
    expect(classifyIntent({ subject: "x", text }).thanks).toBe(true);
  });
});

describe("asked to pay a deposit to secure what the owner asked for: business", () => {
  it.each([
    ["We do have a pitch left. To secure it, could you fill in the trader form and pay the £120 deposit by Tuesday 30 June?", true],
    ["Standen er din, hvis du vil betale depositum inden fredag.", true],
    ["I paid the deposit for the venue yesterday.", false],
  ])("%s", (text, want) => {
    expect(classifyIntent({ subject: "Re: Pitch", text }).transaction).toBe(want);
  });
});

describe("asksAFavour: the owner's ask for a favour, read from the thread's subject", () => {
  it.each([
    ["Would you be a reference for me?", true],
    ["SV: Må jeg bruge dig som reference?", true],
    ["Re: Can you cover 24-28 Feb?", true],
    ["Re: Må jeg låne balancepuder og cavaletti?", true],
    ["Re: Lørdagsvagt 6. marts", true],
    ["Re: Vil du tale på vores fyraftensmøde 29. oktober?", true],
    ["Kan vi tale sammen?", false],
    ["Quick talk next week?", false],
    ["Your reference 4471", false],
    ["Help desk ticket", false],
    ["Re: Cover letter", false],
  ])("%s: %s", (subject, want) => {
    expect(asksAFavour(subject)).toBe(want);
  });
});

describe("wording from the blind mailboxes 440-444", () => {
  const gift = (text: string) => classifyIntent({ subject: "", text }).gift;
  it.each([
    // free to use, no payback
    "Hi Isla,\n\n48 of them, bouquets, the hanging installation, the lot. They're all yours to use however you like, just tag me as usual.",
    "Of course you can! Keys will be behind the till from Friday night. Don't you dare buy fuel, it's full anyway.",
    "Så er korrekturen leveret. Og du skal ikke tænke på at give noget igen – du har dækket for mig nok gange.",
    "No need to pay me anything back, honestly.",
    // the reader's call spread, the reader passed on with a word for them
    "Jeg lagde dit opslag på forældreintra i 2.b og 4.a, og nu har seks forældre sagt ja.",
    "I shared your post in the founders' Slack and three people want to talk.",
    "Jeg har kigget på dit oplæg, og det er stærkt. Tre ting tilbage.",
    "Har læst din ansøgning igennem – se mine rettelser nedenfor.",
  ])("gives: %s", (text) => expect(gift(text)).not.toBeNull());
  it.each([
    "Of course, it's yours. Same time, 7pm?",
    "We didn't win, but our analytics part scored highest of all the bids, so that's yours.",
    "It's yours to decide.",
    "Please pay the invoice back by Friday.",
    "Kurset er kommet godt i gang. På forreste række sidder en skibsingeniør, som har læst hele Böll på originalsproget og retter mig.",
    "Jeg har set dit opslag på LinkedIn.",
    "Vi har kigget på jeres tilbud og vender tilbage i næste uge.",
    "Could you share your post with me?",
  ])("gives nothing: %s", (text) => expect(gift(text)).toBeNull());
});

describe("a promise to answer later", () => {
  const promises = (text: string) => classifyIntent({ subject: "", text }).promises;
  it.each([
    "Of course. Let me have a proper think and I'll write properly at the weekend with what I charge.",
    "Jeg skriver til dig i morgen med hendes kontaktinfo.",
    "Great to meet you! I'll send my reading list this weekend.",
    "Godt spørgsmål – jeg vender tilbage i næste uge.",
    "Thanks for the question – I'll get back to you on Monday.",
  ])("promises: %s", (text) => expect(promises(text)).toBe(true));
  it.each([
    "I'll send it if you like.",
    "Ja da, jeg ringer i morgen efter frokost.",
    "Send det endelig, jeg kigger på det i weekenden.",
    "A loose connection shouldn't happen on a new panel, so we'll check every termination in it on Wednesday.",
    "See you tomorrow!",
    "I'll be there at the weekend.",
  ])("promises nothing: %s", (text) => expect(promises(text)).toBe(false));
});

describe("wording from the blind mailboxes 448 and 451", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    "Ich brauche bis Freitag, 20.11., deine verbindliche Zusage, sonst muss ich die Stelle ausschreiben. Gib mir bitte kurz Bescheid, ob das bei dir klappt.",
    "Sag mir bitte bis Mittwoch Bescheid, ob du dabei bist.",
    "Wäre super, wenn du mir die Folien bis Montag schicken könntest.",
    "Hallo Lukas, kannst du mir die Rechnung noch einmal schicken",
  ])("asks: %s", (text) => expect(read(text).request).toBe(true));
  it.each(["Hab dir unten meinen Tracer reingepackt, den kannst du so übernehmen, ist eh MIT.", "Das kannst du vergessen, ich habe es schon erledigt."])(
    "asks nothing: %s",
    (text) => expect(read(text).request).toBe(false),
  );
  it("hands over: Hab dir unten meinen Tracer reingepackt", () =>
    expect(read("Hab dir unten meinen Tracer reingepackt, den kannst du so übernehmen, ist eh MIT.").handsOver).toBe(true));
  it.each([
    "Had a proper look last night. There's a leak in the waiter. I fixed (1) and added a test that reproduces it.",
    "Jeg har rettet det i dokumentet, så det kan sendes i dag.",
  ])("gives: %s", (text) => expect(read(text).gift).not.toBeNull());
  it.each(["Kannst du das Material verwenden?", "Did you have a look at the quote I sent?"])("gives nothing: %s", (text) =>
    expect(read(text).gift).toBeNull(),
  );
  it("a referrer named as the reader's colleague", () =>
    expect(referrerOf("Din kollega Line Kragh nævnte dit navn, da jeg spurgte hende, om hun kendte en skarp freelancer.", null, "Anders Mølgaard", true)).toEqual({
      name: "Line Kragh",
    }));
});

describe("wording from the blind mailboxes 449, 450 and 452", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each(["Graag hoor ik van je of dat kan, want we willen eind november bestellen.", "Laat me even weten wanneer het uitkomt."])("asks: %s", (text) =>
    expect(read(text).request).toBe(true),
  );
  it.each([
    "Ik heb jouw nummer en mail aan onze buurman Joost gegeven. Ik heb gezegd dat jij de beste bent.",
    "Er ligt nog anderhalve meter velours voor je klaar. Die hoef je niet te betalen hoor.",
    "Der ligger en kasse jordskokker ovenpå leveringen – dem skal du ikke betale for.",
  ])("gives: %s", (text) => expect(read(text).gift).not.toBeNull());
  it.each([
    ["Hey Marco,\n\nso? Did Kontor answer the staff-engineer question? Curious which way you went.\n\nLukas", true],
    ["Hvornår kommer I til Sjælland næste gang? Du kan altid sove på sofaen.", true],
    ["How was the trip? Did you make it to Skagen?", true],
    ["How is your pricing structured for retainers?", false],
    ["Did you get a chance to look at the VAT question? How is the reverse charge calculated?", false],
    ["Hvordan er din pris for et månedligt abonnement?", false],
  ])("asks only after them: %s", (text, want) => expect(read(text as string).asksAfterThem).toBe(want));
  it.each([
    ["Femke sent another client my way.", true],
    ["Endnu en klient fra Jesper. Torben ringer i næste uge.", true],
    ["Sent the invoice on its way", false],
  ])("note %s owes thanks: %s", (note, want) => expect(noteOwesThanks(note as string)).toBe(want));
});

describe("the review's near misses: what promises, gives, refers or asks after them, and what does not", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    "Sorry it took me so long to get back to you – short answer: register for VAT once you pass 50k.",
    "Vi vender tilbage fra Mallorca søndag.",
    "Thanks, I'll get back to you in January when the budget is set.",
    "Thanks for your email. I will get back to you.",
  ])("promises nothing: %s", (text) => expect(read(text).promises).toBe(false));
  it.each([
    "Had a quick look at the calendar – Thursday 2pm works.",
    "I took a look at the quote and we'd like to go ahead.",
    "Jeg har læst kontrakten igennem, vi skriver under i morgen.",
    "Hun har fikset det, så bilen er klar.",
    "No need to pay me back till payday.",
    "Die Fahrtkosten kannst du ja übernehmen.",
  ])("gives nothing: %s", (text) => expect(read(text).gift).toBeNull());
  it.each([
    "Saw you posted your call for testers – I'd love to join.",
    "Send dit CV med et par ord om dig selv.",
    "Je mail heb ik doorgestuurd naar de boekhouding.",
  ])("refers no one: %s", (text) => expect(read(text).gift).not.toBe("referral"));
  it.each(["How was the holiday, and what would you charge for a logo?", "Did you get a chance to look at my draft?", "How's the new job? Any advice on pricing?"])(
    "asks more than after them: %s",
    (text) => expect(read(text).asksAfterThem).toBe(false),
  );
  it("a German ask after 'und'", () => expect(read("Und kannst du mir die Datei bis Freitag schicken").request).toBe(true));
  it.each(["New job from 1 March!", "Ny opgave fra chefen i dag"])("note %s owes no thanks", (note) => expect(noteOwesThanks(note)).toBe(false));
});

describe("wording from the blind mailboxes 454-457", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    "Vi har netop opdateret tabellen, og da I bruger den, tænkte jeg, at I hellere måtte få den nye version med det samme. Brug den bare allerede nu.",
    "Vi har hængt en pose æbler fra haven og en flaske hyldeblomstsaft på jeres hoveddør – bare en lille ting for et rigtig godt år med Emil.",
    "Hi Lukas, den kannst du so übernehmen, ist eh MIT.",
  ])("gives: %s", (text) => expect(read(text).gift).not.toBeNull());
  it.each([
    "Vi har hængt plakaten op på jeres hoveddør, så kunderne kan se den.",
    "Ab Montag kannst du das Projekt übernehmen.",
  ])("gives nothing: %s", (text) => expect(read(text).gift).toBeNull());
  it.each(["Før vi kan gå videre, skal vi have jeres databehandleraftale. Send det gerne, når du har det."])("asks: %s", (text) =>
    expect(read(text).request).toBe(true),
  );
  it.each(["Jeg sender gerne et par eksempler, hvis du vil se dem."])("asks nothing: %s", (text) => expect(read(text).explicitRequest).toBe(false));
  it("the paid service an answer is part of is business", () =>
    expect(read("Your first payment on account is £3,212.40. We'll go through it properly when we do your return in December.").transaction).toBe(true));
});

describe("wording from the blind mailbox 453", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    "Vi havde en hel trailer kløvet bøg tilovers, så den har jeg læsset af bag din carport. Den kan bruges med det samme.",
    "Kort overlevering fra uge 42: momsen er indberettet. Jeg har ikke skrevet timer på.",
  ])("gives: %s", (text) => expect(read(text).gift).not.toBeNull());
  it.each([
    "Den er bestilt: ThinkPad T14. Pris 9.450 kr. ekskl. moms. Faktura følger med maskinen, 8 dages netto.",
    "Kontoudtogene ligger vedhæftet. Kan du også tage lønnen, og hvad koster det ekstra om måneden?",
  ])("is business: %s", (text) => expect(read(text).transaction).toBe(true));
  it.each(["Hvad vil det sige for os i praksis?", "Hvad skal de lave i weekenden?", "Regningen kommer ikke, det er på huset."])("is no business: %s", (text) =>
    expect(read(text).transaction).toBe(false),
  );
  it("a treat offered in thanks asks nothing", () =>
    expect(read("Tak for uge 42, du klarede det hele. Må jeg give frokost en dag i december? Du vælger stedet.").questionMark).toBe(false));
  it("a coffee offered with an ask still asks", () =>
    expect(read("Could I buy you a coffee and pick your brain for 20 minutes about lighting bottles? Any day that works for you.").request).toBe(true));
  it("'sig lige til, om du kan' asks", () => expect(read("Jeg sender en liste i januar, men sig lige til, om du kan, før jeg betaler rejsen.").request).toBe(true));
  it.each([
    ["Birgitte har klaret det hele mens jeg var væk", true],
    ["Thomas har været forbi med brænde. Det rækker hele vinteren!", true],
    ["Har klaret momsen selv i år", false],
  ])("note %s owes thanks: %s", (note, want) => expect(noteOwesThanks(note as string)).toBe(want));
});

describe("the second review's near misses", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    "Der er ingen timer på lørdag, men mandag kl. 10 er ledig.",
    "I haven't billed you for the hours in March yet – they'll be on April's invoice.",
    "No need to pay now, I'll invoice at month end.",
    "Da projektet er afsluttet, tænkte jeg, at du skulle have den endelige faktura.",
    "Nyt password er sat – brug det bare næste gang.",
    "Just a small thing – the logo on page 2 is blurry. I left the proofs at your door.",
  ])("gives nothing: %s", (text) => expect(read(text).gift).toBeNull());
  it.each(["Send dem gerne, hvis der dukker flere spørgsmål op."])("asks nothing: %s", (text) => expect(read(text).explicitRequest).toBe(false));
  it("'Did you get there OK?' asks after them", () => expect(read("Did you get there OK?").asksAfterThem).toBe(true));
  it("'Må jeg give dig en frokost?' asks nothing", () => expect(read("Tak for hjælpen! Må jeg give dig en frokost i næste uge?").questionMark).toBe(false));
  it("a friend asking what they owe is no business", () => expect(read("Tusind tak for hjælpen – hvad skal du have for det?").transaction).toBe(false));
  it.each(["Call with Sara – covered everything on the agenda", "Klarede det hele selv til sidst", "Var forbi med tegningerne hos Thomas", "Ny kunde fra Instagram: Lene Holm, vil have logo"])(
    "note %s owes no thanks",
    (note) => expect(noteOwesThanks(note)).toBe(false),
  );
});

describe("asks, gifts and meetings in the words of eight unseen mailboxes", () => {
  const read = (text: string, subject = "") => classifyIntent({ subject, text });
  it.each([
    // an invitation to speak is asked, not an introduction; two people meant to meet still are
    ["The committee would love you to give a 25-minute talk at DataConnect on 11 March.", null],
    ["I'd love you two to meet – Hannah runs the data team at Kerry Foods.", "introduction"],
    // the writer was given the name: someone else's referral, not theirs
    ["I was given your name by a friend at the Harriers. Do you have anything next week?", null],
    ["I've given your name to Sofie at the running shop.", "referral"],
    // a plug offered in return for what they ask is not given yet
    ["We can't pay much but we'd cover your costs and give you a plug.", null],
    ["I gave you a plug in our club newsletter this week.", "referral"],
    // a present on its way, extras slipped in, something thought of for them
    ["Just a heads-up that a parcel from all of us here should land at your office tomorrow!", "help"],
    ["I've sent six copies by courier, and I've popped in two spare jackets for your portfolio.", "help"],
    ["Here is the wet proof of the cover, which I thought you might like to frame.", "help"],
    ["Den er 4 meter, men den ekstra meter skal du ikke betale for.", "help"],
    ["Your parcel should arrive on Tuesday between 8 and 12.", null],
    ["I popped in to see you on Friday but you were out.", null],
  ])("gift: %s", (text, want) => expect(read(text).gift).toBe(want));

  it.each([
    ["Also should I keep doing the side planks on run days or only on rest days", true],
    ["Kan du sende mig tegningen til carporten", true],
    ["I should keep doing the side planks on rest days.", false],
    ["Can you believe it took them three months", false],
    ["We will see you on Friday at the club", false],
  ])("a question without its mark: %s", (text, want) => expect(read(text).questionMark).toBe(want));

  it.each([
    ["Did the chard survive in the end? And how are the second years this year?", true],
    ["Hvordan går det med den nye ovn?", true],
    ["Did the invoice arrive? I can't see it in the post.", false],
  ])("asks after them: %s", (text, want) => expect(read(text).asksAfterThem).toBe(want));

  it.each([
    ["Må jeg kigge forbi værkstedet om formiddagen og se askeglasuren?", true],
    ["Could I pop round on Saturday and see the new kiln?", true],
    ["Må jeg låne dit kamera til fotograferingen af etiketterne?", false],
  ])("asking to come by is a meeting arranged: %s", (text, want) => expect(read(text).scheduling).toBe(want));

  it.each([
    ["A testimonials page in the same layout would be £180 + VAT. I can do it w/c 26 October.", true],
    ["120 m2 lærk leveret: 41.800 kr. ekskl. moms.", true],
    ["For a first client I'd charge £450 + VAT a day and not a penny less.", false],
  ])("a price for the job is business: %s", (text, want) => expect(read(text).transaction).toBe(want));

  it.each([
    ["Mikkel redder fotograferingen – kamera, objektiv og stativ.", true],
    ["Hamper from Aoife and the crew arrived this morning. Very generous.", true],
    ["Copies are on their way!", false],
    ["Ikke særlig gavmild pris, men den er god nok.", false],
  ])("the owner's note owes thanks: %s", (note, want) => expect(noteOwesThanks(note)).toBe(want));
});

describe("a yes, a favour done, and the owner's plan, in the words of the same mailboxes", () => {
  const read = (text: string, subject = "") => classifyIntent({ subject, text });
  it.each([
    ["Hi Tom,\nYes, I can do that – Thursdays are my admin day anyway.", true],
    ["Hej Søren\nJa, det kan jeg sagtens. Send mig listen.", true],
    ["Hej Søren\nJa, det kan jeg godt forstå.", false],
  ])("a plain yes: %s", (text, want) => expect(read(text).agrees).toBe(want));

  it.each([
    ["All done! Saw all seven yesterday. Notes are written up in the system.", true],
    ["Så er det klaret. Nøglen ligger i postkassen.", true],
    ["I'm all done with the draft, can you look at it?", false],
    ["We still have it all to do before Friday.", false],
  ])("reports it done: %s", (text, want) => expect(read(text).reportsDone).toBe(want));

  it.each([
    ["Re: Cover on Thursday 5 Nov?", true],
    ["Re: Cover for Monday's class", true],
    ["Re: Book cover for Thursday", false],
  ])("a favour's subject: %s", (subject, want) => expect(asksAFavour(subject)).toBe(want));

  it.each([
    ["Must answer Mark before his race.", true],
    ["Jens - tager det i næste uge.", true],
    ["I'll deal with it next week.", true],
    ["Mark answered already, all good.", false],
    ["Tager det roligt i næste uge.", false],
  ])("the owner's note owes an answer: %s", (note, want) => expect(noteOwesAnswer(note)).toBe(want));

  it.each([
    ["Tak for snakken på messen i lørdags. Har I stadig plads til en keramiker i forårsudstillingen?", true],
    ["Thanks for the lovely evening! Is there still room on the March course?", true],
    ["Thanks so much for the tips! How was your holiday?", false],
  ])("a thank-you that asks outright: %s", (text, want) => expect(read(text).request).toBe(want));

  it.each([
    ["Dejligt, at du vil være med igen! Vi ses den 28.!", false],
    ["Hvis jeg kunne låne din, ville det redde mig.", true],
  ])("a person's own will is no ask: %s", (text, want) => expect(read(text).explicitRequest).toBe(want));
});

describe("a no, a passive ask, and what they still have, in the words of a Danish gardener's mailbox", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    ["Kæmpeporesvamp på bøg er desværre næsten altid dårligt nyt. Få lavet en trækprøve.", false],
    ["It's unfortunately a common problem with old beech; get a pull test done.", false],
    ["Jeg kan desværre ikke den dag.", true],
    ["Desværre har jeg ikke tid før jul.", true],
    ["Nej, desværre.", true],
    ["Unfortunately I can't make it.", true],
    ["Not this time, unfortunately.", true],
  ])("declines: %s", (text, want) => expect(read(text).declines).toBe(want));

  it.each([
    ["For at jeg kan færdigbehandle ansøgningen, mangler jeg en situationsplan. Den må meget gerne sendes til mig på mail.", true],
    ["Could it please be sent over by Friday?", true],
    ["Tak fordi du sendte Henrik min vej. Har du i øvrigt stadig den pladevibrator du ville af med?", true],
    ["Thanks for the lovely dinner! Do you still have the recipe for that tart?", true],
    ["Fakturaen kan sendes af os i morgen.", false],
    ["Thanks for dinner! By the way, how was the holiday?", false],
  ])("asks: %s", (text, want) => expect(read(text).request).toBe(want));
});

describe("a Berlin founder's German, and a question wrapped in plain text", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    ["Vielen Dank für das nette Gespräch an unserem Stand. Hätten Sie in der Woche ab dem 2.11.\nZeit?", true],
    ["Thanks again for the chat at the fair. Would you have time for a demo in\nNovember?", true],
    ["Vielen Dank für die Blumen! Sie sind wunderschön.", false],
    ["We launched the shop in 2025.\nOk?", false],
  ])("asks: %s", (text, want) => expect(read(text).request).toBe(want));

  it.each([
    ["Geben Sie mir bitte bis Ende November Bescheid, ob das auf der Roadmap steht.", true],
    ["Ich gebe Ihnen bis Ende November Bescheid.", false],
  ])("asks in German: %s", (text, want) => expect(read(text).explicitRequest).toBe(want));

  it.each([
    ["Ich hab ihr von Tidewise vorgeschwärmt und ihr deine Adresse gegeben – sie meldet sich diese Woche bei dir.", "referral"],
    ["Sie hat mir deine Adresse gegeben, ich melde mich nächste Woche.", null],
  ])("a referral in German: %s", (text, want) => expect(read(text).gift).toBe(want));

  it.each([
    ["Muss mich bei ihm bedanken!", true],
    ["Henrik hat das ganze Deck durchgearbeitet – unbezahlt, wie immer. Da muss ich mich revanchieren.", true],
    ["Katrin hat uns an ihre Schwägerin Birgit Hahn empfohlen.", true],
    ["Tom hat uns einen Tag Debugging erspart.", true],
    ["Birgit hat sich bedankt, alles gut.", false],
  ])("the owner's German note owes thanks: %s", (note, want) => expect(noteOwesThanks(note)).toBe(want));

  it.each([
    ["Muss ich erst mit Kai besprechen, dann antworten.", true],
    ["Hat schon geantwortet.", false],
  ])("the owner's German note owes an answer: %s", (note, want) => expect(noteOwesAnswer(note)).toBe(want));
});

describe("proofs left to keep", () => {
  it.each([
    ["I've left a box of proofs with Amy behind the till. They're for you and the staff to read and keep, no strings.", "help"],
    ["The proofs are with Amy; please send them back after the review.", null],
  ])("%s", (text, want) => expect(classifyIntent({ subject: "", text }).gift).toBe(want));
});

it("'Desværre, jeg kender ingen i den branche' declines", () => {
  expect(classifyIntent({ subject: "", text: "Desværre, jeg kender ingen i den branche." }).declines).toBe(true);
  expect(classifyIntent({ subject: "", text: "Unfortunately I know nobody in that field." }).declines).toBe(true);
});

describe("the review's near misses", () => {
  const read = (text: string) => classifyIntent({ subject: "", text });
  it.each([
    ["Brilliant tips from Jo on what to do about the lease.", false],
    ["Dan should get back to me about the van.", false],
    ["Sie wird bald antworten.", false],
    ["Hun kigger på det i næste uge.", false],
    ["To do: answer Karen about the stall.", true],
  ])("owes an answer: %s", (note, want) => expect(noteOwesAnswer(note)).toBe(want));
  it.each([
    ["I hope it all went well with the launch.", false],
    ["Det gik godt med flytningen, så alle elever kan være med.", false],
  ])("reports it done: %s", (text, want) => expect(read(text).reportsDone).toBe(want));
  it.each([
    ["Så kan du bare sende fakturaen til mig", false],
    ["Should you have any questions please don't hesitate to get in touch", false],
    ["We launched in 2025.\nOk?", false],
    ["Hi Tom,\nAll good?", false],
  ])("a question: %s", (text, want) => expect(read(text).questionMark).toBe(want));
  it.each([
    ["Nu er der plads til drivhuset. Hvordan var ferien?", false],
    ["Bogen skal sendes til tryk på fredag.", false],
    ["Varen kan returneres inden for 30 dage.", false],
    ["Et par ord fra din side ville betyde meget", true],
  ])("asks: %s", (text, want) => expect(read(text).request).toBe(want));
  it("'Ja, det kan jeg godt forstå' is sympathy, not a yes", () => expect(read("Ja, det kan jeg godt forstå.").agrees).toBe(false));
  it("'Did the signed contract arrive?' asks after nothing of theirs", () => expect(read("Did the signed contract arrive?").asksAfterThem).toBe(false));
  it("a free trial's 'no strings attached' is no gift", () => expect(read("Try it free for 30 days, no strings attached.").gift).toBeNull());
  it("'Not very generous' owes no thanks", () => expect(noteOwesThanks("Not very generous – 5% off.")).toBe(false));
});

describe("a rhythm said in words", () => {
  it.each([
    ["Dear Maggie, here is our monthly letter, a day late. Same time next month?", 30],
    ["I do look forward to your news every month or so.", 30],
    ["Skal vi sige, at vi ses første torsdag i måneden som altid?", 30],
    ["Attached is our monthly report for October and the invoice.", null],
    ["We pay the rent every month on the 1st.", null],
    ["I'm travelling until next month, so no rush.", null],
    ["See you next month at the fair!", null],
    ["I meet my investors every month.", null],
    ["Sidste fredag i måneden lukker vi kl. 14.", null],
    ["Butiksfacade ude og inde: 300 kr. pr. gang ekskl. moms. Vi ses første mandag i måneden kl. 8.", null],
  ])("%s", (text, want) => expect(classifyIntent({ subject: "", text }).statedRhythmDays).toBe(want));
});
