import type { DigestJob } from "./digest/sweep";

// The worker's bindings and configuration, validated once per invocation by `readConfig`.
export interface Env {
  DB: D1Database;
  SEND_EMAIL: SendEmail;
  /** One message per owner whose weekly digest is due (digest/fanout.ts); wrangler.toml names the queues. */
  DIGEST_QUEUE: Queue<DigestJob>;
  /** The assistant's own address, e.g. gensidig@example.com. Plus-addressing on it carries options. */
  ASSISTANT_ADDRESS: string;
  /** "true" only in local development: owner mail then needs no Cloudflare DMARC verdict. */
  ALLOW_UNAUTHENTICATED_OWNER_MAIL?: string;
  /** HMAC secret for digest reply tokens; set with `wrangler secret put DIGEST_TOKEN_SECRET`. */
  DIGEST_TOKEN_SECRET?: string;
  /**
   * The worker's public base URL (https://gensidig.example.workers.dev): an export too large to attach is mailed
   * as a signed link to GET /api/export under it. Unset: the mail says how to fetch it with the API token.
   */
  PUBLIC_URL?: string;
  /** "true" enables local-only helper routes (POST /dev/digest). Never set in deployed configuration. */
  DEV_ROUTES?: string;
}

export interface Config {
  assistantAddress: string;
  assistantLocal: string;
  assistantDomain: string;
  allowUnauthenticatedOwnerMail: boolean;
  tokenSecret: string;
  /** PUBLIC_URL without a trailing slash, or null. */
  publicUrl: string | null;
  devRoutes: boolean;
}

export class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 16;

export function readConfig(env: Env): Config {
  const assistantAddress = (env.ASSISTANT_ADDRESS ?? "").trim().toLowerCase();
  const at = assistantAddress.lastIndexOf("@");
  if (at <= 0 || at === assistantAddress.length - 1) {
    throw new ConfigError(`ASSISTANT_ADDRESS must be an email address, got "${env.ASSISTANT_ADDRESS}"`);
  }
  const tokenSecret = env.DIGEST_TOKEN_SECRET ?? "";
  if (tokenSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `DIGEST_TOKEN_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters (wrangler secret put DIGEST_TOKEN_SECRET)`,
    );
  }
  return {
    assistantAddress,
    assistantLocal: assistantAddress.slice(0, at),
    assistantDomain: assistantAddress.slice(at + 1),
    allowUnauthenticatedOwnerMail: env.ALLOW_UNAUTHENTICATED_OWNER_MAIL === "true",
    tokenSecret,
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/+$/, "") || null,
    devRoutes: env.DEV_ROUTES === "true",
  };
}
