// The languages Gensidig speaks, and the calendar words every part of it uses (the digest, the mail-path
// notices, the command answers), so each month and weekday is spelt in one place. Each area's words are a
// `Record<Language, …>` table of their own (digest.ts, notices.ts, commands.ts), so the compiler refuses a language
// that lacks a string; each path imports only the table it uses, so a fresh isolate's first mail builds no other.

export type Language = "en" | "da";

export const LANGUAGES: readonly Language[] = ["en", "da"];

/** The owner's language, English unless the stored value is one we speak. */
export function languageOf(value: string | null | undefined): Language {
  return value === "da" ? "da" : "en";
}

/** A day in some calendar zone: month 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const MONTHS: Record<Language, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
};

// CLDR's abbreviations; Danish "maj" is short already and takes no full stop.
export const MONTHS_SHORT: Record<Language, readonly string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  da: ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
};

/** ISO weekdays, Monday first. */
export const WEEKDAYS: Record<Language, readonly string[]> = {
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  da: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
};

/** "3 Nov" / "3. nov.", with the year when asked: "3 Nov 2026" / "3. nov. 2026". */
export function shortDate(d: CalendarDate, lang: Language, withYear: boolean): string {
  const year = withYear ? ` ${d.year}` : "";
  return lang === "da" ? `${d.day}. ${MONTHS_SHORT.da[d.month - 1]}${year}` : `${d.day} ${MONTHS_SHORT.en[d.month - 1]}${year}`;
}

/** "Thursday 17 December 2026" / "torsdag den 17. december 2026". */
export function longDate(d: CalendarDate, lang: Language): string {
  const weekday = WEEKDAYS[lang][((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7)];
  return lang === "da" ? `${weekday} den ${d.day}. ${MONTHS.da[d.month - 1]} ${d.year}` : `${weekday} ${d.day} ${MONTHS.en[d.month - 1]} ${d.year}`;
}
