import { describe, expect, it } from "vitest";
import { captureQueries } from "../../src/db/capture-queries";
import { CAPTURE_SQL } from "../../src/db/capture-sql";
import { getDb } from "../../src/db/client";

describe("capture-sql.ts: the mail path's SQL, written ahead of time", () => {
  it("is what drizzle builds from capture-queries.ts and the schema now", () => {
    // Building a statement asks nothing of the binding.
    const built = captureQueries(getDb({} as D1Database));
    expect(Object.keys(built).length).toBeGreaterThan(15);
    expect(CAPTURE_SQL, "capture-queries.ts or the schema changed: run npm run capture-sql").toEqual(JSON.parse(JSON.stringify(built)));
  });
});
