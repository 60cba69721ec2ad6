// Which owner a mail belongs to: the mail path's first read, in SQL written ahead of time (statements.ts), so that a
// mail does not load drizzle. The rest of what is done with owners is in owners.ts.
import { HOT_SQL } from "./hot-sql";
import type { Owner } from "./schema";
import { readOf, readTogether } from "./statements";

export interface OwnerWithAddresses {
  owner: Owner;
  addresses: string[];
}

/** The owner one of whose addresses (primary or alias) this is, with all their addresses. One round trip. */
export async function findOwnerByAddress(d1: D1Database, address: string): Promise<OwnerWithAddresses | null> {
  const [owner, addresses] = await readTogether<[Owner[], { address: string }[]]>(d1, [
    readOf<Owner>(d1, HOT_SQL.ownerByAddress, { address }),
    readOf<{ address: string }>(d1, HOT_SQL.addressesByAddress, { address }),
  ]);
  if (!owner[0]) return null;
  return { owner: owner[0], addresses: addresses.map((a) => a.address) };
}

export async function loadOwnerWithAddresses(d1: D1Database, ownerId: number): Promise<OwnerWithAddresses | null> {
  const [owner, addresses] = await readTogether<[Owner[], { address: string }[]]>(d1, [
    readOf<Owner>(d1, HOT_SQL.ownerById, { ownerId }),
    readOf<{ address: string }>(d1, HOT_SQL.addressesOfOwner, { ownerId }),
  ]);
  if (!owner[0]) return null;
  return { owner: owner[0], addresses: addresses.map((a) => a.address) };
}
