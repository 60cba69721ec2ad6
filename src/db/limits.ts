// D1's statement limits, and the chunking that keeps every statement inside them (Cloudflare D1 limits).
// No drizzle here: a mail (capture.ts) and the hourly sweep load this module, and neither loads drizzle.

/** D1 binds at most 100 parameters per statement. */
export const D1_MAX_PARAMS = 100;
/** Lookups by key use IN (…); chunks of this many keys leave room for the owner id and other filters. */
export const LOOKUP_CHUNK = 90;

/**
 * A list as one bound parameter, for `column in (select value from json_each(?))` (prepared.ts, jsonList): SQLite
 * searches the column's index once per value, and the statement stays one however long the list (at most `max`
 * distinct values).
 */
export function listParam(items: string[], max = Infinity): string {
  return JSON.stringify([...new Set(items)].slice(0, max));
}

/** Keys per jsonList lookup: one statement for a whole import batch's ids, and still a small parameter. */
export const JSON_LOOKUP_CHUNK = 1000;

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows split so that each multi-row INSERT binds at most D1_MAX_PARAMS parameters. `paramsOfOneRow` is
 * what one row binds, taken from the query builder (`…values(rows[0]).toSQL().params.length`), since
 * drizzle binds column defaults as parameters too.
 */
export function chunkRows<T>(rows: T[], paramsOfOneRow: number): T[][] {
  return chunk(rows, Math.max(1, Math.floor(D1_MAX_PARAMS / paramsOfOneRow)));
}
