import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { ownerAddresses, owners, type Owner } from "./schema";

export { findOwnerByAddress, loadOwnerWithAddresses, type OwnerWithAddresses } from "./owner-lookup";

/** SHA-256 hex of an API token; only the hash is stored. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function findOwnerByToken(db: Db, token: string): Promise<Owner | null> {
  const hash = await hashToken(token);
  const row = await db.select().from(owners).where(eq(owners.apiTokenHash, hash)).get();
  return row ?? null;
}

export type OwnerSettingsPatch = Partial<
  Pick<
    Owner,
    | "timeZone"
    | "language"
    | "digestWeekday"
    | "digestHour"
    | "paused"
    | "name"
    | "cadenceProfessionalDays"
    | "cadencePrivateDays"
    | "followUpDays"
    | "zoneOffsets"
  >
>;

const SCHEDULE_FIELDS = ["timeZone", "digestWeekday", "digestHour", "paused"] as const;

/** What a settings change writes: a changed schedule is worked out again by the next hourly run (0: look now). */
export function settingsUpdate(patch: OwnerSettingsPatch): OwnerSettingsPatch & { nextDigestAt?: number } {
  return SCHEDULE_FIELDS.some((field) => field in patch) ? { ...patch, nextDigestAt: 0 } : patch;
}

export async function updateOwnerSettings(db: Db, ownerId: number, patch: OwnerSettingsPatch) {
  if (Object.keys(patch).length === 0) return;
  await db.update(owners).set(settingsUpdate(patch)).where(eq(owners.id, ownerId));
}

export interface NewOwnerInput {
  primaryAddress: string;
  aliases?: string[];
  apiToken: string;
  name?: string | null;
  timeZone?: string;
  language?: "en" | "da";
  digestWeekday?: number;
  digestHour?: number;
  now: number;
}

/** Creates an owner and their addresses in one batch. Used by tests and the local seed. */
export async function createOwner(db: Db, input: NewOwnerInput): Promise<Owner> {
  const apiTokenHash = await hashToken(input.apiToken);
  const [inserted] = await db
    .insert(owners)
    .values({
      primaryAddress: input.primaryAddress,
      name: input.name ?? null,
      apiTokenHash,
      timeZone: input.timeZone ?? "Europe/Copenhagen",
      language: input.language ?? "en",
      digestWeekday: input.digestWeekday ?? 1,
      digestHour: input.digestHour ?? 8,
      createdAt: input.now,
    })
    .returning();
  const all = [input.primaryAddress, ...(input.aliases ?? [])];
  await db.insert(ownerAddresses).values(
    all.map((address) => ({ address, ownerId: inserted.id, isPrimary: address === input.primaryAddress })),
  );
  return inserted;
}

