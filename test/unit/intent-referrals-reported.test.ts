// Referrals the referrer reports: the writer tells the reader they sent someone their way. Written as a person
// would read them before the rules were looked at: each positive is the writer's own gift (a thank is owed), each
// negative is not (offered only, someone else's doing, advice to the reader, or business about the reader's offer).
import { describe, expect, it } from "vitest";
import { classifyIntent } from "../../src/mail/intent";

const given = (text: string) => classifyIntent({ subject: "Hej", text }).gift;

describe("a referral the writer made, in the words people use", () => {
  it.each([
    "I told my agent, Claire Dubois, that you are the only translator I want for the next novel.",
    "I told both families you were the person to see and to mention my name when they ring.",
    "Our people team asked where the new hires should learn Portuguese. I sent them straight to your evening groups.",
    "I've passed your details to our operations manager, Priya; she should be in touch this week.",
    "My sister-in-law needs a bookkeeper, so I gave her your website.",
    "I pointed the organisers in your direction for the keynote.",
    "I put you forward for the panel at the Leeds summit.",
    "Told my cousin Renée all about your studio, so expect her at the front desk soon.",
    "We've added you to our list of recommended suppliers that goes to every new client.",
    "Good news: we've added Wild Oak Florals to our 2027 preferred supplier list.",
    "We loved your lookbook, and I'm happy to say we've added Wild Oak Florals to our preferred supplier list for 2027.",
    "I suggested your name to the committee yesterday.",
    "Jeg har anbefalet jer til min svoger Ole, som mangler en revisor.",
    "The Ridley Trust people asked me who writes the strongest grant narratives and your name was out of my mouth.",
    "Jeg har lige skrevet til min gamle kollega Louise Kjær hos Nordjysk Tømrer om dig.",
    "Jeg har sagt til min nabo, at du er den bedste til den slags.",
    "Jeg har sendt en kunde videre til dig.",
    "Vi har sat jer på vores liste over anbefalede leverandører.",
    "Jeg nævnte jer for indkøbschefen hos Arla i går.",
    "Ich habe dich meinem Kollegen Jens empfohlen.",
    "Jeg sendte i øvrigt dit deck til Mads Winther hos Seed Fyn i går med et par ord om dig.",
    "I forwarded your proposal to our CFO with a few kind words about you.",
    "Han vil gerne tage en snak – skriv til ham på mads@seedfyn.dk og nævn mig.",
    "Drop her a line and say I sent you.",
  ])("%s", (text) => expect(given(text)).toBe("referral"));
});

describe("not the writer's referral", () => {
  it.each([
    "I'll mention you to her when I see her next week.",
    "You should get in touch with Maria, she knows everyone.",
    "Maria told me about you, so I thought I'd write.",
    "I told my team about your proposal and we will get back to you next week.",
    "Could you recommend me to your colleague?",
    "We've added you to our mailing list for the spring newsletter.",
    "Jeg vil gerne anbefale jer til andre.",
    "He said you were the person to ask about VAT.",
    "Rasmus (Holt, fra din gamle klatreklub) gav mig din mail og sagde, at du var den rette at spørge.",
    "Gitte Lauritzen har givet mig dit navn og sagde du er den rette til tekniske tekster på tysk.",
    "Mads Kjær gav mig din adresse og sagde, at du er den bedste i byen til onboarding.",
    "Jeg hedder Sofie. Per Thomsen, som er vores revisor, sagde, at jeg skulle skrive til dig – han mente, du var den rette.",
    "I left the parcel with the neighbour, with a note for you on the door.",
    "Send us your CV with a few words about yourself.",
    "Skriv gerne et par ord om dig selv, og nævn hvilke datoer du kan.",
  ])("%s", (text) => expect(given(text)).not.toBe("referral"));
});

describe("a referral the writer made, in Swedish and Norwegian", () => {
  it.each([
    "Jag har också tipsat Karin Ahl på Moderna Museet Malmö om dig.",
    "Jag har rekommenderat dig till vår grannbyrå.",
    "Jeg har anbefalt deg til en venn som trenger en arkitekt.",
  ])("%s", (text) => expect(given(text)).toBe("referral"));
  it.each(["Karin tipsade mig om dig, så jag hör av mig.", "Jeg fikk navnet ditt av Kari, hun anbefalte deg varmt."])("not the writer's: %s", (text) =>
    expect(given(text)).not.toBe("referral"),
  );
});

