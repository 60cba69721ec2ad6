// Month names as mail clients print them in dates (forwarded header blocks, reply attributions), in the
// locales Gmail, Outlook, Apple Mail, Thunderbird and Yahoo ship: full names, their genitive forms and the
// clients' abbreviations. One registry for every date reader in src/mail.

/**
 * Per month, the words that name it, with a "*" where any ending may follow (Finnish "lokakuuta", "lokak.";
 * Czech "října"; Polish "października", "paź"; Greek "Φεβρουαρίου", "Φεβ", written here without accents; Hebrew
 * "פברואר", "פבר׳"). Arabic as Gmail and Outlook print it in Egypt and the Gulf ("فبراير"), and the Levant's one-word
 * months ("شباط"; its two-word ones, "كانون الثاني", share their first word and are left out). Ordered January to December.
 */
const NAMES: string[][] = [
  // January
  ["jan*", "januar*", "janv*", "enero", "ene", "gen*", "janeiro", "tammi*", "styczeń", "stycz*", "sty", "led*", "januára", "január*", "sij*", "ianuarie", "ian", "ocak", "янв*", "січ*", "jaanuar", "ιαν*", "ינו*", "يناير"],
  // February
  ["feb*", "févr*", "fév", "fev*", "helmi*", "luty", "lut*", "únor*", "února", "február*", "velj*", "februarie", "şubat", "şub", "фев*", "лют*", "veebruar", "φεβ*", "פבר*", "فبراير", "شباط"],
  // March
  ["mar", "march", "marts", "märz", "mär", "mars", "marzo", "março", "maart", "mrt", "maalis*", "marzec", "marca", "břez*", "března", "marec", "márc*", "ožu*", "martie", "mart", "мар*", "берез*", "бер", "märts", "μαρ*", "מרץ", "מרס", "مارس", "آذار"],
  // April
  ["apr*", "avr*", "abr*", "huhti*", "kwi*", "dub*", "ápr*", "tra", "trav*", "nis*", "апр*", "квіт*", "aprill", "απρ*", "אפר*", "أبريل", "ابريل", "إبريل", "نيسان"],
  // May
  ["may", "maj", "maja", "mai", "mayo", "maggio", "mag", "maio", "mei", "touko*", "květ*", "května", "mája", "máj*", "svib*", "mayıs", "мая", "май", "трав*", "μαι*", "מאי", "مايو", "أيار"],
  // June
  ["jun*", "juin", "junio", "giugno", "giu", "junho", "kesä*", "czerw*", "cze", "červ*", "června", "júna", "jún*", "lipanj", "lipnja", "iunie", "haz*", "июн*", "черв*", "juuni", "ιουν*", "יונ*", "يونيو", "يونيه", "حزيران"],
  // July
  ["jul*", "juil*", "julio", "luglio", "lug", "julho", "heinä*", "lipiec", "lipca", "lip", "července", "červenec", "júla", "júl*", "srpanj", "srpnja", "iulie", "tem*", "июл*", "лип*", "juuli", "ιουλ*", "יול*", "يوليو", "يوليه", "تموز"],
  // August
  ["aug*", "août", "agosto", "ago", "elo*", "sierp*", "sie", "srpen", "srpna", "augusta", "kolovoz*", "kol", "ağu*", "авг*", "серп*", "αυγ*", "אוג*", "أغسطس", "اغسطس", "آب"],
  // September
  ["sep*", "sept*", "septiembre", "setiembre", "settembre", "set", "setembro", "syys*", "wrzes*", "września", "wrz", "září", "septembra", "szept*", "ruj*", "septembrie", "eyl*", "сен*", "верес*", "вер", "σεπ*", "ספט*", "سبتمبر", "أيلول"],
  // October
  ["oct*", "okt*", "ottobre", "ott", "outubro", "out", "loka*", "październik*", "paź", "říj*", "října", "októbra", "október", "octombrie", "ekim", "eki", "окт*", "жовт*", "oktoober", "οκτ*", "אוק*", "أكتوبر", "اكتوبر"],
  // November
  ["nov*", "noviembre", "novembro", "marras*", "listopad*", "lis", "listopadu", "novembra", "stud*", "stu", "noiembrie", "kasım", "kas", "ноя*", "лист*", "νοε*", "נוב*", "نوفمبر"],
  // December
  ["dec*", "déc*", "dez*", "dic*", "diciembre", "dicembre", "dezembro", "desember", "des", "joulu*", "grud*", "gru", "pros*", "prosince", "decembra", "aralık", "ara", "дек*", "груд*", "detsember", "δεκ*", "דצמ*", "ديسمبر"],
];

