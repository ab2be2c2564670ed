// Credits are a ledger: the balance is the sum of a user's entries, so every change is on record
// and a repeated write (same idempotency key) cannot count twice. A pose's credits are reserved
// per pose and round (`reserve:{generation}:{template}:{round}`) and settled exactly once as
// spent or refunded (`settle:{generation}:{template}:{round}`): what a round still holds is a query.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";

export const creditKinds = ["welcome", "grant", "reserve", "spend", "refund"] as const;

export const creditLedger = sqliteTable(
  "credit_ledger",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: creditKinds }).notNull(),
    /** Credits added (positive) or taken (negative). */
    amount: integer("amount").notNull(),
    /** Poses reserved (positive) or given back (negative): what the daily limit counts. */
    poses: integer("poses").notNull().default(0),
    generationId: text("generation_id"),
    /** The pose a per-pose entry is for, and its round (0, then one per retry). */
    poseTemplateId: text("pose_template_id"),
    round: integer("round"),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    note: text("note"),
    /** The operator who granted credits. */
    grantedBy: text("granted_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("credit_ledger_user_created_idx").on(t.userId, t.createdAt),
    index("credit_ledger_generation_idx").on(t.generationId),
  ],
);
