// The digest as a raw RFC 5322 message: multipart/alternative with a text and an HTML part, from the
// assistant to the owner, with the signed reply address as Reply-To.
import { composeMail } from "../mail/compose";
import { commandMailto } from "./format";

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
  // RFC 2369: mail apps show their own unsubscribe button for this. It writes `pause` to the assistant's plain
  // address (no token: a pause needs none, and it must still work when an old digest's token has expired).
  const pause = commandMailto(input.from, "pause", "pause");
  // A display name, so mail clients attribute a quoted digest to "Gensidig" and not to a bare address.
  return composeMail({ ...input, from: { address: input.from, name: "Gensidig" }, headers: { "List-Unsubscribe": `<${pause}>` } });
}
