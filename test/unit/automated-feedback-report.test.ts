import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectAutomated } from "../../src/mail/automated";
import { parseMail } from "../../src/mail/parse";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/mail", name));

describe("RFC 5965 abuse feedback reports are automated mail", () => {
  it("an ARF report (RFC 5965 Appendix B shape) from a mailbox provider's abuse desk", async () => {
    const parsed = await parseMail(fixture("arf-feedback-report.eml"));
    expect(parsed.from).toEqual({ address: "abusedesk@example.net" });
    expect(parsed.headers["content-type"]).toEqual(["multipart/report; report-type=feedback-report;\tboundary=\"part1_13d.2e68ed54_boundary\""]);
    expect(parsed.headers["auto-submitted"]).toBeUndefined();
    expect(parsed.attachments.map((a) => a.mimeType)).toEqual(["message/feedback-report", "text/rfc822-headers"]);
    expect(detectAutomated(parsed)).toEqual({ automated: true, reason: "abuse feedback report (RFC 5965)" });
  });

  it("the message/feedback-report part alone marks it, whatever the outer type says", async () => {
    const parsed = await parseMail(fixture("arf-feedback-report.eml"));
    const facts = { ...parsed, headers: { ...parsed.headers, "content-type": ["multipart/mixed"] } };
    expect(detectAutomated(facts)).toEqual({ automated: true, reason: "abuse feedback report (RFC 5965)" });
  });
});
