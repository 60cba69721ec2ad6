// Statements of the hot write paths (ingest, the digest's bookkeeping), built by drizzle from the schema once and
// then only bound.
//
// Building a query is most of the work a query builder does: the contact upsert alone is some 25 CASE expressions,
// and rebuilding it for every mail took over half of the import's CPU. Here drizzle builds each statement once per
// row count, with named placeholders (`column#row`), and every later use binds that row's values to the same SQL.
import { fillPlaceholders, sql, type Placeholder, type Query } from "drizzle-orm";
import type { Db } from "./client";
import { chunk, D1_MAX_PARAMS } from "./limits";

export type Statement = D1PreparedStatement;
export type Placeholders<Row> = { [K in keyof Row]: Placeholder };

/**
 * A multi-row statement: `build` writes it with drizzle for placeholder rows; the result binds real rows, as many
 * statements as D1's limit on parameters needs. Every row of one statement has the same keys.
 */
export function rowsStatement<Row extends Record<string, unknown>>(build: (db: Db, rows: Placeholders<Row>[]) => { toSQL(): Query }) {
  const byCount = new Map<number, Query>();
  const query = (db: Db, keys: string[], count: number): Query => {
    let built = byCount.get(count);
    if (!built) {
      const rows = Array.from({ length: count }, (_, i) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(`${k}#${i}`)])) as Placeholders<Row>);
      built = build(db, rows).toSQL();
      byCount.set(count, built);
    }
    return built;
  };
  return (db: Db, rows: Row[]): Statement[] => {
    if (rows.length === 0) return [];
    const keys = Object.keys(rows[0]);
    const perRow = query(db, keys, 1).params.length;
    return chunk(rows, Math.max(1, Math.floor(D1_MAX_PARAMS / perRow))).map((part) => {
      const values: Record<string, unknown> = {};
      for (let i = 0; i < part.length; i++) {
        for (const k of keys) values[`${k}#${i}`] = driverValue(part[i][k]);
      }
      return db.$client.prepare(query(db, keys, part.length).sql).bind(...fillPlaceholders(query(db, keys, part.length).params, values));
    });
  };
}

/** A one-row statement (an UPDATE by key): drizzle builds it once with a placeholder per key, each use binds a row. */
export function rowStatement<Row extends Record<string, unknown>>(build: (db: Db, row: Placeholders<Row>) => { toSQL(): Query }) {
  let built: Query | undefined;
  return (db: Db, row: Row): Statement => {
    built ??= build(db, Object.fromEntries(Object.keys(row).map((k) => [k, sql.placeholder(k)])) as Placeholders<Row>).toSQL();
    const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, driverValue(v)]));
    return db.$client.prepare(built.sql).bind(...fillPlaceholders(built.params, values));
  };
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
