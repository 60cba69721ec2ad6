// The compiling of the statements the hot paths bind (a mail, the hourly sweep, the digest queue): drizzle builds
// each once, with a placeholder for its values (hot-queries.ts), `npm run hot-sql` writes the SQL into hot-sql.ts,
// and every use binds the values (statements.ts).
//
// Building a query is most of the work a query builder does: the contact upsert alone is some 25 CASE expressions,
// and rebuilding it for every mail took over half of the import's CPU; loading drizzle and the schema to build
// them was about a quarter of a fresh worker's first mail.
import { Column, getTableColumns, is, Param, Placeholder, SQL, sql, type Query } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { listParam } from "./limits";
import { driverValue, type CompiledQuery, type TableColumns } from "./statements";

/** The fields a read gives as booleans: mode "boolean" columns, and expressions mapped with Boolean (`exists`). */
function booleanFields(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((k) => {
    const field = fields[k];
    return (is(field, Column) && field.dataType === "boolean") || (is(field, SQL) && (field as unknown as { decoder: unknown }).decoder === Boolean);
  });
}

/**
 * Many rows of one table in a few statements, however many there are: the rows travel as one JSON parameter (an
 * array of values per row) and SQLite inserts them in order (json_each's key), each row seeing what the rows before
 * it wrote, as one statement per row would. D1 prepares every statement of a batch anew, and a big statement (the
 * contact upsert is some 10 KB of SQL) cost more to prepare than to run; D1's 100 bound parameters also cap a
 * multi-row VALUES at two contact rows. `build` finishes drizzle's `insert … select` (an upsert, on conflict do
 * nothing); `computed` gives a column an expression of the row's fields instead of a value (a contact's id found
 * by address), and `extra` names fields that are no column. The rows are bound by statements.ts, jsonRows.
 */
export function jsonRowsQuery(
  db: Db,
  table: SQLiteTable,
  build: (db: Db, rows: SQL) => { toSQL(): Query },
  options: { computed?: Record<string, (field: (key: string) => SQL) => SQL>; extra?: string[] } = {},
): CompiledQuery {
  const computed = options.computed ?? {};
  const columns = Object.entries(getTableColumns(table)).filter(([, column]) => column.generated === undefined);
  // What drizzle binds for a column a row leaves out: its default, or null.
  const fields = [
    ...columns
      .filter(([key]) => !(key in computed))
      .map(([key, column]) => {
        if (is(column.default, SQL) || column.defaultFn) throw new Error(`${key}: a computed default cannot travel in JSON`);
        return { key, missing: driverValue(column.default ?? null) };
      }),
    ...(options.extra ?? []).map((key) => ({ key, missing: null })),
  ];
  const field = (key: string) => sql.raw(`json_extract(value, '$[${fields.findIndex((f) => f.key === key)}]')`);
  const select = sql`select ${sql.join(columns.map(([key]) => (key in computed ? computed[key](field) : field(key))), sql`, `)} from json_each(${sql.placeholder("rows")}) where true order by key`;
  return { ...compiledQuery(build(db, select)), fields };
}

/** A statement as drizzle builds it, with a placeholder (`sql.placeholder(name)`) where each call's value goes. */
export function compiledQuery(query: { toSQL(): Query }): CompiledQuery {
  const { sql: text, params } = query.toSQL();
  return {
    sql: text,
    params: params.map((p) => {
      if (is(p, Placeholder)) return { p: p.name };
      // A placeholder among an insert's values comes wrapped with its column, whose encoder statements.ts's
      // driverValue stands in for: the capture path's columns are text, integers and 0/1 booleans.
      if (is(p, Param) && is(p.value, Placeholder)) return { p: p.value.name };
      return { v: driverValue(p) };
    }),
  };
}

/** A read as drizzle builds it: its fields (what the select names, in its order) say how its rows map. */
export function compiledRead(fields: Record<string, unknown>, query: { toSQL(): Query }): CompiledQuery {
  return { ...compiledQuery(query), columns: Object.keys(fields), booleans: booleanFields(fields) };
}

/** A table's columns as a read of all of them maps them (hot-queries.ts, hotTables). */
export function tableColumns(table: SQLiteTable): TableColumns {
  const fields = getTableColumns(table);
  return { names: Object.values(fields).map((column) => column.name), columns: Object.keys(fields), booleans: booleanFields(fields) };
}

/** A list as one bound parameter, for `column in ${jsonList(…)}` (see limits.ts, JSON_LOOKUP_CHUNK). */
export const jsonList = (items: string[] | Placeholder, max = Infinity) =>
  sql`(select value from json_each(${is(items, Placeholder) ? items : listParam(items as string[], max)}))`;
