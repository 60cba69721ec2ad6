// npm run phrase-needs: writes src/mail/phrase-needs.ts, what each fixed phrase pattern cannot match without.
//
// The phrase sets (src/mail/phrase-set.ts) skip a pattern unless the text holds its needs. Reading the needs out of
// 600 patterns cost a fresh worker most of its first mail, so they are read here, ahead of time, by the same code
// (`lookInto`). Run it after changing a pattern in intent.ts or request-cues.ts; test/unit/phrase-needs.test.ts
// fails until it is.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { importTs, requireNode22, ROOT } from "./lib.mjs";

requireNode22();
const { needsTable, recordPhraseSets } = await importTs("src/mail/phrase-set.ts");
const sets = recordPhraseSets();
// Building the rules' sets records them.
await importTs("src/mail/intent.ts");
await importTs("src/mail/request-cues.ts");

const table = needsTable(sets);
const rows = Object.entries(table)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  // Each row one JSON text, so that the worker parses data, not code, and only for the sets a mail asks.
  .map(([key, json]) => `  ${JSON.stringify(key)}: ${JSON.stringify(json)},`);
const file = `// Written by \`npm run phrase-needs\` from the patterns of intent.ts and request-cues.ts: do not edit.
// One row per phrase set, named by setKey: for each of its patterns, [its length, what the text must hold
// (requiredText), the trigram gates (gatesOf)].
export const PHRASE_NEEDS: Readonly<Record<string, string>> = {
${rows.join("\n")}
};
`;
await writeFile(join(ROOT, "src/mail/phrase-needs.ts"), file);
console.log(`src/mail/phrase-needs.ts: ${rows.length} sets, ${sets.reduce((n, s) => n + s.patterns.length, 0)} patterns`);
