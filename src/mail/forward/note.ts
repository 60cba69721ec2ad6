// What the owner wrote above a forwarded block becomes a note on the contact, so client boilerplate
// that is not the owner's words has to go.

/** A note longer than this is cut; it is a remark on a contact, not a document. */
export const MAX_NOTE_CHARS = 2000;

/** RFC 3676 §4.3 signature separator ("-- "); many clients drop the trailing space. */
const SIGNATURE_SEPARATOR = /^--[ \t]*$/;

/** Lines mobile and web clients add on their own, in English and Danish. */
const CLIENT_SIGNATURE = new RegExp(
  [
    "sent from my \\S+",
    "sendt fra min \\S+",
    "sent from (?:outlook|mail|yahoo mail)\\b",
    "sendt fra (?:outlook|mail|yahoo mail)\\b",
    "get outlook for \\S+",
    "hent outlook til \\S+",
    "sent with proton mail\\b",
    "sendt med proton mail\\b",
  ]
    .map((s) => `^${s}`)
    .join("|"),
  "i",
);

/** A preamble that only repeats the forward tag ("Fwd:") or the subject says nothing. */
const BARE_FORWARD_TAG = /^(?:fwd?|vs|wg|tr|videresendt?)[ \t]*:[ \t]*$/i;

export function cleanNote(text: string, subject: string): string {
  const lines: string[] = [];
  const ownSubject = subject.trim().toLowerCase();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/[ \t\u00a0]+$/, "");
    if (SIGNATURE_SEPARATOR.test(line)) break;
    const bare = line.trim();
    if (CLIENT_SIGNATURE.test(bare) || BARE_FORWARD_TAG.test(bare)) continue;
    if (ownSubject && bare.toLowerCase() === ownSubject) continue;
    lines.push(line);
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_NOTE_CHARS);
}
