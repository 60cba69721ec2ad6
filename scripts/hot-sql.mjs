// npm run hot-sql: writes src/db/hot-sql.ts and src/db/command-sql.ts, the SQL of the hot paths' statements as
// drizzle builds them.
//
// The mail path, the hourly sweep and the digest queue's consumer bind values into SQL written ahead of time
// (src/db/statements.ts), so that they load neither drizzle nor the schema. The statements are defined with
// drizzle in src/db/hot-queries.ts; run this after changing them or the schema. test/unit/hot-sql.test.ts fails
// until it is.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { importTs, requireNode22, ROOT } from "./lib.mjs";

requireNode22();
const { commandQueries, hotQueries, hotTables } = await importTs("src/db/hot-queries.ts");
const { getDb } = await importTs("src/db/client.ts");
// Building a statement asks nothing of the binding: an empty stand-in is enough.
const queries = hotQueries(getDb({}));
const entries = Object.entries(queries).map(([name, query]) => `  ${name}: ${JSON.stringify(query)},`);
const tables = Object.entries(hotTables()).map(([name, columns]) => `  ${name}: ${JSON.stringify(columns)},`);
const file = `// Written by \`npm run hot-sql\` from hot-queries.ts: do not edit.
import type { CompiledQuery, TableColumns } from "./statements";

export const HOT_SQL = {
${entries.join("\n")}
} as const satisfies Record<string, CompiledQuery>;

export const HOT_TABLES = {
${tables.join("\n")}
} as const satisfies Record<string, TableColumns>;
`;
await writeFile(join(ROOT, "src/db/hot-sql.ts"), file);
console.log(`src/db/hot-sql.ts: ${entries.length} statements, ${tables.length} tables`);

// A command mail's common statements, in their own module: only a command mail loads them.
const commands = Object.entries(commandQueries(getDb({}))).map(([name, query]) => `  ${name}: ${JSON.stringify(query)},`);
await writeFile(
  join(ROOT, "src/db/command-sql.ts"),
  `// Written by \`npm run hot-sql\` from hot-queries.ts (commandQueries): do not edit.
import type { CompiledQuery } from "./statements";

export const COMMAND_SQL = {
${commands.join("\n")}
} as const satisfies Record<string, CompiledQuery>;
`,
);
console.log(`src/db/command-sql.ts: ${commands.length} statements`);
