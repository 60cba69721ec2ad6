// drizzle for the rare steps of the paths that otherwise bind SQL written ahead of time (statements.ts): a command,
// a calendar invitation, a passed meeting to count, a digest sent by hand, a dead letter. Loaded by those steps
// alone, so that a mail, the sweep and a digest job load neither drizzle nor the schema (test/unit/hot-path-imports).
import type { Db } from "./client";

export async function drizzleFor(d1: D1Database): Promise<Db> {
  const { getDb } = await import("./client");
  return getDb(d1);
}
