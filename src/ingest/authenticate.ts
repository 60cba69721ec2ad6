// Who is this mail from? Pure: takes headers and the owner lookup, touches neither env nor D1.

/** The authserv-id Cloudflare Email Routing stamps on the verdicts it adds (RFC 8601 §2.5). */
export const CLOUDFLARE_AUTHSERV_ID = "mx.cloudflare.net";

export type DmarcVerdict =
  | { pass: true; domain: string }
  | { pass: false; reason: "no-cloudflare-verdict" | "dmarc-not-pass" | "domain-mismatch"; detail: string };

interface ArcResult {
  instance: number;
  authservId: string;
  dmarc: string | null;
  headerFrom: string | null;
}

function parseArcResult(value: string): ArcResult | null {
  // RFC 8617 §4.1.1: "i=N; authserv-id; method=result ..."
  const m = value.match(/^\s*i\s*=\s*(\d+)\s*;\s*([^;\s]+)\s*;?([\s\S]*)$/i);
  if (!m) return null;
  const rest = m[3];
  const dmarc = rest.match(/\bdmarc\s*=\s*([a-z]+)/i);
  // The DMARC result names the From domain it aligned with: "dmarc=pass (p=none) header.from=example.com".
  const dmarcClause = rest.match(/\bdmarc\s*=[^;]*/i)?.[0] ?? "";
  const from = dmarcClause.match(/header\.from\s*=\s*([^\s;]+)/i);
  return {
    instance: Number(m[1]),
    authservId: m[2].toLowerCase(),
    dmarc: dmarc ? dmarc[1].toLowerCase() : null,
    headerFrom: from ? from[1].toLowerCase() : null,
  };
}

/**
 * Reads Cloudflare's DMARC verdict for the From domain. Only the topmost ARC-Authentication-Results
 * counts: the receiving MX prepends its own (RFC 8617 §5.1), and anything below it came with the
 * message and may be planted by the sender. It must carry Cloudflare's authserv-id and the highest
 * instance number, so a forged "i=2; mx.cloudflare.net" further down cannot outrank it.
 */
export function cloudflareDmarcVerdict(arcHeaders: string[], fromAddress: string): DmarcVerdict {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1).toLowerCase();
  const parsed = arcHeaders.map(parseArcResult);
  const top = parsed[0];
  if (!top || top.authservId !== CLOUDFLARE_AUTHSERV_ID) {
    return { pass: false, reason: "no-cloudflare-verdict", detail: "no Cloudflare authentication results" };
  }
  const highest = Math.max(...parsed.map((p) => p?.instance ?? 0));
  if (top.instance < highest) {
    return { pass: false, reason: "no-cloudflare-verdict", detail: "Cloudflare's verdict is not the newest one" };
  }
  if (top.dmarc !== "pass") {
    return { pass: false, reason: "dmarc-not-pass", detail: `DMARC ${top.dmarc ?? "missing"} for ${domain}` };
  }
  if (top.headerFrom && top.headerFrom !== domain) {
    return { pass: false, reason: "domain-mismatch", detail: `DMARC passed for ${top.headerFrom}, not ${domain}` };
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
