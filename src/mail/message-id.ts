// Apart from parse.ts, so that the digest (which reads the Message-ID Cloudflare gives a sent mail) does not load
// postal-mime and the HTML parser with it.

/** A Message-ID without its angle brackets ("<a@b>" → "a@b"), or null when there is none. */
export function cleanMessageId(id: string | null | undefined): string | null {
  if (!id) return null;
  const m = id.match(/<([^<>\s]+)>/);
  const bare = (m ? m[1] : id).trim();
  return bare ? bare : null;
}
