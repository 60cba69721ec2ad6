// A reply to the digest normally reaches the signed `gensidig+<token>@…` of its Reply-To. Some clients and
// forwarders drop the `+` part and deliver to the plain address; the reply still names the digest in its
// In-Reply-To or References (GitLab's reply-by-email falls back the same way). Cloudflare sets the Message-ID
// of what send_email sends and returns it; the digest keeps that, and a reply that names it gets the token the
// Reply-To carried, with the same expiry. The mail is the owner's already (checked before commands run), and
// only their own digests are looked at.
import { digestByMessageId } from "../db/command-store";
import type { ParsedMail } from "../mail/types";
import { DIGEST_TOKEN_TTL_MS, signDigestToken } from "./token";

export async function digestTokenFromThread(d1: D1Database, secret: string, ownerId: number, mail: Pick<ParsedMail, "inReplyTo" | "references">): Promise<string | null> {
  const ids = [...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : [])];
  const digest = await digestByMessageId(d1, ownerId, ids);
  if (!digest) return null;
  return signDigestToken(secret, { ownerId, digestId: digest.id, expiresAt: digest.sentAt + DIGEST_TOKEN_TTL_MS });
}
