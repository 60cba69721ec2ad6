import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

// $client is the D1 binding itself, for the few reads that bypass drizzle's row mapping.
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

/**
 * One drizzle instance per D1 binding: building it walks the whole schema for the relational query API, which
 * cost the import about 5 ms a request when done for every request (twice: auth and route).
 */
const instances = new WeakMap<D1Database, Db>();

export function getDb(d1: D1Database): Db {
  let db = instances.get(d1);
  if (!db) instances.set(d1, (db = drizzle(d1, { schema }) as Db));
  return db;
}
