// Dates and rhythms as the command answers write them, from the i18n module's calendar words. Pure.
import { localDate } from "../digest/format";
import { longDate as longCalendarDate, shortDate as shortCalendarDate, type Language } from "../i18n/language";

export { person, short } from "../i18n/commands";
export { WEEKDAYS } from "../i18n/language";

/** "Thursday 17 December 2026" / "torsdag den 17. december 2026", in the owner's zone. */
export function longDate(ms: number, timeZone: string, lang: Language): string {
  return longCalendarDate(localDate(ms, timeZone), lang);
}

/** "12 Nov" / "12. nov.", as the digest writes dates, in the owner's zone. */
export function shortDate(ms: number, timeZone: string, lang: Language): string {
  return shortCalendarDate(localDate(ms, timeZone), lang, false);
}

export const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

export function cadenceText(days: number, lang: Language): string {
  const en = lang === "en";
  if (days === 7) return en ? "every week" : "hver uge";
  if (days === 30) return en ? "every month" : "hver måned";
  if (days === 365) return en ? "every year" : "hvert år";
  if (days % 365 === 0) return en ? `every ${days / 365} years` : `hvert ${days / 365}. år`;
  const months = Math.round((days * 12) / 365);
  if (months >= 2 && Math.round((months * 365) / 12) === days) return en ? `every ${months} months` : `hver ${months}. måned`;
  if (days % 7 === 0) return en ? `every ${days / 7} weeks` : `hver ${days / 7}. uge`;
  return en ? `every ${days} days` : `hver ${days}. dag`;
}
