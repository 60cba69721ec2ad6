// chrono-node's parser for the date phrases of `snooze` and `met` (dates.ts): its en-GB casual parser (day before
// month in "1/3") with the Danish phrases added as custom parsers, chrono's documented way to extend a locale.
// Its own module, imported by dates.ts only for a phrase that needs it: chrono's modules are about 0.2 MB of a
// fresh isolate's code, and "snooze 3 2w", the digest's own example, is counted without them.

import * as chrono from "chrono-node";

/** chrono's English "in two weeks" takes these; Danish needs its own. */
const DA_NUMBER_WORDS: Record<string, number> = {
  en: 1, et: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12,
};
const DA_UNITS: Record<string, "day" | "week" | "month" | "year"> = {
  dag: "day", dage: "day", dagen: "day", d: "day",
  uge: "week", uger: "week", u: "week",
  måned: "month", måneder: "month", md: "month", mdr: "month", "mdr.": "month",
  år: "year", å: "year",
};
const DA_MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
/** JavaScript's weekday numbers, Sunday 0, as chrono uses them. */
const DA_WEEKDAYS: Record<string, number> = {
  søndag: 0, mandag: 1, tirsdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lørdag: 6,
  søn: 0, man: 1, tirs: 2, tir: 2, ons: 3, tors: 4, tor: 4, fre: 5, lør: 6,
};

const words = (table: Record<string, unknown>) =>
  Object.keys(table)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\./g, "\\."))
    .join("|");
// JavaScript's \b only knows ASCII letters; these edges know æ, ø and å.
const START = String.raw`(?<![\p{L}\d])`;
const END = String.raw`(?![\p{L}\d])`;

const DA_RELATIVE = new RegExp(`${START}(?:om\\s+|i\\s+|efter\\s+)?(\\d{1,3}|${words(DA_NUMBER_WORDS)})\\s*(${words(DA_UNITS)})${END}`, "iu");
const DA_NEXT = new RegExp(`${START}(næste|kommende)\\s+(uge|måned|år)${END}`, "iu");
const DA_CASUAL = new RegExp(`${START}i\\s*(dag|morgen|overmorgen|går|forgårs)${END}`, "iu");
const DA_WEEKDAY = new RegExp(`${START}(?:(næste|på|kommende)\\s+)?(${words(DA_WEEKDAYS)})\\.?${END}`, "iu");
const DA_MONTH_DATE = new RegExp(`${START}(?:den\\s+)?(\\d{1,2})\\.?\\s*(${words(DA_MONTHS)})\\.?(?:\\s+(\\d{4}))?${END}`, "iu");
const DA_MONTH_ALONE = new RegExp(`${START}(?:starten\\s+af\\s+|begyndelsen\\s+af\\s+)?(${words(DA_MONTHS)})(?:\\s+(\\d{4}))?${END}`, "iu");

type Duration = { day?: number; week?: number; month?: number; year?: number };

function daysAhead(refWeekday: number, target: number, next: boolean): number {
  const ahead = (target - refWeekday + 7) % 7 || 7;
  // "næste fredag" reads like chrono's "next friday": the one in the coming week, not this week's.
  return next && ahead < 7 && target > refWeekday && refWeekday !== 0 ? ahead + 7 : ahead;
}

function danish(): chrono.Chrono {
  const parser = chrono.en.GB.clone();
  const relative = (context: chrono.ParsingContext, duration: Duration) =>
    chrono.ParsingComponents.createRelativeFromReference(context.reference, duration);
  parser.parsers.push(
    {
      pattern: () => DA_RELATIVE,
      extract: (context, match) => {
        const n = /^\d/.test(match[1]) ? Number(match[1]) : DA_NUMBER_WORDS[match[1].toLowerCase()];
        return relative(context, { [DA_UNITS[match[2].toLowerCase()]]: n });
      },
    },
    {
      pattern: () => DA_NEXT,
      extract: (context, match) => {
        const unit = { uge: "week", måned: "month", år: "year" }[match[2].toLowerCase()] as "week" | "month" | "year";
        return relative(context, { [unit]: 1 });
      },
    },
    {
      pattern: () => DA_CASUAL,
      extract: (context, match) =>
        relative(context, { day: ({ dag: 0, morgen: 1, overmorgen: 2, går: -1, forgårs: -2 } as Record<string, number>)[match[1].toLowerCase()] ?? 0 }),
    },
    {
      pattern: () => DA_WEEKDAY,
      extract: (context, match) => {
        const target = DA_WEEKDAYS[match[2].toLowerCase()];
        const ref = context.reference.getDateWithAdjustedTimezone().getDay();
        return relative(context, { day: daysAhead(ref, target, match[1]?.toLowerCase() === "næste") });
      },
    },
    {
      pattern: () => DA_MONTH_DATE,
      extract: (_context, match) => {
        const day = Number(match[1]);
        if (day < 1 || day > 31) return null;
        return { day, month: DA_MONTHS[match[2].toLowerCase()], ...(match[3] ? { year: Number(match[3]) } : {}) };
      },
    },
    {
      pattern: () => DA_MONTH_ALONE,
      extract: (_context, match) => ({ day: 1, month: DA_MONTHS[match[1].toLowerCase()], ...(match[2] ? { year: Number(match[2]) } : {}) }),
    },
  );
  return parser;
}

let parser: chrono.Chrono | null = null;

/** The parser, built on first use. */
export function chronoParser(): chrono.Chrono {
  parser ??= danish();
  return parser;
}
