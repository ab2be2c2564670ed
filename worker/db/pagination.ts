import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { ApiError } from "../errors";

interface Cursor {
  createdAt: number;
  id: string;
}

const encode = (c: Cursor) => btoa(JSON.stringify([c.createdAt, c.id])).replace(/=+$/, "");

function decode(raw: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(atob(raw)) as unknown[];
    if (typeof createdAt === "number" && Number.isFinite(createdAt) && typeof id === "string") {
      return { createdAt, id };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError(400, "invalid_cursor", "The cursor is not one this API gave out.");
}

/**
 * Newest-first keyset pagination on (createdAt, id): stable under inserts, one index seek.
 * Returns the extra WHERE, the ORDER BY and a function that cuts the page and makes the next cursor.
 */
export function newestFirst(
  columns: { createdAt: SQLiteColumn; id: SQLiteColumn },
  query: { cursor?: string; limit: number },
) {
  const after = query.cursor ? decode(query.cursor) : null;
  const where: SQL | undefined = after
    ? or(
        lt(columns.createdAt, new Date(after.createdAt)),
        and(eq(columns.createdAt, new Date(after.createdAt)), lt(columns.id, after.id)),
      )
    : undefined;
  return {
    where,
    orderBy: [desc(columns.createdAt), desc(columns.id)],
    /** Fetch limit + 1 rows; this cuts them to the page and says whether more exist. */
    take: query.limit + 1,
    page<T extends { createdAt: Date; id: string }>(rows: T[]) {
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      const nextCursor =
        rows.length > query.limit && last ? encode({ createdAt: last.createdAt.getTime(), id: last.id }) : null;
      return { items, nextCursor };
    },
  };
}
