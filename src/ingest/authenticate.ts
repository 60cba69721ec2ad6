// Who is this mail from? Pure: takes headers and the owner lookup, touches neither env nor D1.
import { arcInstance, parseArcAuthResults } from "../mail/auth-results";

/** The authserv-id Cloudflare Email Routing stamps on the verdicts it adds (RFC 8601 §2.5). */
export const CLOUDFLARE_AUTHSERV_ID = "mx.cloudflare.net";

export type DmarcVerdict =
  | { pass: true; domain: string }
  | { pass: false; reason: "no-cloudflare-verdict" | "dmarc-not-pass" | "domain-mismatch"; detail: string };

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
 * its `header.from`. Comments, quoted strings and other methods' properties carry text the sender
 * chose (the SPF comment quotes the envelope sender), so a "dmarc=pass" written there never counts.
 */
export function cloudflareDmarcVerdict(arcHeaders: string[], fromAddress: string): DmarcVerdict {
  const domain = normalDomain(fromAddress.slice(fromAddress.lastIndexOf("@") + 1));
  if (arcHeaders.length === 0) {
    return refuse("no-cloudflare-verdict", "no Cloudflare authentication results");
  }
  const top = parseArcAuthResults(arcHeaders[0]);
  if (!top.ok) {
    return refuse("no-cloudflare-verdict", `its topmost authentication results could not be read: ${top.error}`);
  }
  if (top.value.authservId !== CLOUDFLARE_AUTHSERV_ID) {
    return refuse("no-cloudflare-verdict", "its topmost authentication results are not Cloudflare Email Routing's");
  }
  const highest = Math.max(...arcHeaders.map((h) => arcInstance(h) ?? 0));
  if (top.value.instance < highest) {
    return refuse("no-cloudflare-verdict", "Cloudflare's authentication results are not the newest on it");
  }

  const dmarc = top.value.results.filter((r) => r.method === "dmarc");
  if (dmarc.length === 0) return refuse("dmarc-not-pass", `Cloudflare found no DMARC result for ${domain}`);
  if (dmarc.length > 1) return refuse("dmarc-not-pass", "Cloudflare's results hold more than one DMARC result");
  const [result] = dmarc;
  if (result.result !== "pass") {
    return refuse("dmarc-not-pass", `DMARC did not pass for ${domain}: Cloudflare's result is ${result.result}`);
  }
  const from = result.properties.filter((p) => p.type === "header" && p.property === "from");
  if (from.length !== 1) {
    return refuse("domain-mismatch", "Cloudflare's DMARC pass does not name the one From domain it checked");
  }
  const checked = normalDomain(from[0].value);
  if (!DOMAIN_NAME.test(checked)) {
    return refuse("domain-mismatch", "Cloudflare's DMARC pass names a From domain that is not a domain name");
  }
  if (!domainsAlign(checked, domain)) {
    return refuse("domain-mismatch", `DMARC passed for ${checked}, which does not align with ${domain}`);
  }
  return { pass: true, domain };
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
