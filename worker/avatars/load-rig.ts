// An avatar's rig as the instant pose engine takes it (shared/instant/contract.ts AvatarRig): the
// stored cut-out decoded at its working size, the person's own pose in its pixels.
import type { AvatarRig } from "../../shared/instant/contract";
import type { Avatar as AvatarRow } from "../db/schema";
import { decodeRgba } from "../images/rgba";

/** The avatar's rig, or null when it has none (or its image is gone). At most 1024² RGBA: 4 MB. */
export async function loadRig(env: Env, row: Pick<AvatarRow, "rigKey" | "rigPose">): Promise<AvatarRig | null> {
  const person = row.rigPose?.people[0];
  if (!row.rigKey || !person) return null;
  const object = await env.IMAGES.get(row.rigKey);
  if (!object) return null;
  return { cutout: decodeRgba(new Uint8Array(await object.arrayBuffer())), pose: person };
}
