import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { backgroundImages } from "../db/schema";

/** One of the user's uploaded background pictures, or null. */
export async function findBackground(env: Env, userId: string, id: string) {
  const row = await db(env).query.backgroundImages.findFirst({
    where: and(eq(backgroundImages.id, id), eq(backgroundImages.userId, userId)),
  });
  return row ?? null;
}
