// Contacts' replies written as Outlook (desktop, Mac, web, iOS, Android), Apple Mail on iOS, Thunderbird, Yahoo,
// Proton, Fastmail, Spark, Samsung Email, GMX and Zoho write them, in eight languages: only the contact's new
// words come out of newText, as the handler reads them, and the quote's attribution names who wrote it and when.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMail } from "../../src/mail/parse";
import { attributionDate, newText, quoteAttribution } from "../../src/mail/reply";
import { clientReplies } from "../fixtures/replies/clients-i18n/expected";

const load = async (file: string) => parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/replies/clients-i18n", file)));
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

describe("newText on replies from each client and language", () => {
  it.each(clientReplies.map((r) => [`${r.client} ${r.language}: ${r.file}`, r] as const))("%s", async (_, want) => {
    const mail = await load(want.file);
    const got = newText(mail.text, { quotesMarked: !mail.textFromHtml });
    expect(got).toBe(want.newText);
    for (const line of want.quoted) expect(got).not.toContain(line);
  });
});

describe("who wrote the quoted mail, and when", () => {
  // Attribution dates carry no zone and are read as wall-clock UTC (reply.ts): the printed time is expected.
  it.each([
    ["proton-en.eml", "Jonas Kragh", "2025-02-03T09:12:00.000Z"],
    ["spark-en.eml", "Jonas Kragh", "2025-02-03T08:12:00.000Z"],
    ["apple-ios-pt.eml", "Jonas Kragh", "2025-02-03T05:12:00.000Z"],
    ["apple-ios-pl.eml", "Jonas Kragh", "2025-02-03T09:12:00.000Z"],
    ["yahoo-de.eml", "Jonas Kragh", "2025-02-03T09:12:00.000Z"],
    ["gmx-de-top.eml", "Jonas Kragh", "2025-02-03T09:12:00.000Z"],
    ["outlook-mac-fi.eml", "Jonas Kragh", "2025-02-03T10:12:00.000Z"],
    ["outlook-sv-plain-original.eml", "Jonas Kragh", "2025-02-03T09:12:00.000Z"],
  ])("%s: %s, %s", async (file, name, date) => {
    const found = quoteAttribution((await load(file)).text);
    expect(found?.address).toBe("owner@example.com");
    expect(found?.name).toBe(name);
    expect(iso(found?.date)).toBe(date);
  });
});

describe("attribution dates in the clients' own words", () => {
  it.each([
    ["Proton", "On Monday, February 3rd, 2025 at 9:12 AM, Anna <a@x.dk> wrote:", "2025-02-03T09:12:00.000Z"],
    ["Proton, the 1st", "On Saturday, February 1st, 2025 at 9:12 PM, Anna <a@x.dk> wrote:", "2025-02-01T21:12:00.000Z"],
    ["Apple Mail, Portuguese", "Em 3 de fev. de 2025, à(s) 05:12, Anna <a@x.dk> escreveu:", "2025-02-03T05:12:00.000Z"],
    ["Apple Mail, Polish", "Wiadomość napisana przez Anna <a@x.dk> w dniu 3 lut 2025, o godz. 09:12:", "2025-02-03T09:12:00.000Z"],
    ["Yahoo, German", "Am Montag, 3. Februar 2025, 09:12:34 MEZ hat Anna <a@x.dk> Folgendes geschrieben:", "2025-02-03T09:12:00.000Z"],
    ["GMX", "Montag, 03. Februar 2025 um 09:12 Uhr", "2025-02-03T09:12:00.000Z"],
  ])("%s", (_, line, want) => {
    expect(iso(attributionDate(line))).toBe(want);
  });
});

