// Realistic histories played through simulated weeks: each digest sees the contacts as they stood that Monday.

import { describe, expect, it } from "vitest";
import type { Owner } from "../../src/db/schema";
import { type DigestCaps, planDigest } from "../../src/digest/decide";
import type { DigestPlan, Section } from "../../src/digest/types";
import { DAY, type History, type MailEvent, contactAt } from "../support/contact-history";

type Settings = Pick<Owner, "cadenceProfessionalDays" | "cadencePrivateDays" | "followUpDays">;
const defaultOwner: Settings = { cadenceProfessionalDays: null, cadencePrivateDays: null, followUpDays: 7 };

const at = (iso: string) => Date.parse(iso);
// Digest mornings: Monday 08:00 in Copenhagen (CET, UTC+1) from 2 November 2026. The rules only care about
// elapsed time, so the same UTC hour serves for summer Mondays too.
const FIRST_MONDAY = at("2026-11-02T08:00:00+01:00");
const monday = (week: number) => FIRST_MONDAY + week * 7 * DAY;

function digest(histories: History[], now: number, owner = defaultOwner, caps?: DigestCaps): DigestPlan {
  return planDigest({ contacts: histories.map((h) => contactAt(h, now)), owner, now, caps });
}

function items(plan: DigestPlan) {
  return plan.items.map(({ section, address, circle, evidence }) => ({ section, address, circle, evidence }));
}

const out = (iso: string, subject: string, flags: Partial<MailEvent> = {}): MailEvent => ({
  at: at(iso),
  direction: "out",
  subject,
  ...flags,
});
const inbound = (iso: string, subject: string, flags: Partial<MailEvent> = {}): MailEvent => ({
  at: at(iso),
  direction: "in",
  subject,
  ...flags,
});

describe("a contact who answered after a nudge", () => {
  const subject = "Kaffe og en snak om jeres designproces?";
  const anna: History = {
    contact: { id: 1, address: "anna@holm-design.dk", name: "Anna Holm" },
    mail: [
      out("2026-11-03T09:14:00+01:00", subject, { outreach: true }),
      out("2026-11-17T10:02:00+01:00", `Re: ${subject}`, { outreach: true }),
      inbound("2026-12-02T15:40:00+01:00", `Re: ${subject}`),
    ],
  };

  it("suggests following up once the week has passed, then the nudge, then nothing after her answer", () => {
    expect(items(digest([anna], monday(1)))).toEqual([]);
    expect(items(digest([anna], monday(2)))).toEqual([
      {
        section: "follow-up",
        address: "anna@holm-design.dk",
        circle: "professional",
        evidence: { what: "sent-no-reply", at: at("2026-11-03T09:14:00+01:00"), subject, days: 12, nudges: 0 },
      },
    ]);
    // The nudge went out on Tuesday 17 November; its week is not over by Monday the 23rd.
    expect(items(digest([anna], monday(3)))).toEqual([]);
    expect(items(digest([anna], monday(4)))).toEqual([
      {
        section: "follow-up",
        address: "anna@holm-design.dk",
        circle: "professional",
        evidence: {
          what: "sent-no-reply",
          at: at("2026-11-17T10:02:00+01:00"),
          subject: `Re: ${subject}`,
          days: 12,
          nudges: 1,
        },
      },
    ]);
    for (let week = 5; week <= 17; week++) expect(items(digest([anna], monday(week)))).toEqual([]);
  });

  it("suggests reconnecting a quarter after her answer, since one thread shows no rhythm yet", () => {
    expect(monday(18)).toBe(at("2027-03-08T08:00:00+01:00"));
    expect(items(digest([anna], monday(18)))).toEqual([
      {
        section: "reconnect",
        address: "anna@holm-design.dk",
        circle: "professional",
        evidence: {
          what: "quiet",
          at: at("2026-12-02T15:40:00+01:00"),
          subject: `Re: ${subject}`,
          days: 95,
          cadenceDays: 90,
        },
      },
    ]);
  });
});

