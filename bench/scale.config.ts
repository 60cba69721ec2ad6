import path from "node:path";
import { defineConfig } from "vitest/config";
import { re2Alias, workersProject } from "../vitest.workers";

// `npm run bench:scale` (bench/scale.mjs): whole invocations at many owners and big networks. Separate from
// `npm run bench` because it takes several minutes (11,000 queue invocations, a 20,000-contact network).
const root = path.join(import.meta.dirname, "..");

export default defineConfig({
  root,
  // Read by the workers pool's module fallback service: see re2Alias.
  resolve: { alias: re2Alias },
  test: {
    reporters: ["default", path.join(root, "bench/support/results-reporter.ts")],
    projects: [
      workersProject({
        name: "scale",
        include: ["bench/**/*.scale-test.ts"],
        testTimeout: 30 * 60 * 1000,
        hookTimeout: 30 * 60 * 1000,
      }),
    ],
  },
});
