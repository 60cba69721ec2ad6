import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import path from "node:path";

// What the tests and the benchmarks share: workerd with the project's wrangler.toml, the real migrations
// applied per test file, and the bindings of a deployed worker (owner mail must carry Cloudflare's verdict).
const root = import.meta.dirname;
const migrations = await readD1Migrations(path.join(root, "migrations"));

// email-reply-parser and email-forward-parser `require("re2")` (an optional native addon) and fall back to
// RegExp when it throws. workerd runs their CommonJS natively and asks the pool's module fallback service for
// "re2"; that service resolves with the *root* Vite server, where Vite turns a missing optional peer dependency
// into a virtual `__vite-optional-peer-dep:re2:…` id that no file backs: two error lines per parser per test
// file. Aliasing re2 to a module that throws, on the root config (a project's own `resolve.alias` is not seen
// by the fallback service), gives the parsers the same "not installed" they get on Cloudflare, without noise.
export const re2Alias = { re2: path.join(root, "test/support/re2-absent.cjs") };

export function workersProject(test: { name: string; include: string[] } & Record<string, unknown>) {
  return {
    root,
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
    // A file's first test also loads the worker into a fresh isolate: on a busy 2-core machine that alone has taken
    // over vitest's default 5 s, failing a test that passes in half a second on its own.
    test: { setupFiles: [path.join(root, "test/support/apply-migrations.ts")], testTimeout: 20_000, ...test },
  };
}
