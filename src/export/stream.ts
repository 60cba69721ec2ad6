// GET /api/export as a stream: the same bytes as the export built in memory (json.ts, csv.ts, vcard.ts), written a
// page of contacts at a time, so memory is one page whatever the size of the network.
import type { Db } from "../db/client";
import { EXPORT_PAGE_CONTACTS, exportPage, suppressionPatterns } from "../db/commands";
import type { Owner } from "../db/schema";
import { CSV_COLUMNS, exportCsv } from "./csv";
import { contactsWithHistory, exportHead } from "./json";
import { exportVcard } from "./vcard";

export type ExportFormat = "json" | "csv" | "vcf";

const CONTACTS_KEY = '  "contacts": [';

/** Re-indents one contact's JSON to its depth in the whole document (JSON.stringify's 2-space layout). */
function nested(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^/gm, "    ");
}

export function streamOwnerExport(db: Db, owner: Owner, format: ExportFormat, now: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | null = null;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (first && format === "json") {
        const head = JSON.stringify({ ...exportHead(owner, await suppressionPatterns(db, owner.id), now), contacts: [] }, null, 2);
        // Everything up to the contacts array, which the pages fill.
        controller.enqueue(encoder.encode(head.slice(0, head.lastIndexOf(CONTACTS_KEY) + CONTACTS_KEY.length)));
      }
      const page = await exportPage(db, owner.id, after);
      let chunk = "";
      if (format === "json") {
        const items = contactsWithHistory(page.contacts, page.interactions, page.notes).map(nested);
        if (items.length) chunk = `${first ? "\n" : ",\n"}${items.join(",\n")}`;
      } else if (format === "csv") {
        const csv = exportCsv(page.contacts, page.notes);
        // The header row once, at the top.
        chunk = first ? csv : csv.slice(CSV_COLUMNS.join(",").length + 2);
      } else {
        chunk = exportVcard(page.contacts, page.notes);
      }
      const wrote = !first || page.contacts.length > 0;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (page.contacts.length === 0 || page.contacts.length < EXPORT_PAGE_CONTACTS) {
        if (format === "json") controller.enqueue(encoder.encode(wrote ? "\n  ]\n}\n" : "]\n}\n"));
        done = true;
        controller.close();
      } else {
        after = page.contacts[page.contacts.length - 1].address;
      }
      first = false;
    },
  });
}
