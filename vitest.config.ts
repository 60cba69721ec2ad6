import path from "node:path";
import { defineConfig } from "vitest/config";
import { re2Alias, workersProject } from "./vitest.workers";

export default defineConfig({
  // Read by the workers pool's module fallback service: see re2Alias.
  resolve: { alias: re2Alias },
  test: {
    reporters: ["default", path.join(import.meta.dirname, "test/support/count-reporter.ts")],
    projects: [
      {
        // Pure logic: mail understanding, decisions, parsing. Plain Node, fast.
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
      },
      // The local scripts (owner, import, send) as child processes against a real `wrangler dev`. Plain Node.
      { test: { name: "scripts", include: ["test/scripts/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 120_000 } },
      // Through the worker's real handlers, in workerd, against local D1 with the real migrations.
      workersProject({ name: "worker", include: ["test/worker/**/*.test.ts"] }),
    ],
  },
});
