// Statements of the hot write paths (ingest, the digest's bookkeeping), built by drizzle from the schema once and
// then only bound.
//
// Building a query is most of the work a query builder does: the contact upsert alone is some 25 CASE expressions,
// and rebuilding it for every mail took over half of the import's CPU. Here drizzle builds each statement once, with
// a placeholder for its rows, and every later use binds the rows of one mail or of a whole import batch.
import { Column, fillPlaceholders, getTableColumns, is, SQL, sql, type Placeholder, type Query } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

export type Statement = D1PreparedStatement;
export type Placeholders<Row> = { [K in keyof Row]: Placeholder };

/** A one-row statement (an UPDATE by key): drizzle builds it once with a placeholder per key, each use binds a row. */
export function rowStatement<Row extends Record<string, unknown>>(build: (db: Db, row: Placeholders<Row>) => { toSQL(): Query }) {
  let built: Query | undefined;
  return (db: Db, row: Row): Statement => {
    built ??= build(db, Object.fromEntries(Object.keys(row).map((k) => [k, sql.placeholder(k)])) as Placeholders<Row>).toSQL();
    const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, driverValue(v)]));
    return db.$client.prepare(built.sql).bind(...fillPlaceholders(built.params, values));
  };
}

/**
 * D1's raw arrays as the rows drizzle would give for these selected fields, in their order (a table's columns for
 * `select()` or `returning()`): booleans as booleans, everything else as stored. drizzle's own mapping asks every
 * value's field what it is, which cost more CPU than D1's answer for a few hundred contacts.
 */
export function rowsOf<Row>(fields: Record<string, unknown>): (raw: unknown[][]) => Row[] {
  const keys = Object.keys(fields);
  const booleans = keys.map((k) => {
    const field = fields[k];
    return is(field, Column) && field.dataType === "boolean";
  });
  return (raw) => {
    // A read that names fewer columns than its fields (or a batch row whose names collided) must not shift them.
    if (raw.length && raw[0].length < keys.length) throw new Error(`expected ${keys.length} columns (${keys.join(", ")}), got ${raw[0].length}`);
    return raw.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = values[i];
        row[keys[i]] = booleans[i] && value !== null ? value === 1 : value;
      }
      return row as Row;
    });
  };
}

/**
 * A read of the digest path: drizzle builds it once with a placeholder per parameter, each use binds them, and the
 * rows come as D1's raw arrays mapped by `rowsOf` (or `rows`). `fields` are what the select names, in its order.
 */
export function selectStatement<Params extends Record<string, unknown>, Row>(
  fields: Record<string, unknown>,
  build: (db: Db, params: Placeholders<Params>) => { toSQL(): Query },
  /** A mapping written out, for a read of thousands of small rows. */
  rows: (raw: unknown[][]) => Row[] = rowsOf<Row>(fields),
) {
  const statement = rowStatement<Params>(build);
  /** The read bound to these parameters, for `readTogether`. */
  const read = (db: Db, params: Params): Read<Row[]> => ({ statement: statement(db, params), result: rows });
  return { read, all: (db: Db, params: Params): Promise<Row[]> => readOne(read(db, params)) };
}

/** A bound read and what its raw rows become. */
export interface Read<T> {
  statement: Statement;
  result: (raw: unknown[][]) => T;
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
export async function readTogether<T extends unknown[]>(db: Db, reads: { [K in keyof T]: Read<T[K]> }): Promise<T> {
  const results = await db.$client.batch<Record<string, unknown>>(reads.map((r) => r.statement));
  return reads.map((r, i) => r.result(results[i].results.map((row) => Object.values(row)))) as T;
}

/** A statement built by drizzle for this one use (the cold paths), as a D1 statement for the same batch. */
export function statementOf(db: Db, query: { toSQL(): Query }): Statement {
  const { sql: text, params } = query.toSQL();
  return db.$client.prepare(text).bind(...params);
}

/** What drizzle would bind: booleans as 0/1 (mode "boolean" columns), no undefined. */
function driverValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** JSON text per statement of jsonRowsStatement: well inside D1's 100 KB for a statement, whatever its characters take. */
const MAX_JSON_CHARS = 30_000;

/**
 * Many rows of one table in a few statements, however many there are: the rows travel as one JSON parameter (an
 * array of values per row) and SQLite inserts them in order (json_each's key), each row seeing what the rows before
 * it wrote, as one statement per row would. D1 prepares every statement of a batch anew, and a big statement (the
 * contact upsert is some 10 KB of SQL) cost more to prepare than to run; D1's 100 bound parameters also cap a
 * multi-row VALUES at two contact rows. `build` finishes drizzle's `insert … select` (an upsert, on conflict do
 * nothing); `computed` gives a column an expression of the row's fields instead of a value (a contact's id found
 * by address), and `extra` names fields that are no column.
 */
export function jsonRowsStatement<Row extends Record<string, unknown>>(
  table: SQLiteTable,
  build: (db: Db, rows: SQL) => { toSQL(): Query },
  options: { computed?: Record<string, (field: (key: string) => SQL) => SQL>; extra?: string[] } = {},
) {
  const computed = options.computed ?? {};
  const columns = Object.entries(getTableColumns(table)).filter(([, column]) => column.generated === undefined);
  // What drizzle binds for a column a row leaves out: its default, or null.
  const fields = [
    ...columns
      .filter(([key]) => !(key in computed))
      .map(([key, column]) => {
        if (is(column.default, SQL) || column.defaultFn) throw new Error(`${key}: a computed default cannot travel in JSON`);
        return { key, missing: column.default ?? null };
      }),
    ...(options.extra ?? []).map((key) => ({ key, missing: null })),
  ];
  const field = (key: string) => sql.raw(`json_extract(value, '$[${fields.findIndex((f) => f.key === key)}]')`);
  let query: Query | null = null;
  return (db: Db, rows: Row[]): Statement[] => {
    const select = sql`select ${sql.join(columns.map(([key]) => (key in computed ? computed[key](field) : field(key))), sql`, `)} from json_each(${sql.placeholder("rows")}) where true order by key`;
    const built = (query ??= build(db, select).toSQL());
    const statements: Statement[] = [];
    let part: string[] = [];
    let chars = 0;
    const flush = () => {
      if (!part.length) return;
      statements.push(db.$client.prepare(built.sql).bind(...fillPlaceholders(built.params, { rows: `[${part.join(",")}]` })));
      part = [];
      chars = 0;
    };
    for (const row of rows) {
      const json = JSON.stringify(fields.map((f) => driverValue(row[f.key] === undefined ? f.missing : row[f.key])));
      if (chars + json.length > MAX_JSON_CHARS) flush();
      part.push(json);
      chars += json.length + 1;
    }
    flush();
    return statements;
  };
}
