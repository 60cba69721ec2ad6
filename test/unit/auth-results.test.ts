import { describe, expect, it } from "vitest";
import { arcInstance, parseArcAuthResults } from "../../src/mail/auth-results";

// As Cloudflare Email Routing writes it (folded as it arrives), for a Gmail sender.
const CLOUDFLARE_GMAIL = [
  "i=1; mx.cloudflare.net;",
  "\tdkim=pass header.d=gmail.com header.s=20230601 header.b=Dkq5b3Cl;",
  "\tdmarc=pass header.from=gmail.com policy.dmarc=none;",
  "\tspf=none (mx.cloudflare.net: no SPF records found for postmaster@mail-lf1-f42.google.com) smtp.helo=mail-lf1-f42.google.com;",
  "\tspf=pass (mx.cloudflare.net: domain of someone@gmail.com designates 209.85.167.42 as permitted sender) smtp.mailfrom=someone@gmail.com;",
  "\tarc=none smtp.remote-ip=209.85.167.42",
].join("\r\n");

describe("parseArcAuthResults", () => {
  it("reads every method clause of Cloudflare's header, comments dropped", () => {
    expect(parseArcAuthResults(CLOUDFLARE_GMAIL)).toEqual({
      ok: true,
      value: {
        instance: 1,
        authservId: "mx.cloudflare.net",
        results: [
          {
            method: "dkim",
            result: "pass",
            reason: null,
            properties: [
              { type: "header", property: "d", value: "gmail.com" },
              { type: "header", property: "s", value: "20230601" },
              { type: "header", property: "b", value: "Dkq5b3Cl" },
            ],
          },
          {
            method: "dmarc",
            result: "pass",
            reason: null,
            properties: [
              { type: "header", property: "from", value: "gmail.com" },
              { type: "policy", property: "dmarc", value: "none" },
            ],
          },
          { method: "spf", result: "none", reason: null, properties: [{ type: "smtp", property: "helo", value: "mail-lf1-f42.google.com" }] },
          { method: "spf", result: "pass", reason: null, properties: [{ type: "smtp", property: "mailfrom", value: "someone@gmail.com" }] },
          { method: "arc", result: "none", reason: null, properties: [{ type: "smtp", property: "remote-ip", value: "209.85.167.42" }] },
        ],
      },
    });
  });

  it("skips nested comments and keeps a quoted reason as that clause's reason", () => {
    const parsed = parseArcAuthResults(
      'i=2; mx.cloudflare.net (outer (dmarc=pass) \\) still outer); dkim=fail reason="dmarc=pass header.from=\\"x\\"" header.d=evil.example; dmarc=fail header.from=example.com',
    );
    expect(parsed.ok && parsed.value.results).toEqual([
      { method: "dkim", result: "fail", reason: 'dmarc=pass header.from="x"', properties: [{ type: "header", property: "d", value: "evil.example" }] },
      { method: "dmarc", result: "fail", reason: null, properties: [{ type: "header", property: "from", value: "example.com" }] },
    ]);
  });

  it.each([
    ["an SRS sender, whose local part holds '='", "smtp.mailfrom=SRS0=AbCd=XY=example.com=owner@fwd.example", { type: "smtp", property: "mailfrom", value: "SRS0=AbCd=XY=example.com=owner@fwd.example" }],
    ["a crafted local part 'dmarc=pass'", "header.i=dmarc=pass@evil.example", { type: "header", property: "i", value: "dmarc=pass@evil.example" }],
    ["a quoted local part", 'smtp.mailfrom="a; dmarc=pass"@evil.example', { type: "smtp", property: "mailfrom", value: '"a; dmarc=pass"@evil.example' }],
    ["a comment right after the value", "header.d=example.com(checked)", { type: "header", property: "d", value: "example.com" }],
  ])("reads %s as one property value", (_name, written, property) => {
    const parsed = parseArcAuthResults(`i=1; mx.cloudflare.net; spf=pass ${written}`);
    expect(parsed.ok && parsed.value.results).toEqual([{ method: "spf", result: "pass", reason: null, properties: [property] }]);
  });

  it("reads a header that says there is nothing to report", () => {
    expect(parseArcAuthResults("i=1; mx.cloudflare.net; none")).toEqual({ ok: true, value: { instance: 1, authservId: "mx.cloudflare.net", results: [] } });
  });

  it.each([
    ["no instance", "mx.cloudflare.net; dmarc=pass header.from=example.com", "it does not start with an instance number from 1 to 50"],
    ["instance 0", "i=0; mx.cloudflare.net; dmarc=pass header.from=example.com", "it does not start with an instance number from 1 to 50"],
    ["instance 51", "i=51; mx.cloudflare.net; dmarc=pass header.from=example.com", "it does not start with an instance number from 1 to 50"],
    ["a comment that never closes", "i=1; mx.cloudflare.net; dkim=none (; dmarc=fail header.from=example.com", "a comment never closes"],
    ["a stray ')'", "i=1; mx.cloudflare.net; dmarc=pass header.from=example.com)", "a comment closes that never opened"],
    ["a quoted string that never closes", 'i=1; mx.cloudflare.net; dkim=fail reason="x; dmarc=fail', "a quoted string never closes"],
    ["a bare word among the properties", "i=1; mx.cloudflare.net; dmarc=fail dmarc pass header.from=example.com", "the dmarc result holds something that is not a property"],
    ["a property without a type", "i=1; mx.cloudflare.net; dmarc=fail from=example.com", "the dmarc result holds something that is not a property"],
    ["no results", "i=1; mx.cloudflare.net", "it holds no results"],
  ])("refuses %s", (_name, header, error) => {
    expect(parseArcAuthResults(header)).toEqual({ ok: false, error });
  });
});

describe("arcInstance", () => {
  it.each([
    ["i=1; mx.cloudflare.net; dmarc=pass", 1],
    [" I = 7 ; anything (at all", 7],
    ["i=0; mx.cloudflare.net", null],
    ["i=1 mx.cloudflare.net", null],
    ["mx.cloudflare.net; i=3", null],
  ])("%s → %s", (header, instance) => {
    expect(arcInstance(header)).toBe(instance);
  });
});
