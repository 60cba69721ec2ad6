// Whose is a non-owner's mail? It is a reply on a thread an owner shared, or it is refused. The D1 lookups
// live here; the decision itself is judgeThreadReply's (thread-reply.ts).
import { threadStandings } from "../db/capture";
import { loadOwnerWithAddresses, type OwnerWithAddresses } from "../db/owner-lookup";
import type { ParsedMail } from "../mail/types";
import type { Envelope } from "./store";
import { cloudflareContactVerdict } from "./authenticate";
import { judgeThreadReply } from "./thread-reply";

/**
 * A reply on a shared thread: an owner is among the recipients, shared the mail it answers, and the sender
 * (header From and envelope agreeing, and Cloudflare's verdict not saying otherwise) took part in that mail. Two D1 round trips: the standings, the owner.
 */
export async function findThreadOwner(d1: D1Database, mail: ParsedMail, envelope: Envelope): Promise<{ owner: OwnerWithAddresses } | { refused: string }> {
  const sender = mail.from!.address;
  const stranger = `Gensidig only accepts mail from the people it works for, and ${sender} is not one of them.`;
  const messageIds = [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x);
  const recipients = [...mail.to, ...mail.cc].map((a) => a.address);
  const standings = await threadStandings(d1, { recipients, sender, messageIds });
  // The owner first named in To/Cc is the one the reply is recorded for, as a person reading it would say.
  standings.sort((a, b) => recipients.indexOf(a.recipient) - recipients.indexOf(b.recipient));
  const cloudflare = cloudflareContactVerdict(mail.headers["arc-authentication-results"] ?? [], sender, envelope.from);
  const verdict = judgeThreadReply({ headerFrom: sender, envelopeFrom: envelope.from, standings, verdict: cloudflare });
  if (verdict.accepted) {
    const owner = await loadOwnerWithAddresses(d1, verdict.ownerId);
    return owner ? { owner } : { refused: stranger };
  }
  if (verdict.reason === "no-thread") return { refused: stranger };
  if (verdict.reason === "unverified") return { refused: `Gensidig could not verify that this mail comes from ${sender} (${verdict.detail}), so it was not recorded.` };
  return { refused: `${stranger} A reply is recorded only from someone who took part in the conversation, and this one was refused: ${verdict.detail}.` };
}
