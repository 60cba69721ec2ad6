// What the pure digest decisions produce and the renderer consumes.

export type Section = "thank" | "help" | "follow-up" | "reconnect";
export type Circle = "professional" | "private";

export interface Evidence {
  /** What happened, as a key the renderer translates: "gave", "asked", "sent-no-reply", "quiet", "balance". */
  what: "gave" | "asked" | "sent-no-reply" | "quiet" | "balance";
  /** When the mail that is the evidence was sent or received, ms. */
  at: number | null;
  subject: string | null;
  /** Whole days since `at`. */
  days?: number;
  /** Gave: what kind of gift ("introduction", "referral", "asked-for", "help"). */
  kind?: "introduction" | "referral" | "asked-for" | "help";
  /** Gave: whom they introduced or what they sent ("Tom Becker", "slides.pdf"); asked: who introduced them. */
  detail?: string | null;
  /** Follow-up: why the mail expected an answer, and how many times the owner has nudged since. */
  reason?: "first-contact" | "question" | "proposal" | "reminder";
  nudges?: number;
  /** Quiet: the usual rhythm in days, and whether the quiet is far beyond it (a tie at risk). */
  cadenceDays?: number;
  atRisk?: boolean;
  /** Asked: the owner answered only with a promise to come back to it, a week or more ago, and wrote nothing since. */
  promised?: boolean;
  /** Quiet: the last contact was a meeting ("met on 12 Nov: Coffee at Paludan"), not a mail. */
  met?: boolean;
  /** Balance: how often they gave the owner something, and how often the owner gave them something. */
  theyGave?: number;
  youGave?: number;
}

export interface Recommendation {
  section: Section;
  contactId: number;
  address: string;
  name: string | null;
  circle: Circle;
  /** 0–10 tie strength. */
  strength: number;
  /** What is at stake in the evidence: the strongest picks the person's section. */
  stake: number;
  /** Importance: the stake weighted by the tie's strength. Higher first within a section. */
  priority: number;
  evidence: Evidence;
}

export interface DigestPlan {
  /** Items in display order; numbering 1..n follows this order. Private items come after professional ones. */
  items: Recommendation[];
  /** Counted but left out by the caps, per section. */
  leftOut: Record<Section, number>;
}

export interface WeekActivity {
  /** Monday 00:00 UTC of the ISO week, ms. */
  weekStart: number;
  sent: number;
  received: number;
  /** Mails in which someone gave the owner something (an introduction, help, what was asked for). */
  theyGave: number;
  /** Mails in which the owner gave someone something. */
  youGave: number;
}