describe("quote boundaries in more languages", () => {
  it("a Yahoo German attribution ends the new text, and a sentence saying what someone wrote does not", () => {
    const own = "Ich habe Folgendes geschrieben:\nFreitag passt.";
    expect(newText(own)).toBe(own);
    const quoted = "Freitag passt.\n\nAm Montag, 3. Februar 2025, 09:12:34 MEZ hat Anna <a@x.dk> Folgendes geschrieben:\n\nalt\n";
    expect(newText(quoted)).toBe("Freitag passt.");
  });

  it("Outlook's Finnish attribution with the date after 'kirjoitti'", () => {
    const text = "Sopii.\n\nAnna Holm <a@x.dk> kirjoitti 03/02/2025 10.12:\n\n    vanha teksti\n";
    expect(newText(text)).toBe("Sopii.");
    expect(quoteAttribution(text)?.name).toBe("Anna Holm");
  });

  it("a date line above a From line starts a header block (GMX), a lone date line does not", () => {
    const block = "Ja.\n\nGesendet: Montag, 03. Februar 2025 um 09:12 Uhr\nVon: Anna <a@x.dk>\nAn: Lukas <l@x.de>\nBetreff: Termin\n\nalt\n";
    expect(newText(block)).toBe("Ja.");
    const lone = "Ja.\n\nGesendet: Montag, 03. Februar 2025 um 09:12 Uhr\nmehr von mir\n";
    expect(newText(lone)).toBe("Ja.\n\nGesendet: Montag, 03. Februar 2025 um 09:12 Uhr\nmehr von mir");
  });
});

describe("legal disclaimers below a signature", () => {
  const signed = "Hallo Jonas,\n\ndas Angebot kommt morgen.\n\nMit freundlichen Grüßen\nLukas Becker\n";
  const disclaimer =
    "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender.";

  it("go with the signature, in one paragraph or wrapped over several lines", () => {
    expect(newText(`${signed}\n${disclaimer}\n`)).toBe("Hallo Jonas,\n\ndas Angebot kommt morgen.");
    const wrapped = disclaimer.replace(/(.{1,70})(?: |$)/g, "$1\n");
    expect(newText(`${signed}\n${wrapped}\n${"Bitte prüfen Sie, ob Sie vertrauliche Daten erhalten haben.\n".repeat(3)}`)).toBe(
      "Hallo Jonas,\n\ndas Angebot kommt morgen.",
    );
  });

  it("go with the signature when they share its paragraph, starting at their own first line", () => {
    const text = "Hej Jonas,\n\nTilbuddet kommer i morgen.\n\nMvh\nAnna Holm\nDenne e-mail er fortrolig og kun tiltænkt modtageren.\n";
    expect(newText(text)).toBe("Hej Jonas,\n\nTilbuddet kommer i morgen.");
  });

  it("never start above a sign-off: a sentence about confidentiality is the person's own, the signature below it goes", () => {
    const text = "Hi Jonas,\n\nHere are the numbers.\n\nPlease keep the figures confidential until Friday.\nMvh\nAnna\n";
    expect(newText(text)).toBe("Hi Jonas,\n\nHere are the numbers.\n\nPlease keep the figures confidential until Friday.");
  });

  it("stay when there is no sign-off above them (the words may be the person's own)", () => {
    const text = `Hallo Jonas,\n\n${disclaimer}\n`;
    expect(newText(text)).toBe(text.trim());
  });

  it("do not let a long paragraph that is no disclaimer count as a signature", () => {
    const long = "Und noch etwas: ich habe mir den Entwurf angesehen, und er gefällt mir sehr gut, nur die Farben würde ich ändern.";
    expect(newText(`${signed}\n${long}\n`)).toBe(`${signed}\n${long}`.trim());
  });
});

describe("client lines end the new text, per language", () => {
  it.each([
    "Obtenir Outlook pour Android<https://aka.ms/AAb9ysg>", "Obtener Outlook para iOS<https://aka.ms/o0ukef>",
    "Obter o Outlook para Android<https://aka.ms/AAb9ysg>", "Gesendet von Outlook für iOS<https://aka.ms/o0ukef>",
    "Sent with [Proton Mail](https://proton.me/) secure email.", "Envoyé depuis mon appareil Galaxy",
    "Wysłane z iPhone'a", "Lähetetty iPhonesta", "Skickat från min iPhone", "Inviato da iPhone",
  ])("%s", (line) => {
    expect(newText(`Parfait.\n\n${line}\n\nstatus\n`)).toBe("Parfait.");
  });
});
