// Which contact a name means. Pure: the owner's named contacts in, one contact, several, or none out.
import type { Contact } from "../db/schema";
import { normalizeName, turnedName } from "../names";

const wantedName = (words: string[]) => normalizeName(words.join(" ").replace(/[.,;:!?]+$/, ""));

/**
 * Contacts `words` names: the full name, or the first name alone when one word is given ("Anna"). A name
 * written "Holm, Anna" counts with its parts turned round.
 */
export function contactsNamed(contacts: Contact[], words: string[]): Contact[] {
  const wanted = wantedName(words);
  if (!wanted) return [];
  return contacts.filter((c) => {
    if (!c.name) return false;
    const full = normalizeName(c.name);
    const turned = turnedName(full);
    if (full === wanted || turned === wanted) return true;
    return words.length === 1 && turned.split(" ")[0] === wanted;
  });
}

/**
 * What `contactsNamed` can match, as index keys: a name_key equal to one of `exact`, or, for one word, a
 * name_key that starts with `firstName` and a space. A superset of the matches, which contactsNamed then picks.
 */
export function nameLookup(words: string[]): { exact: string[]; firstName: string | null } {
  const wanted = wantedName(words);
  if (!wanted) return { exact: [], firstName: null };
  return { exact: [...new Set([wanted, turnedName(wanted)])], firstName: words.length === 1 ? wanted : null };
}
