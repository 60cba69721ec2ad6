// The rhythm decide.ts infers from a contact's history (inferredCadenceDays), in SQL: the schema's quiet_at column
// and the digest's candidates (digest-store.ts) compute it alike. It lives here, not in schema.ts, so that the
// digest reads it without loading the schema and drizzle.
import { DEFAULT_CADENCE_DAYS, MAX_INFERRED_CADENCE_DAYS, MIN_CONVERSATIONS_FOR_RHYTHM, MIN_INFERRED_CADENCE_DAYS, PRIOR_GAPS } from "../rhythm";
import { DAY_MS } from "../time";

export const INFERRED_CADENCE_SQL =
  `case when first_at is null or last_conversation_at is null or conversation_count < ${MIN_CONVERSATIONS_FOR_RHYTHM} then ${DEFAULT_CADENCE_DAYS}` +
  ` else min(${MAX_INFERRED_CADENCE_DAYS}, max(${MIN_INFERRED_CADENCE_DAYS}, (max(0, last_conversation_at - first_at) / ${DAY_MS}.0 + ${DEFAULT_CADENCE_DAYS * PRIOR_GAPS}) / (conversation_count - 1 + ${PRIOR_GAPS}))) end`;
