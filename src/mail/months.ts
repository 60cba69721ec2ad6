// Month names as mail clients print them in dates (forwarded header blocks, reply attributions), in the
// locales Gmail, Outlook, Apple Mail, Thunderbird and Yahoo ship: full names, their genitive forms and the
// clients' abbreviations. One registry for every date reader in src/mail.

/**
 * Per month, the words that name it, with a "*" where any ending may follow (Finnish "lokakuuta", "lokak.";
 * Czech "října"; Polish "października", "paź"). Ordered January to December.
 */
const NAMES: string[][] = [
  // January
  ["jan*", "januar*", "janv*", "enero", "ene", "gen*", "janeiro", "tammi*", "styczeń", "stycz*", "sty", "led*", "januára", "január*", "sij*", "ianuarie", "ian", "ocak", "янв*", "січ*", "jaanuar"],
  // February
  ["feb*", "févr*", "fév", "fev*", "helmi*", "luty", "lut*", "únor*", "února", "február*", "velj*", "februarie", "şubat", "şub", "фев*", "лют*", "veebruar"],
  // March
  ["mar", "march", "marts", "märz", "mär", "mars", "marzo", "março", "maart", "mrt", "maalis*", "marzec", "marca", "břez*", "března", "marec", "márc*", "ožu*", "martie", "mart", "мар*", "берез*", "бер", "märts"],
  // April
  ["apr*", "avr*", "abr*", "huhti*", "kwi*", "dub*", "ápr*", "tra", "trav*", "nis*", "апр*", "квіт*", "aprill"],
  // May
  ["may", "maj", "maja", "mai", "mayo", "maggio", "mag", "maio", "mei", "touko*", "květ*", "května", "mája", "máj*", "svib*", "mayıs", "мая", "май", "трав*"],
  // June
  ["jun*", "juin", "junio", "giugno", "giu", "junho", "kesä*", "czerw*", "cze", "červ*", "června", "júna", "jún*", "lipanj", "lipnja", "iunie", "haz*", "июн*", "черв*", "juuni"],
  // July
  ["jul*", "juil*", "julio", "luglio", "lug", "julho", "heinä*", "lipiec", "lipca", "lip", "července", "červenec", "júla", "júl*", "srpanj", "srpnja", "iulie", "tem*", "июл*", "лип*", "juuli"],
  // August
  ["aug*", "août", "agosto", "ago", "elo*", "sierp*", "sie", "srpen", "srpna", "augusta", "kolovoz*", "kol", "ağu*", "авг*", "серп*"],
  // September
  ["sep*", "sept*", "septiembre", "setiembre", "settembre", "set", "setembro", "syys*", "wrzes*", "września", "wrz", "září", "septembra", "szept*", "ruj*", "septembrie", "eyl*", "сен*", "верес*", "вер"],
  // October
  ["oct*", "okt*", "ottobre", "ott", "outubro", "out", "loka*", "październik*", "paź", "říj*", "října", "októbra", "október", "octombrie", "ekim", "eki", "окт*", "жовт*", "oktoober"],
  // November
  ["nov*", "noviembre", "novembro", "marras*", "listopad*", "lis", "listopadu", "novembra", "stud*", "stu", "noiembrie", "kasım", "kas", "ноя*", "лист*"],
  // December
  ["dec*", "déc*", "dez*", "dic*", "diciembre", "dicembre", "dezembro", "desember", "des", "joulu*", "grud*", "gru", "pros*", "prosince", "decembra", "aralık", "ara", "дек*", "груд*", "detsember"],
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
  const w = word.toLowerCase().replace(/\.$/, "");
  if (croatian && CROATIAN[w] !== undefined) return CROATIAN[w];
  const exact = EXACT.get(w);
  if (exact !== undefined) return exact;
  for (const [stem, month] of STEMS) if (w.startsWith(stem)) return month;
  return null;
}
