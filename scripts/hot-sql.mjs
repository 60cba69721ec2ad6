// npm run hot-sql: writes src/db/hot-sql.ts, the SQL of the mail path's statements as drizzle builds them.
//
// The mail path binds values into SQL written ahead of time (src/db/statements.ts), so that a mail loads neither
// drizzle nor the schema. The statements are defined with drizzle in src/db/hot-queries.ts; run this after
// changing them or the schema. test/unit/hot-sql.test.ts fails until it is.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { importTs, requireNode22, ROOT } from "./lib.mjs";

requireNode22();
const { hotQueries } = await importTs("src/db/hot-queries.ts");
const { getDb } = await importTs("src/db/client.ts");
// Building a statement asks nothing of the binding: an empty stand-in is enough.
const queries = hotQueries(getDb({}));
const entries = Object.entries(queries).map(([name, query]) => `  ${name}: ${JSON.stringify(query)},`);
const file = `// Written by \`npm run hot-sql\` from hot-queries.ts: do not edit.
import type { CompiledQuery } from "./statements";

export const HOT_SQL = {
${entries.join("\n")}
} as const satisfies Record<string, CompiledQuery>;
`;
await writeFile(join(ROOT, "src/db/hot-sql.ts"), file);
console.log(`src/db/hot-sql.ts: ${entries.length} statements`);
