// Statements whose SQL drizzle wrote ahead of time, bound and read here without drizzle.
//
// A mail, the hourly sweep and the digest queue run a fixed set of statements (hot-queries.ts names them, drizzle
// builds them from the schema). Building them, and loading drizzle and the schema to do it, was about a quarter of
// a fresh worker's first mail, so `npm run hot-sql` writes their SQL into hot-sql.ts and those paths only bind
// values: this module and that one are all of the database code they load (drizzle-later.ts loads drizzle for their
// rare steps). test/unit/hot-sql.test.ts checks that hot-sql.ts is what drizzle builds from the schema now.

export type Statement = D1PreparedStatement;

/** A statement as drizzle wrote it, with what each of its "?" binds. */
export interface CompiledQuery {
  readonly sql: string;
  /** Per "?": a named value of the call (`p`), or a value drizzle bound itself (`v`: a default, a limit). */
  readonly params: readonly ({ readonly p: string } | { readonly v: unknown })[];
  /** A read: the names of its columns in order, and which of them are booleans (stored as 0 and 1). */
  readonly columns?: readonly string[];
  readonly booleans?: readonly string[];
  /** Rows that travel as one JSON parameter (jsonRows): each row's fields in order, and what a missing one binds. */
  readonly fields?: readonly { readonly key: string; readonly missing: unknown }[];
}

/** A table's columns, for SQL written by hand that reads them all: their names in SQL, and as a read's `columns`/`booleans`. */
export interface TableColumns {
  readonly names: readonly string[];
  readonly columns: readonly string[];
  readonly booleans: readonly string[];
}

/** What drizzle would bind: booleans as 0/1 (mode "boolean" columns), no undefined. */
export function driverValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function bind(d1: D1Database, query: CompiledQuery, values: Record<string, unknown> = {}): Statement {
  const params = query.params.map((param) => {
    if ("v" in param) return param.v;
    if (!(param.p in values)) throw new Error(`no value for ${param.p} in ${query.sql.slice(0, 60)}…`);
    return driverValue(values[param.p]);
  });
  return d1.prepare(query.sql).bind(...params);
}

/**
 * D1's raw arrays as the rows drizzle would give for these columns, in their order: booleans as booleans,
 * everything else as stored. drizzle's own mapping asks every value's field what it is, which cost more CPU than
 * D1's answer for a few hundred contacts.
 */
export function rowsFrom<Row>(columns: readonly string[], booleans: readonly string[]): (raw: unknown[][]) => Row[] {
  const isBoolean = columns.map((c) => booleans.includes(c));
  return (raw) => {
    // A read that names fewer columns than its fields (or a batch row whose names collided) must not shift them.
    if (raw.length && raw[0].length < columns.length) throw new Error(`expected ${columns.length} columns (${columns.join(", ")}), got ${raw[0].length}`);
    return raw.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const value = values[i];
        row[columns[i]] = isBoolean[i] && value !== null ? value === 1 : value;
      }
      return row as Row;
    });
  };
}

/** A compiled read bound to its values, and what its raw rows become: for `readOne`, or several in one round trip. */
export interface Read<T> {
  statement: Statement;
  result: (raw: unknown[][]) => T;
}

export function readOf<Row>(d1: D1Database, query: CompiledQuery, values: Record<string, unknown> = {}): Read<Row[]> {
  if (!query.columns) throw new Error(`not a read: ${query.sql.slice(0, 60)}…`);
  return { statement: bind(d1, query, values), result: rowsFrom<Row>(query.columns, query.booleans ?? []) };
}

export async function readOne<T>(read: Read<T>): Promise<T> {
  return read.result(await read.statement.raw());
}

/**
 * Several small reads in one round trip (each round trip costs the worker more CPU than a few rows do). D1 answers
 * a batch with row objects whose keys are the columns in the select's order: their values are the raw rows (so the
 * columns need distinct names that are not numbers). Building those objects costs more than a round trip for
 * hundreds of rows: big reads go on their own.
 */
export async function readTogether<T extends unknown[]>(d1: D1Database, reads: { [K in keyof T]: Read<T[K]> }): Promise<T> {
  const results = await d1.batch<Record<string, unknown>>(reads.map((r) => r.statement));
  return reads.map((r, i) => r.result(results[i].results.map((row) => Object.values(row)))) as T;
}

/** JSON text per statement of jsonRows: well inside D1's 100 KB for a statement, whatever its characters take. */
const MAX_JSON_CHARS = 30_000;

/**
 * Many rows of one table in a few statements, however many there are: the rows travel as one JSON parameter
 * ("rows", an array of values per row, in `fields` order) and SQLite inserts them in order (json_each's key), each
 * row seeing what the rows before it wrote, as one statement per row would. See prepared.ts, jsonRowsQuery.
 */
export function jsonRows<Row extends object>(d1: D1Database, query: CompiledQuery, rows: readonly Row[]): Statement[] {
  const fields = query.fields;
  if (!fields) throw new Error(`not a json-rows statement: ${query.sql.slice(0, 60)}…`);
  const statements: Statement[] = [];
  let part: string[] = [];
  let chars = 0;
  const flush = () => {
    if (!part.length) return;
    statements.push(bind(d1, query, { rows: `[${part.join(",")}]` }));
    part = [];
    chars = 0;
  };
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    const json = JSON.stringify(fields.map((f) => driverValue(values[f.key] === undefined ? f.missing : values[f.key])));
    if (chars + json.length > MAX_JSON_CHARS) flush();
    part.push(json);
    chars += json.length + 1;
  }
  flush();
  return statements;
}
