// What a mail means for each person in it, given what the owner's data already says of them. Pure: the
// understood events and what is known of the people in, the contact deltas out. Structure comes first and
// wording second: an introduction is a contact writing to the owner and someone new together; what the
// owner asked for is material (an attachment, a link, an address) that arrives in answer to the owner's request.
import type { ContactDelta, ContactEvent, FollowUpReason, InboundDelta, IntroducedPerson, ReferralCredit } from "../db/records";
import { isGroupAddress, isRoleAddress, sameOrganisation } from "../names";
import { aboutBusiness, asksAFavour } from "../mail/intent";
import { DAY_MS } from "../time";
import { HANDFUL_RECIPIENTS } from "./understand";

/** Material counts as what the owner asked for when it arrives within this long of the request. */
// Sixty days: a template or a price list can take weeks; it still has to be their first gift since the request.
export const ASKED_FOR_WINDOW_MS = 60 * DAY_MS;
/** A favour promised in answer to the owner's ask comes within two weeks of it; the finished work a week or more later. */
const PROMISE_ANSWERS_WITHIN_MS = 14 * DAY_MS;
const DELIVERED_AFTER_MS = 7 * DAY_MS;

/** What is known of a person before this mail: enough to tell new from known, and an open request of the owner's. */
export interface KnownPerson {
  /** How many mails have gone between them and the owner, in either direction (none: a stranger), and the latest one's time. */
  mailCount: number;
  lastAt: number | null;
  lastYouAskedAt: number | null;
  /** That request was a question (advice, information): a substantial reply to it is an answer given. */
  lastYouAskedQuestion: boolean;
  /** …and a question for know-how ("which invoicing program do you use?"): a brief answer to it is help given. */
  lastYouAskedAdvice: boolean;
  lastInboundAt: number | null;
  /** Their latest request of the owner, and the owner's latest mail to them: an open request is one not answered since. */
  lastTheyAskedAt: number | null;
  lastOutboundAt: number | null;
  /** Their latest gift: what the owner asked for is given once. */
  lastTheyGaveAt: number | null;
}

export type KnownPeople = Map<string, KnownPerson>;

/** Mail has gone between them and the owner, in either direction. */
function exchanged(person: KnownPerson | undefined): boolean {
  return (person?.mailCount ?? 0) > 0;
}

export interface Judgement {
  /** The events with what the judgement added (a structural gift, a first contact), for the interactions. */
  events: ContactEvent[];
  deltas: ContactDelta[];
  introduced: IntroducedPerson[];
}

/**
 * A newcomer's mail naming the referrer this long after the referrer's own last gift is most likely that gift told
 * again ("I've given Sofie your name", then Sofie writes): it is credited once.
 */
const REFERRAL_TOLD_TWICE_MS = 30 * DAY_MS;
/** A tie of this many mails, quiet this long, is a relationship to pick up again rather than a referrer to thank. */
const CLOSE_TIE_MAILS = 6;
const QUIET_TIE_MS = 42 * DAY_MS;

/**
 * The referrals a mail tells of: a newcomer writing for the first time, who names someone the owner knows (by full
 * name, or by first name and firm) as the one who sent them (ingest/namesakes.ts). The credit is the referrer's, dated by the newcomer's mail.
 * Read against `known` before this mail's judgement, which records the newcomer as known.
 */
export function referralCredits(events: ContactEvent[], known: KnownPeople): ReferralCredit[] {
  const out: ReferralCredit[] = [];
  for (const e of events) {
    // "Long time no speak. Sarah at Arden said you would be the one to ask": someone picking up again is no newcomer.
    if (e.direction !== "in" || !e.referrerAddress || e.isReply || e.intent.catchUp || exchanged(known.get(e.address))) continue;
    const referrer = known.get(e.referrerAddress);
    if (!referrer || !exchanged(referrer)) continue;
    if (referrer.lastTheyGaveAt !== null && Math.abs(e.at - referrer.lastTheyGaveAt) < REFERRAL_TOLD_TWICE_MS) continue;
    // A close tie gone quiet is due a reconnect, and the newcomer they sent is the occasion for it: people reading
    // the digest expect them there, not as a debt of thanks.
    if (referrer.mailCount >= CLOSE_TIE_MAILS && e.at - (referrer.lastAt ?? 0) > QUIET_TIE_MS) continue;
    out.push({ address: e.referrerAddress, at: e.at, subject: e.subject, detail: e.name ?? e.address });
  }
  return out;
}

