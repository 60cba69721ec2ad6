// Forwards in non-Latin scripts (Cyrillic, Greek, Japanese, Chinese, Korean, Hebrew, Arabic) and Latin scripts beyond
// Latin-1 (Czech, Polish, Hungarian, Turkish, Vietnamese), in the charsets their clients write (KOI8-R, windows-1251,
// ISO-8859-7, ISO-8859-2, windows-1250, ISO-8859-9, ISO-2022-JP, Shift_JIS, GB18030/GB2312, Big5, EUC-KR, windows-1255,
// windows-1256), read through the real parser and forward reader: who wrote the original and when, its subject and
// body, and the owner's note alone. The fixtures are written by test/fixtures/forward/clients-scripts/make.mjs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findForward } from "../../src/mail/forward";
import { parseForwardedDate } from "../../src/mail/forward/date";
import { cleanNote } from "../../src/mail/forward/note";
import { parseMail } from "../../src/mail/parse";
import { newText } from "../../src/mail/reply";
import type { ParsedMail } from "../../src/mail/types";
import { scriptForwards, type ExpectedScriptForward } from "../fixtures/forward/clients-scripts/expected";

const load = async (file: string): Promise<ParsedMail> =>
  parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/forward/clients-scripts", file)));

const firstWords = (text: string, count: number) => text.split(/\s+/).filter(Boolean).slice(0, count).join(" ");
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** What a wrong charset leaves behind: the replacement character, or UTF-8 read as Latin-1/windows-1252. */
const MOJIBAKE = /\uFFFD|Ã.|Â.|Ð.|Ñ.|Ø.|â€/;

function expectOriginal(found: ReturnType<typeof findForward>, want: ExpectedScriptForward): void {
  expect(found).not.toBeNull();
  const f = found!;
  expect(f.from).toEqual(want.from);
  expect(iso(f.date)).toBe(want.date);
  if (want.subject !== null) expect(f.subject).toBe(want.subject);
  expect(f.note).toBe(want.note);
  expect(firstWords(f.body, want.body.split(" ").length)).toBe(want.body);
  expect(f.body).not.toMatch(/^(?:>|={3,}|-{3,})/);
  expect(`${f.note}\n${f.body}\n${f.from?.name}`).not.toMatch(MOJIBAKE);
}

describe("findForward on forwards in other scripts and charsets", () => {
  it.each(scriptForwards.map((w) => [`${w.client} ${w.language} (${w.charset}): ${w.file}`, w] as const))("%s", async (_, want) => {
    expectOriginal(findForward(await load(want.file)), want);
  });

  it("cover twelve languages and ten clients", () => {
    expect(new Set(scriptForwards.map((w) => w.language.slice(0, 2))).size).toBeGreaterThanOrEqual(12);
    expect(new Set(scriptForwards.map((w) => w.client)).size).toBeGreaterThanOrEqual(10);
  });
});

describe("the HTML part alone gives the same original", () => {
  const withHtml = scriptForwards.filter((w) => w.html);
  it.each(withHtml.map((w) => [`${w.client} ${w.language}: ${w.file}`, w] as const))("%s", async (_, want) => {
    const mail = await load(want.file);
    expect(mail.html).not.toBeNull();
    expectOriginal(findForward({ ...mail, text: "" }), want);
  });
});

describe("the forward's own subject is decoded from its charset", () => {
  it.each(scriptForwards.map((w) => [w.file, w] as const))("%s", async (_, want) => {
    const mail = await load(want.file);
    expect(mail.subject).not.toMatch(MOJIBAKE);
    if (want.subject !== null) expect(mail.subject).toContain(want.subject);
  });
});

describe("dates the clients print in other scripts, read", () => {
  it.each([
    ["Outlook, Greek", "Δευτέρα, 3 Φεβρουαρίου 2025 4:12 μμ", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Greek, May", "Πέμ, 1 Μαΐ 2025 στις 9:12 π.μ.", "2025-05-01T09:12:00.000Z"],
    ["Outlook, Arabic", "الاثنين، 3 فبراير، 2025 4:12 م", "2025-02-03T16:12:00.000Z"],
    ["Arabic, Levant", "3 شباط 2025 9:12 ص", "2025-02-03T09:12:00.000Z"],
    ["Gmail, Hebrew", "יום ב׳, 3 בפבר׳ 2025 ב-16:12", "2025-02-03T16:12:00.000Z"],
    ["Outlook, Hebrew", "יום שני 03 פברואר 2025 16:12", "2025-02-03T16:12:00.000Z"],
    ["Outlook, Korean", "2025년 2월 3일 월요일 오후 4:12", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Korean, midnight", "2025년 2월 3일 (월) 오전 12:05", "2025-02-03T00:05:00.000Z"],
    ["QQ", "2025年2月3日(星期一) 下午4:12", "2025-02-03T16:12:00.000Z"],
    ["Outlook, Taiwanese", "2025年2月3日 下午 04:12", "2025-02-03T16:12:00.000Z"],
    ["Japanese, 12-hour", "2025年2月3日 午後4:12", "2025-02-03T16:12:00.000Z"],
    ["Yahoo! JAPAN", "2025/2/3 月 16:12", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Vietnamese", "Th 2, 3 thg 2, 2025 vào lúc 16:12", "2025-02-03T16:12:00.000Z"],
    ["Outlook, Vietnamese", "Thứ Hai, ngày 3 tháng 2 năm 2025 4:12 CH", "2025-02-03T16:12:00.000Z"],
    ["English, still", "Wed, Nov 4, 2026 at 12:15 AM", "2026-11-04T00:15:00.000Z"],
  ])("%s: %s", (_, text, want) => {
    expect(iso(parseForwardedDate(text))).toBe(want);
  });
});

describe("client lines dropped from the owner's note, in other scripts", () => {
  it.each([
    "Отправлено с iPhone", "Отправлено из мобильной Яндекс Почты", "Отправлено из Почты Mail.ru", "Получить Outlook для iOS<https://aka.ms/o0ukef>",
    "Отримати Outlook для Android", "Στάλθηκε από το iPhone μου", "iPhoneから送信", "iPhone에서 보냄", "发自我的iPhone", "從我的 iPhone 傳送",
    "נשלח מה-iPhone שלי", "أُرسلت من الـ iPhone", "iPhone'umdan gönderildi", "Odesláno z iPhonu", "Odesláno z iPhonu.", "Gửi từ iPhone của tôi",
  ])("%s", (line) => {
    expect(cleanNote(`Ответить Ивану.\n\n${line}\n`, "Fwd: x")).toBe("Ответить Ивану.");
    expect(newText(`Да.\n\n${line}\n\nstatus\n`)).toBe("Да.");
  });

  it("keep the owner's own sentences that merely name an app", () => {
    for (const line of ["Отправлено из офиса, почта ниже.", "iPhoneから送信できません。", "Почта России доставила письмо."])
      expect(cleanNote(`Ответить Ивану.\n${line}\n`, "Fwd: x")).toBe(`Ответить Ивану.\n${line}`);
  });
});
