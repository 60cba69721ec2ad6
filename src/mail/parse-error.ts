/**
 * Why a mail cannot be read: `unparseable_mail` when postal-mime fails on it, `headers_too_large` when its
 * headers exceed the caps in bound.ts (checked before postal-mime runs, because its decoding is not linear).
 */
export type MailParseErrorCode = "unparseable_mail" | "headers_too_large";

/**
 * Thrown when a mail cannot be read at all. Its message is written for a person: the email() path refuses
 * the mail with it, the import counts the mail as failed with it.
 */
export class MailParseError extends Error {
  readonly code: MailParseErrorCode;
  constructor(message: string, options?: { cause?: unknown; code?: MailParseErrorCode }) {
    super(message, options);
    this.name = "MailParseError";
    this.code = options?.code ?? "unparseable_mail";
  }
}
