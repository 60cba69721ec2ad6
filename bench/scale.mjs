// npm run bench:scale: runs bench/scale.scale-test.ts inside workerd and prints one line per case. The details
// (every invocation's figures, cold and warm) are written to bench/results/scale.json.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const child = spawn("npx", ["vitest", "run", "--config", "bench/scale.config.ts"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
let log = "";
child.stdout.on("data", (d) => (log += d));
child.stderr.on("data", (d) => (log += d));
const code = await new Promise((resolve) => child.on("close", resolve));
if (code !== 0) {
  process.stderr.write(log);
  process.exit(code ?? 1);
}
const { lines } = JSON.parse(await readFile(path.join(root, "bench/results/scale.json"), "utf8"));
for (const line of lines) console.log(line);
