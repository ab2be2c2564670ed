// Each result's pose score and stars in the studio. A result nobody scored is scored here: the
// pose MediaPipe finds in the picture (lib/pose, from our origin) is compared with the skeleton it
// was made to, with the same OKS the server recomputes, and posted; the server stores its own.
import type { GenerationState, PoseState } from "$shared/api/generations";
import type { PoseVerdict } from "$shared/api/pose-quality";
import { BODY_POINTS, type Pose, type PosePerson } from "$shared/pose/model";
import { poseScore } from "$shared/pose/pose-score";
import { call, client } from "$lib/api/client";
import { detectPoseInImage } from "$lib/pose/detect-pose";
import { loadImage } from "$lib/rig/rig-pose";

/** What a tile shows: the stored verdict of the image at `imageUrl`, or that it is being scored. */
export type TileVerdict = Omit<PoseVerdict, "poseTemplateId"> & { imageUrl: string; scoring: boolean };

/** The one person found, body only, without points the picture does not show (the API takes points on the canvas). */
function onCanvas(found: Pose | null, width: number, height: number): Pose {
  const inside = (p: PosePerson["body"][number]) => p && p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
  const body = found?.people[0]?.body.map((p) => (inside(p) ? p : null)) ?? Array(BODY_POINTS).fill(null);
  return { canvasWidth: width, canvasHeight: height, people: [{ body, face: null, leftHand: null, rightHand: null }] };
}

/** The OKS of the pose found in the picture at `imageUrl` against `requested`, and that detection. */
export async function scoreInBrowser(imageUrl: string, requested: Pose) {
  const image = await loadImage(imageUrl);
  const detection = onCanvas(await detectPoseInImage(image), image.naturalWidth, image.naturalHeight);
  return { detection, score: poseScore(requested, detection) ?? 0 };
}

export class PoseVerdicts {
  byPose = $state<Record<string, TileVerdict>>({});
  #generationId = "";
  #latest: GenerationState | null = null;
  #busy = false;

  /** Made poses whose current image has no verdict here yet. */
  #unknown = (g: GenerationState) =>
    g.poses.filter(
      (p) => p.status === "succeeded" && p.imageUrl && this.byPose[p.poseTemplateId]?.imageUrl !== p.imageUrl,
    );

  /** Follows the shown generation: reads the verdicts of new images, then scores those nobody scored. */
  async sync(generation: GenerationState) {
    if (generation.id !== this.#generationId) {
      this.#generationId = generation.id;
      this.byPose = {};
    }
    this.#latest = generation;
    if (this.#busy) return;
    this.#busy = true;
    try {
      // A push during the work may bring new images: go round until none is unknown.
      for (let g = this.#latest; this.#unknown(g).length > 0 && g.id === this.#generationId; g = this.#latest!) {
        const view = await call(
          client.v1.generations[":id"].$get({ param: { id: g.id }, query: { include: "requestedPose" } }),
        );
        if (view.id !== this.#generationId) break;
        const unscored: PoseState[] = [];
        for (const pose of view.poses) {
          if (!pose.imageUrl || pose.status !== "succeeded") continue;
          this.byPose[pose.poseTemplateId] = this.#tile(pose, pose.imageUrl, pose.qualityScore == null);
          if (pose.qualityScore == null && pose.requestedPose) unscored.push(pose);
        }
        for (const pose of unscored) await this.#score(view.id, pose);
      }
    } catch {
      // Scoring is an extra: the results stay usable without it.
    } finally {
      this.#busy = false;
    }
  }

  #tile = (v: Partial<PoseVerdict>, imageUrl: string, scoring = false): TileVerdict => ({
    qualityScore: v.qualityScore ?? null,
    qualitySource: v.qualitySource ?? null,
    drifted: v.drifted ?? false,
    rating: v.rating ?? null,
    imageUrl,
    scoring,
  });

  async #score(generationId: string, pose: PoseState) {
    const imageUrl = pose.imageUrl!;
    try {
      const posted = await scoreInBrowser(imageUrl, pose.requestedPose as Pose);
      const verdict = await call(
        client.v1.generations[":id"].poses[":poseId"].quality.$put({
          param: { id: generationId, poseId: pose.poseTemplateId },
          json: posted,
        }),
      );
      if (generationId === this.#generationId) this.byPose[pose.poseTemplateId] = this.#tile(verdict, imageUrl);
    } catch {
      if (generationId === this.#generationId) this.byPose[pose.poseTemplateId] = this.#tile(pose, imageUrl);
    }
  }

  /** Saves the owner's stars. */
  async rate(generationId: string, poseId: string, rating: number) {
    const verdict = await call(
      client.v1.generations[":id"].poses[":poseId"].rating.$put({
        param: { id: generationId, poseId },
        json: { rating },
      }),
    );
    const known = this.byPose[poseId];
    if (known) this.byPose[poseId] = { ...known, rating: verdict.rating };
  }

  /** Starts a new round of a drifted pose; the generation's new state. */
  tryAgain(generationId: string, poseId: string) {
    return call(client.v1.generations[":id"].poses[":poseId"].retry.$post({ param: { id: generationId, poseId } }));
  }
}
