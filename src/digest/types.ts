// What the pure digest decisions produce and the renderer consumes.

export type Section = "thank" | "help" | "follow-up" | "reconnect";
export type Circle = "professional" | "private";

export interface Evidence {
  /** What happened, as a key the renderer translates: "gave", "asked", "sent-no-reply", "quiet", "balance". */
  what: "gave" | "asked" | "sent-no-reply" | "quiet" | "balance";
  /** When the mail that is the evidence was sent or received, ms. */
  at: number | null;
  subject: string | null;
  /** Extra figures for the sentence: whole days since `at`, nudges so far, gave/got counts, cadence. */
  days?: number;
  cadenceDays?: number;
  nudges?: number;
  gave?: number;
  got?: number;
}

export interface Recommendation {
  section: Section;
  contactId: number;
  address: string;
  name: string | null;
  circle: Circle;
  /** 0–10 tie strength. */
  strength: number;
  /** Higher first within a section. */
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
  gave: number;
  got: number;
}
