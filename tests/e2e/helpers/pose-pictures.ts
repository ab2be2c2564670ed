// Pixel checks for generated pose pictures: where the person must be and which skeleton they must
// follow (the instant engine run again on the avatar's rig as the API serves it: it is
// deterministic, so this is the skeleton and mask the Worker drew), their colours against the
// cut-out's, and how far two pictures differ.
import type { OutputSize } from "../../../shared/instant/contract";
import { drawInstantPose } from "../../../shared/instant/draw-pose";
import { prepareRig } from "../../../shared/instant/prepare-rig";
import { retargetPose } from "../../../shared/instant/retarget";
import type { PosePerson } from "../../../shared/pose/model";
import { readOpenPose } from "../../../shared/pose/openpose-json";
import { letterboxPose } from "../../../shared/pose/transform";
import type { Mask } from "../../../shared/raster/mask";
import type { Rgba } from "../../../shared/raster/rgba";
import { decodeRgba } from "../../../worker/images/rgba";

/** What one pose must show: the person's mask and the skeleton the engine drew, and the template's. */
export interface ExpectedPose {
  mask: Mask;
  drawn: PosePerson;
  template: PosePerson;
}

/**
 * The engine's drawing of each template on the avatar's rig (the rig image PNG and its OpenPose
 * JSON, as GET …/rig serves them), the template letterboxed to the output size as the pipeline does.
 */
export function expectedPoses(rigPng: Uint8Array, rigPose: unknown, templates: unknown[], size: OutputSize) {
  const person = readOpenPose(rigPose).pose.people[0];
  if (!person) throw new Error("the rig has no person");
  const prepared = prepareRig({ cutout: decodeRgba(rigPng), pose: person });
  return templates.map((keypoints): ExpectedPose => {
    const target = letterboxPose(readOpenPose(keypoints).pose, size.width, size.height);
    const picture = drawInstantPose(prepared, retargetPose(person, target, size), size);
    return { mask: picture.mask, drawn: picture.skeleton.people[0]!, template: target.people[0]! };
  });
}

/** Colour levels per channel of the histograms (4³ = 64 bins: tolerant of JPEG and resampling). */
const LEVELS = 4;

/** The normalised colour histogram of the pixels `inside` picks (by pixel index). */
export function colourHistogram(image: Rgba, inside: (pixel: number) => boolean): Float64Array {
  const bins = new Float64Array(LEVELS ** 3);
  const q = (v: number) => Math.min(LEVELS - 1, Math.floor((v * LEVELS) / 256));
  let n = 0;
  for (let p = 0; p < image.width * image.height; p++) {
    if (!inside(p)) continue;
    const i = p * 4;
    bins[q(image.data[i]!) * LEVELS * LEVELS + q(image.data[i + 1]!) * LEVELS + q(image.data[i + 2]!)]! += 1;
    n++;
  }
  if (n > 0) for (let b = 0; b < bins.length; b++) bins[b]! /= n;
  return bins;
}

/** Histogram intersection: 1 when two colour distributions are the same, 0 when they share no colour. */
export function histogramIntersection(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.min(a[i]!, b[i]!);
  return sum;
}

/** The share of the picked pixels that are the strong blue of messi5's shirt stripes. */
export function shirtBlueShare(image: Rgba, inside: (pixel: number) => boolean): number {
  let blue = 0;
  let n = 0;
  for (let p = 0; p < image.width * image.height; p++) {
    if (!inside(p)) continue;
    const [r, g, b] = [image.data[p * 4]!, image.data[p * 4 + 1]!, image.data[p * 4 + 2]!];
    if (b > 80 && b > r + 40 && b > g + 25) blue++;
    n++;
  }
  return n ? blue / n : 0;
}

/** Mean absolute difference of two same-sized pictures' RGB, 0–255. */
export function meanAbsoluteDifference(a: Rgba, b: Rgba): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let k = 0; k < 3; k++) sum += Math.abs(a.data[i + k]! - b.data[i + k]!);
  }
  return sum / ((a.data.length / 4) * 3);
}
