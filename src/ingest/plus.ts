// Options carried in the plus part of the assistant's address, FollowUpThen style:
// gensidig+3d@…, gensidig+2w@…, gensidig+private@…, and the digest's gensidig+<token>@….

export const MAX_FOLLOW_UP_DAYS = 365;

export interface PlusOptions {
  followUpDays: number | null;
  private: boolean;
  /** Anything else in the plus part: the digest reply token, or words we do not know. */
  token: string | null;
}

/** The plus part of an address at the assistant, or null when the address is not the assistant's. */
export function assistantPlusPart(address: string, assistantLocal: string, assistantDomain: string): string | null | undefined {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1) !== assistantDomain) return undefined;
  const local = address.slice(0, at);
  if (local === assistantLocal) return null;
  if (local.startsWith(`${assistantLocal}+`)) return local.slice(assistantLocal.length + 1);
  return undefined;
}

/** Several options may be combined with further plus signs or dots: gensidig+3d+private@…. */
export function parsePlusOptions(plus: string | null): PlusOptions {
  const options: PlusOptions = { followUpDays: null, private: false, token: null };
  if (!plus) return options;
  const unknown: string[] = [];
  for (const part of plus.toLowerCase().split(/[+.]/).filter(Boolean)) {
    const m = part.match(/^(\d{1,3})([dw])$/);
    if (m) {
      const days = Number(m[1]) * (m[2] === "w" ? 7 : 1);
      if (days >= 1) options.followUpDays = Math.min(days, MAX_FOLLOW_UP_DAYS);
      continue;
    }
    if (part === "private" || part === "privat") {
      options.private = true;
      continue;
    }
    unknown.push(part);
  }
  if (unknown.length) options.token = unknown.join("+");
  return options;
}
