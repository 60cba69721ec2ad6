// What the owner wrote above a forwarded block becomes a note on the contact, so client boilerplate
// that is not the owner's words has to go.

import { isClientSignature } from "../client-signature";

/** A note longer than this is cut; it is a remark on a contact, not a document. */
export const MAX_NOTE_CHARS = 2000;

/** RFC 3676 §4.3 signature separator ("-- "); many clients drop the trailing space. */
const SIGNATURE_SEPARATOR = /^--[ \t]*$/;

/** A preamble that only repeats the forward tag ("Fwd:") or the subject says nothing. */
const BARE_FORWARD_TAG = /^(?:fwd?|vs|wg|tr|videresendt?)[ \t]*:[ \t]*$/i;

export function cleanNote(text: string, subject: string): string {
  const lines: string[] = [];
  const ownSubject = subject.trim().toLowerCase();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/[ \t\u00a0]+$/, "");
    if (SIGNATURE_SEPARATOR.test(line)) break;
    const bare = line.trim();
    if (isClientSignature(bare) || BARE_FORWARD_TAG.test(bare)) continue;
    if (ownSubject && bare.toLowerCase() === ownSubject) continue;
    lines.push(line);
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_NOTE_CHARS);
}
