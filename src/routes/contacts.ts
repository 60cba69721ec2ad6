import { Hono } from "hono";
import { getDb } from "../db/client";
import { contactHistory, getContactByAddress, listContacts } from "../db/contacts";
import type { Contact, Interaction, Note } from "../db/schema";
import { normalizeAddress } from "../mail/parse";
import { requireOwner, type AuthedEnv } from "./auth";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function contactJson(c: Contact) {
  return {
    address: c.address,
    name: c.name,
    circle: c.circle,
    muted: c.muted,
    cadenceDays: c.cadenceDays,
    snoozedUntil: iso(c.snoozedUntil),
    firstAt: iso(c.firstAt),
    lastAt: iso(c.lastAt),
    firstInboundAt: iso(c.firstInboundAt),
    lastInboundAt: iso(c.lastInboundAt),
    lastOutboundAt: iso(c.lastOutboundAt),
    inboundCount: c.inboundCount,
    outboundCount: c.outboundCount,
    gave: c.gaveCount,
    got: c.gotCount,
    pendingFollowUp: c.followUpSince === null ? null : { since: iso(c.followUpSince), dueAt: iso(c.followUpDueAt), subject: c.followUpSubject },
  };
}

export function interactionJson(i: Interaction) {
  return {
    at: iso(i.at),
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

export const contactsRoutes = new Hono<AuthedEnv>()
  .use(requireOwner)
  .get("/", async (c) => {
    const rows = await listContacts(getDb(c.env.DB), c.get("owner").id);
    return c.json(rows.map(contactJson));
  })
  .get("/:address", async (c) => {
    const address = normalizeAddress(decodeURIComponent(c.req.param("address")));
    if (!address) return c.json({ error: "bad-address", message: "Give a contact's email address." }, 400);
    const db = getDb(c.env.DB);
    const owner = c.get("owner");
    const contact = await getContactByAddress(db, owner.id, address);
    if (!contact) return c.json({ error: "not-found", message: `No contact ${address}.` }, 404);
    const history = await contactHistory(db, owner.id, contact.id);
    return c.json({
      contact: contactJson(contact),
      interactions: history.interactions.map(interactionJson),
      notes: history.notes.map(noteJson),
    });
  });
