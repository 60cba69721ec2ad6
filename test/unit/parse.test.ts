import { describe, expect, it } from "vitest";
import { normalizeAddress } from "../../src/mail/parse";

describe("normalizeAddress", () => {
  it("lower-cases and strips brackets", () => {
    expect(normalizeAddress(" <Anna@Example.DK> ")).toBe("anna@example.dk");
    expect(normalizeAddress("not an address")).toBeNull();
  });
});
