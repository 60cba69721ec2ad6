// A D1 binding that answers every query at once with rows fetched before. With it, drizzle's share of a
// query (building the SQL, mapping each row to an object) can be timed as the pure CPU it is, apart from
// the round trip and SQLite's own work, which in the test pool happen in the same process.

export interface CannedResult {
  columns: string[];
  rows: unknown[][];
}

export function cannedD1(result: CannedResult): D1Database {
  const statement = {
    bind: () => statement,
    raw: async (options?: { columnNames?: boolean }) => (options?.columnNames ? [result.columns, ...result.rows] : result.rows),
    all: async () => ({
      success: true,
      meta: {},
      results: result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]]))),
    }),
  };
  return { prepare: () => statement } as unknown as D1Database;
}
