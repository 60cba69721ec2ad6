// Who is this mail from? Pure: takes headers and the owner lookup, touches neither env nor D1.
import { arcInstance, parseArcAuthResults, type AuthMethodResult } from "../mail/auth-results";

/** The authserv-id Cloudflare Email Routing stamps on the verdicts it adds (RFC 8601 §2.5). */
export const CLOUDFLARE_AUTHSERV_ID = "mx.cloudflare.net";

export type DmarcVerdict =
  | { pass: true; domain: string }
  | { pass: false; reason: "no-cloudflare-verdict" | "dmarc-not-pass" | "dmarc-ambiguous" | "domain-mismatch"; detail: string };

const DOMAIN_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function normalDomain(value: string): string {
  return value.toLowerCase().replace(/\.$/, "");
}

/**
 * Relaxed alignment (RFC 7489 §3.1.1): the domains share an organizational domain. Without the Public
 * Suffix List this is approximated as equal, or one a subdomain of the other, where the parent has at
 * least two labels, so "com" never aligns with "example.com".
 */
export function domainsAlign(a: string, b: string): boolean {
  if (a === b) return true;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return shorter.includes(".") && longer.endsWith(`.${shorter}`);
}

function refuse(reason: Extract<DmarcVerdict, { pass: false }>["reason"], detail: string): DmarcVerdict {
  return { pass: false, reason, detail };
}

/**
 * Reads Cloudflare's DMARC verdict for the From domain. Only the topmost ARC-Authentication-Results
 * counts: the receiving MX prepends its own (RFC 8617 §5.1), and anything below it came with the
 * message and may be planted by the sender. It must carry Cloudflare's authserv-id and the highest
 * instance number, so a forged "i=2; mx.cloudflare.net" further down cannot outrank it.
 *
 * Within it only the structure counts (RFC 8601 §2.2): the one `dmarc` method clause, its result and
 * its `header.from` (more than one clause is no verdict: which would count?). Comments, quoted strings and other methods' properties carry text the sender
 * chose (the SPF comment quotes the envelope sender), so a "dmarc=pass" written there never counts.
 */
export function cloudflareDmarcVerdict(arcHeaders: string[], fromAddress: string): DmarcVerdict {
  const domain = normalDomain(fromAddress.slice(fromAddress.lastIndexOf("@") + 1));
  const found = cloudflareDmarcClause(arcHeaders, domain);
  if (!found.ok) return refuse(found.reason, found.detail);
  const result = found.clause;
  if (result.result !== "pass") {
    return refuse("dmarc-not-pass", `DMARC did not pass for ${domain}: Cloudflare's result is ${result.result}`);
  }
  const misaligned = misalignment(result, domain);
  if (misaligned) return refuse("domain-mismatch", misaligned);
  return { pass: true, domain };
}

type ClauseFailure = "no-cloudflare-verdict" | "dmarc-not-pass" | "dmarc-ambiguous";

/** Cloudflare's one DMARC clause, once its header is shown to be Cloudflare's, on top and the newest. */
function cloudflareDmarcClause(
  arcHeaders: string[],
  domain: string,
): { ok: true; clause: AuthMethodResult; results: AuthMethodResult[] } | { ok: false; reason: ClauseFailure; detail: string } {
  const no = (reason: ClauseFailure, detail: string) => ({ ok: false as const, reason, detail });
  if (arcHeaders.length === 0) return no("no-cloudflare-verdict", "no Cloudflare authentication results");
  const top = parseArcAuthResults(arcHeaders[0]);
  if (!top.ok) return no("no-cloudflare-verdict", `its topmost authentication results could not be read: ${top.error}`);
  if (top.value.authservId !== CLOUDFLARE_AUTHSERV_ID) {
    return no("no-cloudflare-verdict", "its topmost authentication results are not Cloudflare Email Routing's");
  }
  const highest = Math.max(...arcHeaders.map((h) => arcInstance(h) ?? 0));
  if (top.value.instance < highest) return no("no-cloudflare-verdict", "Cloudflare's authentication results are not the newest on it");
  const dmarc = top.value.results.filter((r) => r.method === "dmarc");
  if (dmarc.length === 0) return no("dmarc-not-pass", `Cloudflare found no DMARC result for ${domain}`);
  if (dmarc.length > 1) return no("dmarc-ambiguous", "Cloudflare's results hold more than one DMARC result");
  return { ok: true, clause: dmarc[0], results: top.value.results };
}

/** Why a DMARC clause does not speak for `domain` (the one From domain it checked must align with it), or null. */
function misalignment(clause: AuthMethodResult, domain: string): string | null {
  const from = clause.properties.filter((p) => p.type === "header" && p.property === "from");
  const verdict = clause.result === "pass" ? "Cloudflare's DMARC pass" : "Cloudflare's DMARC result";
  if (from.length !== 1) return `${verdict} does not name the one From domain it checked`;
  const checked = normalDomain(from[0].value);
  if (!DOMAIN_NAME.test(checked)) return `${verdict} names a From domain that is not a domain name`;
  if (!domainsAlign(checked, domain)) return `DMARC ${clause.result === "pass" ? "passed" : `was ${clause.result}`} for ${checked}, which does not align with ${domain}`;
  return null;
}