describe("a thank-you already sent", () => {
  const bo: History = {
    contact: { id: 2, address: "bo@nordlys.dk", name: "Bo Madsen" },
    mail: [
      inbound("2026-11-04T11:20:00+01:00", "Introduktion: Mette fra Vækstfonden", { gave: true }),
      out("2026-11-04T19:05:00+01:00", "Re: Introduktion: Mette fra Vækstfonden", { thanks: true }),
    ],
  };
  const carla: History = {
    contact: { id: 3, address: "carla@fjord.io", name: "Carla Jensen" },
    mail: [
      inbound("2026-11-05T16:45:00+01:00", "The investor list you asked for", { gave: true }),
      out("2026-11-16T09:30:00+01:00", "Re: The investor list you asked for", { thanks: true }),
    ],
  };

  it("asks only for the thanks that was not sent, until it is", () => {
    const carlaThank = (days: number) => ({
      section: "thank",
      address: "carla@fjord.io",
      circle: "professional",
      evidence: { what: "gave", at: at("2026-11-05T16:45:00+01:00"), subject: "The investor list you asked for", days },
    });
    expect(items(digest([bo, carla], monday(1)))).toEqual([carlaThank(3)]);
    expect(items(digest([bo, carla], monday(2)))).toEqual([carlaThank(10)]);
    expect(items(digest([bo, carla], monday(3)))).toEqual([]);
  });
});

describe("a muted person", () => {
  const dorte: History = {
    contact: { id: 4, address: "dorte@kbh-revision.dk", name: "Dorte Lund" },
    mail: [
      out("2026-06-10T10:00:00+02:00", "Regnskab for første år"),
      inbound("2026-06-11T08:30:00+02:00", "Re: Regnskab for første år"),
      inbound("2026-10-28T13:05:00+01:00", "Spørgsmål om moms på konsulentydelser", { request: true }),
      inbound("2026-11-12T10:00:00+01:00", "Moms igen: omvendt betalingspligt?", { request: true }),
    ],
    commands: [{ at: at("2026-11-02T09:12:00+01:00"), set: { muted: true } }],
  };

  it("stays quiet from the moment she is muted, even when she asks again", () => {
    expect(items(digest([dorte], monday(0)))).toEqual([
      {
        section: "help",
        address: "dorte@kbh-revision.dk",
        circle: "professional",
        evidence: {
          what: "asked",
          at: at("2026-10-28T13:05:00+01:00"),
          subject: "Spørgsmål om moms på konsulentydelser",
          days: 4,
        },
      },
    ]);
    for (let week = 1; week <= 8; week++) expect(items(digest([dorte], monday(week)))).toEqual([]);
  });
});

describe("a snoozed person", () => {
  const erik: History = {
    contact: { id: 5, address: "erik@lindqvist.se", name: "Erik Lindqvist" },
    mail: [out("2026-10-27T14:30:00+01:00", "Nordic SaaS meetup: speaker slot?", { outreach: true })],
    // "snooze 1 18/11" in a reply to the digest of 9 November.
    commands: [{ at: at("2026-11-09T09:00:00+01:00"), set: { snoozedUntil: at("2026-11-18T00:00:00+01:00") } }],
  };
  const followUp = (days: number) => ({
    section: "follow-up",
    address: "erik@lindqvist.se",
    circle: "professional",
    evidence: {
      what: "sent-no-reply",
      at: at("2026-10-27T14:30:00+01:00"),
      subject: "Nordic SaaS meetup: speaker slot?",
      days,
      nudges: 0,
    },
  });

  it("leaves him out until the snooze date, then brings the item back", () => {
    expect(items(digest([erik], monday(0)))).toEqual([]);
    expect(items(digest([erik], monday(1)))).toEqual([followUp(12)]);
    expect(items(digest([erik], monday(2)))).toEqual([]);
    expect(items(digest([erik], monday(3)))).toEqual([followUp(26)]);
  });
});

