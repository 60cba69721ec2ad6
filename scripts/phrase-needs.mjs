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
const { lookInto, recordPatternKeys } = await importTs("src/mail/phrase-set.ts");
const keys = recordPatternKeys();
// Building the rules' sets records every pattern they hold.
await importTs("src/mail/intent.ts");
await importTs("src/mail/request-cues.ts");

const rows = [...keys].sort().map((key) => {
  const { needs, gates } = lookInto(key.slice(2), key[0] === "i");
  // Each row a JSON string, so that the worker parses data, not code.
  return `  ${JSON.stringify(JSON.stringify([key, needs, gates]))},`;
});
const file = `// Written by \`npm run phrase-needs\` from the patterns of intent.ts and request-cues.ts: do not edit.
// Each row: [pattern key (patternKey), what the text must hold (requiredText), the trigram gates (gatesOf)].
export const PHRASE_NEEDS: readonly string[] = [
${rows.join("\n")}
];
`;
await writeFile(join(ROOT, "src/mail/phrase-needs.ts"), file);
console.log(`src/mail/phrase-needs.ts: ${rows.length} patterns`);
