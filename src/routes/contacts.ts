import { Hono } from "hono";
import { getDb } from "../db/client";
import { contactHistory, getContactByAddress, getContactById, listContacts } from "../db/contacts";
import { contactJson, interactionJson, noteJson } from "../export/json";
import { normalizeAddress } from "../mail/address";
import { requireOwner, type AuthedEnv } from "./auth";

/** A page of contacts: `?limit=` 1–MAX_PAGE (DEFAULT_PAGE when left out), so no request reads a whole network. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

// The cursor is the last address of the page, base64url-encoded: opaque to clients, stable under inserts.
const encodeCursor = (address: string) => btoa(String.fromCharCode(...new TextEncoder().encode(address))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function decodeCursor(cursor: string): string | null {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))) || null;
  } catch {
    return null;
  }
}

/**
 * The address segment of `/api/contacts/:address`, percent-decoded exactly once, or null when its encoding is
 * broken. Read from the raw path rather than `c.req.param()`: Hono has already decoded the param, leniently (a
 * stray "%" is left as it is), so decoding it again turned "a%2525b" into "a%b" and a lone "%25" into a URIError.
 */
function addressFromPath(pathname: string): string | null {
  const segment = pathname.slice(pathname.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export const contactsRoutes = new Hono<AuthedEnv>()
  .use(requireOwner)
  // The body is the page's contacts, as before; the next page is in a `Link: <…>; rel="next"` header (RFC 8288),
  // absent on the last page.
  .get("/", async (c) => {
    const limitParam = c.req.query("limit");
    const limit = limitParam === undefined ? DEFAULT_PAGE : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      return c.json({ error: "bad-limit", message: `limit must be a whole number from 1 to ${MAX_PAGE}.` }, 400);
    }
    const cursorParam = c.req.query("cursor");
    const after = cursorParam === undefined ? null : decodeCursor(cursorParam);
    if (cursorParam !== undefined && after === null) {
      return c.json({ error: "bad-cursor", message: "cursor must be one given in a previous page's Link header." }, 400);
    }
    const rows = await listContacts(getDb(c.env.DB), c.get("owner").id, { after, limit });
    if (rows.length === limit) {
      const next = new URL(c.req.url);
      next.searchParams.set("limit", String(limit));
      next.searchParams.set("cursor", encodeCursor(rows[rows.length - 1].address));
      c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    // Within the page; an address whose person is on another page shows sameAs null there.
    const addressOf = new Map(rows.map((r) => [r.id, r.address]));
    return c.json(rows.map((r) => contactJson(r, r.mergedInto === null ? null : (addressOf.get(r.mergedInto) ?? null))));
  })
  .get("/:address", async (c) => {
    const decoded = addressFromPath(new URL(c.req.url).pathname);
    if (decoded === null) {
      return c.json({ error: "bad-address", message: "The address in the path is not valid percent-encoding (RFC 3986 §2.1); encode it once with encodeURIComponent." }, 400);
    }
    const address = normalizeAddress(decoded);
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
