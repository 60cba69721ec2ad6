// drizzle for the rare steps of the paths that otherwise bind SQL written ahead of time (statements.ts): a rare
// command line, a calendar invitation, a passed meeting to count, a digest sent by hand, a dead letter. Loaded by
// those steps alone, so that a mail, a command mail's common lines, the sweep and a digest job load neither drizzle
// nor the schema (test/unit/hot-path-imports).
import type { Db } from "./client";

export async function drizzleFor(d1: D1Database): Promise<Db> {
  const { getDb } = await import("./client");
  return getDb(d1);
}

/**
 * drizzle with the rare command lines' queries (commands.ts) and a person's rows (people.ts): what a `forget`,
 * `same`, `split`, `ignore`, `settings`, `stats` or `met` line loads when it runs.
 */
export async function rareCommandQueries(d1: D1Database) {
  const [db, commands, people] = await Promise.all([drizzleFor(d1), import("./commands"), import("./people")]);
  return { db, ...commands, ...people };
}
