// Forwards written as Outlook (desktop, web, iOS, Android), Gmail, Apple Mail (macOS, iOS), Thunderbird, Yahoo,
// Proton, Fastmail, Samsung Email, GMX, WEB.DE and Zoho write them, in twelve languages, read through the real
// parser and forward reader: who wrote the original and when, its subject and body, and the owner's note alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findForward } from "../../src/mail/forward";
import { parseForwardedDate } from "../../src/mail/forward/date";
import { cleanNote } from "../../src/mail/forward/note";
import { parseMail } from "../../src/mail/parse";
import type { ParsedMail } from "../../src/mail/types";
import { clientForwards, type ExpectedClientForward } from "../fixtures/forward/clients-i18n/expected";

const load = async (file: string): Promise<ParsedMail> =>
  parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/forward/clients-i18n", file)));

/** The first words of a text, whitespace-insensitive, so plain and HTML readings compare alike. */
const firstWords = (text: string, count: number) => text.split(/\s+/).filter(Boolean).slice(0, count).join(" ");
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function expectOriginal(found: ReturnType<typeof findForward>, want: ExpectedClientForward): void {
  expect(found).not.toBeNull();
  const f = found!;
  expect(f.from).toEqual(want.from);
  expect(iso(f.date)).toBe(want.date);
  expect(f.subject).toBe(want.subject);
  expect(f.note).toBe(want.note);
  expect(firstWords(f.body, want.body.split(" ").length)).toBe(want.body);
  // The forward's own quote marks and closing separator stay out of the original's body.
  expect(f.body).not.toMatch(/^(?:>|={3,})/);
}

describe("findForward on forwards from each client and language", () => {
  it.each(clientForwards.map((w) => [`${w.client} ${w.language}: ${w.file}`, w] as const))("%s", async (_, want) => {
    expectOriginal(findForward(await load(want.file)), want);
  });

  it("cover thirteen clients and twelve languages", () => {
    expect(new Set(clientForwards.map((w) => w.client)).size).toBeGreaterThanOrEqual(13);
    expect(new Set(clientForwards.map((w) => w.language.slice(0, 2))).size).toBeGreaterThanOrEqual(12);
  });
});

describe("the HTML part alone gives the same original", () => {
  const withHtml = clientForwards.filter((w) => w.html);
  it.each(withHtml.map((w) => [`${w.client} ${w.language}: ${w.file}`, w] as const))("%s", async (_, want) => {
    const mail = await load(want.file);
    expect(mail.html).not.toBeNull();
    expectOriginal(findForward({ ...mail, text: "" }), want);
  });
});

describe("a date line above the From line (GMX, WEB.DE)", () => {
  it("starts the block: the date is read and stays out of the note", async () => {
    const found = findForward(await load("gmx-de-note.eml"));
    expect(found?.format).toBe("header-block");
    expect(iso(found!.date)).toBe("2025-02-03T08:12:00.000Z");
    expect(found!.note).not.toContain("Gesendet");
  });

  it("does not start a block when no From line follows it", () => {
    const text = "Bitte ansehen.\n\nGesendet: Montag, 03. Februar 2025 um 09:12 Uhr\nAn: Lukas <lukas@example.de>\nBetreff: Angebot\n\nText\n";
    const mail = { subject: "Fwd: Angebot", text, html: null, headers: {}, attachedMessages: [] } as unknown as ParsedMail;
    expect(findForward(mail)).toBeNull();
  });
});

describe("Proton's quoted forward body", () => {
  it("loses the quote level of the forward itself, keeping the original's own deeper quotes", async () => {
    const base = (await load("proton-en-note.eml")).text;
    const text = base.replace("> Sarah", "> Sarah\n>\n> > an older quote");
    const found = findForward({ ...(await load("proton-en-note.eml")), text, html: null });
    expect(found!.body).toMatch(/^Hi Jonas,/);
    expect(found!.body).toContain("\n> an older quote");
  });

  it("keeps the body as it is when only some of it is quoted", async () => {
    const base = await load("proton-en-note.eml");
    const text = base.text.replace("> Hi Jonas,", "Hi Jonas,");
    const found = findForward({ ...base, text, html: null });
    expect(found!.body).toContain("> I sketched three ideas");
  });
});

describe("client lines dropped from the owner's note, per language", () => {
  it.each([
    "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Skickat från min iPhone", "Enviado desde mi iPhone",
    "Inviato da iPhone", "Verstuurd vanaf mijn iPhone", "Enviado do meu iPhone", "Wysłane z iPhone'a", "Lähetetty iPhonesta",
    "Gesendet von Outlook für iOS<https://aka.ms/o0ukef>", "Von Outlook für Android gesendet", "Obtenir Outlook pour Android<https://aka.ms/AAb9ysg>",
    "Obtener Outlook para iOS", "Obter o Outlook para Android", "Von meinem Samsung Galaxy Smartphone gesendet.",
    "Envoyé depuis mon appareil Galaxy", "Sent with [Proton Mail](https://proton.me/mail/home) secure email.",
    "Sent from Yahoo Mail for iPhone", "Sendt fra min iPad",
  ])("%s", (line) => {
    expect(cleanNote(`Ring til Anna.\n\n${line}\n`, "Fwd: x")).toBe("Ring til Anna.");
  });

  it("keep the owner's own sentences that merely name a device or an app", () => {
    for (const line of [
      "Sent from the office, mail follows.", "Von meinem iPhone aus geht das nicht.", "Get Outlook to stop nagging me",
      "Envoyé de mon iPhone, désolé pour les fautes.",
    ])
      expect(cleanNote(`Ring til Anna.\n${line}\n`, "Fwd: x")).toBe(`Ring til Anna.\n${line}`);
  });
});

describe("dates the clients print, read", () => {
  it.each([
    ["Samsung Email, German", "03.02.25  09:12  (GMT+01:00)", "2025-02-03T08:12:00.000Z"],
    ["Outlook for Mac, German", "03.02.25, 09:12", "2025-02-03T09:12:00.000Z"],
    ["Proton", "On Monday, February 3rd, 2025 at 9:12 AM", "2025-02-03T09:12:00.000Z"],
    ["GMX", "Montag, 03. Februar 2025 um 09:12 Uhr", "2025-02-03T09:12:00.000Z"],
  ])("%s: %s", (_, text, want) => {
    expect(iso(parseForwardedDate(text))).toBe(want);
  });

  it("still reads a dotted time without a date as no date (Danish '10.12.00')", () => {
    expect(parseForwardedDate("kl. 10.12.00")).toBeNull();
  });
});
