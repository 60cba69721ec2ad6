import { applyD1Migrations, env } from "cloudflare:test";
import { vi } from "vitest";

// Storage is isolated per test file, so every file starts from the real migrations on an empty database.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// workerd's EmailMessage keeps its raw text out of reach of JavaScript. Tests need to read what the
// worker sent, so in tests it is a plain object with the same constructor and fields.
vi.mock("cloudflare:email", () => ({
  EmailMessage: class EmailMessage {
    constructor(
      public from: string,
      public to: string,
      public raw: string | ReadableStream,
    ) {}
  },
}));
