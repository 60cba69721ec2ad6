// Plain data shared by the pure mail modules. Nothing here touches env, D1 or the clock.

export interface Address {
  /** Lower-cased, trimmed address: "anna@example.dk". */
  address: string;
  /** Display name as written, decoded, or undefined. */
  name?: string;
}

export interface AttachmentInfo {
  filename: string | null;
  mimeType: string;
  /** Decoded size when known, otherwise the encoded size in the raw mail. */
  size: number;
  /** Shown inside the body (a logo, a signature image) rather than attached for the reader to open. */
  inline: boolean;
}

export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: Address | null;
  /** How many From addresses the header holds; more than one is malformed for our purposes. */
  fromCount: number;
  sender: Address | null;
  to: Address[];
  cc: Address[];
  /**
   * Bcc: only the sender's own copy carries it (a sent-mail export, sometimes the BCC'd copy). Absent where the
   * mail was built without it.
   */
  bcc?: Address[];
  replyTo: Address[];
  subject: string;
  /** Date header in ms, or null when missing or unreadable. */
  date: number | null;
  /** Header name (lower case) -> values, in order, as postal-mime decoded them. */
  headers: Record<string, string[]>;
  /** Plain text body (or text derived from HTML), bounded in size. */
  text: string;
  /** True when the mail had no text/plain part and `text` was made from `html`: quotes then carry no "> ". */
  textFromHtml: boolean;
  /** HTML body when present, bounded in size. */
  html: string | null;
  attachments: AttachmentInfo[];
  /** The text of its iCalendar parts (text/calendar, application/ics), first few and bounded: invitations. */
  calendars: string[];
  /** The text of its delivery-status parts (RFC 3464: Final-Recipient, Action, Status), first two: what bounced. */
  deliveryStatus?: string[];
  /** Attached message/rfc822 parts (forwards as attachment), parsed the same way, first few only. */
  attachedMessages: ParsedMail[];
  /** True when parts of the mail were skipped to keep parsing bounded (huge attachments, long bodies). */
  truncated: boolean;
  /** Size in bytes of the raw mail. */
  rawSize: number;
}
