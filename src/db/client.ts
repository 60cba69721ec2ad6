import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

// $client is the D1 binding itself, for the few reads that bypass drizzle's row mapping.
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

export function getDb(d1: D1Database): Db {
  return drizzle(d1, { schema });
}
