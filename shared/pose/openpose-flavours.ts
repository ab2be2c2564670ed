// OpenPose JSON written for the tool that will read it (docs/openpose-flavours.md). The tools drop
// every point whose confidence is below 1.0 and read hidden joints by their own marker, so exports
// for them carry visible joints at 1.0 and hidden ones as 0,0,0, in pixels; `native` keeps ours.
import type { Pose, Slot } from "./model";
import { writeOpenPose } from "./openpose-json";

export const OPENPOSE_FLAVOURS = ["editor", "a1111", "comfyui", "native"] as const;
export type OpenPoseFlavour = (typeof OPENPOSE_FLAVOURS)[number];

/** A part as the tools write it: visible joints `x, y, 1.0`, hidden ones `0, 0, 0`. */
const forTools = (slots: Slot[]) => slots.flatMap((p) => (p ? [p.x, p.y, 1] : [0, 0, 0]));
const part = (slots: Slot[] | null) => (slots ? forTools(slots) : null);

/**
 * sd-webui-openpose-editor's document (src/App.vue L955-966, src/Openpose.ts L277-290, L701-711):
 * people with a visible joint, key order pose, right hand, left hand, face, absent parts left out.
 */
function editorDocument(pose: Pose) {
  return {
    people: pose.people
      .filter((p) => [...p.body, ...(p.leftHand ?? []), ...(p.rightHand ?? []), ...(p.face ?? [])].some(Boolean))
      .map((p) => ({
        pose_keypoints_2d: forTools(p.body),
        ...(p.rightHand ? { hand_right_keypoints_2d: forTools(p.rightHand) } : {}),
        ...(p.leftHand ? { hand_left_keypoints_2d: forTools(p.leftHand) } : {}),
        ...(p.face ? { face_keypoints_2d: forTools(p.face) } : {}),
      })),
    animals: [],
    canvas_width: pose.canvasWidth,
    canvas_height: pose.canvasHeight,
  };
}

/** The people of sd-webui-controlnet's `encode_poses_as_json` and ComfyUI's `encode_poses_as_dict`. */
const controlnetPeople = (pose: Pose) =>
  pose.people.map((p) => ({
    pose_keypoints_2d: forTools(p.body),
    face_keypoints_2d: part(p.face),
    hand_left_keypoints_2d: part(p.leftHand),
    hand_right_keypoints_2d: part(p.rightHand),
  }));

/** The pose as the chosen tool reads it back (a plain value, ready for JSON.stringify). */
export function writeOpenPoseFlavour(pose: Pose, flavour: OpenPoseFlavour): unknown {
  switch (flavour) {
    case "editor":
      return editorDocument(pose);
    case "a1111":
      // annotator/openpose/__init__.py L136-175; pixels, since its reader takes a part with any
      // coordinate outside [0, 1] as pixels (util.is_normalized).
      return {
        people: controlnetPeople(pose),
        animals: [],
        canvas_height: pose.canvasHeight,
        canvas_width: pose.canvasWidth,
      };
    case "comfyui":
      // A POSE_KEYPOINT list of one frame (comfyui_controlnet_aux dwpose/__init__.py L183-213).
      return [{ people: controlnetPeople(pose), canvas_height: pose.canvasHeight, canvas_width: pose.canvasWidth }];
    case "native":
      return writeOpenPose(pose);
  }
}
