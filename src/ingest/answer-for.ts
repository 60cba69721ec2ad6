// How the email() path answers the owner about one incoming mail: a reply on that mail where Cloudflare
// allows one, else a mail to the owner's primary address (answerOwner decides).
import type { OwnerWithAddresses } from "../db/owner-lookup";
import type { Config, Env } from "../env";
import { answerOwner, type Answer } from "../mail/send";
import type { ParsedMail } from "../mail/types";

export function answerFor(env: Env, config: Config, message: ForwardableEmailMessage, owner: OwnerWithAddresses, mail: ParsedMail, now: number) {
  return (answer: Answer) =>
    answerOwner(
      {
        incoming: message,
        incomingMessageId: mail.messageId,
        incomingReferences: mail.headers.references?.[0] ?? null,
        incomingSubject: mail.subject,
        assistantAddress: config.assistantAddress,
        assistantDomain: config.assistantDomain,
        ownerPrimaryAddress: owner.owner.primaryAddress,
        sendEmail: env.SEND_EMAIL,
        now,
      },
      answer,
    );
}
