import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import path from "node:path";

// What the tests and the benchmarks share: workerd with the project's wrangler.toml, the real migrations
// applied per test file, and the bindings of a deployed worker (owner mail must carry Cloudflare's verdict).
const root = import.meta.dirname;
const migrations = await readD1Migrations(path.join(root, "migrations"));

// The parsers try to load the optional native re2 and fall back to RegExp; an empty module silences the noise.
export const re2Alias = { re2: path.join(root, "test/support/empty-module.ts") };

export function workersProject(test: { name: string; include: string[] } & Record<string, unknown>) {
  return {
    root,
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
    test: { setupFiles: [path.join(root, "test/support/apply-migrations.ts")], ...test },
  };
}
