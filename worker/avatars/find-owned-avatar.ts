import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { avatars, type Avatar as AvatarRow } from "../db/schema";
import { notFound } from "../errors";

/** The caller's avatar row; another user's avatar is a 404, as if it did not exist. */
export async function findOwnedAvatar(env: Env, userId: string, id: string): Promise<AvatarRow> {
  const row = await db(env).query.avatars.findFirst({
    where: and(eq(avatars.id, id), eq(avatars.userId, userId)),
  });
  if (!row) throw notFound("Avatar");
  return row;
}
