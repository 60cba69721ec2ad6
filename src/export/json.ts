// The JSON export: everything Gensidig keeps about the owner's network, each person with their mail and notes.
import type { Contact, Interaction, Note, Owner } from "../db/schema";

export const EXPORT_FORMAT = "gensidig-export";
export const EXPORT_VERSION = 1;

export interface ExportData {
  owner: Owner;
  contacts: Contact[];
  interactions: Interaction[];
  notes: Note[];
  suppressions: string[];
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

// One JSON shape per row kind, shared by the export and the read API (/api/contacts).
export function interactionJson(i: Interaction) {
  return {
    at: iso(i.at),
    // "meeting": a `met` line or a calendar invitation whose start passed; contact both ways, kept as "out".
    kind: i.kind,
    direction: i.direction,
    subject: i.subject,
    snippet: i.snippet,
    intent: { thanks: i.isThanks, request: i.isRequest, giving: i.isGiving, outreach: i.isOutreach },
    messageId: i.messageId,
    threadId: i.threadId,
    source: i.source,
    attachments: i.attachments ? (JSON.parse(i.attachments) as string[]) : [],
    broadcast: i.broadcast,
  };
}

export function noteJson(n: Note) {
  return { body: n.body, source: n.source, createdAt: iso(n.createdAt) };
}

/** `sameAs`: the address of the person this address was merged into (`same`), or null. */
export function contactJson(c: Contact, sameAs: string | null = null) {
  return {
    address: c.address,
    name: c.name,
    circle: c.circle,
    muted: c.muted,
    cadenceDays: c.cadenceDays,
    // the rhythm their mail states ("our monthly letter"), used when the owner has set none
    statedCadenceDays: c.statedCadenceDays,
    snoozedUntil: iso(c.snoozedUntil),
    firstAt: iso(c.firstAt),
    lastAt: iso(c.lastAt),
    firstInboundAt: iso(c.firstInboundAt),
    lastInboundAt: iso(c.lastInboundAt),
    lastOutboundAt: iso(c.lastOutboundAt),
    inboundCount: c.inboundCount,
    outboundCount: c.outboundCount,
    theyGave: c.theyGaveCount,
    youGave: c.youGaveCount,
    lastTheyGaveAt: iso(c.lastTheyGaveAt),
    lastTheyGave: c.lastTheyGaveKind === null ? null : { kind: c.lastTheyGaveKind, detail: c.lastTheyGaveDetail },
    lastYouThankedAt: iso(c.lastYouThankedAt),
    lastTheyAskedAt: iso(c.lastTheyAskedAt),
    // The owner's latest mail to them only promised an answer ("I'll write properly at the weekend").
    promisedAt: iso(c.promisedAt),
    introducedBy: c.introducedBy,
    conversations: c.conversationCount,
    meetings: c.meetingCount,
    lastMeetingAt: iso(c.lastMeetingAt),
    pendingFollowUp:
      c.followUpSince === null ? null : { since: iso(c.followUpSince), dueAt: iso(c.followUpDueAt), subject: c.followUpSubject, reason: c.followUpReason },
    doneAt: iso(c.doneAt),
    // A bounce for good, or the person writing from a new address: the digest chases this address no more.
    unreachableAt: iso(c.unreachableAt),
    sameAs,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

function contactWithHistory(c: Contact, history: { interactions: Interaction[]; notes: Note[] }, sameAs: string | null) {
  return {
    ...contactJson(c, sameAs),
    notes: history.notes.map(noteJson),
    interactions: history.interactions.map(interactionJson),
  };
}

/** Each contact with its notes and mail, in the export's JSON shape (interactions and notes in the given order). */
export function contactsWithHistory(contacts: Contact[], interactions: Interaction[], notes: Note[]) {
  const byContact = new Map<number, { interactions: Interaction[]; notes: Note[] }>();
  const of = (id: number) => {
    let h = byContact.get(id);
    if (!h) byContact.set(id, (h = { interactions: [], notes: [] }));
    return h;
  };
  for (const i of interactions) of(i.contactId).interactions.push(i);
  for (const n of notes) of(n.contactId).notes.push(n);
  // `same`: an address merged into a person names that person's address (when it is among these contacts).
  const addressOf = new Map(contacts.map((c) => [c.id, c.address]));
  return contacts.map((c) => contactWithHistory(c, of(c.id), c.mergedInto === null ? null : (addressOf.get(c.mergedInto) ?? null)));
}

/** Contacts sorted by address, each with its notes and its mail, oldest first. */
export function exportJson(data: ExportData, now: number): string {
  return `${JSON.stringify({ ...exportHead(data.owner, data.suppressions, now), contacts: contactsWithHistory(data.contacts, data.interactions, data.notes) }, null, 2)}\n`;
}

/** Everything in the JSON export but the contacts. */
export function exportHead(owner: Owner, suppressions: string[], now: number) {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    owner: {
      primaryAddress: owner.primaryAddress,
      name: owner.name,
      language: owner.language,
      timeZone: owner.timeZone,
      digestWeekday: owner.digestWeekday,
      digestHour: owner.digestHour,
      paused: owner.paused,
      followUpDays: owner.followUpDays,
      cadenceProfessionalDays: owner.cadenceProfessionalDays,
      cadencePrivateDays: owner.cadencePrivateDays,
    },
    ignored: suppressions,
  };
}
