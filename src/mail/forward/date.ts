// Dates as mail clients print them in a forwarded header block. These are display strings, not RFC 5322
// dates: each client and locale has its own shape, and most leave the time zone out.

import { hourOfDay, meridiem, MONTH_WORD, monthOfWord } from "../months";

/** Longest date string we look at; real ones are under 60 characters. */
export const MAX_DATE_CHARS = 200;

/** Zone abbreviations clients print after the time (Apple Mail, Yahoo), in minutes east of UTC. */
const ZONES: Record<string, number> = {
  utc: 0, gmt: 0, ut: 0, z: 0, wet: 0,
  cet: 60, west: 60, bst: 60, mez: 60, "seč": 60,
  cest: 120, eet: 120, mesz: 120, oez: 120, "selč": 120,
  eest: 180, oesz: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

/** A letter run standing alone: `\b` knows only ASCII letters, and month words are "října", "październik". */
const WORD_BOUNDARY_BEFORE = String.raw`(?<![\p{L}\d])`;
const WORD_BOUNDARY_AFTER = String.raw`(?![\p{L}])`;
/** "26. Oktober", "27 oct.", "26 de octubre" (Spanish and Portuguese put "de" between). */
const TEXT_DAY_FIRST = new RegExp(
  String.raw`(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?${WORD_BOUNDARY_BEFORE}(${MONTH_WORD})${WORD_BOUNDARY_AFTER}\.?`,
  "gu",
);
/** "Oct 27", "October 27," and Hungarian "2021. október 27."; not "Oktober 2021 14:25" (a time follows). */
const TEXT_MONTH_FIRST = new RegExp(
  String.raw`${WORD_BOUNDARY_BEFORE}(${MONTH_WORD})${WORD_BOUNDARY_AFTER}\.?\s+(\d{1,2})(?!\d)(?!\s*[:.]\d)`,
  "gu",
);
/** Japanese and Chinese "2022年9月19日", Korean "2022년 9월 19일". */
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;
/** Czech and Slovak Gmail: "27. 10. 2021". */
const SPACED_NUMERIC_DATE = /(?<!\d)(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})(?!\d)/;
/** Croatian prints a dot after the year ("26. listopada 2021. u 14:25"), Polish never does. */
const YEAR_WITH_DOT = /(?:19|20)\d{2}\.(?:\s|$)/;
const AM_PM = /\d\s*[ap]\.?\s?m\b/;
/** ISO 8601, and the year-first dates with slashes that Japanese and Chinese clients print ("2025/2/3 月 16:12"). */
const ISO_DATE = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:t|\b)/;
/** Vietnamese writes the month as a number after "thg"/"tháng": "Th 2, 3 thg 2, 2025", "ngày 3 tháng 2 năm 2025". */
const VIETNAMESE_DATE = /(?<!\d)(\d{1,2})\s+(?:thg|tháng)\s+(\d{1,2}),?\s+(?:năm\s+)?(\d{4})(?!\d)/;
/**
 * Two-digit years with "/" or "-", and with dots only when a clock time with a colon follows (Samsung Email's
 * "03.02.25  09:12  (GMT+01:00)", Outlook for Mac's "03.02.25, 10:12"): "10.12.00" alone is a Danish time of day.
 */
