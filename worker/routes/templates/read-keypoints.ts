import type { OpenPoseQuery } from "../../../shared/api/templates";
import { OpenPoseError, readOpenPose, writeOpenPose } from "../../../shared/pose/openpose-json";
import type { Pose } from "../../../shared/pose/model";
import { ApiError } from "../../errors";

/** Checks OpenPose JSON from a request (with its ?width=&height=&frame=); the 400 names what is wrong. */
export function readKeypoints(json: unknown, query: OpenPoseQuery = {}): Pose {
  const { width, height, frame } = query;
  try {
    const { pose } = readOpenPose(json, {
      ...(width !== undefined && height !== undefined ? { canvas: { width, height } } : {}),
      ...(frame !== undefined ? { frame } : {}),
    });
    if (pose.people.length === 0) throw new OpenPoseError("the pose has no people");
    return pose;
  } catch (err) {
    if (err instanceof OpenPoseError)
      throw new ApiError(400, "invalid_keypoints", `Invalid keypoints: ${err.message}.`);
    throw err;
  }
}

/** Stored form: canonical OpenPose JSON, pixel coordinates, missing points as 0,0,0. */
export const storedKeypoints = (pose: Pose) => JSON.stringify(writeOpenPose(pose));
