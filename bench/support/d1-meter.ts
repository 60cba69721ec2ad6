// A D1 binding that records every round trip and what D1 says it cost. D1 bills rows read (scanned) and
// rows written, and reports both in each result's `meta` (Cloudflare D1 pricing); unlike timings they do
// not vary from run to run. Pass `meter.db` wherever the worker takes `env.DB`.

export interface D1Call {
  /** The D1 method the code called; `batch` is one round trip however many statements it holds. */
  method: "all" | "run" | "first" | "raw" | "batch";
  statements: Array<{ sql: string; params: unknown[] }>;
  rowsRead: number;
  rowsWritten: number;
  /** D1's own time running the SQL (meta.duration): on Cloudflare it is spent in D1, not in the worker. */
  sqlMs: number;
  /** Any statement that changes data (INSERT, UPDATE, DELETE). */
  writes: boolean;
}

const WRITE_SQL = /^\s*(insert|update|delete|replace)\b/i;

interface Meta {
  rows_read?: number;
  rows_written?: number;
  duration?: number;
}

class MeteredStatement {
  constructor(
    readonly real: D1PreparedStatement,
    readonly sql: string,
    readonly params: unknown[],
    private readonly record: (call: D1Call) => void,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.real.bind(...values), this.sql, values, this.record);
  }

  private log(method: D1Call["method"], meta: Meta) {
    this.record({
      method,
      statements: [{ sql: this.sql, params: this.params }],
      rowsRead: meta.rows_read ?? 0,
      rowsWritten: meta.rows_written ?? 0,
      sqlMs: meta.duration ?? 0,
      writes: WRITE_SQL.test(this.sql),
    });
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.real.all<T>();
    this.log("all", result.meta);
    return result;
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.real.run<T>();
    this.log("run", result.meta);
    return result;
  }

  // first() and raw() hide the meta, so they go through all(), which reads the same rows. raw() rebuilds
  // the rows as arrays in column order, as drizzle itself does for batch results (d1ToRawMapping).
  async first<T = Record<string, unknown>>(column?: string): Promise<T | null> {
    const result = await this.real.all<Record<string, unknown>>();
    this.log("first", result.meta);
    const row = result.results[0] ?? null;
    if (column === undefined) return row as T | null;
    return (row?.[column] ?? null) as T | null;
  }

  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]> {
    const result = await this.real.all<Record<string, unknown>>();
    this.log("raw", result.meta);
    const rows = result.results.map((row) => Object.keys(row).map((k) => row[k]));
    if (options?.columnNames) return [Object.keys(result.results[0] ?? {}), ...rows] as T[];
    return rows as T[];
  }
}

export interface D1Meter {
  db: D1Database;
  calls: D1Call[];
  /** Forget what was recorded so far. */
  reset(): void;
}

export function meterD1(real: D1Database): D1Meter {
  const calls: D1Call[] = [];
  const record = (call: D1Call) => calls.push(call);
  const db = {
    prepare(sql: string) {
      return new MeteredStatement(real.prepare(sql), sql, [], record);
    },
    async batch(statements: MeteredStatement[]) {
      const results = await real.batch(statements.map((s) => s.real));
      calls.push({
        method: "batch",
        statements: statements.map((s) => ({ sql: s.sql, params: s.params })),
        rowsRead: results.reduce((sum, r) => sum + (r.meta.rows_read ?? 0), 0),
        rowsWritten: results.reduce((sum, r) => sum + (r.meta.rows_written ?? 0), 0),
        sqlMs: results.reduce((sum, r) => sum + ((r.meta as Meta).duration ?? 0), 0),
        writes: statements.some((s) => WRITE_SQL.test(s.sql)),
      });
      return results;
    },
    exec(sql: string) {
      return real.exec(sql);
    },
    dump() {
      return real.dump();
    },
    withSession(constraint?: string) {
      return real.withSession(constraint);
    },
  };
  return {
    db: db as unknown as D1Database,
    calls,
    reset: () => calls.splice(0, calls.length),
  };
}

/**
 * A D1 binding that only counts statements, each call going to D1's own method unchanged: for an invocation that
 * is profiled at the same time (the fan-out of bench:scale), where meterD1's reading of every result through all()
 * would change the CPU measured.
 */
export function countD1(real: D1Database): { db: D1Database; statements: () => number } {
  let statements = 0;
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement & { real: D1PreparedStatement } =>
    ({
      real: stmt,
      bind: (...values: unknown[]) => wrap(stmt.bind(...values)),
      all: () => (statements++, stmt.all()),
      run: () => (statements++, stmt.run()),
      first: (column?: string) => (statements++, column === undefined ? stmt.first() : stmt.first(column)),
      raw: (options?: { columnNames?: boolean }) => (statements++, stmt.raw(options as { columnNames: true })),
    }) as unknown as D1PreparedStatement & { real: D1PreparedStatement };
  const db = {
    prepare: (sql: string) => wrap(real.prepare(sql)),
    batch: (list: Array<{ real: D1PreparedStatement }>) => ((statements += list.length), real.batch(list.map((s) => s.real))),
    exec: (sql: string) => real.exec(sql),
    dump: () => real.dump(),
    withSession: (constraint?: string) => real.withSession(constraint),
  };
  return { db: db as unknown as D1Database, statements: () => statements };
}

export interface D1Cost {
  roundTrips: number;
  /** Round trips before the first one that writes. */
  readsBeforeWrite: number;
  writeBatches: number;
  /** Round trips that write outside a batch (should be none). */
  unbatchedWrites: number;
  statements: number;
  rowsRead: number;
  rowsWritten: number;
}

export function d1Cost(calls: D1Call[]): D1Cost {
  const firstWrite = calls.findIndex((c) => c.writes);
  return {
    roundTrips: calls.length,
    readsBeforeWrite: firstWrite < 0 ? calls.length : firstWrite,
    writeBatches: calls.filter((c) => c.writes && c.method === "batch").length,
    unbatchedWrites: calls.filter((c) => c.writes && c.method !== "batch").length,
    statements: calls.reduce((s, c) => s + c.statements.length, 0),
    rowsRead: calls.reduce((s, c) => s + c.rowsRead, 0),
    rowsWritten: calls.reduce((s, c) => s + c.rowsWritten, 0),
  };
}

export interface QueryPlan {
  sql: string;
  plan: string[];
}

/** SQLite's EXPLAIN QUERY PLAN for each distinct statement issued: "SCAN t" reads the whole table. */
export async function explainCalls(real: D1Database, calls: D1Call[]): Promise<QueryPlan[]> {
  const seen = new Set<string>();
  const out: QueryPlan[] = [];
  for (const call of calls) {
    for (const s of call.statements) {
      if (seen.has(s.sql)) continue;
      seen.add(s.sql);
      const rows = await real
        .prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
        .bind(...s.params)
        .all<{ detail: string }>();
      out.push({ sql: s.sql, plan: rows.results.map((r) => r.detail) });
    }
  }
  return out;
}

/**
 * Plan lines that walk a whole table or index ("SCAN …") instead of searching it ("SEARCH …"). The rows of
 * an INSERT's own VALUES list and constant rows are not stored data, so they do not count. Some lines are
 * foreign-key checks that SQLite runs only when a parent key changes: rows_read shows what really ran.
 */
export function scans(plans: QueryPlan[]): Array<{ sql: string; detail: string }> {
  return plans.flatMap((p) =>
    p.plan
      .filter((d) => /^SCAN (?!(\d+ )?CONSTANT ROWS?\b|\d+-ROW VALUES CLAUSE)/.test(d))
      .map((detail) => ({ sql: p.sql, detail })),
  );
}
