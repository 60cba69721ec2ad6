// Which owner a mail belongs to, and whose digest a queue job is for: the first read of each path, in SQL written
// ahead of time (statements.ts), so that neither loads drizzle. The rest of what is done with owners is in owners.ts.
// Each read learns the owner's zone offsets (zone-clock.ts), so that a command's dates, like a digest's, are worked
// out without loading ICU.
import { learnZoneOffsets } from "../zone-clock";
import { HOT_SQL } from "./hot-sql";
import type { Owner } from "./schema";
import { readOf, readOne, readTogether, type CompiledQuery } from "./statements";

export interface OwnerWithAddresses {
  owner: Owner;
  addresses: string[];
}

/** The owner one of whose addresses (primary or alias) this is, with all their addresses. */
export function findOwnerByAddress(d1: D1Database, address: string): Promise<OwnerWithAddresses | null> {
  return readOwner(d1, HOT_SQL.ownerByAddress, HOT_SQL.addressesByAddress, { address });
}

export function loadOwnerWithAddresses(d1: D1Database, ownerId: number): Promise<OwnerWithAddresses | null> {
  return readOwner(d1, HOT_SQL.ownerById, HOT_SQL.addressesOfOwner, { ownerId });
}

/** The first read of every digest job. */
export async function findOwnerById(d1: D1Database, ownerId: number): Promise<Owner | null> {
  const [owner] = await readOne(readOf<Owner>(d1, HOT_SQL.ownerById, { ownerId }));
  learnZoneOffsets(owner?.zoneOffsets);
  return owner ?? null;
}

/** The owner row and their addresses in one round trip: every mail starts here. */
async function readOwner(d1: D1Database, ownerQuery: CompiledQuery, addressesQuery: CompiledQuery, values: Record<string, unknown>) {
  const [owner, addresses] = await readTogether<[Owner[], { address: string }[]]>(d1, [
    readOf<Owner>(d1, ownerQuery, values),
    readOf<{ address: string }>(d1, addressesQuery, values),
  ]);
  if (!owner[0]) return null;
  learnZoneOffsets(owner[0].zoneOffsets);
  return { owner: owner[0], addresses: addresses.map((a) => a.address) };
}
