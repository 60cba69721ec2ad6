// What D1's errors mean, for the paths that write: kept apart from the ingest path, so that the digest (which
// counts meetings through calendar/meetings.ts) does not load the mail parsers to ask it.

/** A write refused by a UNIQUE constraint: the row is there already (a second delivery, a second claim). */
export function isUniqueViolation(err: unknown): boolean {
  const text = `${String(err)} ${String((err as { cause?: unknown })?.cause ?? "")}`;
  return /UNIQUE constraint failed/i.test(text);
}
