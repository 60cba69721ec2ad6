// A D1 binding that answers one statement at once with rows fetched before. With it, the worker's share of a
// query (binding it, mapping each row) can be timed as the pure CPU it is, apart from the round trip and
// SQLite's own work, which in the test pool happen in the same process.
//
// It answers as D1 does: raw() gives arrays in the statement's column order (with the column names first when
// asked), all() and batch() give row objects keyed by column name in that order, first() the first of them. It
// answers only the statement it was fetched for (same SQL, same bound values): any other is an error, never
// someone else's rows.

export interface CannedResult {
  /** The statement the rows answer, as the code prepared and bound it. */
  sql: string;
  params: unknown[];
  /** The column names in the select's order, as D1's raw({ columnNames: true }) gives them. */
  columns: string[];
  rows: unknown[][];
}

function sameParams(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export function cannedD1(result: CannedResult): D1Database {
  // D1 would lose a column to a later one of the same name in a row object: the canned rows must not need that.
  if (new Set(result.columns).size !== result.columns.length) throw new Error(`canned columns are not distinct: ${result.columns.join(", ")}`);
  const objects = () => result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
  const answer = () => ({ success: true as const, meta: {}, results: objects() });

  class CannedStatement {
    constructor(
      readonly sql: string,
      readonly params: unknown[] = [],
    ) {}
    bind(...values: unknown[]) {
      return new CannedStatement(this.sql, values);
    }
    /** The canned answer, if this is the statement it answers. */
    private check() {
      if (this.sql !== result.sql) throw new Error(`no canned answer for ${this.sql.replace(/\s+/g, " ").slice(0, 100)}…`);
      if (!sameParams(this.params, result.params)) throw new Error(`canned answer bound to ${JSON.stringify(result.params)}, not ${JSON.stringify(this.params)}`);
    }
    async raw(options?: { columnNames?: boolean }) {
      this.check();
      return options?.columnNames ? [result.columns, ...result.rows] : result.rows;
    }
    async all() {
      this.check();
      return answer();
    }
    async run() {
      return this.all();
    }
    async first(column?: string) {
      this.check();
      const row = objects()[0] ?? null;
      return column === undefined ? row : (row?.[column] ?? null);
    }
  }

  const db = {
    prepare: (sql: string) => new CannedStatement(sql),
    batch: async (statements: CannedStatement[]) => Promise.all(statements.map((s) => s.all())),
  };
  return db as unknown as D1Database;
}
