import { describe, expect, it } from "vitest";
import { commandQueries, hotQueries, hotTables } from "../../src/db/hot-queries";
import { COMMAND_SQL } from "../../src/db/command-sql";
import { HOT_SQL, HOT_TABLES } from "../../src/db/hot-sql";
import { getDb } from "../../src/db/client";

describe("hot-sql.ts: the hot paths' SQL, written ahead of time", () => {
  it("is what drizzle builds from hot-queries.ts and the schema now", () => {
    // Building a statement asks nothing of the binding.
    const built = hotQueries(getDb({} as D1Database));
    expect(Object.keys(built).length).toBeGreaterThan(15);
    expect(HOT_SQL, "hot-queries.ts or the schema changed: run npm run hot-sql").toEqual(JSON.parse(JSON.stringify(built)));
    expect(HOT_TABLES, "the schema changed: run npm run hot-sql").toEqual(JSON.parse(JSON.stringify(hotTables())));
    expect(COMMAND_SQL, "hot-queries.ts (commandQueries) or the schema changed: run npm run hot-sql").toEqual(
      JSON.parse(JSON.stringify(commandQueries(getDb({} as D1Database)))),
    );
  });
});
