// What one understood mail writes: the records the ingest path builds and the capture queries store. They
// live here, below both, so db/ needs nothing from ingest/.
import type { Intent } from "../mail/intent";
import type { Address } from "../mail/types";

/** Something a mail hands over: what kind, and the file's name when it is one. */
export interface Material {
  /**
   * "answer": no thing handed over, but a real answer in words (advice, a fix) to what the owner asked.
   * "reply": a substantial reply in words that does not show by itself that it answers a plea; it is an answer
   * when the owner's request to them was a question (see `lastYouAskedQuestion`).
   */
  kind: "file" | "link" | "contact" | "words" | "answer" | "reply" | "brief";
  name: string | null;
}

export type Direction = "in" | "out";
export type Source = "bcc" | "forward" | "thread-reply" | "reply-evidence" | "import";
export type MeetingSource = "command" | "calendar";

export interface ContactEvent {
  address: string;
  name: string | null;
  direction: Direction;
  at: number;
  subject: string | null;
  snippet: string | null;
  intent: Intent;
  messageId: string;
  threadId: string | null;
  source: Source;
  attachments: string[];
  /** Outbound only: nudge after this many days without an answer (+Nd), else the owner's default. */
  followUpDays: number | null;
  /** +private: the person belongs to the owner's private circle. */
  private: boolean;
  /** The mail answers another (In-Reply-To, or a reply tag on its subject): not a first contact. */
  isReply: boolean;
  /** How many people besides the owner the mail was written to (To and Cc). */
  recipientCount: number;
  /** Outbound: the person was only in Cc, kept informed rather than addressed. */
  cc: boolean;
  /** Inbound only: the other people it was written to alongside the owner, when they are a handful. */
  alongside: Address[];
  /** What it hands the reader (an attachment, a link, someone's address, "here it is"). Null when nothing. */
  material: Material | null;
  /** Inbound forwards: the owner wrote a note above it ("remember to answer Sarah"), not one that turns them away ("No."): the owner vouches for them. */
  ownerNote: boolean;
  /** Inbound forwards: the owner's note says they owe the sender thanks ("Need to thank her", "husk at takke ham"). */
  ownerOwesThanks?: boolean;
  /** Inbound forwards: the owner's note says an answer is owed ("husk at svare", "Moet ik nog beantwoorden"). */
  ownerOwesAnswer?: boolean;
  /** Inbound mail to more than a handful that asks the owner by name ("Karoline: vil du holde oplægget?"). */
  asksOwnerByName?: boolean;
  /** A new address of someone the owner knows under the same name at this one other address (ingest/namesakes.ts). */
  formerAddress?: string;
  /**
   * Inbound, from someone who says who sent them: that person's full name as written ("Per Thomsen sagde, at …");
   * or, with `referrerFirm`, their first name ("Rikke fra Brandhouse": "Rikke" and "Brandhouse").
   */
  referrer?: string | null;
  referrerFirm?: string;
  /** …and the one address the owner knows that person at (ingest/namesakes.ts): the referral is theirs to be thanked for. */
  referrerAddress?: string;
}

/** What a stored mail was: the owner's (bcc, forward, command…) or a contact's reply on a shared thread. */
export type MessageKind = "bcc" | "forward" | "thread-reply" | "reply-evidence" | "command" | "import" | "ignored" | "calendar";

export interface MessageRecord {
  messageId: string;
  threadId: string | null;
  kind: MessageKind;
  at: number;
  subject: string | null;
}

export interface NoteRecord {
  address: string;
  body: string;
}

export type GiftKind = "introduction" | "referral" | "asked-for" | "help";

/** A referral told by the newcomer it sent: credited to the referrer's row (ingest/judge.ts referralCredits). */
export interface ReferralCredit {
  address: string;
  at: number;
  subject: string | null;
  /** Whom they sent: the newcomer's name or address. */
  detail: string | null;
}
export type FollowUpReason = "first-contact" | "question" | "proposal" | "reminder";

export interface InboundDelta {
  at: number;
  subject: string | null;
  gift: { kind: GiftKind; detail: string | null } | null;
  request: boolean;
  /** They came through someone the owner knows ("Lars suggested I write"), or the owner vouched for them with
   * a note on the forward: in the network from the start. */
  referredBy: boolean;
}

export interface OutboundDelta {
  at: number;
  subject: string | null;
  gave: boolean;
  thanks: boolean;
  /** The owner asked them for something: material they send next is what was asked for. */
  asked: boolean;
  /** What the owner asked was a question (advice, information), not a time to meet, a proposal or a first pitch. */
  askedQuestion: boolean;
  askedAdvice: boolean;
  /** Why this mail expects an answer, and when to nudge; null when it expects none. */
  followUp: { reason: FollowUpReason; dueAt: number } | null;
  /** It answers their open ask only with a promise ("I'll write properly at the weekend"): the ask stays theirs. */
  promised: boolean;
  /**
   * Written to more than a handful at once (a move, new opening hours): it counts as mail sent, but it is no
   * personal contact, so it settles nothing, starts no conversation and does not keep a tie warm.
   */
  announcement: boolean;
}

export interface ContactDelta {
  address: string;
  name: string | null;
  private: boolean;
  at: number;
  threadId: string | null;
  inbound: InboundDelta | null;
  outbound: OutboundDelta | null;
  /** A meeting: both parts stand for it (contact both ways); it counts as a meeting, not as mail. */
  meeting?: { title: string | null };
  /** The rhythm a mail between the two of them alone states ("our monthly letter"), in days (Contact.statedCadenceDays). */
  statedCadenceDays?: number | null;
}

/** Someone a contact introduced the owner to: in the owner's network before any mail passed between them. */
export interface IntroducedPerson {
  address: string;
  name: string | null;
  at: number;
  by: string;
}
