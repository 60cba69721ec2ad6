// The judgement rules read text through letters.ts, which maps every letter beyond Latin-1 to "x"/"X". A rule that
// reads a name must map the text it reads and cut the name from the original; names with Polish, Czech, Hungarian and
// Turkish letters (Ł, ř, ő, İ) are read as their ASCII look-alikes are.
import { describe, expect, it } from "vitest";
import { asksByName, greetsSomeoneElse, namesFirstName, referrerOf } from "../../src/mail/intent";
import { firstWord } from "../../src/names";

const NAMES = ["Łukasz Dąbrowski", "Tomáš Dvořák", "Ondřej Průcha", "Gergő Szőke", "İsmail Güneş", "Ayşe Yılmaz", "Štěpán Nový", "Иван Петров"];
const first = (name: string) => name.split(" ")[0];

describe("names beyond Latin-1 in the judgement rules", () => {
  it.each(NAMES)("%s: the greeting names the reader", (name) => {
    expect(greetsSomeoneElse(`Hi ${first(name)},\n\nsee below.`, "Jonas Kragh")).toBe(true);
    expect(greetsSomeoneElse(`Hi ${first(name)},\n\nsee below.`, name)).toBe(false);
  });

  it.each(NAMES)("%s: named by first name, asked by name", (name) => {
    expect(namesFirstName(`Thanks ${first(name)}, great!`, name)).toBe(true);
    expect(asksByName(`${first(name)}, could you send the file?`, name)).toBe(true);
  });

  it.each(NAMES.filter((n) => !/[А-я]/.test(n)))("%s: a referrer by full name, never the one greeted", (name) => {
    expect(referrerOf(`Hi Jonas,\n\n${name} recommended you to me. Could we talk?\n\nAnna`, "Intro", "Anna Holm", true)?.name).toBe(name);
    expect(referrerOf(`Hi ${first(name)},\n\nJonas Kragh recommended you to me.\n\nAnna`, "Intro", "Anna Holm", true)?.name).toBe("Jonas Kragh");
  });

  it("lower-cases the Turkish İ to a plain i, as long as the name", () => {
    expect(firstWord("İsmail Güneş")).toBe("ismail");
  });
});
