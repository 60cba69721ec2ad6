import { describe, expect, it } from "vitest";
import { checkOwnerMail, cloudflareDmarcVerdict, domainsAlign } from "../../src/ingest/authenticate";

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

// Cloudflare's header as Email Routing writes it; `dmarc` is the dmarc clause, the rest is real.
const real = (dmarc = "dmarc=pass header.from=example.com policy.dmarc=reject", before = "dkim=pass header.d=example.com header.s=s1 header.b=abc") =>
  `i=1; mx.cloudflare.net; ${before}; ${dmarc}; spf=pass (mx.cloudflare.net: domain of owner@example.com designates 1.2.3.4 as permitted sender) smtp.mailfrom=owner@example.com; arc=none smtp.remote-ip=1.2.3.4`;

describe("cloudflareDmarcVerdict on Cloudflare's real header shape", () => {
  // Every row marked "old: pass" was accepted by the regex reading of the first "dmarc=" anywhere.
  it.each([
    ["an aligned pass", real(), "owner@example.com", { pass: true, domain: "example.com" }],
    [
      "an aligned pass, folded over lines as it arrives",
      real().replace(/; /g, ";\r\n\t").replace(" (mx", "\r\n (mx"),
      "owner@example.com",
      { pass: true, domain: "example.com" },
    ],
    ["an aligned pass in other letter case", real("DMARC=Pass Header.From=Example.COM").replace("mx.cloudflare.net", "MX.Cloudflare.NET"), "owner@example.com", { pass: true, domain: "example.com" }],
    // old: refused, reading "example.com(p=reject)" as the domain.
    ["a comment right after the aligned domain", real("dmarc=pass header.from=example.com(p=reject)"), "owner@example.com", { pass: true, domain: "example.com" }],
    // old: refused subdomain alignment (RFC 7489 §3.1.1 relaxed alignment allows it).
    ["a pass for a subdomain of the owner's domain", real("dmarc=pass header.from=mail.example.com"), "owner@example.com", { pass: true, domain: "example.com" }],
    ["a pass for the parent of the owner's domain", real("dmarc=pass header.from=example.com"), "owner@mail.example.com", { pass: true, domain: "mail.example.com" }],
  ])("accepts %s", (_name, header, from, want) => {
    expect(cloudflareDmarcVerdict([header], from)).toEqual(want);
  });

  it.each([
    [
      "old: pass. A comment saying dmarc=pass before the real dmarc=fail",
      real("dmarc=fail header.from=example.com policy.dmarc=reject", "dkim=none (dmarc=pass header.from=example.com ) header.d=evil.example"),
      "dmarc-not-pass",
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    [
      "old: pass. A quoted reason saying dmarc=pass",
      real("dmarc=fail header.from=example.com", 'dkim=fail reason="dmarc=pass header.from=example.com " header.d=evil.example'),
      "dmarc-not-pass",
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    [
      "old: pass. Another method's property header.i=dmarc=pass@…",
      real("dmarc=fail header.from=example.com", "dkim=pass header.i=dmarc=pass@evil.example header.d=evil.example"),
      "dmarc-not-pass",
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    [
      "old: pass. Another method's property policy.dmarc=pass",
      real("dmarc=none header.from=example.com", "dkim=none policy.dmarc=pass header.from=example.com"),
      "dmarc-not-pass",
      "DMARC did not pass for example.com: Cloudflare's result is none",
    ],
    [
      "old: pass. A method whose name ends in dmarc",
      real("dmarc=fail header.from=example.com", "x-dmarc=pass header.from=example.com"),
      "dmarc-not-pass",
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    [
      "old: pass. Two dmarc results, the first a pass",
      real("dmarc=pass header.from=example.com; dmarc=fail header.from=example.com"),
      "dmarc-ambiguous",
      "Cloudflare's results hold more than one DMARC result",
    ],
    ["old: pass. A pass that names no From domain", real("dmarc=pass policy.dmarc=none"), "domain-mismatch", "Cloudflare's DMARC pass does not name the one From domain it checked"],
    [
      "old: pass. A pass whose From domain is only in a comment",
      real("dmarc=pass (header.from=example.com)"),
      "domain-mismatch",
      "Cloudflare's DMARC pass does not name the one From domain it checked",
    ],
    [
      "old: pass. Instance 0",
      real().replace("i=1;", "i=0;"),
      "no-cloudflare-verdict",
      "its topmost authentication results could not be read: it does not start with an instance number from 1 to 50",
    ],
    [
      "old: refused with a garbled reason. A stray ')' after the domain",
      real("dmarc=pass header.from=example.com)"),
      "no-cloudflare-verdict",
      "its topmost authentication results could not be read: a comment closes that never opened",
    ],
    [
      "dmarc=fail with a later pass in a comment",
      real("dmarc=fail (dmarc=pass) header.from=example.com"),
      "dmarc-not-pass",
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    ["a misaligned domain", real("dmarc=pass header.from=evil.example"), "domain-mismatch", "DMARC passed for evil.example, which does not align with example.com"],
    ["a domain that only ends like the owner's", real("dmarc=pass header.from=notexample.com"), "domain-mismatch", "DMARC passed for notexample.com, which does not align with example.com"],
    ["a pass for the top-level domain alone", real("dmarc=pass header.from=com"), "domain-mismatch", "Cloudflare's DMARC pass names a From domain that is not a domain name"],
  ])("refuses: %s", (_name, header, reason, detail) => {
    expect(cloudflareDmarcVerdict([header], "owner@example.com")).toEqual({ pass: false, reason, detail });
  });

  it("names the domain once, without brackets, when the pass is for another domain (issue 9, item 10)", () => {
    const verdict = cloudflareDmarcVerdict([real("dmarc=pass header.from=example.com.evil.example")], "owner@example.com");
    expect(verdict).toEqual({ pass: false, reason: "domain-mismatch", detail: "DMARC passed for example.com.evil.example, which does not align with example.com" });
  });
});

describe("domainsAlign", () => {
  it.each([
    ["example.com", "example.com", true],
    ["mail.example.com", "example.com", true],
    ["example.com", "a.b.example.com", true],
    ["notexample.com", "example.com", false],
    ["example.com", "com", false],
    ["example.com", "example.org", false],
  ])("%s and %s → %s", (a, b, want) => {
    expect(domainsAlign(a, b)).toBe(want);
  });
});
