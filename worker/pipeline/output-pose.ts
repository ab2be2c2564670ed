import { readOpenPose } from "../../shared/pose/openpose-json";
import type { Pose } from "../../shared/pose/model";
import { letterboxPose } from "../../shared/pose/transform";
import type { PoseContext } from "./pose-context";

/** The template's pose on the output image (letterboxed to the generation's size). */
export function outputPose(ctx: PoseContext): Pose {
  return letterboxPose(readOpenPose(JSON.parse(ctx.template.keypointsJson)).pose, ctx.size.width, ctx.size.height);
}
