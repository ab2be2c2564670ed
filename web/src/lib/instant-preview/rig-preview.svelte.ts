// Which avatar the previews show and whether its rig is usable: loaded from the API (the pose and
// the cut-out image), checked and prepared once in the preview worker.
import type { Avatar } from "$shared/api/avatars";
import { readOpenPose } from "$shared/pose/openpose-json";
import { call, callBlob, client } from "$lib/api/client";
import { errorMessage } from "$lib/api/error-message";
import { prepareRig, RigRefused, type RigSource } from "./preview-engine";

/** none: no avatar; missing: the avatar has no rig yet; refused: the engine cannot use it; failed: loading failed. */
export type RigPreviewPhase = "none" | "missing" | "loading" | "ready" | "refused" | "failed";

/** The avatar's rig by the API: its own pose (OpenPose JSON on the rig image) and the rig image. */
async function loadRig(avatarId: string): Promise<RigSource> {
  const param = { id: avatarId };
  const [rig, png] = await Promise.all([
    call(client.v1.avatars[":id"].rig.$get({ param })),
    callBlob(client.v1.avatars[":id"].rig.image.$get({ param })),
  ]);
  const person = readOpenPose(rig.pose).pose.people[0];
  if (!person) throw new RigRefused("rig_torso_missing", "The avatar's pose has no person in it.");
  return { png, pose: person };
}

/** The preview's avatar: set it with `show`, draw with `key` once `phase` is "ready". */
export class RigPreview {
  phase = $state<RigPreviewPhase>("none");
  /** Why the rig cannot be previewed: the engine's own words, or the API's. */
  message = $state("");
  /** The prepared rig's key for drawPreview (the avatar and its version); null until ready. */
  key = $state<string | null>(null);
  private run = 0;

  /** Shows `avatar` (none: no preview); a newer call wins over one still loading. */
  async show(avatar: Avatar | null | undefined) {
    const mine = ++this.run;
    this.key = null;
    this.message = "";
    if (!avatar || avatar.rig === "missing") {
      this.phase = avatar ? "missing" : "none";
      return;
    }
    this.phase = "loading";
    // A saved rig changes the avatar's version, so the preview prepares the new one.
    const key = `${avatar.id}@${avatar.updatedAt}`;
    try {
      await prepareRig(key, () => loadRig(avatar.id));
      if (mine !== this.run) return;
      this.key = key;
      this.phase = "ready";
    } catch (err) {
      if (mine !== this.run) return;
      this.phase = err instanceof RigRefused && err.code ? "refused" : "failed";
      this.message = err instanceof RigRefused ? err.message : errorMessage(err);
    }
  }
}
