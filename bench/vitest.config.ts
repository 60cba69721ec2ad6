import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Benchmarks run where the worker runs: inside workerd, with the real migrations on a local D1. They are
// run by hand (`npm run bench`), never by `npm test`: the root config only includes test/unit and test/worker.
const root = path.join(import.meta.dirname, "..");
const migrations = await readD1Migrations(path.join(root, "migrations"));
const re2Alias = { re2: path.join(root, "test/support/empty-module.ts") };

export default defineConfig({
  root,
  test: {
    reporters: ["default", path.join(root, "bench/support/results-reporter.ts")],
    projects: [
      {
        resolve: { alias: re2Alias },
        plugins: [
          cloudflareTest({
            wrangler: { configPath: path.join(root, "wrangler.toml") },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                ASSISTANT_ADDRESS: "gensidig@example.com",
                ALLOW_UNAUTHENTICATED_OWNER_MAIL: "false",
                DIGEST_TOKEN_SECRET: "test-secret-0123456789abcdef",
              },
            },
          }),
        ],
        test: {
          name: "bench",
          include: ["bench/**/*.bench-test.ts"],
          setupFiles: [path.join(root, "test/support/apply-migrations.ts")],
          // Seeding 250,000 interactions and parsing 25 MiB mails takes minutes on a small machine.
          testTimeout: 30 * 60 * 1000,
          hookTimeout: 30 * 60 * 1000,
          // One file at a time: the two benchmarks must not steal each other's CPU.
          fileParallelism: false,
        },
      },
    ],
  },
});
