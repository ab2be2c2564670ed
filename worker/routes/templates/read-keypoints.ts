import { ZodError } from "zod";
import { OpenPoseError, readOpenPose, writeOpenPose } from "../../../shared/pose/openpose-json";
import type { Pose } from "../../../shared/pose/model";
import { ApiError } from "../../errors";

/** Checks OpenPose JSON from a request; the 400 names what is wrong. */
export function readKeypoints(json: unknown): Pose {
  try {
    const { pose } = readOpenPose(json);
    if (pose.people.length === 0) throw new OpenPoseError("the pose has no people");
    return pose;
  } catch (err) {
    if (err instanceof OpenPoseError)
      throw new ApiError(400, "invalid_keypoints", `Invalid keypoints: ${err.message}.`);
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      const first = issues[0];
      throw new ApiError(
        400,
        "invalid_keypoints",
        `Invalid keypoints: ${first ? `${first.path || "keypoints"}: ${first.message}` : "not OpenPose JSON"}.`,
        issues,
      );
    }
    throw err;
  }
}

/** Stored form: canonical OpenPose JSON, pixel coordinates, missing points as 0,0,0. */
export const storedKeypoints = (pose: Pose) => JSON.stringify(writeOpenPose(pose));
