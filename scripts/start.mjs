// npm start: a migrated local D1 with the development owner, then `wrangler dev` on http://127.0.0.1:8787.
import { spawn } from "node:child_process";
import { devArgs, LOCAL, LOCAL_URL, prepareLocalDatabase, requireNode22, ROOT, wranglerBin, wranglerEnv } from "./lib.mjs";

requireNode22();
await prepareLocalDatabase();
console.log(`\nGensidig on ${LOCAL_URL}`);
console.log(`  owner ${LOCAL.owner}, API token ${LOCAL.token}, assistant ${LOCAL.assistant}`);
console.log(`  deliver mail: npm run send -- mail.eml     weekly digest now: npm run digest\n`);
const child = spawn(wranglerBin(), devArgs(), { cwd: ROOT, env: wranglerEnv, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
