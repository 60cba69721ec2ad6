// The commands path: owner mail written straight to the assistant, or a reply to the digest. The caller has
// already established that the mail is the owner's and claimed its Message-ID, so a second delivery of the
// same mail never gets here. Lines come from the new text only: quoted digests and signatures never act.
import { digestTokenFromThread } from "../digest/thread-token";
import type { OwnerWithAddresses } from "../db/owners";
import type { Config, Env } from "../env";
import type { PlusOptions } from "../ingest/plus";
import type { Answer } from "../mail/send";
import { replySubject } from "../mail/subject";
import type { ParsedMail } from "../mail/types";
import { renderAnswer } from "./answer";
import { executeCommands } from "./execute";
import { parseCommandMail } from "./parse";

export interface CommandMailContext {
  d1: D1Database;
  env: Env;
  config: Config;
  owner: OwnerWithAddresses;
  mail: ParsedMail;
  plus: PlusOptions;
  now: number;
  answer: (answer: Answer) => Promise<unknown>;
}

export async function handleCommandMail(ctx: CommandMailContext): Promise<void> {
  const parsed = parseCommandMail(ctx.mail);
  // Without the `+token`, a reply that names a digest of this owner's in its thread answers that digest.
  const token = ctx.plus.token ?? (await digestTokenFromThread(ctx.d1, ctx.config.tokenSecret, ctx.owner.owner.id, ctx.mail));
  const execution = await executeCommands(
    {
      d1: ctx.d1,
      sendEmail: ctx.env.SEND_EMAIL,
      config: ctx.config,
      owner: ctx.owner.owner,
      now: ctx.now,
      token,
      messageId: ctx.mail.messageId,
      ownAddresses: ctx.owner.addresses,
    },
    parsed,
  );
  await ctx.answer({
    subject: replySubject(ctx.mail.subject),
    text: renderAnswer(execution),
    attachments: execution.attachments.length ? execution.attachments : undefined,
    replyTo: execution.replyTo ?? undefined,
  });
}