describe("a private contact", () => {
  const frida: History = {
    contact: { id: 6, address: "frida.berg@gmail.com", name: "Frida Berg", circle: "private" },
    mail: [
      out("2026-03-08T10:00:00+01:00", "Fødselsdag i april?"),
      inbound("2026-03-09T18:30:00+01:00", "Re: Fødselsdag i april?"),
      inbound("2026-05-17T11:00:00+02:00", "Billeder fra turen"),
      out("2026-07-05T21:00:00+02:00", "Sommerhus i august?"),
      inbound("2026-09-20T20:15:00+02:00", "Re: Sommerhus i august?"),
    ],
  };
  const gorm: History = {
    // "cadence gorm@byggeraad.dk every 2 months"
    contact: { id: 7, address: "gorm@byggeraad.dk", name: "Gorm Nielsen", cadenceDays: 60 },
    mail: [
      out("2025-10-01T09:00:00+02:00", "Tilbud: rådgivning om tagrenovering"),
      inbound("2025-10-03T14:10:00+02:00", "Re: Tilbud: rådgivning om tagrenovering"),
      out("2026-01-15T08:45:00+01:00", "Status på projektet"),
      inbound("2026-01-16T13:00:00+01:00", "Re: Status på projektet"),
      inbound("2026-08-24T10:30:00+02:00", "Kontorlokaler i Aarhus"),
    ],
  };
  const hanne: History = {
    contact: { id: 8, address: "hanne@kontorfaellesskab.dk", name: "Hanne Kjær" },
    mail: [inbound("2026-10-30T12:00:00+01:00", "Ledigt skrivebord i fællesskabet", { gave: true })],
  };

  it("comes after every professional item, on the private circle's cadence", () => {
    const owner = { ...defaultOwner, cadencePrivateDays: 30 };
    expect(items(digest([frida, gorm, hanne], monday(0), owner))).toEqual([
      {
        section: "thank",
        address: "hanne@kontorfaellesskab.dk",
        circle: "professional",
        evidence: {
          what: "gave",
          at: at("2026-10-30T12:00:00+01:00"),
          subject: "Ledigt skrivebord i fællesskabet",
          days: 2,
        },
      },
      {
        section: "reconnect",
        address: "gorm@byggeraad.dk",
        circle: "professional",
        evidence: {
          what: "quiet",
          at: at("2026-08-24T10:30:00+02:00"),
          subject: "Kontorlokaler i Aarhus",
          days: 69,
          cadenceDays: 60,
        },
      },
      {
        section: "reconnect",
        address: "frida.berg@gmail.com",
        circle: "private",
        evidence: {
          what: "quiet",
          at: at("2026-09-20T20:15:00+02:00"),
          subject: "Re: Sommerhus i august?",
          days: 42,
          cadenceDays: 30,
        },
      },
    ]);
  });

  it("waits for her usual rhythm when the owner has set no private cadence", () => {
    // Five mails from 8 March to 20 September: a gap of 49 days, so she is not due 42 days after the last.
    expect(items(digest([frida], monday(0))).map((i) => i.address)).toEqual([]);
    expect(items(digest([frida], monday(1)))).toEqual([
      {
        section: "reconnect",
        address: "frida.berg@gmail.com",
        circle: "private",
        evidence: {
          what: "quiet",
          at: at("2026-09-20T20:15:00+02:00"),
          subject: "Re: Sommerhus i august?",
          days: 49,
          cadenceDays: 49,
        },
      },
    ]);
  });
});

