import { describe, expect, it } from "vitest";
import { classifyIntent, type Intent } from "../../src/mail/intent";

const none: Intent = { thanks: false, request: false, giving: false, outreach: false };
const is = (over: Partial<Intent>): Intent => ({ ...none, ...over });

const rows: { subject: string; text: string; want: Intent }[] = [
  // English: thanks
  { subject: "Re: Intro", text: "Thanks so much for the intro to Lars!", want: is({ thanks: true }) },
  { subject: "Re: Slides", text: "Thank you, this is exactly what I needed.", want: is({ thanks: true }) },
  { subject: "Re: Report", text: "Much appreciated.\n\nPeter", want: is({ thanks: true }) },
  { subject: "Re: Offer", text: "No thanks, we are covered for now.", want: none },
  { subject: "Re: Budget", text: "Could you send me the budget?\n\nThanks,\nPeter", want: is({ request: true }) },
  { subject: "Re: Budget", text: "Got the budget.\n\nThanks!\nPeter", want: is({ thanks: true }) },
  { subject: "Hi", text: "Can you help me with the pricing page? Thanks in advance.", want: is({ request: true }) },
  { subject: "Thanks!", text: "Lars and I met yesterday.", want: is({ thanks: true }) },
  // English: requests
  { subject: "Re: Plan", text: "Would you mind reviewing the draft before Friday?", want: is({ request: true }) },
  { subject: "Re: Plan", text: "Any chance you know someone at Novo?", want: is({ request: true }) },
  { subject: "Quick question", text: "I'm pricing my first workshop.", want: is({ request: true }) },
  { subject: "Re: Plan", text: "What would you charge for a one-day workshop?", want: is({ request: true }) },
  { subject: "Re: Plan", text: "How are you? All good here.", want: none },
  // English: giving
  { subject: "Intro: Anna <> Lars", text: "Let me introduce Lars, who runs a design studio.", want: is({ giving: true }) },
  { subject: "Re: Design", text: "I'd like you to meet Mette. I'm cc'ing her here.", want: is({ giving: true }) },
  { subject: "Re: Contract", text: "Here is the template we use. Attached as PDF.", want: is({ giving: true }) },
  { subject: "Re: Grants", text: "I found a grant that fits you, you might find this useful.", want: is({ giving: true }) },
  { subject: "Re: Work", text: "I recommended you to the team at Lego.", want: is({ giving: true }) },
  { subject: "Re: Work", text: "I referred a client your way last week.", want: is({ giving: true }) },
  // English: outreach
  {
    subject: "Hello from a fellow founder",
    text: "My name is Sara. We haven't met, but I'm reaching out because Lars suggested I contact you.",
    want: is({ outreach: true }),
  },
  {
    subject: "Coffee",
    text: "Let me introduce myself: I run a small bakery. Could we meet for coffee?",
    want: is({ outreach: true, request: true }),
  },
  { subject: "Profile", text: "I found your name on the speaker list.", want: none },
  // Danish: thanks
  { subject: "Sv: Intro", text: "Tusind tak for introduktionen til Lars!", want: is({ thanks: true }) },
  { subject: "Sv: Referat", text: "Mange tak, det var præcis det jeg manglede.", want: is({ thanks: true }) },
  { subject: "Sv: Møde", text: "Tak for i går, det var et godt møde.", want: is({ thanks: true }) },
  { subject: "Sv: Hjælp", text: "Jeg takker for hjælpen med regnskabet.", want: is({ thanks: true }) },
  { subject: "Sv: Tilbud", text: "Nej tak, vi har det dækket.", want: none },
  { subject: "Sv: Budget", text: "Kan du sende mig budgettet?\n\nTak,\nPeter", want: is({ request: true }) },
  { subject: "Sv: Budget", text: "Hej Anna, kan du hjælpe mig med prisen? På forhånd tak.", want: is({ request: true }) },
  { subject: "Tak", text: "Lars og jeg mødtes i går.", want: is({ thanks: true }) },
  // Danish: requests
  { subject: "Sv: Plan", text: "Vil du kigge på udkastet inden fredag?", want: is({ request: true }) },
  { subject: "Sv: Plan", text: "Har du mulighed for at mødes i næste uge?", want: is({ request: true }) },
  { subject: "Sv: Plan", text: "Kunne du give mig et par råd om prissætning?", want: is({ request: true }) },
  { subject: "Sv: Plan", text: "Hvad tager du for en workshop på en dag?", want: is({ request: true }) },
  { subject: "Sv: Plan", text: "Så kan du se, at tallene passer.", want: none },
  { subject: "Sv: Plan", text: "Hvordan går det? Her er alt fint.", want: none },
  { subject: "Sv: Referat", text: "Her er referatet fra mødet.", want: is({ giving: true }) },
  { subject: "Spørgsmål om moms", text: "Jeg er ny som selvstændig.", want: is({ request: true }) },
  // Danish: giving
  {
    subject: "Introduktion: Anna og Lars",
    text: "Må jeg introducere Lars, som driver et designstudie.",
    want: is({ giving: true }),
  },
  {
    subject: "Sv: Design",
    text: "Jeg vil gerne introducere dig for Mette, som jeg sætter på cc.",
    want: is({ giving: true }),
  },
  { subject: "Sv: Kontrakt", text: "Vedhæftet er den skabelon, vi bruger.", want: is({ giving: true }) },
  { subject: "Sv: Tilskud", text: "Jeg har fundet en pulje, der passer til dig.", want: is({ giving: true }) },
  { subject: "Sv: Opgave", text: "Jeg anbefalede dig til Lego i sidste uge.", want: is({ giving: true }) },
  { subject: "Sv: Opgave", text: "Jeg har givet dit navn videre til en kunde.", want: is({ giving: true }) },
  // Danish: outreach
  {
    subject: "Hej fra en anden iværksætter",
    text: "Jeg hedder Sara. Vi har ikke mødt hinanden, men jeg skriver til dig fordi Lars anbefalede det.",
    want: is({ outreach: true }),
  },
  {
    subject: "Kaffe",
    text: "Mit navn er Sara, og jeg driver et bageri. Har du tid til en kop kaffe?",
    want: is({ outreach: true, request: true }),
  },
  {
    subject: "Sv: Intro",
    text: "Tusind tak for introduktionen! Kan vi mødes torsdag?\n\nVenlig hilsen\nSara",
    want: is({ thanks: true, request: true }),
  },
];

describe("classifyIntent", () => {
  it.each(rows)("$subject | $text", ({ subject, text, want }) => {
    expect(classifyIntent({ subject, text })).toEqual(want);
  });

  it("ignores a reply subject someone else wrote", () => {
    expect(classifyIntent({ subject: "Re: Thanks for the intro", text: "See you Friday." })).toEqual(none);
  });

  it("a mail that says nothing but a thank-you sign-off still thanks", () => {
    expect(classifyIntent({ subject: "Sv: Referat", text: "Tak,\nPeter" })).toEqual(is({ thanks: true }));
  });
});