/** A first mail that asks nothing expects an answer only when written to one or two people. */
export const FIRST_CONTACT_MAX_RECIPIENTS = 2;

/**
 * Why an outbound mail expects an answer, or null. A reminder address (+Nd) always does; an announcement to
 * more than a handful, or a copy to someone in Cc, never does; a proposal, a request or a nudge does; a
 * thank-you asks nothing unless it says so in words; a question does, in a greeting too; a first contact does
 * unless it is a greeting. Confirmations and answers fall through to null.
 */
export function followUpReason(e: ContactEvent, firstContact: boolean, answersTheirRequest = false): FollowUpReason | null {
  // Cc keeps someone informed; the answer is expected from the people the mail was written to, +Nd or not.
  if (e.cc) return null;
  if (e.followUpDays !== null) return "reminder";
  if (e.recipientCount > HANDFUL_RECIPIENTS) return null;
  // Mail to a list address ("students@…", "alle@…") is an announcement to everyone on it.
  if (isGroupAddress(e.address)) return null;
  const i = e.intent;
  if (i.proposal) return "proposal";
  // The owner's answer to their open request ("Yes, 9 till 12 is perfect, and the piano unlocked would be
  // wonderful"; "here is the translation, send the other four") waits for nothing unless it asks a question outright.
  // Naming a time for the help they asked for ("Selvfølgelig! Tirsdag d. 1. kl. 16 hos mig?") is theirs to take up;
  // a price with a start date ("4.900 kr. om måneden. Passer det at starte 1. januar?") is business that waits for a yes.
  if (answersTheirRequest) return i.questionMark && (!i.scheduling || i.prices) ? "question" : null;
  // A nudge on one's own unanswered mail ("just checking this reached you") still waits for that answer.
  if (i.explicitRequest || i.nudge) return "question";
  // …unless the intent reads it as a request all the same: a question announced or asked outright ("Har I stadig
  // plads til en keramiker?", "one more question: …?", "Hätten Sie … Zeit?"), or thanks said to someone other than the
  // one it asks.
  if (i.thanks && !i.request) return null;
  // A greeting expects nothing, unless it also asks ("congratulations on the launch — would a call be useful?").
  if (i.request) return "question";
  if (i.greeting) return null;
  // A first contact is outreach to a person. A first note that asks nothing informs when it goes to a few people
  // at once ("Juleafslutning fredag kl. 14"), greets a group ("Hi all", to a list address the rules do not know),
  // confirms what was arranged by other means ("Confirmed for Tuesday 7am"), only hands something over ("here is
  // the December rota"; not a stranger's "my name is …, here is my portfolio") or goes to a firm's desk ("kontakt@…").
  const informs = i.confirms || i.toAll || (i.handsOver && !i.outreach && !i.pitch);
  if (firstContact && e.recipientCount <= FIRST_CONTACT_MAX_RECIPIENTS && !informs && !isRoleAddress(e.address)) return "first-contact";
  return null;
}

/**
 * The owner's answer is a promise and nothing more: "Of course. Let me have a proper think and I'll write properly at
 * the weekend". Not one that hands something over, thanks, asks back ("send it, I'll look at it at the weekend"), or
 * is business (a quote promised for Friday), and never a call promised ("jeg ringer i morgen"), which settles it by phone.
 */
function onlyPromises(e: ContactEvent): boolean {
  const i = e.intent;
  // A reply or an answer in words may be the promise itself; a file, a link or a contact is not, nor a brief yes, which
  // is the answer ("Ja, det gør vi. Jeg skriver til dig, når jeg kender min uge"; measured: 2 more wrong, none found).
  const deliversMaterial = e.material !== null && e.material.kind !== "answer" && e.material.kind !== "reply";
  if (!i.promises || deliversMaterial || i.giving || i.thanks || i.request || i.prices || i.transaction) return false;
  return !aboutBusiness(e.subject);
}

function displayName(a: { address: string; name?: string | null }): string {
  return a.name?.trim() || a.address;
}

