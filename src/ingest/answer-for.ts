// How the email() path answers the owner about one incoming mail: a reply on that mail where Cloudflare
// allows one, else a mail to the owner's primary address (answerOwner decides).
import { mailEventStatement } from "../db/capture";
import type { OwnerWithAddresses } from "../db/owner-lookup";
import type { Config, Env } from "../env";
import { answerOwner, type Answer } from "../mail/send";
import type { ParsedMail } from "../mail/types";
import { ownerMailEvent, type Envelope } from "./store";

/**
 * The answer to one mail, sent, or else recorded. By the time an answer goes out the mail has been handled (its
 * commands ran, it was stored, its Message-ID claimed), so a send that fails (send_email refusing an unverified
 * address, an outage) must not fail the delivery: the sending server would retry, find the Message-ID claimed and
 * get a silent duplicate, and the owner would never learn what happened. The failure is kept as an
 * `answer-failed` mail event with its reason, which the next digest counts, and logged for the operator. Only a
 * failure to record that event throws: the delivery then fails and the sending server retries, but the retry
 * finds the Message-ID claimed and is taken as a duplicate, unanswered, so the owner hears nothing of it and the
 * operator's log is all that is left of the lost answer.
 */
export function answerFor(env: Env, config: Config, message: ForwardableEmailMessage, owner: OwnerWithAddresses, mail: ParsedMail, envelope: Envelope, now: number) {
  return async (answer: Answer): Promise<void> => {
    try {
      await answerOwner(
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
    } catch (err) {
      const reason = `the answer could not be sent: ${String(err).slice(0, 300)}`;
      console.error(`owner ${owner.owner.id}, mail ${mail.messageId ?? "(no Message-ID)"}: ${reason}`);
      await mailEventStatement(env.DB, { ...ownerMailEvent(owner, envelope, mail, reason, now), kind: "answer-failed" }).run();
    }
  };
}
