// The commands path: owner mail written straight to the assistant, or a reply to the digest. The caller has
// already established that the mail is the owner's and claimed its Message-ID, so a second delivery of the
// same mail never gets here. Lines come from the new text only: quoted digests and signatures never act.
import type { Db } from "../db/client";
import type { OwnerWithAddresses } from "../db/owners";
import type { Config, Env } from "../env";
import type { PlusOptions } from "../ingest/plus";
import { newText } from "../mail/reply";
import type { Answer } from "../mail/send";
import { isReplyOrForward, replySubject } from "../mail/subject";
import type { ParsedMail } from "../mail/types";
import { renderAnswer } from "./answer";
import { executeCommands } from "./execute";
import { parseCommandText } from "./parse";

export interface CommandMailContext {
  db: Db;
  env: Env;
  config: Config;
  owner: OwnerWithAddresses;
  mail: ParsedMail;
  plus: PlusOptions;
  now: number;
  answer: (answer: Answer) => Promise<unknown>;
}

/** A reply's subject ("Re: Gensidig · Week 48") is no command; a fresh mail's may be ("help", "export"). */
function commandText(mail: ParsedMail): string {
  const own = newText(mail.text);
  if (own.trim()) return own;
  const subject = mail.subject.trim();
  return isReplyOrForward(subject) ? "" : subject;
}

export async function handleCommandMail(ctx: CommandMailContext): Promise<void> {
  const parsed = parseCommandText(commandText(ctx.mail));
  const execution = await executeCommands(
    {
      db: ctx.db,
      sendEmail: ctx.env.SEND_EMAIL,
      config: ctx.config,
      owner: ctx.owner.owner,
      now: ctx.now,
      token: ctx.plus.token,
      messageId: ctx.mail.messageId,
    },
    parsed,
  );
  await ctx.answer({
    subject: replySubject(ctx.mail.subject),
    text: renderAnswer(execution),
    attachments: execution.attachments.length ? execution.attachments : undefined,
  });
}
