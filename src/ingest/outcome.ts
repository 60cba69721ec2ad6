// What became of one delivered mail. Expected outcomes are data; only misuse throws.
export type IngestOutcome =
  | { status: "rejected"; reason: string }
  | { status: "stored"; ownerId: number; summary: string; contacts: number }
  | { status: "duplicate"; ownerId: number }
  | { status: "ignored"; ownerId: number; reason: string }
  | { status: "command"; ownerId: number }
  | { status: "dead-letter"; ownerId: number; reason: string };
