import path from "node:path";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";
import { re2Alias } from "../../vitest.workers";

const root = path.join(import.meta.dirname, "..", "..");

/** What every benchmark config shares: the repository root, the re2 alias, and the results reporter. */
export function benchConfig(projects: TestProjectConfiguration[]) {
  return defineConfig({
    root,
    // Read by the workers pool's module fallback service: see re2Alias.
    resolve: { alias: re2Alias },
    test: {
      reporters: ["default", path.join(root, "bench/support/results-reporter.ts")],
      projects,
    },
  });
}