function judgeInbound(e: ContactEvent, known: KnownPeople): { event: ContactEvent; delta: InboundDelta; introduced: IntroducedPerson[] } {
  // Mail to more than a handful (workshop slides to the attendees, a round-robin) gives and asks nobody in particular.
  // …unless it asks the owner by name: a network's programme mail that asks only "Karoline" for the talk.
  if (e.recipientCount > HANDFUL_RECIPIENTS) {
    const asked = !!e.asksOwnerByName;
    const event = { ...e, intent: { ...e.intent, giving: false, request: asked } };
    return { event, delta: { at: e.at, subject: e.subject, gift: null, request: asked, referredBy: false }, introduced: [] };
  }
  const intent = e.intent;
  let gift: InboundDelta["gift"] = intent.gift ? { kind: intent.gift, detail: intent.giftDetail } : null;
  const introduced: IntroducedPerson[] = [];
  // Structure: written to the owner and to someone the owner has never exchanged mail with, together. A reply
  // within a running thread that adds a colleague is an introduction only when its words say so.
  // A desk or a list ("hello@" of their own firm, "alle@") is no person they introduce.
  // Without words that introduce, neither a note to a group ("Hej allesammen", to five of the club) nor the
  // writer's own colleagues copied in on what they ask of the owner ("Kan du stemme flyglerne? Mads og Ida har
  // nøgler og er med her") introduce anyone. A colleague in a mail that asks nothing may well be ("Hannah <> Raj").
  const byWords = intent.gift === "introduction";
  const copiedColleague = (address: string) => intent.request && sameOrganisation(address, e.address);
  const newPeople = e.alongside.filter(
    (p) => !exchanged(known.get(p.address)) && !isRoleAddress(p.address) && (byWords || !copiedColleague(p.address)),
  );
  // Nor does a newcomer who says who sent them, copying that person in ("Emma suggested I reach out", Emma in Cc):
  // they come through the network, they do not bring someone into it.
  if (newPeople.length > 0 && (byWords || (!e.isReply && !intent.toAll && !intent.referredBy))) {
    gift = { kind: "introduction", detail: newPeople.map(displayName).join(", ") };
    for (const p of newPeople) introduced.push({ address: p.address, name: p.name ?? null, at: e.at, by: displayName({ address: e.address, name: e.name }) });
  }
  // The owner's own note above the forward says a favour was done ("Need to thank her"): their word is evidence.
  if (gift === null && e.ownerOwesThanks) gift = { kind: "help", detail: null };
  // …and so is a note that says only an answer is owed ("I need to answer her about the menus"), over the words of a mail
  // that gives and asks at once ("Sent two more your way … a small favour: could I leave menus by your till"). An
  // introduction, shown by the mail's structure, still stands.
  if (gift !== null && gift.kind !== "introduction" && e.ownerOwesAnswer && !e.ownerOwesThanks) gift = null;
  // What the owner asked for: material in a reply of theirs to the owner's recent request, the first gift from
  // them since (a "let me check and come back to you" may come first). A new mail of theirs with an attachment,
  // not a reply, is their own business, not the answer, unless it is the first word from them since the owner's
  // question and its words hand it over ("Her er et udvalg på 42 billeder fra lørdag: https://we.tl/…").
  const person = known.get(e.address);
  const askedAt = person?.lastYouAskedAt ?? null;
  // A file or a link their words hand over, in a mail that neither asks, prices nor pitches.
  const handsOverMaterial =
    (e.material?.kind === "file" || e.material?.kind === "link") && intent.handsOver && !intent.request && !intent.prices && !intent.pitch && !intent.outreach;
  const handedOverFresh =
    !e.isReply && handsOverMaterial && person?.lastYouAskedQuestion === true && askedAt !== null && askedAt > (person?.lastInboundAt ?? 0);
  if (
    e.material !== null &&
    (e.isReply || handedOverFresh) &&
    askedAt !== null &&
    e.at >= askedAt &&
    e.at - askedAt <= ASKED_FOR_WINDOW_MS &&
    askedAt > (person?.lastTheyGaveAt ?? 0) &&
    (gift === null || gift.kind === "help") &&
    // A substantial reply answers a question of the owner's; after a time, a proposal or a pitch it is just a reply.
    (e.material.kind !== "reply" || person?.lastYouAskedQuestion === true) &&
    (e.material.kind !== "brief" || person?.lastYouAskedAdvice === true)
  ) {
    // Advice written out is help; a file, a link or a contact is the thing they were asked for.
    gift = e.material.kind === "answer" || e.material.kind === "reply" || e.material.kind === "brief" ? { kind: "help", detail: null } : { kind: "asked-for", detail: e.material.name };
  }
  // A favour promised, then delivered: they answered the owner's request with a gift within days ("du skal ikke
  // betale noget, det er min åbningsgave"), and a week or more later hand over the finished work in a mail of its own
  // ("Så er de færdige! I den vedhæftede zip ligger de endelige trykfiler"), or say it is done ("All done! Saw all seven
  // yesterday", after covering the owner's clinic). The delivery is the favour itself, owed its own thanks; the thanks
  // for the yes came before it. A corrected version sent on the thread is no new favour.
  const gaveAt = person?.lastTheyGaveAt ?? null;
  const delivered = (!e.isReply && handsOverMaterial) || (intent.reportsDone && !intent.request && !intent.transaction);
  if (
    gift === null &&
    delivered &&
    askedAt !== null &&
    gaveAt !== null &&
    gaveAt >= askedAt &&
    gaveAt - askedAt <= PROMISE_ANSWERS_WITHIN_MS &&
    e.at - gaveAt >= DELIVERED_AFTER_MS &&
    e.at - askedAt <= ASKED_FOR_WINDOW_MS
  ) {
    gift = e.material && handsOverMaterial ? { kind: "asked-for", detail: e.material.name } : { kind: "help", detail: null };
  }
  // What they ask inside their answer to the owner is part of that answer, not a new debt: advice that holds a
  // request, an answer that ends on a question ("who designs these rules?"), a reply to the owner's invitation
  // that only proposes a time, a yes that asks back with a question mark ("should I keep the whole day free?").
  // A request worded as one, in an answer to the owner, still asks.
  const answeringTheOwner = e.isReply && askedAt !== null && askedAt > (person?.lastInboundAt ?? 0);
  // A glad yes to the owner's ask for a favour is the favour: "Selvfølgelig! Happy to" to "Would you be a reference
  // for me?", "Of course. I'll take all four" to "Can you cover 24-28 Feb?". What it asks to make it happen ("giv dem
  // bare mit direkte nummer") belongs to the yes. Not on a thread about a quote, an order or a booking.
  const agreedToAFavour =
    gift === null &&
    answeringTheOwner &&
    e.at >= askedAt &&
    e.at - askedAt <= ASKED_FOR_WINDOW_MS &&
    intent.agrees &&
    !intent.prices &&
    asksAFavour(e.subject) &&
    !aboutBusiness(e.subject);
  const askedInTheAnswer =
    agreedToAFavour ||
    (gift?.kind === "help" && e.material?.kind === "answer") ||
    (!intent.explicitRequest && (answeringTheOwner || (gift?.kind === "help" && e.material?.kind === "reply"))) ||
    (intent.scheduling && answeringTheOwner);
  // A supplier's order confirmation, a venue's booking, a landlord's yes: business done with the owner, however much
  // it hands over, is no favour to thank for. An introduction or a referral in it still is. On a thread about a quote,
  // an order or a booking, what they send is the business asked for, unless their words say it is a gift ("no charge").
  const business = intent.transaction || (aboutBusiness(e.subject) && !intent.giving);
  if (business && (gift?.kind === "help" || gift?.kind === "asked-for") && !e.ownerOwesThanks) gift = null;
  // After the business check: the order patterns read a yes to "cover my classes" as an order ("I'll take all four").
  if (agreedToAFavour) gift = { kind: "help", detail: null };
  return {
    // The stored interaction says it gave, whether the words or the structure showed it.
    event: gift && !intent.giving ? { ...e, intent: { ...intent, giving: true } } : e,
    // Someone who says who sent them or that they met the owner, whom the owner wrote a note about when forwarding, or someone the owner knows
    // writing from a new address, is in the network.
    delta: { at: e.at, subject: e.subject, gift, request: (intent.request && !askedInTheAnswer) || !!e.ownerOwesAnswer, referredBy: intent.referredBy || intent.metBefore || e.ownerNote || !!e.formerAddress },
    introduced,
  };
}