describe("the caps", () => {
  // A busy week: everyone below is a two-way professional tie known since spring, with one fresh reason.
  function tie(id: number, address: string, mail: MailEvent[], extra: Partial<History["contact"]> = {}): History {
    return {
      contact: { id, address, ...extra },
      mail: [
        out("2026-03-02T10:00:00+01:00", "Hej fra Gensidig-netværket"),
        inbound("2026-03-03T10:00:00+01:00", "Re: Hej fra Gensidig-netværket"),
        ...mail,
      ],
    };
  }
  const gift = (id: number, address: string, iso: string) =>
    tie(id, address, [inbound(iso, `Anbefaling fra ${address}`, { gave: true })]);
  const question = (id: number, address: string, iso: string) =>
    tie(id, address, [inbound(iso, `Spørgsmål fra ${address}`, { request: true })]);
  const outreach = (id: number, address: string, iso: string) =>
    tie(id, address, [out(iso, `Forslag til ${address}`, { outreach: true })]);
  // Quiet since 24 August, 70 days before the digest, each on its own explicit cadence.
  const quiet = (id: number, address: string, cadenceDays: number) =>
    tie(id, address, [out("2026-08-24T09:00:00+02:00", "Tak for snakken")], { cadenceDays });

  const thanks = [
    gift(10, "lars@bager.dk", "2026-10-30T09:00:00+01:00"),
    gift(11, "maja@tegnestue.dk", "2026-10-26T09:00:00+01:00"),
    gift(12, "nils@revisor.dk", "2026-10-28T09:00:00+01:00"),
    gift(13, "olga@it-hjaelp.dk", "2026-10-27T09:00:00+01:00"),
    gift(14, "per@foto.dk", "2026-10-29T09:00:00+01:00"),
  ];
  const questions = [
    question(20, "rikke@yoga.dk", "2026-10-31T09:00:00+01:00"),
    question(21, "sara@advokat.dk", "2026-10-29T09:00:00+01:00"),
    question(22, "tine@marketing.dk", "2026-10-30T09:00:00+01:00"),
    question(23, "ulla@kommune.dk", "2026-10-28T09:00:00+01:00"),
  ];
  const followUps = [
    outreach(30, "viggo@invest.dk", "2026-10-18T09:00:00+02:00"),
    outreach(31, "william@agency.io", "2026-10-10T09:00:00+02:00"),
    outreach(32, "xenia@studio.dk", "2026-10-22T09:00:00+02:00"),
    outreach(33, "yrsa@forlag.dk", "2026-10-14T09:00:00+02:00"),
  ];
  const quietTies = [
    quiet(40, "zacharias@cowork.dk", 60),
    quiet(41, "aase@konsulent.dk", 30),
    quiet(42, "birk@design.dk", 45),
    quiet(43, "cecilie@event.dk", 40),
  ];

  it("keeps at most three per section and ten in all, reconnect giving way first", () => {
    const plan = digest([...quietTies, ...followUps, ...questions, ...thanks], monday(0));
    expect(plan.items.map((i) => [i.section, i.address, i.evidence.at])).toEqual([
      ["thank", "maja@tegnestue.dk", at("2026-10-26T09:00:00+01:00")],
      ["thank", "olga@it-hjaelp.dk", at("2026-10-27T09:00:00+01:00")],
      ["thank", "nils@revisor.dk", at("2026-10-28T09:00:00+01:00")],
      ["help", "ulla@kommune.dk", at("2026-10-28T09:00:00+01:00")],
      ["help", "sara@advokat.dk", at("2026-10-29T09:00:00+01:00")],
      ["help", "tine@marketing.dk", at("2026-10-30T09:00:00+01:00")],
      ["follow-up", "william@agency.io", at("2026-10-10T09:00:00+02:00")],
      ["follow-up", "yrsa@forlag.dk", at("2026-10-14T09:00:00+02:00")],
      ["follow-up", "viggo@invest.dk", at("2026-10-18T09:00:00+02:00")],
      ["reconnect", "aase@konsulent.dk", at("2026-08-24T09:00:00+02:00")],
    ]);
    expect(plan.leftOut).toEqual({ thank: 2, help: 1, "follow-up": 1, reconnect: 3 });
  });

  it("fills with later sections when earlier ones have fewer than three", () => {
    const plan = digest([...quietTies, ...thanks.slice(0, 1)], monday(0));
    expect(plan.items.map((i) => [i.section, i.address, i.evidence.cadenceDays])).toEqual([
      ["thank", "lars@bager.dk", undefined],
      ["reconnect", "aase@konsulent.dk", 30],
      ["reconnect", "cecilie@event.dk", 40],
      ["reconnect", "birk@design.dk", 45],
    ]);
    expect(plan.leftOut).toEqual({ thank: 0, help: 0, "follow-up": 0, reconnect: 1 });
  });

  it("takes the owner's caps", () => {
    const plan = digest([...quietTies, ...followUps, ...questions, ...thanks], monday(0), defaultOwner, {
      perSection: 1,
      total: 2,
    });
    expect(plan.items.map((i) => [i.section, i.address])).toEqual([
      ["thank", "maja@tegnestue.dk"],
      ["help", "ulla@kommune.dk"],
    ]);
    expect(plan.leftOut).toEqual({ thank: 4, help: 3, "follow-up": 4, reconnect: 4 });
  });

  it("leaves nothing out when every section fits", () => {
    expect(digest(thanks.slice(0, 3), monday(0)).leftOut).toEqual({ thank: 0, help: 0, "follow-up": 0, reconnect: 0 });
  });
});

