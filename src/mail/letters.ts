// Letter classes that cost a fresh isolate nothing to build.
//
// V8 builds `\p{L}` anew for every regex that names it, and again for every place it is named, when the regex is
// created (0.2 ms) and compiled (0.5–1 ms with `i`). The phrase rules name it hundreds of times, so a fresh
// isolate spent over 100 ms of its first mail building the same class. Instead, the text is mapped once, keeping
// its length: every letter beyond Latin-1 becomes "X" when it is a capital, "x" when it has another case, "ª" when
// it has none (東, ש), and every number "0". Over mapped text, `\p{L}`, `\p{N}` and `\p{Lu}` written as Latin-1
// ranges decide as the Unicode classes do, and indices into it are indices into the original text, so a name can
// still be cut from the original.
//
// The rules' own words are English and Danish, all Latin-1, so no word they look for is ever mapped away.

/** `\p{L}` within Latin-1. */
const LETTER = "A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff";
/** `\p{N}` within Latin-1. */
const NUMBER = "0-9\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be";
/** `\p{Lu}` within Latin-1. */
const UPPER = "A-Z\\u00c0-\\u00d6\\u00d8-\\u00de";
/** What `\p{Lu}` matches when case is ignored: every letter with a case, so all but "ª" and "º". */
const CASED = "A-Za-z\\u00b5\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff";

const CLASS_ESCAPE = /\\p\{(Lu|L|N)\}/y;

/**
 * A regex from a source written with `\p{L}`, `\p{N}` and `\p{Lu}` (inside or outside brackets), for text mapped by
 * `latin1Text`. `flags` are those of the regex without `u`, which the mapped text does not need.
 */
export function letterRegExp(source: string, flags = ""): RegExp {
  const ignoreCase = flags.includes("i");
  let inClass = false;
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      CLASS_ESCAPE.lastIndex = i;
      const m = CLASS_ESCAPE.exec(source);
      if (m) {
        const ranges = m[1] === "L" ? LETTER : m[1] === "N" ? NUMBER : ignoreCase ? CASED : UPPER;
        out += inClass ? ranges : `[${ranges}]`;
        i += m[0].length - 1;
      } else if (source[i + 1] === "p" || source[i + 1] === "P") {
        // Without the `u` flag "\p{M}" would quietly mean the letters "p{M}".
        throw new Error(`letterRegExp: no Latin-1 class for ${source.slice(i, source.indexOf("}", i) + 1)}`);
      } else {
        out += c + (source[i + 1] ?? "");
        i++;
      }
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, flags);
}

/** Any UTF-16 unit beyond Latin-1. */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
/** Built on the first text that needs it: the one place the Unicode classes are built, once per isolate. */
let beyondLatin1: RegExp | null = null;
let hasCase: RegExp | null = null;

/**
 * The text with every letter beyond Latin-1 as "X" (a capital, `\p{Lu}`), "x" (another with a case) or "ª" (one
 * without case), and every number as "0", one unit for each UTF-16 unit, so it is as long as the text.
 * Punctuation, symbols and emoji stay as they are.
 */
export function latin1Text(text: string): string {
  if (!BEYOND_LATIN1.test(text)) return text;
  beyondLatin1 ??= /(?=[^\u0000-\u00ff])(?:(\p{Lu})|(\p{L})|(\p{N}))/gu;
  return text.replace(beyondLatin1, (unit: string, upper?: string, letter?: string) => {
    if (!letter) return (upper ? "X" : "0").repeat(unit.length);
    // A letter with a case is what `\p{Lu}` matches when case is ignored ("ǅ", "ж"; not "ı" or "ﬁ").
    hasCase ??= /^\p{Lu}$/iu;
    return (hasCase.test(unit) ? "x" : "\u00aa").repeat(unit.length);
  });
}
