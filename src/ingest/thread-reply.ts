// May a non-owner's mail be recorded as a reply on a thread the owner shared? Pure: takes the addresses and
// what the database said of the thread, touches neither env nor D1.
import type { ThreadStanding } from "../db/capture";
import { foldAddressCase } from "../mail/address";
import type { ContactVerdict } from "./authenticate";

export type ThreadReplyVerdict =
  | { accepted: true; ownerId: number }
  | { accepted: false; reason: "no-thread" | "envelope-mismatch" | "not-in-thread" | "unverified"; detail: string };

/**
 * A reply counts only when the header From and the envelope sender name the same person, Cloudflare's verdict
 * does not say otherwise, and that person took part in the mail it answers (its sender or one of its
 * recipients). Knowing a Message-ID is not enough: Message-IDs travel in every quoted reply and every forward,
 * and everyone on the thread knows them.
 *
 * The envelope is chosen by whoever sends, so it speaks for the From only together with Cloudflare's verdict:
 * - DMARC failed for the From domain: refused, whatever the envelope (its owner says the mail is not theirs);
 * - the envelope is the From address itself: enough with an aligned DMARC pass; where the From domain publishes no
 *   DMARC policy, only with Cloudflare's `spf=pass` for the envelope's domain as well, since anyone can write a
 *   participant's address as MAIL FROM; refused when a verdict is there but cannot be read (on deployed mail, a
 *   sender's doing); with no verdict at all (`none`, local development) as before;
 * - the envelope is a rewrite that stands for the From (SRS, a subaddress, the domain's bounce mailbox): only
 *   with an aligned DMARC pass, because anyone can write such an address on their own domain.
 */
export function judgeThreadReply(input: {
  headerFrom: string;
  envelopeFrom: string;
  standings: ThreadStanding[];
  verdict: ContactVerdict;
}): ThreadReplyVerdict {
  const shared = input.standings.filter((s) => s.sharedThread);
  if (shared.length === 0) return { accepted: false, reason: "no-thread", detail: "it answers no mail the owner shared" };
  const { verdict } = input;
  if (verdict.kind === "fail") return { accepted: false, reason: "unverified", detail: verdict.detail };
  if (!envelopeMatchesFrom(input.headerFrom, input.envelopeFrom)) {
    return {
      accepted: false,
      reason: "envelope-mismatch",
      detail: `it says it is from ${input.headerFrom} but was sent by ${input.envelopeFrom || "an empty envelope sender (<>)"}`,
    };
  }
  if (verdict.kind === "unreadable") return { accepted: false, reason: "unverified", detail: verdict.detail };
  if (input.envelopeFrom === input.headerFrom && verdict.kind === "no-policy" && !verdict.envelopeSpf) {
    return {
      accepted: false,
      reason: "unverified",
      detail: `${verdict.detail}, and Cloudflare's SPF check did not pass for the envelope sender ${input.envelopeFrom}`,
    };
  }
  if (input.envelopeFrom !== input.headerFrom && verdict.kind !== "pass") {
    return {
      accepted: false,
      reason: "unverified",
      detail: `it was sent by ${input.envelopeFrom}, which stands for ${input.headerFrom} only with a DMARC pass for its domain, and ${verdict.detail}`,
    };
  }
  const owner = shared.find((s) => s.senderTookPart);
  if (!owner) {
    return { accepted: false, reason: "not-in-thread", detail: `${input.headerFrom} took no part in the mail it answers` };
  }
  return { accepted: true, ownerId: owner.ownerId };
}

function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  return { local: foldAddressCase(address.slice(0, at)), domain: foldAddressCase(address.slice(at + 1)) };
}

/**
 * The original sender a Sender Rewriting Scheme address stands for. A forwarder rewrites the envelope as
 * `SRS0=hash=tt=domain=local@forwarder`, and a second forwarder as `SRS1=hash=first-forwarder==hash=tt=domain=local@…`
 * (libsrs2, "Sender Rewriting Scheme", Shevek 2004). The separator after SRS0/SRS1 may be `=`, `+` or `-`.
 */
export function srsOriginal(envelope: string): string | null {
  const a = split(envelope);
  if (!a) return null;
  const srs1 = a.local.match(/^srs1[=+-][^=]+=[^=]+==(.+)$/);
  const srs0 = srs1 ? srs1[1] : a.local.match(/^srs0[=+-](.+)$/)?.[1];
  if (!srs0) return null;
  // hash=tt=domain=local: the domain holds no "=", the local part may.
  const m = srs0.match(/^[^=]+=[^=]+=([^=]+)=(.+)$/);
  return m ? `${m[2]}@${m[1]}` : null;
}

/** A sending platform's bounce mailbox: `bounces+…@`, `bounce-…@`, `bounce@`. */
const PLATFORM_BOUNCE_LOCAL = /^bounces?(?:[+=-]|$)/;

/**
 * Whether an envelope sender is the header From itself, or a known rewrite that clearly stands for it:
 * - the same address, or a subaddress of it (`anna+reply-42@x.dk` for `anna@x.dk`, VERP-style, RFC 5233);
 * - an SRS rewrite of either (mail that passed through a forwarder);
 * - a bounce mailbox (`bounces+…@`) of the From domain or one of its subdomains (`em123.x.dk`), as mail
 *   platforms send it: only the domain's owner can publish those, so it speaks for that domain.
 * Anything else, including a bounce mailbox of another domain, does not agree.
 */
export function envelopeMatchesFrom(headerFrom: string, envelopeFrom: string): boolean {
  const from = split(headerFrom);
  const original = srsOriginal(envelopeFrom);
  const env = split(original ?? envelopeFrom);
  if (!from || !env) return false;
  const sameDomain = env.domain === from.domain;
  if (sameDomain && (env.local === from.local || env.local.split("+", 1)[0] === from.local)) return true;
  return PLATFORM_BOUNCE_LOCAL.test(env.local) && (sameDomain || env.domain.endsWith(`.${from.domain}`));
}
