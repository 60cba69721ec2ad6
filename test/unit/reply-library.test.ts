// reply.ts asks email-reply-parser only when a text holds something the library could drop (libraryMayDrop);
// otherwise it trims the lines as the library would. These cases sit on the edges of that check: every one
// must come out as the library itself makes it, and the check must send each of the library's own kinds of
// signature and quote header to the library.
import EmailReplyParser from "email-reply-parser";
import { describe, expect, it } from "vitest";
import { libraryMayDrop, visibleByLibrary } from "../../src/mail/reply";

const byLibrary = (text: string) => new EmailReplyParser().read(text).getVisibleText();

/** Texts with nothing the library drops: they take the short way, so they test its trimming. */
const PLAIN = [
  "Thanks, Tuesday works.",
  "Thanks, Tuesday works.   \nSee you.\t",
  "\nLeading blank line.\n\nTwo paragraphs.\n\n\n",
  "\n\n\nThree blank lines first.",
  "   \n\t\n",
  "Windows line ends.\r\nSecond line \r\n\r\n",
  "A lone carriage return\rinside a line.\n",
  "Tildes at the end ~~\n~",
  "~ at the start, ~ in the middle ~ \n",
  "Non-breaking space at the end\u00a0\nand an em space\u2003",
  "A line separator\u2028inside a line.",
  "Indented > is no quote\n  > nor this",
  "Mvh\nAnna Holm\nTlf. 20 30 40 50",
  "Hej Peter\n\nTak for sidst! Kaffe torsdag kl. 10:00?\n\nHilsen Sofie",
  "Klokken 10:00 i Aarhus, <anna@example.dk>.",
  "Regard this as done. Wrot it yesterday.",
  "Se vedhæftede fra i går",
];

/** One of each kind the library finds, from its own list: each must be left to the library. */
const LIBRARY_KINDS = [
  "Ok.\n\nOn Mon, 3 Feb 2025 at 09:12, Anna Holm <anna@example.dk> wrote:\n> old",
  "Ok.\n\nLe lun. 3 févr. 2025 à 09:12, Anna <anna@example.fr> a écrit :\n> vieux",
  "Ok.\n\nEl lun, 3 feb 2025 a las 09:12, Ana (<ana@example.es>) escribió:",
  "Ok.\n\nIl giorno lun 3 feb 2025 alle ore 09:12 Anna <anna@example.it> ha scritto:",
  "Ok.\n\nEm seg., 3 de fev. de 2025 às 09:12, Ana <ana@example.pt> escreveu:",
  "Ok.\n\nAm Mo., 3. Feb. 2025 um 09:12 Uhr schrieb Anna <anna@example.de>:",
  "Ok.\n\nOp ma 3 feb 2025 om 09:12 schreef Anna <anna@example.nl>:",
  "Ok.\n\nW dniu 3.02.2025 o 09:12, Anna <anna@example.pl> pisze:",
  "Ok.\n\nDen 3. feb. 2025 kl. 09.12 skrev Anna Holm <anna@example.dk>:",
  "Ok.\n\npe 3. helmik. 2025 klo 9.12 Anna <anna@example.fi> kirjoitti:",
  "Ok.\n\nср, 3 февр. 2025 г. в 09:12, Anna <anna@example.ru>:",
  "Ok.\n\n在 2025年2月3日 09:12，Anna <anna@example.cn> 写道：",
  "Ok.\n\n2025. 2. 3. 오전 9:12, Anna <anna@example.kr>님이 작성:",
  "Ok.\n\n2025/02/03 9:12、Anna <anna@example.jp> のメッセージ:",
  "Ok.\n\nFrom: Anna Holm <anna@example.dk>\nSent: Monday",
  "Ok.\n\nDe : Anna <anna@example.fr>",
  "Ok.\n\nDa: Anna <anna@example.it>",
  "Ok.\n\n2025-02-03 09:12 GMT+01:00 Anna <anna@example.dk>:",
  "Ok.\n\n03.02.2025 09:12, \"Anna\" <anna@example.de>:",
  "Ok.\n\n-----Original Message-----\nFrom: Anna",
  "Ok.\n\n-----Oprindelig besked-----",
  "Ok.\n\n-------- Message d'origine --------",
  "Ok.\n\n-----Ursprüngliche Nachricht-----",
  "Ok.\n> quoted line",
  "Ok.\n\n--\nAnna Holm",
  "Ok.\n\n-- \nAnna Holm",
  "Ok.\n\n__\nAnna Holm",
  "Ok.\n\n++\n==",
  "Ok.\n\nSent from my iPhone",
  "Ok.\n\nGet Outlook for iOS",
  "Ok.\n\nCheers!",
  "Ok.\n\nbest wishes,",
  "Ok.\n\nKind Regards,\nAnna",
  "Ok.\n\nVon meinem iPhone gesendet",
  "Ok.\n\nGesendet von Mail für Windows",
  "Ok.\n\nSendt fra min iPhone",
  "Ok.\n\nEnvoyé de mon iPhone",
  "Ok.\n\nTélécharger Outlook pour iOS",
  "Ok.\n\nBien à vous,",
  "Ok.\n\nBien cordialement,",
  "Ok.\n\nBonne journée!",
  "Ok.\n\nEnviado desde mi iPhone",
  "Ok.\n\nIn data 3 feb 2025 Anna ha\nscritto:",
  "Ok.\n\nVerzonden vanaf mijn iPhone",
  "Ok.\n\nVerstuurd vanaf mijn iPad",
  // Where the library's `^` matches inside one of our lines: after a lone CR or a line separator.
  "Ok.\rSent from my iPhone",
  "Ok.\u2028Get Outlook for Android",
];

describe("email-reply-parser is asked only when it could drop something", () => {
  it("plain texts take the short way and come out as the library makes them", () => {
    for (const text of PLAIN) {
      expect(libraryMayDrop(text), JSON.stringify(text)).toBe(false);
      expect(visibleByLibrary(text), JSON.stringify(text)).toBe(byLibrary(text));
    }
  });

  it("every kind of signature and quote header the library knows goes to the library", () => {
    for (const text of LIBRARY_KINDS) {
      expect(libraryMayDrop(text), JSON.stringify(text)).toBe(true);
      expect(visibleByLibrary(text), JSON.stringify(text)).toBe(byLibrary(text));
    }
    // The library drops something in nearly all of them; were it never to, these cases would prove little.
    const changed = LIBRARY_KINDS.filter((text) => byLibrary(text).trim() !== text.trim());
    expect(changed.length).toBeGreaterThan(LIBRARY_KINDS.length * 0.8);
  });

  it("an empty text is empty", () => {
    expect(visibleByLibrary("")).toBe("");
  });
});