/**
 * Croatian and Polish share words for different months ("listopad" is October in Croatian, November in
 * Polish; "lipanj"/"lipiec"). Croatian clients print a dot after the year ("26. listopada 2021. u 14:25"),
 * Polish ones do not; that tells them apart.
 */
const CROATIAN: Record<string, number> = { listopad: 10, listopada: 10, lis: 10, lip: 6, srp: 7, studeni: 11, studenog: 11, studenoga: 11 };

const EXACT = new Map<string, number>();
/** Words given with "*": their stem, longest first, so "marras" (November) wins over a shorter stem. */
const STEMS: [string, number][] = [];
NAMES.forEach((words, i) => {
  for (const w of words) {
    if (w.endsWith("*")) STEMS.push([w.slice(0, -1), i + 1]);
    else EXACT.set(w, i + 1);
  }
});
STEMS.sort((a, b) => b[0].length - a[0].length);

/** A run of letters that could be a month word, for the date readers' patterns. */
export const MONTH_WORD = String.raw`\p{L}{2,}`;

/**
 * The month a word names (any case, a trailing dot allowed), or null. `croatian` picks the Croatian
 * reading of the words Croatian and Polish share.
 */
export function monthOfWord(word: string, croatian = false): number | null {
  let w = word.toLowerCase().replace(/[.׳']$/, "");
  // Greek month words are matched without their accents ("Μαΐου", "Μάρτιος").
  if (GREEK.test(w)) w = w.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  // Hebrew joins "in" to the month: "3 בפבר׳ 2025".
  if (HEBREW_IN.test(w)) return monthOfWord(w.slice(1), croatian) ?? monthIn(w);
  return monthIn(w, croatian);
}

const GREEK = /[\u0370-\u03ff]/;
const HEBREW_IN = /^ב[\u05d0-\u05ea]{2,}/;

function monthIn(w: string, croatian = false): number | null {
  if (croatian && CROATIAN[w] !== undefined) return CROATIAN[w];
  const exact = EXACT.get(w);
  if (exact !== undefined) return exact;
  for (const [stem, month] of STEMS) if (w.startsWith(stem)) return month;
  return null;
}

/**
 * Words for before and after noon around a clock time, where the locale writes a 12-hour clock: after the time
 * (English "PM", "p.m.", Greek "μμ"/"μ.μ.", Arabic "م"/"ص", Vietnamese "CH"/"SA") or before it (Chinese "下午",
 * Japanese "午後", Korean "오후"). Matched on the text right after and right before the time.
 */
const PM_AFTER = /^\s*(?:p\.?\s?m\b\.?|μ\.?\s?μ\.?|م(?![\p{L}])|ch\b)/iu;
const AM_AFTER = /^\s*(?:a\.?\s?m\b\.?|π\.?\s?μ\.?|ص(?![\p{L}])|sa\b)/iu;
const PM_BEFORE = /(?:下午|午後|오후)\s*$/u;
const AM_BEFORE = /(?:上午|午前|오전)\s*$/u;

/** The clock time's half of the day from the words around it, or null when there are none (a 24-hour clock). */
export function meridiem(before: string, after: string): "am" | "pm" | null {
  if (PM_AFTER.test(after) || PM_BEFORE.test(before)) return "pm";
  if (AM_AFTER.test(after) || AM_BEFORE.test(before)) return "am";
  return null;
}

/** The text after a clock time without its after-noon word ("PM", "μ.μ.", "م"), so a zone after it can be read. */
export function afterMeridiem(after: string): string {
  return after.replace(PM_AFTER, "").replace(AM_AFTER, "");
}

/** An hour on a 12-hour clock as an hour of the day; null when it is no such hour. */
export function hourOfDay(hour: number, half: "am" | "pm"): number | null {
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (half === "pm" ? 12 : 0);
}