/**
 * The rhythm a mail states, when it is between the owner and this person alone: "vi ses første torsdag i måneden" to
 * the thirty of a club, or to someone in Cc, is no rhythm of theirs.
 */
function rhythmOfTheTwo(e: ContactEvent): number | null {
  return e.recipientCount <= FIRST_CONTACT_MAX_RECIPIENTS && !e.cc ? e.intent.statedRhythmDays : null;
}

/**
 * Adds a person's delta and records it in `known` at once: the next event sees it, in this mail too. An owner's reply
 * brings the mail it answers as reply evidence, read first, so the reply is judged as an answer to it.
 */
function remember(deltas: ContactDelta[], known: KnownPeople, d: ContactDelta): void {
  deltas.push(d);
  const before = known.get(d.address);
  const i = d.inbound;
  const o = d.outbound;
  known.set(d.address, {
    mailCount: (before?.mailCount ?? 0) + 1,
    lastAt: Math.max(before?.lastAt ?? 0, d.at),
    lastYouAskedAt: later(o?.asked, o?.at, before?.lastYouAskedAt),
    lastYouAskedQuestion: o?.asked ? o.askedQuestion : (before?.lastYouAskedQuestion ?? false),
    lastYouAskedAdvice: o?.asked ? o.askedAdvice : (before?.lastYouAskedAdvice ?? false),
    lastInboundAt: later(i, i?.at, before?.lastInboundAt),
    lastTheyAskedAt: later(i?.request, i?.at, before?.lastTheyAskedAt),
    lastOutboundAt: later(o, o?.at, before?.lastOutboundAt),
    lastTheyGaveAt: later(i?.gift, i?.at, before?.lastTheyGaveAt),
  });
}

