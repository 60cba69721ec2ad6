import { describe, expect, it } from "vitest";
import { answeredSubject, hasForwardPrefix, hasReplyPrefix, isReplyOrForward, replySubject, stripSubjectTags } from "../../src/mail/subject";

describe("subject tags", () => {
  it.each([
    ["Re: Møde på fredag", true, false],
    ["SV: Møde på fredag", true, false],
    ["AW: Termin", true, false],
    ["Re[2]: Budget", true, false],
    ["Fwd: Intro", false, true],
    ["VS: Tilbud", false, true],
    ["WG: Angebot", false, true],
    ["[EXTERNAL] FW: Invoice", false, true],
    // Outlook's forward tags in Italian, Polish, Finnish, Romanian, Turkish, French, Spanish, Portuguese, Hungarian.
    ["I: Integer consequat", false, true],
    ["PD: Oferta", false, true],
    ["VL: Tarjous", false, true],
    ["Redir.: Ofertă", false, true],
    ["İLT: Teklif", false, true],
    ["TR: Devis", false, true],
    ["RV: Factura", false, true],
    ["ENC: Orçamento", false, true],
    ["TOV: Ajánlat", false, true],
    // And reply tags: Italian, Polish, Portuguese, Turkish.
    ["R: Contratto", true, false],
    ["Odp: Oferta", true, false],
    ["RES: Proposta", true, false],
    ["YNT: Toplantı", true, false],
    ["Reunion in May", false, false],
    ["Idea: a new offer", false, false],
    ["Svar på dit spørgsmål", false, false],
  ])("%s → reply %s, forward %s", (subject, reply, forward) => {
    expect(hasReplyPrefix(subject)).toBe(reply);
    expect(hasForwardPrefix(subject)).toBe(forward);
    expect(isReplyOrForward(subject)).toBe(reply || forward);
  });

  it("strips every tag down to the subject as first written", () => {
    expect(stripSubjectTags("SV: Fwd: Re: Møde")).toBe("Møde");
    expect(stripSubjectTags("[Ekstern] Re[3]: Budget 2027")).toBe("Budget 2027");
    expect(stripSubjectTags("Regnskab")).toBe("Regnskab");
  });

  it("adds one reply tag, and keeps a Danish or German one", () => {
    expect(replySubject("Week 48: all quiet")).toBe("Re: Week 48: all quiet");
    expect(replySubject("SV: Uge 48")).toBe("SV: Uge 48");
    expect(replySubject("")).toBe("Re: (no subject)");
  });
});

describe("answeredSubject: the subject of the mail a reply answers", () => {
  it("drops one tag, so a reply to a reply keeps a tag and says nothing of the mail it quotes", () => {
    expect(answeredSubject("SV: Re: Introduktion: Ali Yilmaz, Pizzeria Napoli")).toBe("Re: Introduktion: Ali Yilmaz, Pizzeria Napoli");
    expect(isReplyOrForward(answeredSubject("SV: Re: Introduktion: Ali Yilmaz"))).toBe(true);
    expect(answeredSubject("SV: Introduktion: Ali Yilmaz")).toBe("Introduktion: Ali Yilmaz");
    expect(answeredSubject("[Ekstern] AW: Angebot")).toBe("Angebot");
  });
});
