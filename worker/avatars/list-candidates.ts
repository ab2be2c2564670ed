// The caller's text-avatar candidates that are still there: credits were spent on them, so a
// reload must not lose them before they expire.
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { CANDIDATES_MAX, type CandidateList } from "../../shared/api/avatar-generation";
import { db } from "../db/client";
import { avatarCandidates } from "../db/schema";
import { toCandidate } from "./generate-candidates";

/** At most this many: a day of generating (candidates expire after CANDIDATE_TTL_HOURS). */
const LIST_MAX = CANDIDATES_MAX * 25;

/** The user's unexpired, unsaved candidates, newest first. */
export async function listCandidates(env: Env, userId: string): Promise<CandidateList> {
  const rows = await db(env)
    .select()
    .from(avatarCandidates)
    .where(and(eq(avatarCandidates.userId, userId), gt(avatarCandidates.expiresAt, new Date())))
    .orderBy(desc(avatarCandidates.createdAt), asc(avatarCandidates.seed))
    .limit(LIST_MAX);
  return {
    items: rows.map((row) => ({
      ...toCandidate(row),
      description: row.description,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
