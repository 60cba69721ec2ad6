// Test-only: builds contact rows and replays a mail history onto them, so digest decisions can be tested over
// simulated weeks without D1. It models what the ingest path keeps on a contact closely enough for the
// digest rules; it is not the ingest path's own aggregate update.

import type { Contact } from "../../src/db/schema";

export const DAY = 86_400_000;

let nextId = 1;

/** A contact with no mail yet; `address` is required, everything else may be overridden. */
export function makeContact(overrides: Partial<Contact> & { address: string }): Contact {
  const createdAt = overrides.createdAt ?? Date.parse("2025-01-01T00:00:00Z");
  return {
    id: nextId++,
    ownerId: 1,
    name: null,
    circle: "professional",
    muted: false,
    cadenceDays: null,
    snoozedUntil: null,
    firstAt: null,
    lastAt: null,
    firstInboundAt: null,
    lastInboundAt: null,
    lastInboundSubject: null,
    firstOutboundAt: null,
    lastOutboundAt: null,
    lastOutboundSubject: null,
    inboundCount: 0,
    outboundCount: 0,
    gaveCount: 0,
    gotCount: 0,
    lastGaveAt: null,
    lastGaveSubject: null,
    lastThankedAt: null,
    lastRequestAt: null,
    lastRequestSubject: null,
    followUpSince: null,
    followUpDueAt: null,
    followUpSubject: null,
    unansweredOutbound: 0,
    doneThankAt: null,
    doneHelpAt: null,
    doneFollowUpAt: null,
    doneReconnectAt: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export interface MailEvent {
  at: number;
  /** "in": the contact wrote to the owner; "out": the owner wrote to the contact. */
  direction: "in" | "out";
  subject: string;
  /** Inbound that gave the owner something: an introduction, help, information, a referral. */
  gave?: boolean;
  /** Inbound that asked the owner for something. */
  request?: boolean;
  /** Outbound that gave the contact something. */
  giving?: boolean;
  /** Outbound thanks. */
  thanks?: boolean;
  /** Outbound that expects an answer; starts or renews the pending follow-up. */
  outreach?: boolean;
  /** `gensidig+Nd` in BCC: follow up after N days instead of the owner's default. */
  followUpDays?: number;
}

/** The contact after one more mail. Events must come in time order. */
export function applyMail(contact: Contact, event: MailEvent): Contact {
  const next: Contact = {
    ...contact,
    firstAt: contact.firstAt ?? event.at,
    lastAt: event.at,
    updatedAt: event.at,
  };
  if (event.direction === "in") {
    next.firstInboundAt = contact.firstInboundAt ?? event.at;
    next.lastInboundAt = event.at;
    next.lastInboundSubject = event.subject;
    next.inboundCount += 1;
    next.unansweredOutbound = 0;
    next.followUpSince = null;
    next.followUpDueAt = null;
    next.followUpSubject = null;
    if (event.gave) {
      next.gaveCount += 1;
      next.lastGaveAt = event.at;
      next.lastGaveSubject = event.subject;
    }
    if (event.request) {
      next.lastRequestAt = event.at;
      next.lastRequestSubject = event.subject;
    }
    return next;
  }
  next.firstOutboundAt = contact.firstOutboundAt ?? event.at;
  next.lastOutboundAt = event.at;
  next.lastOutboundSubject = event.subject;
  next.outboundCount += 1;
  next.unansweredOutbound += 1;
  if (event.giving) next.gotCount += 1;
  if (event.thanks) next.lastThankedAt = event.at;
  if (event.outreach || event.followUpDays !== undefined) {
    next.followUpSince = event.at;
    next.followUpDueAt = event.followUpDays === undefined ? null : event.at + event.followUpDays * DAY;
    next.followUpSubject = event.subject;
  }
  return next;
}

/** A contact's history as data: the row's starting settings, the mail, and commands the owner gave. */
export interface History {
  contact: Partial<Contact> & { address: string };
  mail: MailEvent[];
  /** `done`, `snooze`, `never` and the like: fields the owner's commands set at a moment. */
  commands?: { at: number; set: Partial<Contact> }[];
}

/** The contact as the database would hold it at `now`: only mail and commands up to then count. */
export function contactAt(history: History, now: number): Contact {
  const steps = [
    ...history.mail.map((mail) => ({ at: mail.at, apply: (c: Contact) => applyMail(c, mail) })),
    ...(history.commands ?? []).map((command) => ({
      at: command.at,
      apply: (c: Contact): Contact => ({ ...c, ...command.set, updatedAt: command.at }),
    })),
  ];
  return steps
    .filter((step) => step.at <= now)
    .sort((a, b) => a.at - b.at)
    .reduce((contact, step) => step.apply(contact), makeContact(history.contact));
}
