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
    // What to do first, inside the ~45 characters a phone's inbox shows; the week last.
    expect(mail.subject).toBe("Sig tak til 3, hjælp 2, følg op med 2, sig hej til 3 · uge 48");
    expect(mail.subject!.indexOf("sig hej til 3")).toBeLessThan(45);
    // Mail apps' own pause button: a mail with `pause` to the plain address (an expired token must not stop it).
    expect(mail.headers.find((h) => h.key === "list-unsubscribe")?.value).toBe("<mailto:gensidig@example.com?subject=pause&body=pause>");
    expect(mail.replyTo).toEqual([{ address: view.replyAddress, name: "" }]);
    expect(mail.messageId).toBe("<digest.2026-48.1@example.com>");
    // Dates in the owner's zone need ICU time zone data in workerd; the text part comes back in CRLF form.
    expect(mail.text).toContain("Introducerede dig for Bo Nielsen den 3. nov.: »Intro: Bo from\r\n");
    expect(mail.html).toContain("Genoptag kontakten");
  });
});
