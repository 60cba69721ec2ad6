import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { buildDigestMime } from "../../src/digest/mime";
import { digestSubject, renderDigestHtml, renderDigestText } from "../../src/digest/render";
import { NOW, digestView } from "../fixtures/digest-view";

// mimetext's browser build pulls in js-base64 and core-js helpers; this proves the digest builds in workerd.
describe("digest mail in workerd", () => {
  it("builds and parses back a Danish digest", async () => {
    const view = digestView("da");
    const raw = buildDigestMime({
      from: "gensidig@example.com",
      to: "camilla@bergconsult.dk",
      replyTo: view.replyAddress,
      subject: digestSubject(view),
      text: renderDigestText(view),
      html: renderDigestHtml(view),
      messageId: "<digest.2026-48.1@example.com>",
      date: new Date(NOW),
    });
    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe("Uge 48: 3 at sige tak til, 2 at hjælpe, 2 at følge op med, 3 at genoptage kontakten med");
    expect(mail.replyTo).toEqual([{ address: view.replyAddress, name: "" }]);
    expect(mail.messageId).toBe("<digest.2026-48.1@example.com>");
    // Dates in the owner's zone need ICU time zone data in workerd; the text part comes back in CRLF form.
    expect(mail.text).toContain("Introducerede dig for Bo Nielsen den 3. nov.: »Intro: Bo from\r\n");
    expect(mail.html).toContain("Genoptag kontakten");
  });
});
