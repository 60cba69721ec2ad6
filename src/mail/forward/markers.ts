// The lines that open a forwarded block, per client and language, and the header labels inside it.
// email-forward-parser knows many of these; the ones here are those it misses or where we need to know
// which client wrote them.

/**
 * How much a separator says on its own. "strong" words say "forwarded". "weak" ones (Outlook's
 * "Original Message" and rule line, a bare header block) open quoted replies just as well, so they only
 * count when the subject says forward.
 */
export type MarkerStrength = "strong" | "weak";

export interface SeparatorMatch {
  format: string;
  strength: MarkerStrength;
  /** Text on the separator's line after the separator itself (Yahoo runs the headers on). */
  trailing: string;
}

const DASHED_FORWARD =
  /^(-{2,})[ \t]*(?:forwarded message|videresendt meddelelse|videresendt besked|videresendt e-?mail)[ \t]*(-{2,})/i;
const APPLE_FORWARD = /^(?:begin forwarded message|start på videresendt besked|videresendt besked)[ \t]*:[ \t]*$/i;
const MAILMATE_FORWARD = /^forwarded message[ \t]*:[ \t]*$/i;
const ORIGINAL_MESSAGE =
  /^-{2,}[ \t]*(?:original message|oprindelig meddelelse|oprindelig besked|originalmeddelelse)[ \t]*-{2,}[ \t]*$/i;
/** Outlook prints 32 underscores; fewer survive some text renderings. */
const RULE_LINE = /^_{20,}[ \t]*$/;

/** Gmail writes ten dashes, Thunderbird eight, Yahoo five. */
function dashedFormat(dashes: number): string {
  if (dashes >= 9) return "gmail";
  if (dashes >= 7) return "thunderbird";
  return "yahoo";
}

/** Matches a line (quote marks already removed) against the known forward separators. */
export function matchSeparator(line: string): SeparatorMatch | null {
  const dashed = DASHED_FORWARD.exec(line);
  if (dashed) {
    const trailing = line.slice(dashed[0].length).trim();
    return { format: dashedFormat(dashed[1].length), strength: "strong", trailing };
  }
  if (APPLE_FORWARD.test(line)) return { format: "apple", strength: "strong", trailing: "" };
  if (MAILMATE_FORWARD.test(line)) return { format: "generic", strength: "strong", trailing: "" };
  if (ORIGINAL_MESSAGE.test(line) || RULE_LINE.test(line)) return { format: "outlook", strength: "weak", trailing: "" };
  return null;
}

export type HeaderField = "from" | "date" | "to" | "cc" | "bcc" | "subject" | "replyTo" | "other";

const LABELS: Record<string, HeaderField> = {
  from: "from", fra: "from",
  date: "date", sent: "date", dato: "date", sendt: "date",
  to: "to", til: "to",
  cc: "cc", kopi: "cc",
  bcc: "bcc",
  subject: "subject", emne: "subject",
  "reply-to": "replyTo", "svar til": "replyTo",
  importance: "other", prioritet: "other", vigtighed: "other", attachments: "other", "vedhæftede filer": "other",
};

/**
 * A header line in a forwarded block: the label, a colon, then the value (Thunderbird puts a tab before
 * it). Gmail and Outlook render <b> as *…* in plain text, so a label may come as "*From:*" or "*From: *",
 * and a bold name as "*Anna Holm*".
 */
const LABEL_LINE = new RegExp(`^(\\*{1,2})?(${Object.keys(LABELS).join("|")})[ \\t]?:(.*)$`, "i");

export interface HeaderLine {
  field: HeaderField;
  value: string;
}

export function matchHeaderLine(line: string): HeaderLine | null {
  const m = LABEL_LINE.exec(line);
  if (!m) return null;
  // A star right after the colon closes a bold label; without a bold label it opens a bold value.
  const rest = m[1] ? m[3].replace(/^[ \t]*\*{1,2}/, "") : m[3];
  const field = LABELS[m[2].toLowerCase()];
  // Only mailbox values are unbolded: a subject may well hold a literal "*".
  const mailbox = field === "from" || field === "to" || field === "cc" || field === "bcc" || field === "replyTo";
  return { field, value: (mailbox ? unbold(rest) : rest).trim() };
}

export function unbold(value: string): string {
  return value.replace(/\*{1,2}([^*\n]+?)\*{1,2}/g, "$1");
}
