// Which addresses a delivery report says the owner's mail could not reach, for good. Read only from mail already
// judged a bounce (automated.ts): a follow-up or a reconnect aimed at an address that bounced is advice no one
// can take. Pure: reads the parsed report, touches nothing else.

import { isMachineAddress } from "./automated";

export interface BounceFacts {
  headers: Record<string, string[]>;
  /** The report's human-readable text (or the body of a forwarded one). */
  text: string;
  /** Its RFC 3464 message/delivery-status parts, when the report came whole. */
  deliveryStatus?: string[];
}

const ADDRESS = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Where the report's own words end and the returned copy of the owner's mail begins: its headers name everyone
 * the mail went to, including those it reached.
 */
const RETURNED_COPY =
  /^[-\s]*(?:this is a copy of the message|original message|the original message|undelivered message|original message headers|message headers follow|below is a copy|headers of the original|oprindelig meddelelse|original-nachricht)\b|^(?:received|return-path|dkim-signature|message-id):\s/im;

/**
 * A failure for good, as MTAs and mail services word it (Gmail, Exchange and Outlook.com, Postfix, Exim, qmail,
 * Yahoo), in English, Danish and German. Each names the address near it.
 */
const PERMANENT =
  /\b(?:wasn't delivered to|was not delivered to|couldn't be delivered|could not be delivered|could not deliver|couldn't deliver|unable to deliver|undeliverable to|failed permanently|permanent (?:fatal )?error|delivery has failed|following (?:address(?:\(es\)|es)?|recipients?) failed|address (?:couldn't|could not) be found|address not found|user unknown|unknown user|no such user|recipient address rejected|mailbox (?:unavailable|not found|does not exist)|does not exist|kunne ikke leveres|blev ikke leveret|ikke kunne leveres|kunne ikke afleveres|adressen blev ikke fundet|findes ikke|unzustellbar|konnte nicht zugestellt werden)\b/giu;

/** A delay warning says the server is still trying: the address may yet take the mail. */
const TEMPORARY =
  /\b(?:warning only|temporary (?:problem|failure)|will (?:be )?retr(?:y|ied)|will continue to try|still trying|delivery (?:has been )?delayed|delivery incomplete|delay(?:ed)? (?:notification|warning)|forsinket|midlertidig(?:t)? problem|vil blive forsøgt igen|verzögert)\b/iu;

/** How far from a failure phrase its address is written, before ("Your message to X couldn't…") and after. */
const BEFORE_CHARS = 160;
const AFTER_CHARS = 400;

function headerAddresses(headers: Record<string, string[]>, name: string): string[] {
  return (headers[name] ?? []).flatMap((v) => v.match(ADDRESS) ?? []);
}

/** RFC 3464: one block per recipient; those whose Action is failed (or, without one, a 5.x.x Status). */
function reportFailures(parts: string[]): { failed: string[]; any: boolean } {
  const failed: string[] = [];
  let any = false;
  for (const part of parts) {
    for (const block of part.split(/\r?\n\s*\r?\n/)) {
      const recipient = /^(?:final|original)-recipient:\s*[^;\n]*;\s*<?([^\s>]+)/im.exec(block)?.[1];
      if (!recipient) continue;
      any = true;
      const action = /^action:\s*(\S+)/im.exec(block)?.[1]?.toLowerCase();
      const status = /^status:\s*(\d)/im.exec(block)?.[1];
      if (action === "failed" || (action === undefined && status === "5")) failed.push(recipient);
    }
  }
  return { failed, any };
}

/** Addresses written near a phrase of permanent failure, in the report's own words. */
function textFailures(text: string): string[] {
  const cut = RETURNED_COPY.exec(text);
  const own = cut ? text.slice(0, cut.index) : text;
  if (TEMPORARY.test(own)) return [];
  const found: string[] = [];
  for (const phrase of own.matchAll(PERMANENT)) {
    const from = Math.max(0, phrase.index - BEFORE_CHARS);
    const window = own.slice(from, phrase.index + phrase[0].length + AFTER_CHARS);
    found.push(...(window.match(ADDRESS) ?? []));
  }
  return found;
}

/**
 * The addresses a bounce failed for, lower-cased, each once; none for a delay warning or a report that names no
 * failed recipient. The machine-readable parts win over the text when they are there.
 */
export function bouncedRecipients(report: BounceFacts): string[] {
  const structured = reportFailures(report.deliveryStatus ?? []);
  const listed = [...headerAddresses(report.headers, "x-failed-recipients"), ...structured.failed];
  const candidates = listed.length || structured.any ? listed : textFailures(report.text);
  const out = new Set<string>();
  for (const a of candidates) {
    const address = a.toLowerCase().replace(/^rfc822;/, "").replace(/[.>]+$/, "");
    if (!isMachineAddress(address)) out.add(address);
  }
  return [...out];
}
