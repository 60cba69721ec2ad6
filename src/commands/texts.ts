// Dates, people and rhythms as the command answers write them, in English and Danish. Pure.
import { cleanText, localDate } from "../digest/format";
import { STRINGS, type Language } from "../digest/i18n";
import type { Who } from "./outcome";

const MAX_NAME_CHARS = 60;

export const MONTHS: Record<Language, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
};
/** ISO weekdays, Monday first. */
export const WEEKDAYS: Record<Language, string[]> = {
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  da: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
};

function weekdayOf(d: { year: number; month: number; day: number }): number {
  return ((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7) + 1;
}

export function longDate(ms: number, timeZone: string, lang: Language): string {
  const d = localDate(ms, timeZone);
  const weekday = WEEKDAYS[lang][weekdayOf(d) - 1];
  return lang === "da"
    ? `${weekday} den ${d.day}. ${MONTHS.da[d.month - 1]} ${d.year}`
    : `${weekday} ${d.day} ${MONTHS.en[d.month - 1]} ${d.year}`;
}

/** "12 Nov" / "12. nov.", as the digest writes dates. */
export function shortDate(ms: number, timeZone: string, lang: Language): string {
  return STRINGS[lang].date(localDate(ms, timeZone), false);
}

export const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

export function person(w: Who): string {
  return w.name ? `${cleanText(w.name, MAX_NAME_CHARS)} <${w.address}>` : w.address;
}

export const short = (w: Who) => (w.name ? cleanText(w.name, MAX_NAME_CHARS) : w.address);

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
