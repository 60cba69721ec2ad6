// The digest rules' time windows, shared by the rules themselves (digest/decide.ts) and by the due columns on
// the contact row (db/schema.ts) that let D1 hand the digest only the contacts that can be due. A change here
// changes the generated columns' SQL too, so drizzle-kit writes a migration for it.

/** A debt (a thank-you, an answer, a follow-up) leaves the digest this long after it fell due. */
export const ITEM_HORIZON_DAYS = 56;
/** Cadence inferred from history is kept between a fortnight and a year (PRODUCT.md, "Rhythm"). */
export const MIN_INFERRED_CADENCE_DAYS = 14;
export const MAX_INFERRED_CADENCE_DAYS = 365;
/** Cadence when the history shows no rhythm yet: once a quarter, the rhythm of a loose professional tie. */
export const DEFAULT_CADENCE_DAYS = 90;
/** How many gaps of DEFAULT_CADENCE_DAYS a short history is drawn towards (a Bayesian prior of one gap). */
export const PRIOR_GAPS = 0.5;
/** Two conversations are one gap: with the prior, enough to say something of the rhythm. */
export const MIN_CONVERSATIONS_FOR_RHYTHM = 2;
/**
 * A quiet tie needs a history: one conversation is an exchange, and a burst of them within less than three weeks
 * (a booking, one project) is one piece of work, not yet a relationship to keep up. Three weeks of mail every week or
 * two (a mentor, a former boss met again) already is one: the labelled mailboxes' writers expect it back when quiet.
 */
export const MIN_CONVERSATIONS_TO_RECONNECT = 2;
export const MIN_HISTORY_DAYS_TO_RECONNECT = 21;
/**
 * Someone who gave the owner something (advice, feedback on their work, an introduction) and has had the owner's
 * thanks, over two conversations and a fortnight from their first mail to their last, is already a tie: a former boss
 * met for lunch, a teacher who read the portfolio. A give and take is what a booking or one job lacks (a hall's "den
 * er din", the owner's own help to a client, a venue's logistics), so the shorter history needs it. (The thanks need
 * not be for that gift: any thanks shows the give and take.) Measured to the last mail, not the last conversation's
 * start, so a late reply in the same thread counts.
 */
export const MIN_HISTORY_DAYS_TO_RECONNECT_AFTER_A_GIFT = 14;
/**
 * The owner's promise to answer later ("I'll write properly at the weekend") answers for this long; after it, with
 * nothing written since, the ask is back in the digest.
 */
export const PROMISE_KEPT_WITHIN_DAYS = 7;
/** The first unanswered outbound mail is the outreach; the owner is nudged at most this many times after it. */
export const MAX_NUDGES = 2;
/**
 * The longest wait before a follow-up falls due when the mail did not record its own due time (ingest always
 * does; owners' `follow_up_days` is 7 unless set by hand): a bound for the due column, not a rule.
 */
export const MAX_FOLLOW_UP_DAYS = 365;
