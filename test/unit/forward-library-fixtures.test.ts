import EmailForwardParser from "email-forward-parser";
import { describe, expect, it } from "vitest";
import { findForward } from "../../src/mail/forward";
import { parseForwardedDate } from "../../src/mail/forward/date";
import type { ParsedMail } from "../../src/mail/types";
import {
  allRight,
  DEFAULT_FORWARD_SUBJECT,
  fieldsRight,
  libraryFixtures,
  readFixture,
  type LibraryFixture,
  type ReadForward,
} from "../fixtures/forward/email-forward-parser";

function mailOf(fixture: LibraryFixture): ParsedMail {
  return {
    messageId: null, inReplyTo: null, references: [], from: { address: "owner@example.com" }, fromCount: 1, sender: null,
    to: [], cc: [], replyTo: [],
    subject: fixture.subjectFile ? readFixture(fixture.subjectFile).trim() : DEFAULT_FORWARD_SUBJECT,
    date: null, headers: {}, text: readFixture(fixture.body), textFromHtml: false, html: null,
    attachments: [], attachedMessages: [], truncated: false, rawSize: 0,
  };
}

const library = new EmailForwardParser();

function byLibrary(fixture: LibraryFixture) {
  const result = library.read(readFixture(fixture.body), fixture.subjectFile ? readFixture(fixture.subjectFile) : undefined);
  return result;
}

describe("email-forward-parser's own fixtures", () => {
  it("measures", () => {
    const rows: string[] = [];
    let ours = 0, lib = 0, oursAll = 0, libAll = 0, n = 0;
    for (const fixture of libraryFixtures.filter((f) => f.forwarded)) {
      n++;
      const l = byLibrary(fixture);
      const printed = l.forwarded ? (l.email.date ?? null) : null;
      const libRead: ReadForward | null = l.forwarded ? {
        from: l.email.from ? { address: l.email.from.address ?? null, name: l.email.from.name ?? null } : null,
        to: (l.email.to ?? []).map((a) => a.address!), cc: (l.email.cc ?? []).map((a) => a.address!),
        subject: l.email.subject ?? null, date: printed ? parseForwardedDate(printed) : null,
      } : null;
      const f = findForward(mailOf(fixture));
      const ourRead: ReadForward | null = f ? {
        from: f.from ? { address: f.from.address, name: f.from.name ?? null } : f.senderName ? { address: null, name: f.senderName } : null,
        to: f.to.map((a) => a.address), cc: f.cc.map((a) => a.address), subject: f.subject, date: f.date,
      } : null;
      const lr = fieldsRight(fixture, libRead, printed);
      const or = fieldsRight(fixture, ourRead, printed);
      if (lr.from) lib++;
      if (or.from) ours++;
      if (allRight(lr)) libAll++;
      if (allRight(or)) oursAll++;
      if (!allRight(or)) rows.push(`${fixture.body} ${fixture.subjectFile ?? ""} ${JSON.stringify(or)} printed=${printed} got=${ourRead?.date ? new Date(ourRead.date).toISOString() : null} from=${JSON.stringify(ourRead?.from)} subj=${ourRead?.subject}`);
    }
    console.log(rows.join("\n"));
    console.log({ n, ours, lib, oursAll, libAll });
    expect(n).toBe(196);
  });
});
