import { env } from "cloudflare:test";
import { getDb } from "../../src/db/client";
import { createOwner } from "../../src/db/owners";

export async function seedOwner(primary = "owner@example.com", token = "dev-token", extra: { aliases?: string[]; language?: "en" | "da"; name?: string } = {}) {
  return createOwner(getDb(env.DB), {
    primaryAddress: primary,
    aliases: extra.aliases,
    apiToken: token,
    name: extra.name ?? "Owner Olsen",
    language: extra.language,
    now: Date.UTC(2026, 9, 1),
  });
}
