// One place for every word Gensidig writes to its owner, in each language it speaks: the digest, the
// notices of the mail path, the command answers, and the calendar words they share. Each area is a `Record<Language, …>` table, so
// the compiler refuses a language that lacks a string; pure, so every path (and the tests) can import it. The hot
// paths import the one table they use (i18n/notices, i18n/digest …): this file would make a fresh isolate's first
// mail build every other table too.
export { type CalendarDate, type Language, LANGUAGES, languageOf, longDate, MONTHS, MONTHS_SHORT, shortDate, WEEKDAYS } from "./language";
export { DIGEST, type Piece, type Strings as DigestStrings, type WhyInput } from "./digest";
export { NOTICES, type NoticeStrings } from "./notices";
export { COMMANDS, type CommandStrings, person, short, type VerbWords } from "./commands";
