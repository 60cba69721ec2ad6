import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { re2Alias, workersProject } from "../vitest.workers.ts";
import type { ScenarioFiles } from "./support/scenario";

// The labelled evaluation runs where the worker runs: inside workerd, against a local D1 with the real
// migrations. It is run by hand (`npm run eval`), never by `npm test`. workerd has no host file system, so the
// scenarios are read here and handed in as a binding, byte for byte (base64: some mail is ISO-8859-1).
const root = path.join(import.meta.dirname, "..");
const scenariosDir = path.join(import.meta.dirname, "scenarios");
const only = process.env.EVAL_SCENARIO;
/** `EVAL_SPLIT=tune` runs only the scenarios used for tuning, so the held-out third stays unseen while tuning. */
const split = process.env.EVAL_SPLIT;

function emlFiles(dir: string): Array<{ name: string; base64: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((name) => ({ name, base64: readFileSync(path.join(dir, name)).toString("base64") }));
}

const scenarios: ScenarioFiles[] = readdirSync(scenariosDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(scenariosDir, d.name, "scenario.json")))
  .filter((d) => !only || only.split(",").includes(d.name))
  .map((d) => d.name)
  .sort()
  .map((name) => ({
    name,
    scenario: JSON.parse(readFileSync(path.join(scenariosDir, name, "scenario.json"), "utf8")),
    mailbox: emlFiles(path.join(scenariosDir, name, "mailbox")),
    live: emlFiles(path.join(scenariosDir, name, "live")),
  }))
  .filter((s) => !split || s.scenario.split === split);

// Every scenario is its own owner in one local D1: two with the same owner address would fail one of them at
// setup and leave it out of the figures. Say so before anything runs.
const owners = new Map<string, string>();
for (const s of scenarios) {
  const address = String(s.scenario.owner?.address ?? "").toLowerCase();
  const other = owners.get(address);
  if (other) throw new Error(`eval: scenarios ${other} and ${s.name} have the same owner address ${address}`);
  owners.set(address, s.name);
}

/** Mail bytes (base64) per project, well under workerd's WebSocket message limit. */
const SHARE_BYTES = 12 * 1024 * 1024;

function shares(all: ScenarioFiles[]): ScenarioFiles[][] {
  const out: ScenarioFiles[][] = [[]];
  let bytes = 0;
  for (const s of all) {
    const size = [...s.mailbox, ...s.live].reduce((n, f) => n + f.base64.length, 0);
    if (bytes + size > SHARE_BYTES && out[out.length - 1].length) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1].push(s);
    bytes += size;
  }
  return out;
}

export default defineConfig({
  root,
  // Read by the workers pool's module fallback service: see re2Alias.
  resolve: { alias: re2Alias },
  test: {
    reporters: [path.join(import.meta.dirname, "support/report.ts")],
    // One project per share of the scenarios: what a project provides reaches workerd as one WebSocket message, and
    // workerd refuses a message over its size limit ("Message is too large"), which 433 scenarios in one passed.
    projects: shares(scenarios).map((share, i, all) =>
      workersProject({
        name: all.length === 1 ? "eval" : `eval-${i + 1}`,
        include: ["eval/**/*.eval-test.ts"],
        testTimeout: 10 * 60 * 1000,
        hookTimeout: 10 * 60 * 1000,
        provide: {
          evalScenarios: share,
          evalIngestOnly: process.env.EVAL_INGEST_ONLY === "1",
          // For looking into a miss: the contact rows of these addresses at the end of each scenario.
          evalDump: (process.env.EVAL_DUMP ?? "").split(",").filter(Boolean),
        },
      }),
    ),
  },
});
