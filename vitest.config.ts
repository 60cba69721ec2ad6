import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import path from "node:path";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
// The parsers try to load the optional native re2 and fall back to RegExp; an empty module silences the noise.
const re2Alias = { re2: path.join(import.meta.dirname, "test/support/empty-module.ts") };

export default defineConfig({
  test: {
    reporters: ["default", path.join(import.meta.dirname, "test/support/count-reporter.ts")],
    projects: [
      {
        // Pure logic: mail understanding, decisions, parsing. Plain Node, fast.
        resolve: { alias: re2Alias },
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias: re2Alias },
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
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
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["./test/support/apply-migrations.ts"],
        },
      },
    ],
  },
});
