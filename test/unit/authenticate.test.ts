import { describe, expect, it } from "vitest";
import { checkOwnerMail, cloudflareDmarcVerdict } from "../../src/ingest/authenticate";

const cf = (i: number, dmarc: string, from = "example.com") => `i=${i}; mx.cloudflare.net; dkim=pass header.d=${from}; dmarc=${dmarc} header.from=${from}; spf=pass`;

describe("cloudflareDmarcVerdict", () => {
  it.each([
    ["Cloudflare's pass on top", [cf(1, "pass")], { pass: true, domain: "example.com" }],
    ["Cloudflare's fail on top, a planted pass below", [cf(2, "fail"), cf(1, "pass")], { pass: false, reason: "dmarc-not-pass" }],
    ["another server's verdict on top", ["i=1; mx.google.com; dmarc=pass header.from=example.com"], { pass: false, reason: "no-cloudflare-verdict" }],
    ["a planted Cloudflare verdict with a higher instance below the real one", [cf(1, "pass"), cf(5, "pass")], { pass: false, reason: "no-cloudflare-verdict" }],
    ["a pass for another domain", [cf(1, "pass", "evil.example")], { pass: false, reason: "domain-mismatch" }],
    ["no verdict at all", [], { pass: false, reason: "no-cloudflare-verdict" }],
    ["a header that is not ARC results syntax", ["mx.cloudflare.net; dmarc=pass"], { pass: false, reason: "no-cloudflare-verdict" }],
  ])("%s", (_name, headers, want) => {
    expect(cloudflareDmarcVerdict(headers, "owner@example.com")).toMatchObject(want);
  });
});

describe("checkOwnerMail", () => {
  const base = { headerFrom: "owner@example.com", envelopeFrom: "owner@example.com", ownerAddresses: ["owner@example.com", "o@alias.dk"], arcHeaders: [cf(1, "pass")], requireDmarc: true };

  it("accepts the owner with Cloudflare's pass", () => {
    expect(checkOwnerMail(base)).toEqual({ owner: true });
  });
  it("accepts an envelope from another of the same owner's addresses", () => {
    expect(checkOwnerMail({ ...base, envelopeFrom: "o@alias.dk" })).toEqual({ owner: true });
  });
  it("refuses an envelope sender that is not the owner's", () => {
    expect(checkOwnerMail({ ...base, envelopeFrom: "bounce@mailer.example" })).toMatchObject({ owner: false, reason: "envelope-mismatch" });
  });
  it("refuses without a verdict unless local development relaxes it", () => {
    expect(checkOwnerMail({ ...base, arcHeaders: [] })).toMatchObject({ owner: false, reason: "unverified" });
    expect(checkOwnerMail({ ...base, arcHeaders: [], requireDmarc: false })).toEqual({ owner: true });
  });
});
