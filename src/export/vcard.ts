// The vCard export: one vCard 4.0 per contact (RFC 6350), for an address book.
import type { Contact, Note } from "../db/schema";

const CRLF = "\r\n";
/** RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75;

/** RFC 6350 §3.4: in a text value, backslash, comma, semicolon and line breaks are escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * RFC 6350 §3.2 folding: a long line is split with CRLF and one space, at most 75 octets a line (the space
 * counts), and never inside a UTF-8 sequence, since a split "ø" is two broken octets to a reader.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > MAX_LINE_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** RFC 6350 §4.3.5 timestamp, UTC: 20261123T080000Z. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** One person's card: their own row first, then every address merged into it (`same`). */
function vcard(rows: Contact[], notes: Note[]): string {
  const [contact, ...others] = rows;
  const lines = ["BEGIN:VCARD", "VERSION:4.0"];
  // FN is the one property RFC 6350 requires; without a name the address is what a person would show.
  lines.push(`FN:${escapeText(contact.name ?? others.find((o) => o.name)?.name ?? contact.address)}`);
  // RFC 6350 §5.3: PREF=1 marks the address the owner named first.
  lines.push(others.length ? `EMAIL;PREF=1:${escapeText(contact.address)}` : `EMAIL:${escapeText(contact.address)}`);
  for (const other of others) lines.push(`EMAIL:${escapeText(other.address)}`);
  if (notes.length) lines.push(`NOTE:${escapeText(notes.map((n) => n.body).join("\n"))}`);
  lines.push(`CATEGORIES:${escapeText(contact.circle)}`);
  lines.push(`REV:${timestamp(contact.updatedAt)}`);
  lines.push("END:VCARD");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** One vCard per person: a person with several addresses is one card with an EMAIL line for each. */
export function exportVcard(contacts: Contact[], notes: Note[]): string {
  const people = new Map<number, Contact[]>();
  for (const c of contacts) if (c.mergedInto === null) people.set(c.id, [c]);
  const personIdOf = (c: Contact) => (c.mergedInto !== null && people.has(c.mergedInto) ? c.mergedInto : c.id);
  for (const c of contacts) if (c.mergedInto !== null) (people.get(personIdOf(c)) ?? people.set(c.id, []).get(c.id)!).push(c);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const notesOf = new Map<number, Note[]>();
  for (const n of notes) {
    const row = byId.get(n.contactId);
    const person = row ? personIdOf(row) : n.contactId;
    notesOf.set(person, [...(notesOf.get(person) ?? []), n]);
  }
  return [...people.entries()].map(([id, rows]) => vcard(rows, notesOf.get(id) ?? [])).join("");
}
