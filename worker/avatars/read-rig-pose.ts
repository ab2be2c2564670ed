// The `pose` field of an avatar upload or PUT …/rig: OpenPose JSON in any flavour the importer
// reads (a form value or a .json file), one person, brought onto the photo's pixels.
import { OpenPoseError, readOpenPose } from "../../shared/pose/openpose-json";
import { emptyPerson, type PosePerson } from "../../shared/pose/model";
import { ApiError } from "../errors";

/** OpenPose JSON of one person is a few kB; anything near this is not a pose. */
export const MAX_POSE_BYTES = 256 * 1024;
/** The pose's canvas may differ from the photo's size (a scaled copy), not from its shape. */
const ASPECT_TOLERANCE = 0.02;

const invalid = (reason: string) => new ApiError(400, "invalid_pose", `pose: ${reason}.`);

async function text(field: string | File): Promise<string> {
  const size = typeof field === "string" ? new TextEncoder().encode(field).byteLength : field.size;
  if (size > MAX_POSE_BYTES)
    throw new ApiError(413, "pose_too_large", `pose: the OpenPose JSON is larger than ${MAX_POSE_BYTES / 1024} kB.`);
  return typeof field === "string" ? field : field.text();
}

/**
 * Reads the pose field against the photo it belongs to (width × height, upright): the file's
 * own canvas wins and is scaled onto the photo; a file without one is taken to be on the photo.
 * Only the body points are kept (hands follow the wrists). A 4xx names the field and the reason.
 */
export async function readRigPose(field: string | File, photo: { width: number; height: number }): Promise<PosePerson> {
  let json: unknown;
  try {
    json = JSON.parse(await text(field));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw invalid(`not JSON (${(err as Error).message})`);
  }
  let pose;
  try {
    pose = readOpenPose(json, { canvas: photo }).pose;
  } catch (err) {
    if (err instanceof OpenPoseError) throw invalid(err.message);
    throw err;
  }
  const people = pose.people.filter((p) => p.body.some((point) => point !== null));
  if (people.length === 0) throw invalid("the pose has no person with body points");
  if (people.length > 1)
    throw new ApiError(
      422,
      "pose_several_people",
      `pose: it holds ${people.length} people; send the avatar's own pose only.`,
    );
  const [sx, sy] = [photo.width / pose.canvasWidth, photo.height / pose.canvasHeight];
  if (Math.abs(sx / sy - 1) > ASPECT_TOLERANCE)
    throw new ApiError(
      422,
      "pose_canvas_mismatch",
      `pose: its canvas is ${pose.canvasWidth}×${pose.canvasHeight}, not the shape of the photo (${photo.width}×${photo.height}).`,
    );
  const person = emptyPerson();
  person.body = people[0]!.body.map((p) => (p ? { x: p.x * sx, y: p.y * sy, c: p.c } : null));
  return person;
}
