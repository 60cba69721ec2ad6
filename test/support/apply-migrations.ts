import { applyD1Migrations, env } from "cloudflare:test";

// Storage is isolated per test file, so every file starts from the real migrations on an empty database.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
