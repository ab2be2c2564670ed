// The instant engine judged by a detector we did not write: every built-in template drawn on each
// test photo's rig, MediaPipe PoseLandmarker (in Chromium, from our origin) run on the pictures,
// and the poses it finds scored as every result is (shared/pose/pose-score.ts against the skeleton
// the engine returns, fidelity at POSE_MIN_OKS) and compared (OKS) with the template's own. Also the identity figures: the face carried rigidly, the identity pose reproducing the
// cut-out. messi5 is a full-body photo (the goal applies); astronaut is half-body (coverage only).
import { readFileSync } from "node:fs";
import { openPoseDetector, type PoseDetector } from "../dev-tools/browser/pose-detector";
import { OUTPUT_SIZE } from "../shared/api/generations";
import type { AvatarRig, OutputSize } from "../shared/instant/contract";
import { drawInstantPose } from "../shared/instant/draw-pose";
import { identityTarget } from "../shared/instant/identity-target";
import { prepareRig } from "../shared/instant/prepare-rig";
import { retargetPose } from "../shared/instant/retarget";
import { checkRig } from "../shared/instant/rig-check";
import { mediapipeToOpenPose, type Landmark } from "../shared/pose/mediapipe";
import { BODY, type PosePerson } from "../shared/pose/model";
import { objectKeypointSimilarity } from "../shared/pose/oks";
import { poseScore } from "../shared/pose/pose-score";
import type { Rgba } from "../shared/raster/rgba";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { POSE_MIN_OKS } from "../worker/config/app-settings";
import { decodeRgba, encodePng } from "../worker/images/rgba";
import { runIfMain, type Figure } from "./harness/figure";
import { CHROMIUM, WEB_BUILD } from "./harness/tools";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../tests/fixtures/${name}`, import.meta.url)));
const GOAL_MEAN_OKS = 0.75;

/** The picture on mid grey, as a person would be photographed: the detector gets no alpha. */
function onGrey(image: Rgba): Uint8Array {
  const out = new Uint8Array(image.width * image.height * 4);
  for (let i = 0; i < out.length; i += 4) {
    const a = image.data[i + 3]! / 255;
    for (let k = 0; k < 3; k++) out[i + k] = Math.round(image.data[i + k]! * a + 128 * (1 - a));
    out[i + 3] = 255;
  }
  return encodePng({ width: image.width, height: image.height, data: out });
}

async function rigs(detector: PoseDetector): Promise<{ name: string; fullBody: boolean; rig: AvatarRig }[]> {
  const messi = JSON.parse(readFileSync(new URL("../tests/fixtures/messi5.landmarks.json", import.meta.url), "utf8"));
  const astronautPose = await detector.detect(fixture("astronaut.png"));
  if (!astronautPose) throw new Error("MediaPipe found no person on astronaut.png");
  return [
    {
      name: "messi5",
      fullBody: true,
      rig: {
        cutout: decodeRgba(fixture("messi5.cutout.png")),
        pose: mediapipeToOpenPose(messi.landmarks as Landmark[], messi.imageWidth, messi.imageHeight),
      },
    },
    {
      name: "astronaut",
      fullBody: false,
      rig: { cutout: decodeRgba(fixture("astronaut.cutout.png")), pose: astronautPose },
    },
  ];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const share = (xs: number[], min: number) => (xs.length ? xs.filter((x) => x >= min).length / xs.length : 0);
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Distances between the face's joints (nose, eyes, ears), for the rigid-face check. */
function faceDistances(person: PosePerson): number[] {
  const ids = [BODY.nose, BODY.rightEye, BODY.leftEye, BODY.rightEar, BODY.leftEar];
  const out: number[] = [];
  for (let a = 0; a < ids.length; a++)
    for (let b = a + 1; b < ids.length; b++) {
      const [p, q] = [person.body[ids[a]!], person.body[ids[b]!]];
      out.push(p && q ? Math.hypot(p.x - q.x, p.y - q.y) : NaN);
    }
  return out;
}

/**
 * The identity drawing against the cut-out: PSNR (dB) over the pixels both hold, and how much of
 * the cut-out's mask the drawing covers (the engine keeps the person, not a ball or specks beside).
 */
function identity(cutout: Rgba, drawn: Rgba) {
  let sum = 0;
  let n = 0;
  let cut = 0;
  for (let i = 0; i < cutout.data.length; i += 4) {
    if (cutout.data[i + 3]! < 128) continue;
    cut++;
    if (drawn.data[i + 3]! < 128) continue;
    for (let k = 0; k < 3; k++) sum += (cutout.data[i + k]! - drawn.data[i + k]!) ** 2;
    n += 3;
  }
  return { psnr: n ? 10 * Math.log10((255 * 255) / Math.max(sum / n, 1e-9)) : NaN, covered: n / 3 / Math.max(cut, 1) };
}

export async function benchInstantFidelity() {
  const detector = await openPoseDetector("full");
  try {
    for (const { name, fullBody, rig } of await rigs(detector)) {
      checkRig(rig);
      const prepared = prepareRig(rig);
      const size: OutputSize = OUTPUT_SIZE.sd;
      const drawnOks: number[] = [];
      const templateOks: number[] = [];
      const faceErrors: number[] = [];
      let missed = 0;
      for (const template of BUILT_IN_TEMPLATES) {
        const target = buildFigure(template.figure, size.width, size.height);
        const retargeted = retargetPose(rig.pose, target, size);
        const picture = drawInstantPose(prepared, retargeted, size);
        const found = await detector.detect(onGrey(picture.image));
        // Scored as a stored result is: poseScore of the detection against the skeleton the engine
        // returns (what record-outcome.ts keeps as requested_pose); nobody found scores 0.
        const detection = { canvasWidth: size.width, canvasHeight: size.height, people: found ? [found] : [] };
        drawnOks.push(poseScore(picture.skeleton, detection) ?? 0);
        if (!found) {
          missed++;
          templateOks.push(0);
          continue;
        }
        templateOks.push(objectKeypointSimilarity(target.people[0]!, found) ?? 0);
        // The face moves as one piece: its joint distances keep the source's ratios × the head's scale.
        const before = faceDistances(rig.pose);
        const after = faceDistances(found);
        before.forEach((d, i) => {
          const e = Math.abs(after[i]! / (d * retargeted.head.scale) - 1);
          if (Number.isFinite(e)) faceErrors.push(e);
        });
      }
      const m = mean(drawnOks);
      const goal = fullBody
        ? ` (goal ≥ ${GOAL_MEAN_OKS}: ${(m / GOAL_MEAN_OKS).toFixed(2)}×)`
        : " (half body: coverage only)";
      console.log(
        `instant fidelity, ${name}, ${BUILT_IN_TEMPLATES.length} poses at ${size.width}×${size.height}: ` +
          `pose score (poseScore vs the requested skeleton) ${m.toFixed(3)}${goal}, ` +
          `fidelity (≥ POSE_MIN_OKS ${POSE_MIN_OKS}) ${pct(share(drawnOks, POSE_MIN_OKS))}; ` +
          `vs the template ${mean(templateOks).toFixed(3)}, ≥ 0.5 in ${pct(share(templateOks, 0.5))}; ` +
          `no person found in ${missed}`,
      );
      faceErrors.sort((a, b) => a - b);
      const p90 = faceErrors[Math.floor(faceErrors.length * 0.9)] ?? NaN;
      console.log(
        `instant identity, ${name}: face joint distances vs the source × head scale, median error ` +
          `${pct(faceErrors[Math.floor(faceErrors.length / 2)] ?? NaN)}, 90th percentile ${pct(p90)} (as MediaPipe sees them)`,
      );
      const own = drawInstantPose(prepared, identityTarget(rig, rig.cutout), rig.cutout);
      const { psnr, covered } = identity(rig.cutout, own.image);
      console.log(
        `instant identity, ${name}: the identity pose vs the cut-out, PSNR inside the mask ${psnr.toFixed(1)} dB ` +
          `(goal ≥ 30: ${(psnr / 30).toFixed(2)}×, 90 dB means exact), covering ${pct(covered)} of the cut-out`,
      );
    }
  } finally {
    await detector.close();
  }
}

export const instantFidelityFigure: Figure = {
  name: "instant fidelity",
  needs: [CHROMIUM, WEB_BUILD],
  run: benchInstantFidelity,
};

await runIfMain(import.meta.url, instantFidelityFigure);
