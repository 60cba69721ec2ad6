// Two notes about people, not debts: who entered the network this week, and which two contacts may be one
// person. Pure: the persons the digest weighs in, plain data out.
import { localPartName, normalizeName } from "../names";
import type { Contact } from "../db/schema";
import { DAY_MS } from "../time";

export interface PersonRef {
  name: string | null;
  address: string;
}

/** Suggestions per digest: a question or two, never a chore. */
export const MAX_SAME_SUGGESTIONS = 2;

type Named = Pick<Contact, "id" | "name" | "address" | "splitFrom">;

const ref = (c: Named): PersonRef => ({ name: c.name, address: c.address });

/**
 * People who entered the network in the seven days before `now`: first contact this week, and in the network
 * (the owner wrote to them, met them, or they came through someone the owner knows). Earliest first.
 */
export function newThisWeek(people: Array<Named & Pick<Contact, "firstAt" | "firstOutboundAt" | "introducedAt">>, now: number): PersonRef[] {
  const since = now - 7 * DAY_MS;
  return people
    .filter((c) => c.firstAt !== null && c.firstAt > since && c.firstAt <= now && (c.firstOutboundAt !== null || c.introducedAt !== null))
    // Ties by address, compared as code points: localeCompare would load ICU's collator (15 ms in a fresh isolate).
    .sort((a, b) => a.firstAt! - b.firstAt! || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
    .map(ref);
}

function fullName(c: Named): string | null {
  const n = c.name ? normalizeName(c.name) : "";
  return n.includes(" ") ? n : null;
}

const reversed = (name: string) => name.split(" ").reverse().join(" ");

/**
 * The names a pair with one of `newcomers` would share, either way round: their full names and the names their
 * addresses' local parts spell. `sameSuggestions` needs, besides the newcomers, only the people whose full
 * name or local part is one of these (namesakesOf reads them by index).
 */
export function pairKeys(newcomers: Named[]): string[] {
  const keys = newcomers.flatMap((c) => [fullName(c), localPartName(c.address)]).filter((k): k is string => k !== null && k.includes(" "));
  return [...new Set([...keys, ...keys.map(reversed)])];
}

/**
 * Pairs that may be one person, one of them new this week: the same full name (two words at least), or one
 * address's local part that spells the other's name ("anna.holm@gmail.com" and "Anna Holm <anna@x.dk>").
 * Never a pair the owner split. A pair is asked about in the newcomer's first digest, not every week after.
 */
export function sameSuggestions(newcomers: Named[], people: Named[]): Array<[PersonRef, PersonRef]> {
  const out: Array<[PersonRef, PersonRef]> = [];
  const isNew = new Set(newcomers.map((c) => c.id));
  // A big network's week brings thousands of namesakes, and normalising a name is the costly step (Unicode,
  // Danish lower case). Namesakes share their names and often their local parts, so each distinct name and
  // local part is normalised once; and someone who is not new can only pair with a newcomer (`newByName`, a
  // few), so everyone's names (`byName`) are indexed only once a newcomer's own namesakes are asked for. People
  // are visited in id order, and the first MAX_SAME_SUGGESTIONS pairs end it.
  const fullByName = new Map<string | null, string | null>();
  const fullOf = (c: Named) => {
    let full = fullByName.get(c.name);
    if (full === undefined) fullByName.set(c.name, (full = fullName(c)));
    return full;
  };
  const reversedByName = new Map<string, string>();
  const reversedOf = (name: string) => {
    let turned = reversedByName.get(name);
    if (turned === undefined) reversedByName.set(name, (turned = reversed(name)));
    return turned;
  };
  const localByPart = new Map<string, string>();
  const localOf = (address: string) => {
    // localPartName reads only what comes before the first "@", and turns digits into spaces that it then
    // collapses: "anna.holm.17" and "anna.holm.4" are one name, normalised once.
    const part = address.slice(0, address.indexOf("@")).replace(/\d+/g, " ");
    let name = localByPart.get(part);
    if (name === undefined) localByPart.set(part, (name = localPartName(address)));
    return name;
  };
  const index = (of: Named[]) => {
    const byKey = new Map<string, Named[]>();
    const add = (key: string | null, c: Named) => {
      if (!key || !key.includes(" ")) return;
      const list = byKey.get(key);
      if (list) list.push(c);
      else byKey.set(key, [c]);
    };
    for (const c of of) {
      const full = fullOf(c);
      const local = localOf(c.address);
      add(full, c);
      if (local !== full) add(local, c);
    }
    return byKey;
  };
  const newByName = index(people.filter((c) => isNew.has(c.id)));
  let byName: Map<string, Named[]> | undefined;
  const seen = new Set<string>();
  const pair = (a: Named, b: Named) => {
    if (b.id === a.id || a.splitFrom === b.id || b.splitFrom === a.id || !(isNew.has(a.id) || isNew.has(b.id))) return false;
    const key = a.id < b.id ? `${a.id}-${b.id}` : `${b.id}-${a.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    out.push(a.id < b.id ? [ref(a), ref(b)] : [ref(b), ref(a)]);
    return out.length >= MAX_SAME_SUGGESTIONS;
  };
  // namesakesOf reads them in id order already: sorting is then one pass.
  const byId = people.every((c, i) => i === 0 || people[i - 1].id <= c.id) ? people : [...people].sort((x, y) => x.id - y.id);
  for (const a of byId) {
    const name = fullOf(a);
    if (name === null) continue;
    const namesakes = isNew.has(a.id) ? (byName ??= index(people)) : newByName;
    for (const b of namesakes.get(name) ?? []) if (pair(a, b)) return out;
    for (const b of namesakes.get(reversedOf(name)) ?? []) if (pair(a, b)) return out;
  }
  return out;
}
