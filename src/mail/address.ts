// One mailbox, written one way. Pure: a string in, the address or null out.

/** RFC 5322 §3.4.1 dot-atom local part (atext runs joined by single dots), lower-cased: it needs no quotes. */
const DOT_ATOM_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** A local part written as one quoted string, with its quoted-pairs. */
const QUOTED_LOCAL = /^"((?:[^"\\]|\\.)*)"$/;

/**
 * Lower-cases an address the way mail systems compare them, and no further. String.prototype.toLowerCase folds
 * some characters outside ASCII onto ASCII letters: KELVIN SIGN (U+212A) becomes "k", and "İ" (U+0130) becomes
 * "i" with a combining dot. `\u212Aamilla@x.dk` is another mailbox than `kamilla@x.dk` (RFC 6531 local parts are
 * compared as written), so folding it would let one mailbox pass for another: the owner's, or a participant's on
 * a shared thread. Such characters are kept as they are; every other letter is lower-cased as before.
 */
export function foldAddressCase(address: string): string {
  return address.replace(/[^\x00-\x7f]/gu, (c) => {
    const lower = c.toLowerCase();
    return /[\x00-\x7f]/.test(lower) ? c : lower;
  }).replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * Lower-cases (foldAddressCase) and trims an address, and writes one mailbox one way; returns null for anything that is not
 * local@domain. A quoted local part that needs no quotes is the same mailbox unquoted (RFC 5322 §3.4.1:
 * `"owner"@x.dk` is `owner@x.dk`), and a domain with a trailing dot is the same absolute name without it
 * (RFC 1034 §3.1: `x.dk.` is `x.dk`). Otherwise the owner's or the assistant's own address, written so,
 * would not be recognised as theirs and would become a contact.
 */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const address = foldAddressCase(raw.trim().replace(/^mailto:/i, "").replace(/^<|>$/g, ""));
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1 || /[\s<>,;]/.test(address)) return null;
  const quoted = QUOTED_LOCAL.exec(address.slice(0, at));
  const unquoted = quoted?.[1].replace(/\\(.)/g, "$1");
  const local = unquoted !== undefined && DOT_ATOM_LOCAL.test(unquoted) ? unquoted : address.slice(0, at);
  const domain = address.slice(at + 1).replace(/\.$/, "");
  return domain ? `${local}@${domain}` : null;
}
