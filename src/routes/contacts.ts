import { Hono } from "hono";
import { getDb } from "../db/client";
import { contactHistory, getContactByAddress, getContactById, listContacts } from "../db/contacts";
import { contactJson, interactionJson, noteJson } from "../export/json";
import { normalizeAddress } from "../mail/parse";
import { requireOwner, type AuthedEnv } from "./auth";

export const contactsRoutes = new Hono<AuthedEnv>()
  .use(requireOwner)
  .get("/", async (c) => {
    const rows = await listContacts(getDb(c.env.DB), c.get("owner").id);
    const addressOf = new Map(rows.map((r) => [r.id, r.address]));
    return c.json(rows.map((r) => contactJson(r, r.mergedInto === null ? null : (addressOf.get(r.mergedInto) ?? null))));
  })
  .get("/:address", async (c) => {
    const address = normalizeAddress(decodeURIComponent(c.req.param("address")));
    if (!address) return c.json({ error: "bad-address", message: "Give a contact's email address." }, 400);
    const db = getDb(c.env.DB);
    const owner = c.get("owner");
    const contact = await getContactByAddress(db, owner.id, address);
    if (!contact) return c.json({ error: "not-found", message: `No contact ${address}.` }, 404);
    const [history, person] = await Promise.all([
      contactHistory(db, owner.id, contact.id),
      contact.mergedInto === null ? Promise.resolve(null) : getContactById(db, owner.id, contact.mergedInto),
    ]);
    return c.json({
      contact: contactJson(contact, person?.address ?? null),
      interactions: history.interactions.map(interactionJson),
      notes: history.notes.map(noteJson),
    });
  });
