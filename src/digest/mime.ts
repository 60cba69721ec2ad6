// The digest as a raw RFC 5322 message: multipart/alternative with a text and an HTML part, from the
// assistant to the owner, with the signed reply address as Reply-To.
import { composeMail } from "../mail/compose";

export interface DigestMimeInput {
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
  return composeMail({ ...input, from: { address: input.from } });
}
