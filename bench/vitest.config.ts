import path from "node:path";
import { re2Alias, workersProject } from "../vitest.workers";
import { benchConfig } from "./support/config";

// Benchmarks run where the worker runs: inside workerd, with the real migrations on a local D1. They are
// run by hand (`npm run bench`), never by `npm test`: the root config only includes test/unit and test/worker.
const root = path.join(import.meta.dirname, "..");

export default benchConfig([
  workersProject({
    name: "bench",
    include: ["bench/**/*.bench-test.ts"],
    // Seeding 250,000 interactions and parsing 25 MiB mails takes minutes on a small machine.
    testTimeout: 30 * 60 * 1000,
    hookTimeout: 30 * 60 * 1000,
    // One file at a time: the two benchmarks must not steal each other's CPU.
    fileParallelism: false,
  }),
  // Accuracy of the mail parsers on fixture files: plain Node, which can read a checkout's fixtures.
  {
    root,
    resolve: { alias: re2Alias },
    test: { name: "bench-parsers", include: ["bench/**/*.node-bench.ts"], environment: "node" },
  },
]);