/**
 * What Cloudflare says of a contact's mail (a reply on a shared thread), for the From domain:
 * - `pass`: an aligned DMARC pass, so the From domain's own servers sent it;
 * - `fail`: DMARC failed, so the From domain says this mail is not theirs;
 * - `no-policy`: Cloudflare's verdict, aligned, is neither (`none`: the domain publishes no DMARC record; a
 *   temporary or permanent error), or there is no DMARC clause at all, so only the envelope speaks for the sender,
 *   and only as far as SPF vouches for it: `envelopeSpf` says whether the same header holds one `spf=pass` whose
 *   `smtp.mailfrom` is on the envelope's domain (RFC 7208 §2.4: SPF checks the MAIL FROM domain);
 * - `none`: the mail carries no ARC-Authentication-Results at all. Email Routing prepends its own to every mail
 *   it delivers, and a sender cannot take away a header added after theirs, so deployed mail always has one:
 *   this is local development (`npm run send`, the tests);
 * - `unreadable`: there are results, but not a readable Cloudflare verdict on top for this From domain (a
 *   folded line joined to it, a planted higher instance below it, more than one DMARC clause, a verdict for
 *   another From domain): on deployed mail, something the sender did.
 */
export type ContactVerdict =
  | { kind: "pass"; domain: string }
  | { kind: "no-policy"; detail: string; envelopeSpf: boolean }
  | { kind: "fail" | "none" | "unreadable"; detail: string };

export function cloudflareContactVerdict(arcHeaders: string[], fromAddress: string, envelopeFrom: string): ContactVerdict {
  const domain = normalDomain(fromAddress.slice(fromAddress.lastIndexOf("@") + 1));
  if (arcHeaders.length === 0) return { kind: "none", detail: "it carries no authentication results" };
  const found = cloudflareDmarcClause(arcHeaders, domain);
  if (!found.ok) {
    if (found.reason !== "dmarc-not-pass") return { kind: "unreadable", detail: found.detail };
    // Past the checks above, the header read is Cloudflare's own: its SPF clause can be asked.
    const top = parseArcAuthResults(arcHeaders[0]);
    return { kind: "no-policy", detail: found.detail, envelopeSpf: top.ok && spfPassFor(top.value.results, envelopeFrom) };
  }
  const { clause } = found;
  // A failure is refused whatever domain it names: Cloudflare read the From as someone's, and it was not theirs.
  if (clause.result === "fail") return { kind: "fail", detail: `Cloudflare's DMARC check failed for ${domain}` };
  const misaligned = misalignment(clause, domain);
  if (misaligned) return { kind: "unreadable", detail: misaligned };
  if (clause.result === "pass") return { kind: "pass", domain };
  return { kind: "no-policy", detail: `Cloudflare's DMARC result for ${domain} is ${clause.result}`, envelopeSpf: spfPassFor(found.results, envelopeFrom) };
}

/**
 * Whether Cloudflare's results hold exactly one SPF clause, a pass, for the envelope sender's domain. SPF checks
 * the MAIL FROM domain (RFC 7208 §2.4), which Cloudflare names in `smtp.mailfrom` (a whole address or a domain).
 */
function spfPassFor(results: AuthMethodResult[], envelopeFrom: string): boolean {
  const at = envelopeFrom.lastIndexOf("@");
  if (at < 0) return false;
  const envelopeDomain = normalDomain(envelopeFrom.slice(at + 1));
  const spf = results.filter((r) => r.method === "spf");
  if (spf.length !== 1 || spf[0].result !== "pass") return false;
  const mailfrom = spf[0].properties.filter((p) => p.type === "smtp" && p.property === "mailfrom");
  if (mailfrom.length !== 1) return false;
  const value = mailfrom[0].value;
  return normalDomain(value.slice(value.lastIndexOf("@") + 1)) === envelopeDomain;
}

export type OwnerCheck =
  | { owner: true }
  | { owner: false; reason: "not-owner" | "envelope-mismatch" | "unverified"; detail: string };

/**
 * Owner mail: header From and envelope from are both addresses of the same owner, and (unless local
 * development relaxes it) Cloudflare's DMARC verdict passes for the From domain.
 */
export function checkOwnerMail(input: {
  headerFrom: string;
  envelopeFrom: string;
  ownerAddresses: string[];
  arcHeaders: string[];
  requireDmarc: boolean;
}): OwnerCheck {
  const addresses = new Set(input.ownerAddresses);
  if (!addresses.has(input.headerFrom)) {
    return { owner: false, reason: "not-owner", detail: `${input.headerFrom} is not an owner address` };
  }
  if (!addresses.has(input.envelopeFrom)) {
    return {
      owner: false,
      reason: "envelope-mismatch",
      detail: `envelope sender ${input.envelopeFrom || "<>"} is not an address of the owner of ${input.headerFrom}`,
    };
  }
  if (input.requireDmarc) {
    const verdict = cloudflareDmarcVerdict(input.arcHeaders, input.headerFrom);
    if (!verdict.pass) return { owner: false, reason: "unverified", detail: verdict.detail };
  }
  return { owner: true };
}
