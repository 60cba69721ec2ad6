// The CSV export: one row per contact, for a spreadsheet. RFC 4180: CRLF line ends, a header row, fields with
// a comma, a double quote or a line break in double quotes, and a double quote inside doubled.
import type { Contact, Note } from "../db/schema";

const CRLF = "\r\n";

export const CSV_COLUMNS = [
  "address",
  "name",
  "circle",
  "muted",
  "cadence_days",
  "snoozed_until",
  "first_at",
  "last_at",
  "last_inbound_at",
  "last_outbound_at",
  "inbound_count",
  "outbound_count",
  "they_gave",
  "you_gave",
  "notes",
] as const;

// A cell that starts with = + - @ (or a tab or CR) is a formula to Excel and LibreOffice, and names and notes
// come from other people's mail. OWASP's advice for CSV injection: prefix such a cell with a single quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function exportCsv(contacts: Contact[], notes: Note[]): string {
  const notesOf = new Map<number, string[]>();
  for (const n of notes) notesOf.set(n.contactId, [...(notesOf.get(n.contactId) ?? []), n.body]);
  const rows = contacts.map((c) =>
    [
      c.address,
      c.name,
      c.circle,
      c.muted,
      c.cadenceDays,
      iso(c.snoozedUntil),
      iso(c.firstAt),
      iso(c.lastAt),
      iso(c.lastInboundAt),
      iso(c.lastOutboundAt),
      c.inboundCount,
      c.outboundCount,
      c.theyGaveCount,
      c.youGaveCount,
      (notesOf.get(c.id) ?? []).join("\n") || null,
    ]
      .map(csvField)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join(CRLF) + CRLF;
}
