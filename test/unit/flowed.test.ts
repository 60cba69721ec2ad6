import { describe, expect, it } from "vitest";
import { decodeFlowed, hideFlowed } from "../../src/mail/flowed";
import { parseMail } from "../../src/mail/parse";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("decodeFlowed (RFC 3676)", () => {
  it("joins soft line breaks at the same quote depth", () => {
    expect(decodeFlowed("This is a \nflowed line.\n> and a quoted \n> one.", false)).toBe("This is a flowed line.\n> and a quoted one.");
  });

  it("ends a paragraph where the quote depth changes (§4.5)", () => {
    expect(decodeFlowed("> the quote ends with a space \nMy answer.", false)).toBe("> the quote ends with a space \nMy answer.");
    expect(decodeFlowed(">> deeper \n> shallower", false)).toBe(">> deeper \n> shallower");
  });

  it("removes space-stuffing after the quote marks (§4.4)", () => {
    expect(decodeFlowed("  From the start\n>  stuffed quote", false)).toBe(" From the start\n>  stuffed quote");
  });

  it("drops the added space with DelSp=yes (§4.2), and never flows the signature separator", () => {
    expect(decodeFlowed("Lang \nwort", true)).toBe("Langwort");
    expect(decodeFlowed("-- \nAnna", false)).toBe("-- \nAnna");
  });
});

describe("hideFlowed", () => {
  it("renames only the Content-Type parameter, keeps the length, and reads DelSp", () => {
    const raw = bytes('Content-Type: text/plain; charset=UTF-8; format=flowed;\r\n delsp=yes\r\n\r\nformat=flowed in the body stays\r\n');
    const hidden = hideFlowed(raw)!;
    const text = new TextDecoder().decode(hidden.bytes);
    expect(text).toContain("format=xlowed;");
    expect(text).toContain("format=flowed in the body stays");
    expect(hidden.bytes.length).toBe(raw.length);
    expect(hidden.delsp).toBe(true);
    expect(new TextDecoder().decode(raw)).toContain("format=flowed;");
  });

  it("returns null for mail that is not flowed", () => {
    expect(hideFlowed(bytes("Content-Type: text/plain; charset=UTF-8\r\n\r\nHello\r\n"))).toBeNull();
  });
});

describe("parseMail on format=flowed mail", () => {
  it("keeps the answer written under a quoted line that ends in a space", async () => {
    const mail = await parseMail(
      [
        "From: Lukas <lukas@example.de>",
        "To: owner@example.com",
        "Subject: Re: Angebot",
        "Content-Type: text/plain; charset=UTF-8; format=flowed",
        "",
        "Am 03.02.25 um 09:12 schrieb Anna Holm:",
        "> Kannst du mir das Angebot schicken? ",
        "Ja, am Donnerstag.",
        "",
      ].join("\r\n"),
    );
    expect(mail.text.split("\n").slice(0, 3)).toEqual(["Am 03.02.25 um 09:12 schrieb Anna Holm:", "> Kannst du mir das Angebot schicken? ", "Ja, am Donnerstag."]);
  });
});
