// The digest as a raw RFC 5322 message: multipart/alternative with a text and an HTML part, from the
// assistant to the owner, with the signed reply address as Reply-To.
import { composeMail } from "../mail/compose";

export interface DigestMimeInput {
  /** The assistant's bare address; the digest goes out as "Gensidig <address>". */
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
}

export function buildDigestMime(input: DigestMimeInput): string {
  // A display name, so mail clients attribute a quoted digest to "Gensidig" and not to a bare address.
  return composeMail({ ...input, from: { address: input.from, name: "Gensidig" } });
}
