// The tags mail clients put in front of a subject when replying and forwarding. One place, because the
// ingest, intent, forward and command rules all need to know whose subject they are reading.

/**
 * Tags a client adds when forwarding. Outlook localises its tag: VS/VB (Nordic), WG (German), TR (French),
 * RV (Spanish), ENC (Portuguese), I (Italian), PD (Polish, Slovak), VL (Finnish), Redir. (Romanian),
 * İLT (Turkish), TOV (Hungarian), PŘ (Czech), Doorst (Dutch), Пересл (Russian), ΠΡΘ (Greek), 转发 (Chinese, QQ writes
 * "转发："), 轉寄 (Taiwanese), 転送 (Japanese), 전달 (Korean), העבר (Hebrew), إعادة توجيه (Arabic), Chuyển tiếp (Vietnamese).
 * A full-width colon counts as a colon.
 */
const FORWARD_TAG =
  /^(?:fwd?|vs|vb|wg|tr|rv|enc|videresend|videresendt|i|pd|vl|redir\.?|i̇lt|İlt|ilt|tov|př|doorst|пересл|πρθ|转发|轉寄|转寄|転送|전달|העבר|إعادة توجيه|chuyển tiếp)[ \t]*(?:\[\d+\])?[ \t]*[:：]/iu;
/**
 * Tags a client adds when replying; some count replies ("Re[2]:"). R (Italian), Odp (Polish), RES (Portuguese), YNT
 * (Turkish), Отв (Russian), ΑΠ (Greek), 回复/答复 (Chinese), 回覆 (Taiwanese), 返信 (Japanese), 답장/회신 (Korean), השב (Hebrew),
 * رد (Arabic), Trả lời (Vietnamese).
 */
const REPLY_TAG = /^(?:re|sv|aw|antw|réf|ref|r|odp|res|ynt|odg|vá|отв|απ|回复|答复|回覆|返信|답장|회신|השב|رد|trả lời)[ \t]*(?:\[\d+\])?[ \t]*[:：]/iu;
/** Tags gateways put in front ("[EXTERNAL]", "[Ekstern]") say nothing about forward or reply. */
const GATEWAY_TAGS = /^(?:\[[^\]]{1,40}\][ \t]*)+/;

function outermost(subject: string): string {
  return subject.trim().replace(GATEWAY_TAGS, "");
}

export function hasForwardPrefix(subject: string): boolean {
  return FORWARD_TAG.test(outermost(subject));
}

export function hasReplyPrefix(subject: string): boolean {
  return REPLY_TAG.test(outermost(subject));
}

/** A subject someone else wrote first: the mail replies to or forwards another. */
export function isReplyOrForward(subject: string): boolean {
  return hasReplyPrefix(subject) || hasForwardPrefix(subject);
}

/** The subject as first written: "SV: Fwd: Re: Møde" → "Møde". */
export function stripSubjectTags(subject: string): string {
  let s = outermost(subject);
  for (;;) {
    const m = s.match(REPLY_TAG) ?? s.match(FORWARD_TAG);
    if (!m) return s;
    s = s.slice(m[0].length).trim();
  }
}

/**
 * The subject of the mail a reply answers, as far as the reply's own subject tells: one tag fewer. "SV: Re: Intro"
 * answers "Re: Intro", itself a reply, whose subject says nothing of it; "SV: Intro" answers "Intro".
 */
export function answeredSubject(subject: string): string {
  const s = outermost(subject);
  const m = s.match(REPLY_TAG) ?? s.match(FORWARD_TAG);
  return m ? s.slice(m[0].length).trim() : s;
}

/** RFC 5322 §3.6.5 suggests "Re: "; Danish and German clients write "SV:" or "AW:". One reply tag is enough. */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return hasReplyPrefix(s) ? s : `Re: ${s || "(no subject)"}`;
}
