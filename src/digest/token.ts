// Digest reply tokens: the digest's Reply-To is `gensidig+<token>@domain`, and a reply acts only when the token
// verifies. The token is `<owner>-<digest>-<expires>-<mac>`: the three claims in base 36, then an HMAC-SHA256
// (RFC 2104) truncated to 80 bits, in lower-case base 32 (RFC 4648 §6). 80 bits is RFC 2104 §5's floor for a
// truncated MAC; its advice to keep half the hash guards against birthday attacks, which do not apply to a
// forger who gets one guess per mail. Everything is lower case because servers may lower-case local parts
// (RFC 5321 §2.4 leaves case to the receiving host), and short because a local part holds at most 64 octets
// (RFC 5321 §4.5.3.1.1).

import { DAY_MS } from "../time";

/** How long a digest can be answered. */
export const DIGEST_TOKEN_TTL_MS = 30 * DAY_MS;

const MAC_BYTES = 10;
const BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const MAC_CHARS = Math.ceil((MAC_BYTES * 8) / 5);
/** Number.MAX_SAFE_INTEGER in base 36 has 11 digits. */
const MAX_CLAIM_DIGITS = Number.MAX_SAFE_INTEGER.toString(36).length;
/** The longest token: three claims at their largest, the MAC and three separators. 52 characters, so even
 * `gensidig+` (9) in front stays within the 64-octet local part. */
export const MAX_DIGEST_TOKEN_LENGTH = 3 * MAX_CLAIM_DIGITS + MAC_CHARS + 3;

// Canonical base 36: no leading zeros, so each claim has exactly one spelling and one MAC.
const CLAIM = `(0|[1-9a-z][0-9a-z]{0,${MAX_CLAIM_DIGITS - 1}})`;
const TOKEN_PATTERN = new RegExp(`^${CLAIM}-${CLAIM}-${CLAIM}-([${BASE32_ALPHABET}]{${MAC_CHARS}})$`);
// Keeps a MAC over a token from ever matching a MAC the same secret makes for another purpose.
const MAC_CONTEXT = "gensidig digest reply token v1\n";
const EXPORT_LINK_CONTEXT = "gensidig export link v1\n";
const EXPORT_LINK_PATTERN = new RegExp(`^${CLAIM}-${CLAIM}-([${BASE32_ALPHABET}]{${MAC_CHARS}})$`);

export interface DigestTokenClaims {
  ownerId: number;
  digestId: number;
  /** ms since the epoch; the token is expired from this instant on. */
  expiresAt: number;
}

export type DigestTokenResult =
  | ({ valid: true } & DigestTokenClaims)
  | { valid: false; reason: "malformed" | "bad-signature" | "expired" };

export async function signDigestToken(secret: string, claims: DigestTokenClaims): Promise<string> {
  assertSecret(secret);
  const { ownerId, digestId, expiresAt } = claims;
  if (!isId(ownerId) || !isId(digestId) || !Number.isSafeInteger(expiresAt) || expiresAt < 0) {
    throw new RangeError(`digest token claims must be safe integers, ids positive: ${JSON.stringify(claims)}`);
  }
  const payload = `${ownerId.toString(36)}-${digestId.toString(36)}-${expiresAt.toString(36)}`;
  return `${payload}-${await mac(secret, payload)}`;
}

/** Checks shape, then signature, then expiry: a forged token is never reported as merely expired. */
export async function verifyDigestToken(secret: string, token: string, now: number): Promise<DigestTokenResult> {
  assertSecret(secret);
  if (typeof token !== "string" || token.length > MAX_DIGEST_TOKEN_LENGTH) return { valid: false, reason: "malformed" };
  const match = TOKEN_PATTERN.exec(token.toLowerCase());
  if (!match) return { valid: false, reason: "malformed" };
  const [, owner, digest, expires, givenMac] = match;
  const ownerId = parseInt(owner, 36);
  const digestId = parseInt(digest, 36);
  const expiresAt = parseInt(expires, 36);
  if (!isId(ownerId) || !isId(digestId) || !Number.isSafeInteger(expiresAt)) {
    return { valid: false, reason: "malformed" };
  }
  const expectedMac = await mac(secret, `${owner}-${digest}-${expires}`);
  if (!constantTimeEqual(givenMac, expectedMac)) return { valid: false, reason: "bad-signature" };
  if (now >= expiresAt) return { valid: false, reason: "expired" };
  return { valid: true, ownerId, digestId, expiresAt };
}

/**
 * An export link (`GET /api/export?link=…`) for one owner until `expiresAt`: `<owner>-<expires>-<mac>`, made like
 * a reply token but under its own MAC context, so neither can stand in for the other.
 */
export async function signExportLink(secret: string, claims: { ownerId: number; expiresAt: number }): Promise<string> {
  assertSecret(secret);
  if (!isId(claims.ownerId) || !Number.isSafeInteger(claims.expiresAt) || claims.expiresAt < 0) {
    throw new RangeError(`export link claims must be safe integers, the owner positive: ${JSON.stringify(claims)}`);
  }
  const payload = `${claims.ownerId.toString(36)}-${claims.expiresAt.toString(36)}`;
  return `${payload}-${await mac(secret, payload, EXPORT_LINK_CONTEXT)}`;
}

export async function verifyExportLink(
  secret: string,
  token: string,
  now: number,
): Promise<{ valid: true; ownerId: number; expiresAt: number } | { valid: false; reason: "malformed" | "bad-signature" | "expired" }> {
  assertSecret(secret);
  if (typeof token !== "string" || token.length > MAX_DIGEST_TOKEN_LENGTH) return { valid: false, reason: "malformed" };
  const match = EXPORT_LINK_PATTERN.exec(token.toLowerCase());
  if (!match) return { valid: false, reason: "malformed" };
  const [, owner, expires, givenMac] = match;
  const ownerId = parseInt(owner, 36);
  const expiresAt = parseInt(expires, 36);
  if (!isId(ownerId) || !Number.isSafeInteger(expiresAt)) return { valid: false, reason: "malformed" };
  if (!constantTimeEqual(givenMac, await mac(secret, `${owner}-${expires}`, EXPORT_LINK_CONTEXT))) return { valid: false, reason: "bad-signature" };
  if (now >= expiresAt) return { valid: false, reason: "expired" };
  return { valid: true, ownerId, expiresAt };
}

async function mac(secret: string, payload: string, context = MAC_CONTEXT): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const full = await crypto.subtle.sign("HMAC", key, encoder.encode(context + payload));
  return base32(new Uint8Array(full, 0, MAC_BYTES));
}

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

// Both strings have MAC_CHARS characters here (the pattern fixes the length), so the loop always runs the
// same number of steps and the time taken says nothing about where the strings differ.
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function assertSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length === 0) throw new TypeError("digest token secret must be set");
}