describe("a one-way contact", () => {
  const gustav: History = {
    contact: { id: 50, address: "gustav@startup-hub.dk", name: "Gustav Ravn" },
    mail: [out("2026-09-01T10:30:00+02:00", "Mentorordning for nye iværksættere", { outreach: true })],
  };
  const FIRST = at("2026-09-07T08:00:00+02:00");
  const mondayFrom = (week: number) => FIRST + week * 7 * DAY;

  it("is a weak tie followed up for eight weeks, then left alone, and never offered for reconnecting", () => {
    expect(digest([gustav], mondayFrom(0)).items).toEqual([]);
    const first = digest([gustav], mondayFrom(1)).items;
    expect(first.map(({ section, strength, evidence }) => ({ section, strength, evidence }))).toEqual([
      {
        section: "follow-up",
        strength: 2,
        evidence: {
          what: "sent-no-reply",
          at: at("2026-09-01T10:30:00+02:00"),
          subject: "Mentorordning for nye iværksættere",
          days: 12,
          nudges: 0,
        },
      },
    ]);
    // Due on 8 September; the Monday of 2 November is the eighth digest after that, the last one.
    for (let week = 2; week <= 8; week++) {
      const plan = digest([gustav], mondayFrom(week));
      expect(plan.items.map((i) => [i.section, i.strength])).toEqual([["follow-up", 2]]);
    }
    for (let week = 9; week <= 60; week++) expect(digest([gustav], mondayFrom(week)).items).toEqual([]);
  });
});

describe("someone whose gift was thanked, then who gave again", () => {
  const ida: History = {
    contact: { id: 60, address: "ida@sommer-legal.dk", name: "Ida Sommer" },
    mail: [
      inbound("2026-11-03T14:20:00+01:00", "Kontraktskabelon til freelanceaftaler", { gave: true }),
      out("2026-11-09T12:00:00+01:00", "Re: Kontraktskabelon til freelanceaftaler", { thanks: true }),
      inbound("2026-11-18T09:05:00+01:00", "Re: Kontraktskabelon til freelanceaftaler – og en NDA", { gave: true }),
      out("2026-11-24T08:40:00+01:00", "Tusind tak igen!", { thanks: true }),
      out("2026-12-01T10:15:00+01:00", "Et tip til dig: Erhvervsstyrelsens nye vejledning", { giving: true }),
    ],
  };
  const sections = (week: number) =>
    digest([ida], monday(week)).items.map(({ section, evidence }) => ({ section, evidence }));

  it("asks for thanks for each gift, then what the owner can give back, until the owner does", () => {
    expect(sections(1)).toEqual([
      {
        section: "thank",
        evidence: {
          what: "gave",
          at: at("2026-11-03T14:20:00+01:00"),
          subject: "Kontraktskabelon til freelanceaftaler",
          days: 5,
        },
      },
    ]);
    expect(sections(2)).toEqual([]);
    expect(sections(3)).toEqual([
      {
        section: "thank",
        evidence: {
          what: "gave",
          at: at("2026-11-18T09:05:00+01:00"),
          subject: "Re: Kontraktskabelon til freelanceaftaler – og en NDA",
          days: 4,
        },
      },
    ]);
    expect(sections(4)).toEqual([
      {
        section: "help",
        evidence: {
          what: "balance",
          at: at("2026-11-18T09:05:00+01:00"),
          subject: "Re: Kontraktskabelon til freelanceaftaler – og en NDA",
          days: 11,
          gave: 2,
          got: 0,
        },
      },
    ]);
    expect(sections(5)).toEqual([]);
  });
});

describe("giving up after two unanswered nudges", () => {
  const subject = "Samarbejde om kaffe til netværksmøder?";
  const jens: History = {
    contact: { id: 70, address: "jens@havnens-kaffe.dk", name: "Jens Bech" },
    mail: [
      // Sent with gensidig+5d in BCC.
      out("2026-11-03T10:00:00+01:00", subject, { outreach: true, followUpDays: 5 }),
      out("2026-11-10T09:30:00+01:00", `Re: ${subject}`, { outreach: true }),
      out("2026-11-24T09:15:00+01:00", `Re: ${subject}`, { outreach: true }),
    ],
  };
  const followUps = (week: number): [Section, number | null, number | undefined][] =>
    digest([jens], monday(week)).items.map((i) => [i.section, i.evidence.at, i.evidence.nudges]);

  it("suggests the first and the second nudge, and nothing after the second goes unanswered", () => {
    expect(followUps(1)).toEqual([["follow-up", at("2026-11-03T10:00:00+01:00"), 0]]);
    expect(followUps(2)).toEqual([]);
    expect(followUps(3)).toEqual([["follow-up", at("2026-11-10T09:30:00+01:00"), 1]]);
    for (let week = 4; week <= 40; week++) expect(followUps(week)).toEqual([]);
  });
});
