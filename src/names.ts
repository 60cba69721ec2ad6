// How names are compared: as people type them, and as the index keys on contacts hold them (name_key,
// local_key, domain_key), so a name or a domain is found by index and then checked here in full Unicode.

/** Case and accents as people type them: "østergaard" finds "Østergaard", "anna holm" finds "Anna Holm". */
export function normalizeName(name: string): string {
  // Plain ASCII is its own NFC form and lower-cases the same in every locale but Turkish, Azeri and Lithuanian,
  // without the locale-aware path (ICU), which costs many times more: the digest normalises thousands of namesakes.
  const lower = ASCII.test(name) ? name.toLowerCase() : name.normalize("NFC").toLocaleLowerCase("da");
  // Most names have no quotes and no whitespace but single spaces: then the two replaces change nothing, and
  // skipping them halves the cost (the digest normalises every namesake of the week's newcomers).
  return NEEDS_CLEANING.test(lower) ? lower.replace(/["'“”]/g, "").replace(/\s+/g, " ").trim() : lower.trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** A quote, whitespace other than a space, or two whitespace characters in a row. */
const NEEDS_CLEANING = /["'“”]|[^\S ]|\s\s/;

/** A normalised name written "holm, anna" turned round to "anna holm"; any other name as it is. */
export function turnedName(normalized: string): string {
  return normalized.includes(",") ? normalizeName(normalized.split(",").reverse().join(" ")) : normalized;
}

/** "anna.holm", "anna_holm", "holm.anna" → "anna holm" / "holm anna": a local part read as a name. */
export function localPartName(address: string): string {
  return normalizeName(address.slice(0, address.indexOf("@")).replace(/[._-]+/g, " ").replace(/\d+/g, " "));
}

/** The first word of a name, lower case: "Rikke" of "Rikke Dall", "" of nothing. */
export function firstWord(name: string | null | undefined): string {
  // Lower-casing the Turkish "İ" gives "i" and a combining dot above: drop the dot, so "İsmail" is "ismail", as long
  // as the name, and the same word in text read through letters.ts.
  return (name ?? "").trim().split(/\s+/)[0].toLowerCase().replace(/i\u0307/g, "i");
}

/** contacts.name_key: the name normalised and turned round, what a name look-up compares; null without a name. */
export function nameKey(name: string | null): string | null {
  const n = name ? turnedName(normalizeName(name)) : "";
  return n || null;
}

/** contacts.local_key: the address's local part read as a name of two words or more, else null. */
export function localKey(address: string): string | null {
  const n = localPartName(address);
  return n.includes(" ") ? n : null;
}

/**
 * contacts.domain_key: the address's domain, lower case, its labels turned round ("mail.winther.dk" →
 * "dk.winther.mail"), so a domain and all its subdomains are one range of the index.
 */
/** The domain of an address, as written: "x.dk" of "anna@x.dk". */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

export function domainKey(address: string): string {
  return domainOf(address).toLowerCase().split(".").reverse().join(".");
}

/**
 * An address that reaches a group or a desk, not a person: "students@", "clients@", "alle@" (a list), "hello@",
 * "info@", "kontakt@" (a role). Mail to a list is an announcement; a role address beside someone's own is their
 * company's inbox, not a person they introduce.
 */
const GROUP_LOCAL = /^(?:all|everyone|everybody|team|crew|staff|fans|club|klub|kor|koret|choir|band|forening|foreningen|hold|holdet|students|pupils|parents|members|clients|customers|patients|residents|tenants|families|participants|attendees|neighbours|neighbors|guests|volunteers|subscribers|list|news|alle|elever|forældre|foraeldre|medlemmer|kunder|patienter|beboere|lejere|deltagere|naboer|kursister|gæster|gaester|frivillige|personale)$/i;
/** Local parts of a desk that people answer from their own addresses ("events@" answered by raj.mistry@). */
export const ROLE_LOCAL_PARTS = [
  "hello", "hi", "hej", "info", "contact", "kontakt", "office", "kontor", "mail", "post", "admin", "support", "service",
  "sales", "salg", "booking", "bookings", "events", "jobs", "hr", "accounts", "billing", "invoice", "invoices", "faktura",
  "reception", "enquiries", "enquiry", "inquiries", "inquiry", "grants", "press", "presse",
];
const ROLE_LOCAL = new RegExp(`^(?:${ROLE_LOCAL_PARTS.join("|")})$`, "i");
export function isGroupAddress(address: string): boolean {
  return GROUP_LOCAL.test(address.split("@")[0] ?? "");
}
export function isRoleAddress(address: string): boolean {
  const local = address.split("@")[0] ?? "";
  return ROLE_LOCAL.test(local) || GROUP_LOCAL.test(local);
}

/**
 * Domains anyone can have an address at: two people there share a mail provider, not an organisation. The large
 * international and Danish ones; a domain not listed is read as an organisation's own.
 */
const PERSONAL_MAIL =
  /^(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|proton|protonmail|pm|gmx|web|mail|email|fastmail|hey|zoho|yandex|jubii|ofir|sol|stofanet|get2net|tdcadsl|post|posteo|mailbox|tutanota|tuta|orange|free|laposte|libero|btinternet|sky|comcast|verizon|att|qq|163|126|naver|seznam|wp|o2|t-online|online|telia|telenet|bluewin|hushmail|inbox|rocketmail)\.[a-z.]{2,6}$/i;

/** A mail provider's domain, where anyone can have an address (gmail.com, hotmail.dk …): no organisation's own. */
export function isMailProvider(domain: string): boolean {
  return PERSONAL_MAIL.test(domain);
}

/** Two addresses of one organisation: the same domain, which is not a mail provider's ("anna@firma.dk", "bo@firma.dk"). */
export function sameOrganisation(a: string, b: string): boolean {
  const domain = (address: string) => domainOf(address).toLowerCase();
  return domain(a) === domain(b) && !PERSONAL_MAIL.test(domain(a));
}
