import { describe, expect, it } from "vitest";
import {
  DIGEST_TOKEN_TTL_MS,
  MAX_DIGEST_TOKEN_LENGTH,
  signDigestToken,
  verifyDigestToken,
} from "../../src/digest/token";

const SECRET = "test-secret-0123456789abcdef";
const SENT_AT = Date.parse("2026-11-02T08:00:00+01:00");
const claims = { ownerId: 7, digestId: 1234, expiresAt: SENT_AT + DIGEST_TOKEN_TTL_MS };
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

// RFC 5321 §4.5.3.1.1: a local part holds at most 64 octets.
const LOCAL_PART_MAX = 64;

/** Replaces one MAC character with another valid base 32 character. */
function flipMacChar(token: string, index: number): string {
  const mac = token.slice(token.lastIndexOf("-") + 1);
  const next = BASE32[(BASE32.indexOf(mac[index]) + 1) % BASE32.length];
  return token.slice(0, token.length - mac.length) + mac.slice(0, index) + next + mac.slice(index + 1);
}

describe("digest reply tokens", () => {
  it("round-trips the claims and says when the token expires", async () => {
    const token = await signDigestToken(SECRET, claims);
    expect(token).toMatch(/^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+-[a-z2-7]{16}$/);
    expect(token.startsWith("7-ya-")).toBe(true);
    expect(await verifyDigestToken(SECRET, token, SENT_AT + 3 * 86_400_000)).toEqual({ valid: true, ...claims });
  });

  it("matches a token computed independently (HMAC-SHA256 over the context line and claims, RFC 4648 base 32)", async () => {
    // Python: base64.b32encode(hmac.new(secret, b"gensidig digest reply token v1\n7-ya-mx5s09s0",
    // sha256).digest()[:10]).lower()
    expect(claims.expiresAt).toBe(1_796_194_800_000);
    expect(await signDigestToken(SECRET, claims)).toBe("7-ya-mx5s09s0-67recgxund5l4se5");
  });

  it("signs the same claims the same way, and different claims differently", async () => {
    const a = await signDigestToken(SECRET, claims);
    expect(await signDigestToken(SECRET, claims)).toBe(a);
    expect(await signDigestToken(SECRET, { ...claims, digestId: 1235 })).not.toBe(a);
  });

  it("still verifies when a mail server upper-cases the local part", async () => {
    const token = await signDigestToken(SECRET, claims);
    expect(await verifyDigestToken(SECRET, token.toUpperCase(), SENT_AT)).toEqual({ valid: true, ...claims });
  });

  it.each([
    ["another owner", (t: string) => t.replace(/^7-/, "8-")],
    ["another digest", (t: string) => t.replace(/-ya-/, "-yb-")],
    ["a later expiry", (t: string) => t.replace(/^(7-ya-)([0-9a-z]+)-/, (_m, head: string, exp: string) => `${head}${(parseInt(exp, 36) + 86_400_000).toString(36)}-`)],
  ])("rejects altered claims: %s", async (_label, alter) => {
    const token = await signDigestToken(SECRET, claims);
    const altered = alter(token);
    expect(altered).not.toBe(token);
    expect(await verifyDigestToken(SECRET, altered, SENT_AT)).toEqual({ valid: false, reason: "bad-signature" });
  });

  it.each([0, 7, 15])("rejects a MAC with character %i changed", async (index) => {
    const token = await signDigestToken(SECRET, claims);
    expect(await verifyDigestToken(SECRET, flipMacChar(token, index), SENT_AT)).toEqual({
      valid: false,
      reason: "bad-signature",
    });
  });

  it("rejects a token signed with another secret", async () => {
    const token = await signDigestToken("another-secret-fedcba9876543210", claims);
    expect(await verifyDigestToken(SECRET, token, SENT_AT)).toEqual({ valid: false, reason: "bad-signature" });
  });

  it("expires at expiresAt, not a millisecond later", async () => {
    const token = await signDigestToken(SECRET, claims);
    expect((await verifyDigestToken(SECRET, token, claims.expiresAt - 1)).valid).toBe(true);
    expect(await verifyDigestToken(SECRET, token, claims.expiresAt)).toEqual({ valid: false, reason: "expired" });
    expect(await verifyDigestToken(SECRET, token, claims.expiresAt + 86_400_000)).toEqual({
      valid: false,
      reason: "expired",
    });
  });

  it("reports a forged expired token as forged, not as expired", async () => {
    const token = await signDigestToken("another-secret-fedcba9876543210", claims);
    expect(await verifyDigestToken(SECRET, token, claims.expiresAt + 1)).toEqual({
      valid: false,
      reason: "bad-signature",
    });
  });

  it.each([
    ["empty", ""],
    ["only claims", "7-ya-mhzq2pk0"],
    ["a MAC one character short", "7-ya-mhzq2pk0-abcdefghijklmno"],
    ["a MAC one character long", "7-ya-mhzq2pk0-abcdefghijklmnopq"],
    ["characters outside base 32 in the MAC", "7-ya-mhzq2pk0-abcdefghijklmn01"],
    ["a leading zero, which would give one claim two spellings", "07-ya-mhzq2pk0-abcdefghijklmnop"],
    ["owner 0", "0-ya-mhzq2pk0-abcdefghijklmnop"],
    ["a claim beyond the safe integers", "7-zzzzzzzzzzz-mhzq2pk0-abcdefghijklmnop"],
    ["a claim longer than any safe integer", "7-100000000000-mhzq2pk0-abcdefghijklmnop"],
    ["another separator", "7+ya+mhzq2pk0+abcdefghijklmnop"],
    ["a fifth part", "7-ya-mhzq2pk0-abcdefghijklmnop-x"],
    ["surrounding whitespace", " 7-ya-mhzq2pk0-abcdefghijklmnop"],
    ["a whole address instead of the token", "gensidig+7-ya-mhzq2pk0-abcdefghijklmnop@example.com"],
    ["something very long", "a".repeat(10_000)],
  ])("rejects malformed input: %s", async (_label, token) => {
    expect(await verifyDigestToken(SECRET, token, SENT_AT)).toEqual({ valid: false, reason: "malformed" });
  });

  it("stays within a 64-octet local part behind gensidig+, even with the largest claims", async () => {
    const largest = {
      ownerId: Number.MAX_SAFE_INTEGER,
      digestId: Number.MAX_SAFE_INTEGER,
      expiresAt: Number.MAX_SAFE_INTEGER,
    };
    const token = await signDigestToken(SECRET, largest);
    expect(token.length).toBe(MAX_DIGEST_TOKEN_LENGTH);
    expect(`gensidig+${token}`.length).toBeLessThanOrEqual(LOCAL_PART_MAX);
    expect(await verifyDigestToken(SECRET, token, SENT_AT)).toEqual({ valid: true, ...largest });
    // A realistic token is much shorter: ids of a few digits and a date this century.
    const typical = await signDigestToken(SECRET, claims);
    expect(`gensidig+${typical}`.length).toBe(9 + "7-ya-".length + 8 + 1 + 16);
  });

  it.each([
    ["a zero owner id", { ...claims, ownerId: 0 }],
    ["a fractional digest id", { ...claims, digestId: 1.5 }],
    ["a negative expiry", { ...claims, expiresAt: -1 }],
    ["an unsafe integer", { ...claims, digestId: 2 ** 53 }],
  ])("refuses to sign %s", async (_label, bad) => {
    await expect(signDigestToken(SECRET, bad)).rejects.toThrow(RangeError);
  });

  it("refuses an empty secret on both sides", async () => {
    await expect(signDigestToken("", claims)).rejects.toThrow(TypeError);
    await expect(verifyDigestToken("", "7-ya-mhzq2pk0-abcdefghijklmnop", SENT_AT)).rejects.toThrow(TypeError);
  });
});
