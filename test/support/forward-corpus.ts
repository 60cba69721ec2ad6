// Reads the forward library's own fixtures two ways, email-forward-parser alone and Gensidig's findForward,
// reduced to the fields the fixtures assert. Shared by the regression test and the comparison bench.
import EmailForwardParser, { type EmailForwardMailbox } from "email-forward-parser";
import { findForward } from "../../src/mail/forward";
import { parseForwardedDate } from "../../src/mail/forward/date";
import type { ParsedMail } from "../../src/mail/types";
import {
  DEFAULT_FORWARD_SUBJECT,
  fieldsRight,
  libraryFieldsRight,
  readFixture,
  type FieldsRight,
  type LibraryFixture,
  type ReadForward,
} from "../fixtures/forward/email-forward-parser";

/** The forward as the assistant receives it: the fixture is the text part, its subject file the subject. */
export function mailOf(fixture: LibraryFixture): ParsedMail {
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    from: { address: "owner@example.com" },
    fromCount: 1,
    sender: null,
    to: [],
    cc: [],
    replyTo: [],
    subject: fixture.subjectFile ? readFixture(fixture.subjectFile).trim() : DEFAULT_FORWARD_SUBJECT,
    date: null,
    headers: {},
    text: readFixture(fixture.body),
    textFromHtml: false,
    html: null,
    attachments: [],
    attachedMessages: [],
    calendars: [],
    truncated: false,
    rawSize: 0,
  };
}

let library: EmailForwardParser | null = null;

function addressesOf(value: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.address ?? "");
}

export interface Readings {
  /** The date line as the fixture prints it (read by the library, which is right on every one of its fixtures). */
  printedDate: string | null;
  library: ReadForward | null;
  gensidig: ReadForward | null;
}

/**
 * Both readings of one fixture. The library returns the date as printed; it is read here with
 * parseForwardedDate only to compare like with like, and scored as found or not (libraryFieldsRight).
 */
export function readBoth(fixture: LibraryFixture): Readings {
  library ??= new EmailForwardParser();
  const mail = mailOf(fixture);
  const parsed = library.read(mail.text, fixture.subjectFile ? readFixture(fixture.subjectFile) : undefined);
  const printedDate = parsed.forwarded ? (parsed.email.date ?? null) : null;
  const byLibrary: ReadForward | null = parsed.forwarded
    ? {
        from: parsed.email.from ? { address: parsed.email.from.address ?? null, name: parsed.email.from.name ?? null } : null,
        to: addressesOf(parsed.email.to),
        cc: addressesOf(parsed.email.cc),
        subject: parsed.email.subject ?? null,
        date: printedDate ? parseForwardedDate(printedDate) : null,
      }
    : null;
  const found = findForward(mail);
  const byGensidig: ReadForward | null = found
    ? {
        from: found.from
          ? { address: found.from.address, name: found.from.name ?? null }
          : found.senderName
            ? { address: null, name: found.senderName }
            : null,
        to: found.to.map((a) => a.address),
        cc: found.cc.map((a) => a.address),
        subject: found.subject,
        date: found.date,
      }
    : null;
  return { printedDate, library: byLibrary, gensidig: byGensidig };
}

export function scoreBoth(fixture: LibraryFixture): { library: FieldsRight; gensidig: FieldsRight } {
  const r = readBoth(fixture);
  return { library: libraryFieldsRight(fixture, r.library, r.printedDate), gensidig: fieldsRight(fixture, r.gensidig, r.printedDate) };
}
