import type { Pose } from "../pose/model";
import { drawControlNetSkeleton, type DrawOptions } from "./draw-controlnet";
import { encodePng } from "./png";

/** The ControlNet skeleton PNG for a pose. The API, the CLI and the pipeline all call this. */
export function renderSkeletonPng(pose: Pose, options: DrawOptions = {}): Uint8Array<ArrayBuffer> {
  return encodePng(drawControlNetSkeleton(pose, options));
}
