// Credits are a ledger: the balance is the sum of a user's entries, so every change is on record
// and a repeated write (same idempotency key) cannot count twice.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";

export const creditKinds = ["welcome", "grant", "reserve", "refund"] as const;

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
    idempotencyKey: text("idempotency_key").notNull().unique(),
    note: text("note"),
    /** The operator who granted credits. */
    grantedBy: text("granted_by"),
    createdAt: createdAt(),
  },
  (t) => [index("credit_ledger_user_created_idx").on(t.userId, t.createdAt)],
);
