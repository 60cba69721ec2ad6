// Someone the owner knows, at a new address: a client who changed jobs, a photographer with a new studio, a dean
// writing from his private address after retiring. Their new address is read as theirs when the name on it is a
// full name (two words or more) the owner knows at exactly one other address, and that address has been quiet since.
// A longer name that begins with the known one counts too ("Lucía Gómez Marín" for "Lucía Gómez").
//
// What follows is deliberately soft, and nothing is merged: the new address belongs to the network (its requests
// count, and the owner's mail to it is no first contact), and once they write from it (or the owner writes to it
// alone), the old one gets no follow-up or reconnect until it writes again (contacts.unreachable_at). The digest
// still asks "the same person?" of the pair, and `same` is the owner's way to join them. Two different people with
// one full name lose, at worst, a nudge to the older address.
import type { ExistingContact } from "../db/capture";
import type { ContactEvent } from "../db/records";
import { domainOf, isMailProvider, nameKey } from "../names";

/** A name key is a full name when it has two words or more: "anna" alone names half of Denmark. */
function fullNameKey(name: string | null): string | null {
  const key = nameKey(name);
  return key !== null && key.includes(" ") ? key : null;
}

/**
 * A full name and the shorter full names it begins with: "lucía gómez marín" is also "lucía gómez", the name she
 * wrote under at her old job.
 */
function namesOf(key: string | null): string[] {
  if (key === null) return [];
  const words = key.split(" ");
  return words.slice(1).map((_, i) => words.slice(0, i + 2).join(" "));
}

/** A firm's name shorter than this says too little to find it in a domain ("Cph" is in many). */
const MIN_FIRM_LETTERS = 4;

/** The first word of a name, as name keys hold it. */
function firstNameKey(name: string | null): string | null {
  return nameKey(name)?.split(" ")[0] ?? null;
}

/** A firm's name as domains spell it: "Ordværket" is ordvaerket.dk or ordvarket.dk, "Nordjysk Tømrer" nordjysk-toemrer.dk. */
function spelledForDomains(firm: string): string[] {
  const lower = firm.toLowerCase();
  const spelled = (ae: string, oe: string, aa: string) =>
    lower.replace(/æ|ä/g, ae).replace(/ø|ö/g, oe).replace(/å/g, aa).normalize("NFD").replace(/[^a-z0-9]/g, "");
  return [...new Set([spelled("ae", "oe", "aa"), spelled("a", "o", "a")])];
}

/** What to look up by name for a mail's people (db/capture.ts findContactsByAddressOrName). */
export interface NameLookUp {
  /** Their full names, the shorter full names those begin with, and a newcomer's referrer's full name. */
  nameKeys: string[];
  /** The first names of referrers named by first name and firm ("Rikke fra Brandhouse"), read as a range of the index. */
  firstNames: string[];
}

/** The names worth looking up for these events, each once. */
export function namesToLookUp(events: ContactEvent[]): NameLookUp {
  const nameKeys = events.flatMap((e) => [...namesOf(fullNameKey(e.name)), e.referrerFirm ? null : fullNameKey(e.referrer ?? null)]);
  const firstNames = events.map((e) => (e.referrerFirm ? firstNameKey(e.referrer ?? null) : null));
  const known = (keys: Array<string | null>) => [...new Set(keys.filter((k): k is string => k !== null))];
  return { nameKeys: known(nameKeys), firstNames: known(firstNames) };
}

interface KnownAddress {
  address: string;
  lastAt: number | null;
}

/** The owner's people by full name, as read (findContactsByAddressOrName) and as a batch writes them, in mailbox order. */
export class Namesakes {
  private readonly known = new Set<string>();
  private readonly byName = new Map<string, KnownAddress[]>();

  constructor(existing: ExistingContact[]) {
    for (const c of existing) {
      this.known.add(c.address);
      // A row that is one more address of a person (`same`) already has its person.
      if (c.mergedInto === null && c.nameKey !== null && c.inboundCount + c.outboundCount > 0) this.add(c.nameKey, c.address, c.lastAt);
    }
  }

  private add(key: string, address: string, at: number | null): void {
    const list = this.byName.get(key) ?? [];
    const same = list.find((k) => k.address === address);
    if (same) same.lastAt = Math.max(same.lastAt ?? 0, at ?? 0);
    else list.push({ address, lastAt: at });
    this.byName.set(key, list);
  }

  /**
   * The one other address this event's person is known at by their full name, quiet since before it; null when
   * the address is known itself, the name is no full name, or it names nobody or several people.
   */
  formerAddressOf(e: ContactEvent): string | null {
    if (this.known.has(e.address)) return null;
    const others = new Map<string, KnownAddress>();
    for (const key of namesOf(fullNameKey(e.name))) for (const k of this.byName.get(key) ?? []) if (k.address !== e.address) others.set(k.address, k);
    const [only, ...more] = others.values();
    return only && more.length === 0 && (only.lastAt ?? 0) < e.at ? only.address : null;
  }

  /** What the batch has just written: later mail of the batch sees this person too. */
  see(e: ContactEvent): void {
    this.known.add(e.address);
    const key = fullNameKey(e.name);
    if (key) this.add(key, e.address, e.at);
  }

  /**
   * The one address the owner knows a newcomer's referrer at, by the full name the newcomer gives ("Camilla Holm
   * passed your CV on") or by first name and firm; null when the name is known at no address, or at several.
   */
  referrerAddressOf(e: ContactEvent): string | null {
    if (e.referrerFirm) return this.byFirstNameAndFirm(e);
    const key = fullNameKey(e.referrer ?? null);
    if (key === null) return null;
    const [only, ...more] = (this.byName.get(key) ?? []).filter((k) => k.address !== e.address);
    return only && more.length === 0 ? only.address : null;
  }

  /**
   * "Rikke fra Brandhouse": the one person the owner knows by that first name at a domain that spells the firm
   * (rikke@brandhouse-odense.dk). A friend of the same first name at gmail.com is not her.
   */
  private byFirstNameAndFirm(e: ContactEvent): string | null {
    const first = firstNameKey(e.referrer ?? null);
    const firm = spelledForDomains(e.referrerFirm ?? "").filter((f) => f.length >= MIN_FIRM_LETTERS);
    if (first === null || firm.length === 0) return null;
    const found = new Set<string>();
    for (const [key, people] of this.byName) {
      if (!key.startsWith(`${first} `)) continue;
      for (const k of people) {
        const domain = domainOf(k.address);
        // A firm called "Mail" or "Live" is not spelled by hotmail.com: a mail provider's domain names no firm.
        if (k.address === e.address || isMailProvider(domain)) continue;
        const spelled = domain.replace(/\.[^.]+$/, "").replace(/[^a-z0-9]/g, "");
        if (firm.some((f) => spelled.includes(f))) found.add(k.address);
      }
    }
    const [only, ...more] = found;
    return only && more.length === 0 ? only : null;
  }

  /** Each event with its former address and its referrer's address when it has them, seen in order. */
  mark(events: ContactEvent[]): ContactEvent[] {
    const marked = events.map((e) => {
      const formerAddress = this.formerAddressOf(e) ?? undefined;
      const referrerAddress = (e.direction === "in" && this.referrerAddressOf(e)) || undefined;
      return formerAddress || referrerAddress ? { ...e, formerAddress, referrerAddress } : e;
    });
    for (const e of events) this.see(e);
    return marked;
  }
}
