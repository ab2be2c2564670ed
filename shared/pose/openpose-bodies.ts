// OpenPose body layouts other than ControlNet's 18 points, mapped by part name
// (CMU-Perceptual-Computing-Lab/openpose@5c5d965, src/openpose/pose/poseParameters.cpp L7-55).
import { BODY_POINTS } from "./model";
import { OpenPoseError } from "./openpose-documents";

/**
 * BODY_25 index of each COCO-18 point: the same order without MidHip (8) and the six foot points
 * (19-24), which ControlNet does not draw.
 */
export const BODY_25_TO_COCO_18 = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18] as const;
const BODY_25_POINTS = 25;
const MPI_POINTS = 15;

/** A body's numbers in COCO-18 order (54 numbers), from COCO-18 or BODY_25; other layouts are refused by name. */
export function toCoco18(values: number[] | null, path: string): number[] | null {
  if (values === null || values.length === BODY_POINTS * 3) return values;
  if (values.length === BODY_25_POINTS * 3) return BODY_25_TO_COCO_18.flatMap((i) => values.slice(i * 3, i * 3 + 3));
  const expected = `${BODY_POINTS * 3} (COCO-18) or ${BODY_25_POINTS * 3} (BODY_25) numbers`;
  if (values.length === MPI_POINTS * 3)
    throw new OpenPoseError(
      `${path} has ${values.length} numbers, OpenPose's MPI body, which ControlNet does not draw: expected ${expected}`,
    );
  throw new OpenPoseError(`${path} has ${values.length} numbers: expected ${expected}`);
}
