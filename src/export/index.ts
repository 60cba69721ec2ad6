// Export of an owner's data as JSON, CSV and vCard 4.0: the `export` command and GET /api/export.
import { ownerExportRows } from "../db/commands";
import type { Db } from "../db/client";
import { findOwnerById } from "../db/owners";
import { localDate } from "../digest/format";
import type { OutgoingAttachment } from "../mail/compose";
import { exportCsv } from "./csv";
import { exportJson, type ExportData } from "./json";
import { exportVcard } from "./vcard";

export interface OwnerExport {
  json: string;
  csv: string;
  vcf: string;
  counts: { contacts: number; interactions: number; notes: number };
}

export const EXPORT_MEDIA_TYPES = {
  json: "application/json",
  csv: "text/csv",
  // RFC 6350 §10.1.
  vcf: "text/vcard",
} as const;

export function buildExport(data: ExportData, now: number): OwnerExport {
  return {
    json: exportJson(data, now),
    csv: exportCsv(data.contacts, data.notes),
    vcf: exportVcard(data.contacts, data.notes),
    counts: { contacts: data.contacts.length, interactions: data.interactions.length, notes: data.notes.length },
  };
}

export async function exportOwnerData(db: Db, ownerId: number, now: number): Promise<OwnerExport> {
  const [owner, rows] = await Promise.all([findOwnerById(db, ownerId), ownerExportRows(db, ownerId)]);
  if (!owner) throw new Error(`no owner ${ownerId}`);
  return buildExport({ owner, ...rows }, now);
}

/** File names carry the owner's local date, so several exports sort and do not overwrite each other. */
export function exportFileName(now: number, timeZone: string, format: keyof typeof EXPORT_MEDIA_TYPES): string {
  const d = localDate(now, timeZone);
  const date = `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
  return `gensidig-${date}.${format}`;
}

export function exportAttachments(data: OwnerExport, now: number, timeZone: string): OutgoingAttachment[] {
  return (["json", "csv", "vcf"] as const).map((format) => ({
    filename: exportFileName(now, timeZone, format),
    contentType: EXPORT_MEDIA_TYPES[format],
    content: data[format],
  }));
}