/** The later of this mail's time, when it did the thing, and the time already known. */
function later(did: unknown, at: number | undefined, known: number | null | undefined): number | null {
  return did && at !== undefined ? Math.max(at, known ?? 0) : (known ?? null);
}

/**
 * Judges one mail's events against what is known, and records each in `known` as it goes, so that the next event sees
 * it (the owner's reply after the quoted mail it answers) and so does the next mail of an import batch (a request,
 * then the attachment that answers it, in the same batch). Follow-ups
 * fall due after the +Nd of the address, else after the owner's default number of days.
 */
export function judgeEvents(events: ContactEvent[], known: KnownPeople, defaultFollowUpDays: number): Judgement {
  const out: ContactEvent[] = [];
  const deltas: ContactDelta[] = [];
  const introduced: IntroducedPerson[] = [];
  for (const e of events) {
    const person = known.get(e.address);
    if (e.direction === "in") {
      const judged = judgeInbound(e, known);
      out.push(judged.event);
      introduced.push(...judged.introduced);
      remember(deltas, known, { address: e.address, name: e.name, private: e.private, at: e.at, threadId: e.threadId, inbound: judged.delta, outbound: null, statedCadenceDays: rhythmOfTheTwo(e) });
    } else {
      // A first contact: nothing ever passed between them, and the mail answers nothing. A known person's new
      // address is no stranger's.
      const firstContact = !exchanged(person) && !e.isReply && !e.formerAddress;
      const event = firstContact && !e.intent.outreach ? { ...e, intent: { ...e.intent, outreach: true } } : e;
      const answersTheirRequest = e.isReply && person?.lastTheyAskedAt != null && person.lastTheyAskedAt > (person.lastOutboundAt ?? 0);
      // A reply to several people that thanks one of them for what they gave (the introducer, with the person they
      // introduced): the thanks are for them, the question for the others.
      const thankedForTheirGift =
        e.intent.thanks && e.recipientCount > 1 && person?.lastTheyGaveAt != null && person.lastTheyGaveAt > (person.lastOutboundAt ?? 0);
      // Read from the mail's own words (`e`): `event` marks every first contact as outreach.
      const reason = thankedForTheirGift ? null : followUpReason(e, firstContact, answersTheirRequest);
      // A first mail's question counts too ("Do I have to charge VAT on this?"); a pitch's does not, unless it asks for know-how.
      const askedQuestion =
        e.intent.questionMark && !e.intent.scheduling && !e.intent.proposal && !e.intent.catchUp && !(e.intent.asksAfterThem && !e.intent.seeksAdvice) &&
        (!(e.intent.outreach || e.intent.pitch) || e.intent.seeksAdvice);
      out.push(event);
      remember(deltas, known, {
        address: e.address,
        name: e.name,
        private: e.private,
        at: e.at,
        threadId: e.threadId,
        statedCadenceDays: rhythmOfTheTwo(e),
        inbound: null,
        outbound: {
          at: e.at,
          subject: e.subject,
          gave: e.intent.giving,
          thanks: e.intent.thanks,
          asked: e.intent.request || e.intent.explicitRequest,
          askedQuestion,
          askedAdvice: askedQuestion && e.intent.seeksAdvice,
          promised: answersTheirRequest && onlyPromises(e),
          followUp: reason ? { reason, dueAt: e.at + (e.followUpDays ?? defaultFollowUpDays) * DAY_MS } : null,
          // To many, or "Hi all" to a few: news for everyone, which keeps no single tie warm.
          announcement: (e.recipientCount > HANDFUL_RECIPIENTS || (e.recipientCount >= 3 && e.intent.toAll)) && e.followUpDays === null,
        },
      });
    }
  }
  return { events: out, deltas, introduced };
}
