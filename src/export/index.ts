// Export of an owner's data as JSON, CSV and vCard 4.0: the `export` command and GET /api/export.
import { ownerExportCounts, ownerExportRows } from "../db/commands";
import type { Owner } from "../db/schema";
import type { Config } from "../env";
import { DAY_MS } from "../time";
import { signExportLink } from "../digest/token";
import type { Done } from "../commands/outcome";
import type { Db } from "../db/client";
import { findOwnerById } from "../db/owner-lookup";
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
  const [owner, rows] = await Promise.all([findOwnerById(db.$client, ownerId), ownerExportRows(db, ownerId)]);
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

/**
 * Up to this many contacts and mails together, the export goes by mail as three attachments (at about 1 KB a mail
 * over the three files, 2–3 MB). Beyond it, attaching would grow without bound (22 MB at 25,000 mails, out of
 * memory at 500,000), so the mail carries the counts and a signed link to the streamed API export instead.
 */
export const MAIL_EXPORT_MAX_ROWS = 2_000;
/** How long a mailed export link works. */
export const EXPORT_LINK_TTL_MS = 3 * DAY_MS;

/** The `export` command: the files when they are small, else a link valid for EXPORT_LINK_TTL_MS; counted first, by index. */
export async function exportByMail(
  db: Db,
  config: Config,
  owner: Owner,
  now: number,
  attach: boolean,
): Promise<{ result: Extract<Done, { code: "exported" | "export-link" }>; attachments: OutgoingAttachment[] }> {
  const counts = await ownerExportCounts(db, owner.id);
  if (counts.contacts + counts.interactions <= MAIL_EXPORT_MAX_ROWS) {
    const data = attach ? await exportOwnerData(db, owner.id, now) : null;
    return { result: { code: "exported", ...counts }, attachments: data ? exportAttachments(data, now, owner.timeZone) : [] };
  }
  const expiresAt = now + EXPORT_LINK_TTL_MS;
  const link = await signExportLink(config.tokenSecret, { ownerId: owner.id, expiresAt });
  const url = config.publicUrl === null ? null : `${config.publicUrl}/api/export?link=${link}`;
  return { result: { code: "export-link", ...counts, url, expiresAt }, attachments: [] };
}
