// Which contact a name means. Pure: the owner's named contacts in, one contact, several, or none out.
import type { Contact } from "../db/schema";

/** Case and accents as people type them: "østergaard" finds "Østergaard", "anna holm" finds "Anna Holm". */
export function normalizeName(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("da").replace(/["'“”]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Contacts `words` names: the full name, or the first name alone when one word is given ("Anna"). A name
 * written "Holm, Anna" counts with its parts turned round.
 */
export function contactsNamed(contacts: Contact[], words: string[]): Contact[] {
  const wanted = normalizeName(words.join(" ").replace(/[.,;:!?]+$/, ""));
  if (!wanted) return [];
  return contacts.filter((c) => {
    if (!c.name) return false;
    const full = normalizeName(c.name);
    const turned = full.includes(",") ? normalizeName(full.split(",").reverse().join(" ")) : full;
    if (full === wanted || turned === wanted) return true;
    return words.length === 1 && turned.split(" ")[0] === wanted;
  });
}
