// The two ways mail leaves the worker. Locally both write .eml files under .wrangler/tmp/email/.
import { EmailMessage } from "cloudflare:email";
import { composeMail, newMessageId, type OutgoingAttachment } from "./compose";
import { replySubject } from "./subject";

export interface Answer {
  subject: string;
  text: string;
  html?: string;
  attachments?: OutgoingAttachment[];
  /** A signed reply address, when the answer holds numbered items a reply can act on (`status`). */
  replyTo?: string;
}

export interface AnswerContext {
  incoming: Pick<ForwardableEmailMessage, "reply" | "from">;
  incomingMessageId: string | null;
  /** The incoming References header as it arrived, or null. */
  incomingReferences: string | null;
  incomingSubject: string;
  assistantAddress: string;
  assistantDomain: string;
  ownerPrimaryAddress: string;
  sendEmail: SendEmail;
  now: number;
}

export type AnswerRoute = "reply" | "send_email";

/**
 * Answers the owner. message.reply() is the natural path (threaded, to the sender only), but Cloudflare
 * allows it once per event, only with In-Reply-To equal to the incoming Message-ID and References holding the
 * incoming References plus that Message-ID, and refuses it for mail that failed DMARC or was auto-submitted;
 * then the answer goes through send_email to the owner's verified primary address instead.
 */
export async function answerOwner(ctx: AnswerContext, answer: Answer): Promise<AnswerRoute> {
  const subject = answer.subject || replySubject(ctx.incomingSubject);
  const base = {
    from: { address: ctx.assistantAddress, name: "Gensidig" },
    subject,
    text: answer.text,
    html: answer.html,
    messageId: newMessageId(ctx.assistantDomain, "answer"),
    date: new Date(ctx.now),
    attachments: answer.attachments,
    replyTo: answer.replyTo,
    inReplyTo: ctx.incomingMessageId,
    references: ctx.incomingReferences,
  };
  if (ctx.incomingMessageId) {
    try {
      const raw = composeMail({ ...base, to: ctx.incoming.from });
      await ctx.incoming.reply(new EmailMessage(ctx.assistantAddress, ctx.incoming.from, raw));
      return "reply";
    } catch (err) {
      console.warn(`reply() refused, answering through send_email instead: ${String(err)}`);
    }
  }
  const raw = composeMail({ ...base, to: ctx.ownerPrimaryAddress });
  await ctx.sendEmail.send(new EmailMessage(ctx.assistantAddress, ctx.ownerPrimaryAddress, raw));
  return "send_email";
}
