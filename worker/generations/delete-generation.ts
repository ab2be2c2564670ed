// Deleting a generation: stop it, remove every stage image, then the row (its poses cascade).
import { and, eq } from "drizzle-orm";
import { db } from "../db/client";
import { poseGenerations } from "../db/schema";
import { generationStub } from "./generation-stub";
import { findOwned } from "./generation-view";
import { deletePrefix } from "../storage/delete-objects";

/** The R2 prefix holding every stage image of a generation (see r2Keys.generationImage). */
export const generationPrefix = (generationId: string) => `generations/${generationId}/`;

/**
 * Deletes one generation of the user (the API's 404 when it is not theirs): cancels its remaining
 * poses, removes its R2 objects, then its row (generated_poses go with it). Metrics and the credit
 * ledger keep their records.
 */
export async function deleteGeneration(env: Env, userId: string, id: string): Promise<void> {
  const generationId = (await findOwned(env, userId, id)).id;
  // A pose still running may write an image after this; the hourly sweep removes such orphans.
  // From here on a status read (the run alone) answers 404.
  await generationStub(env, generationId).remove();
  await deletePrefix(env.IMAGES, generationPrefix(generationId));
  await db(env)
    .delete(poseGenerations)
    .where(and(eq(poseGenerations.id, generationId), eq(poseGenerations.userId, userId)));
}