const NUMERIC_DATE = /\b(\d{1,2})(?:([./-])(\d{1,2})\2(\d{4})|([/-])(\d{1,2})\5(\d{2})|(\.)(\d{1,2})\.(\d{2})(?=,?\s+\d{1,2}:\d{2}))\b/;
const YEAR = /\b(19\d{2}|2\d{3})\b/;
const TIME = /\b(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?/;
const GMT_OFFSET = /\b(?:gmt|utc)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b/;
const NUMERIC_OFFSET = /(?:^|[\s\d])([+-])(\d{2}):?(\d{2})\b/;
const ZONE_WORD = new RegExp(`${WORD_BOUNDARY_BEFORE}(${Object.keys(ZONES).join("|")})${WORD_BOUNDARY_AFTER}`, "u");

interface DateParts {
  year: number;
  month: number;
  day: number;
  rest: string;
}

function yearOf(two: number): number {
  return two < 100 ? 2000 + two : two;
}

function findTextDate(s: string): DateParts | null {
  const year = YEAR.exec(s);
  if (!year) return null;
  const croatian = YEAR_WITH_DOT.test(s);
  const withoutYear = s.replace(year[0], " ");
  for (const m of withoutYear.matchAll(TEXT_DAY_FIRST)) {
    const month = monthOfWord(m[2], croatian);
    if (month) return { year: +year[1], month, day: +m[1], rest: withoutYear.replace(m[0], " ") };
  }
  for (const m of withoutYear.matchAll(TEXT_MONTH_FIRST)) {
    const month = monthOfWord(m[1], croatian);
    if (month) return { year: +year[1], month, day: +m[2], rest: withoutYear.replace(m[0], " ") };
  }
  return null;
}

function findNumericDate(s: string): DateParts | null {
  const m = NUMERIC_DATE.exec(s);
  if (!m) return null;
  const separator = m[2] ?? m[5] ?? m[8];
  const a = +m[1];
  const b = +(m[3] ?? m[6] ?? m[9]);
  // Day first, as in Danish and most European locales, unless only a US month-first reading fits
  // ("11/24/2026"). "04/11/2026" is read as 4 November.
  // A US client also prints AM/PM: "02/10/2023 4:52 PM EST" is 10 February.
  const usStyle = separator === "/" && (b > 12 || (a <= 12 && AM_PM.test(s)));
  return {
    year: yearOf(+(m[4] ?? m[7] ?? m[10])),
    month: usStyle ? a : b,
    day: usStyle ? b : a,
    rest: s.replace(m[0], " "),
  };
}

function findDate(s: string): DateParts | null {
  const vietnamese = VIETNAMESE_DATE.exec(s);
  if (vietnamese) return { year: +vietnamese[3], month: +vietnamese[2], day: +vietnamese[1], rest: s.replace(vietnamese[0], " ") };
  const iso = ISO_DATE.exec(s) ?? CJK_DATE.exec(s) ?? SPACED_NUMERIC_DATE.exec(s);
  if (iso && iso[1].length === 4) return { year: +iso[1], month: +iso[2], day: +iso[3], rest: s.replace(iso[0], " ") };
  if (iso) return { year: +iso[3], month: +iso[2], day: +iso[1], rest: s.replace(iso[0], " ") };
  // Numeric dates come last: in "3. november 2026 kl. 10.12.00" the "10.12.00" is a time.
  return findTextDate(s) ?? findNumericDate(s);
}

function findOffset(s: string): number | null {
  const gmt = GMT_OFFSET.exec(s);
  if (gmt) return (gmt[1] === "-" ? -1 : 1) * (+gmt[2] * 60 + +(gmt[3] ?? 0));
  const numeric = NUMERIC_OFFSET.exec(s);
  if (numeric) return (numeric[1] === "-" ? -1 : 1) * (+numeric[2] * 60 + +numeric[3]);
  const word = ZONE_WORD.exec(s);
  if (word) return ZONES[word[1]];
  return null;
}

/**
 * The UTC offset, in minutes, of an RFC 5322 Date header ("Wed, 4 Nov 2026 10:02:11 +0100"), or null.
 * A client prints a forwarded date in the forwarder's local time, so the forward's own Date header is the
 * best guess for a printed date that names no zone.
 */
export function offsetOfDateHeader(value: string | undefined): number | null {
  if (!value) return null;
  const m = /([+-])(\d{2})(\d{2})\s*(?:\([^)]*\))?\s*$/.exec(value.trim());
  if (m) return (m[1] === "-" ? -1 : 1) * (+m[2] * 60 + +m[3]);
  return /\b(?:gmt|utc|ut|z)\s*$/i.test(value.trim()) ? 0 : null;
}

/**
 * Reads a date as a client printed it in a forwarded header block: RFC 5322 (Thunderbird), Gmail
 * ("Wed, Nov 4, 2026 at 9:15 AM", "tir. 3. nov. 2026 kl. 10.12"), Outlook ("Wednesday, November 4, 2026
 * 9:15 AM", "onsdag den 4. november 2026 09:15"), Apple Mail ("4 November 2026 at 09:15:02 CET",
 * "3. november 2026 kl. 10.12.00 CET"), Yahoo, ISO 8601 and numeric day-first dates.
 * When the string names no zone, the time is read at `fallbackOffsetMinutes` east of UTC (0 = UTC).
 * Returns ms since the epoch, or null when no whole calendar date is found.
 */
export function parseForwardedDate(raw: string, fallbackOffsetMinutes = 0): number | null {
  const s = raw.slice(0, MAX_DATE_CHARS).toLowerCase().replace(/\u00a0/g, " ");
  const date = findDate(s);
  if (!date) return null;
  const { year, month, day } = date;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;

  let hour = 0;
  let minute = 0;
  let second = 0;
  let rest = date.rest;
  const time = TIME.exec(rest);
  if (time) {
    hour = +time[1];
    minute = +time[2];
    second = +(time[3] ?? 0);
    const after = rest.slice(time.index + time[0].length);
    const half = meridiem(rest.slice(0, time.index), after);
    if (half) {
      const h = hourOfDay(hour, half);
      if (h === null) return null;
      hour = h;
    }
    if (hour > 23 || minute > 59 || second > 60) return null;
    rest = `${rest.slice(0, time.index)} ${after}`;
  }

  const offset = findOffset(rest) ?? fallbackOffsetMinutes;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 November over into December; a printed date that does so is not a date.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - offset * 60_000;
}