describe("something given for nothing, in more languages", () => {
  it.each([
    "Ich habe euch 2 kg zum Probieren zurückgelegt, kostenlos – die gehen morgen mit der Lieferung mit.",
    "Die Muster sind heute an euch raus, natürlich umsonst.",
    "So there's a box on its way to you: a kilo of the house blend and a mug for the studio.",
    "Je t'ai mis de côté deux kilos d'émail, c'est offert.",
  ])("%s", (text) => expect(given(text)).toBe("help"));
  it.each(["Your invoice is on its way to you by post.", "Der Versand ist ab 50 € kostenlos, die Rechnung liegt bei."])("not a gift: %s", (text) =>
    expect(given(text)).toBeNull(),
  );
});

describe("a courtesy after something delivered asks nothing", () => {
  it.each([
    "All eight tracks are done and in the Dropbox folder, with a bonus theme on the house. Send me the trailer when it's out!",
    "Her er de færdige billeder. Send mig gerne et link, når siden er live!",
    "20 m² of felt panels are on their way, no invoice, it is on us. Send me a picture when it's up!",
  ])("%s", (text) => expect(classifyIntent({ subject: "Hej", text }).request).toBe(false));
  it("a real ask still asks", () => expect(classifyIntent({ subject: "Hej", text: "Could you send me the trailer by Friday?" }).request).toBe(true));
});

describe("a question that answers itself asks nothing", () => {
  it.each([
    ["Thank you!!", "Thank you for fitting me in before the race, I finished 9th! How do you always have exactly the right part on the shelf?"],
    ["SV: Nyt logo", "Hvor er det dejligt! Er det ikke vildt, hvor meget en farve kan gøre? God vind med lanceringen."],
    ["Re: Launch", "Isn't it amazing how much a colour can do? Good luck with the launch."],
  ])("%s", (subject, text) => expect(classifyIntent({ subject, text }).request).toBe(false));
  it.each([
    ["Re: Launch", "Isn't it amazing how much a colour can do? Could you send me the file by Friday?"],
    ["Printer", "How do you always get the colours right? Which paper do you use for the posters?"],
  ])("a real question beside it still asks: %s", (subject, text) => expect(classifyIntent({ subject, text }).request).toBe(true));
});

describe("a disclaimer below the signature leaves the sign-off a sign-off", () => {
  const ask = "Hola Lucía:\n\n¿Nos podéis enviar el presupuesto para 2026-27 antes del 30 de abril?\n\nGracias,\nCarmen\n\nCarmen Soler\nDirectora | Hotel Casa Lonja\nTel. 963 00 41 22";
  it.each([
    ["no footer", ask],
    ["Spanish eco footer", `${ask}\n\nAntes de imprimir este correo electrónico, piense si es necesario hacerlo.`],
    ["English eco footer", `${ask}\n\nPlease consider the environment before printing this email.`],
    ["legal disclaimer", `${ask}\n\nEste mensaje es confidencial y está dirigido únicamente a su destinatario.`],
  ])("%s: the closing 'Gracias,' thanks no one and the question asks", (_label, text) => {
    expect(classifyIntent({ subject: "Mantenimiento 2026-27", text })).toMatchObject({ thanks: false, request: true });
  });
});

describe("someone else's need told to the reader asks nothing of them", () => {
  it.each([
    "Marisol Vega at Fieldhouse Coffee Roasters needs a copywriter for their new bag packaging, and I gave her your name.",
    "Min nabo Lars mangler en tømrer til sit tag, så jeg gav ham dit nummer.",
  ])("%s", (text) => expect(classifyIntent({ subject: "Hej", text }).explicitRequest).toBe(false));
  it.each(["I need your sign-off on the quote before Friday.", "Anna needs your invoice by Friday."])("the writer's own need, or one with a date, still asks: %s", (text) =>
    expect(classifyIntent({ subject: "Hej", text }).request).toBe(true),
  );
});

describe("the review's counterexamples: what still asks, and what is no gift, referral or thanks owed", () => {
  it.each([
    "Could you send us the final report once it is done?",
    "How do you keep track of VAT on EU invoices?",
    "Hvordan gør du det med moms på udenlandske fakturaer?",
    "Hi,\n\nThis is confidential for now – could you tell me whether you'd take the job?",
  ])("asks: %s", (text) => expect(classifyIntent({ subject: "Hej", text }).request).toBe(true));
  it.each(["Ab 50 € ist der Versand kostenlos.", "Testen Sie 30 Tage kostenlos.", "Your package is on its way to you."])("no gift: %s", (text) =>
    expect(given(text)).toBeNull(),
  );
  it("a referral by someone who gave the writer the reader's mail, with 'i går' in it, is theirs", () =>
    expect(given("Mads Kjær gav mig din mail i går og sagde, at du er den bedste til den slags.")).not.toBe("referral"));
});
