// Contacts' replies in non-Latin scripts and Latin scripts beyond Latin-1, in their clients' charsets (Gmail, Outlook,
// Apple Mail, Thunderbird, Yandex, Mail.ru, Seznam, WP, Yahoo! JAPAN, QQ, Foxmail, Naver): only the contact's new words
// come out of newText, as the handler reads them, without the quote, the attribution, the sign-off and signature or a
// client's line; the sender's name is decoded; and the attribution names who wrote the quoted mail and when.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMail } from "../../src/mail/parse";
import { attributionDate, newText, quoteAttribution } from "../../src/mail/reply";
import { scriptReplies } from "../fixtures/replies/clients-scripts/expected";

const load = async (file: string) => parseMail(readFileSync(path.join(import.meta.dirname, "../fixtures/replies/clients-scripts", file)));
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

describe("newText on replies in other scripts and charsets", () => {
  it.each(scriptReplies.map((r) => [`${r.client} ${r.language} (${r.charset}): ${r.file}`, r] as const))("%s", async (_, want) => {
    const mail = await load(want.file);
    expect(mail.from).toEqual(want.from);
    const got = newText(mail.text, { quotesMarked: !mail.textFromHtml });
    expect(got).toBe(want.newText);
    for (const line of want.quoted) expect(got).not.toContain(line);
  });
});

describe("who wrote the quoted mail, and when", () => {
  const withAttribution = scriptReplies.filter((r) => r.attribution);
  it.each(withAttribution.map((r) => [`${r.client} ${r.language}: ${r.file}`, r] as const))("%s", async (_, want) => {
    const found = quoteAttribution((await load(want.file)).text);
    expect(found?.address ?? null).toBe(want.attribution!.address);
    expect(found?.name).toBe(want.attribution!.name);
    expect(iso(found?.date)).toBe(want.attribution!.date);
  });
});

describe("attribution dates in other scripts", () => {
  it.each([
    ["Gmail, Russian", "пн, 3 февр. 2025 г. в 16:12, Anna <a@x.dk>:", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Japanese", "2025年2月3日(月) 16:12 Anna <a@x.dk>:", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Korean", "2025년 2월 3일 (월) 오후 4:12, Anna <a@x.dk>님이 작성:", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Czech", "po 3. 2. 2025 v 16:12 odesílatel Anna <a@x.dk> napsal:", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Hungarian", "Anna <a@x.dk> ezt írta (időpont: 2025. febr. 3., H, 16:12):", "2025-02-03T16:12:00.000Z"],
    ["Gmail, Hebrew", "בתאריך יום ב׳, 3 בפבר׳ 2025 ב-16:12 מאת Anna <a@x.dk>:", "2025-02-03T16:12:00.000Z"],
    ["Outlook, Greek", "Δευτέρα, 3 Φεβρουαρίου 2025 4:12 μμ", "2025-02-03T16:12:00.000Z"],
    ["Outlook, Arabic", "الاثنين، 3 فبراير، 2025 4:12 م", "2025-02-03T16:12:00.000Z"],
    ["QQ", "2025年2月3日(星期一) 下午4:12", "2025-02-03T16:12:00.000Z"],
    ["English, still", "On Mon, 3 Feb 2025 at 4:12 PM, Anna <a@x.dk> wrote:", "2025-02-03T16:12:00.000Z"],
    // the zone after the after-noon word is read in every language, not only after "PM"
    ["English, a zone after PM", "On Mon, 3 Feb 2025 at 4:12 PM +0200, Anna <a@x.dk> wrote:", "2025-02-03T14:12:00.000Z"],
    ["Greek, a zone after μ.μ.", "Δευτέρα, 3 Φεβρουαρίου 2025 4:12 μ.μ. +0200", "2025-02-03T14:12:00.000Z"],
  ])("%s", (_, line, want) => {
    expect(iso(attributionDate(line))).toBe(want);
  });
});

describe("sign-offs in other scripts start the signature", () => {
  it.each([
    "С уважением,\nИван Петров", "З повагою,\nОлена", "S pozdravem\nJan Novák", "Üdvözlettel:\nGergő", "Saygılarımla,\nAyşe Yılmaz",
    "İyi çalışmalar,\nAyşe", "Φιλικά,\nΓιώργος", "בברכה,\nדנה", "مع أطيب التحيات،\nأحمد حسن", "よろしくお願いいたします。\n\n山田 太郎\n株式会社サンプル",
    "此致\n张伟", "敬祝 商祺\n陳美玲", "김민준 드림", "Trân trọng,\nAn", "Z wyrazami szacunku\nPaweł",
  ])("%s", (signature) => {
    expect(newText(`Da.\n\n${signature}\n`)).toBe("Da.");
  });

  it("a closing thanks stays, as 'Thanks,' does: it may be all a reply says", () => {
    expect(newText("네, 좋습니다.\n\n감사합니다.\n김민준 드림\n")).toBe("네, 좋습니다.\n\n감사합니다.");
    expect(newText("Спасибо!\n")).toBe("Спасибо!");
  });
});
