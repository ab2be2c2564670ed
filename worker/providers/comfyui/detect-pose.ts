// The pose in a ComfyUI result, estimated by ComfyUI itself: a second, small workflow
// (workflows/pose-detect.json) reads the stored result as "name [output]", runs comfyui_controlnet_aux's
// DWPreprocessor on it and reports its keypoints as the node's ui `openpose_json`: one string,
// json.dumps of a list with one OpenPose dict per frame, body points in pixels of the picture
// (Fannovel16/comfyui_controlnet_aux@e8b689a513c3e6b63edc44066560ca5919c0576e node_wrappers/dwpose.py,
// src/custom_controlnet_aux/dwpose/__init__.py:183-213). A separate run, so that a server without
// the node pack, or an estimator that fails, costs the score and never the picture.
import type { Pose } from "../../../shared/pose/model";
import { detectedPose } from "../detected-pose";
import { checkSetup } from "./check-setup";
import type { ComfyClient, ImageRef } from "./client";
import { waitFor } from "./wait-for-prompt";
import { fillWorkflow, WORKFLOWS } from "./workflow";

/** The pose DWPose finds in `image` (an output of this server), or undefined when it could not say. */
export async function detectComfyPose(client: ComfyClient, image: ImageRef): Promise<Pose | undefined> {
  const workflow = WORKFLOWS.poseDetect;
  try {
    await checkSetup(client, "poseDetect", workflow, []);
    const id = crypto.randomUUID();
    const name = `${image.subfolder ? `${image.subfolder}/` : ""}${image.filename} [${image.type}]`;
    await client.queue(fillWorkflow(workflow, { image: name }), `avatar-pose-${id}`, id);
    const entry = await waitFor(client, id, Math.max(0, client.deadline - Date.now()));
    const text = entry.outputs[workflow.output]?.openpose_json?.[0];
    return typeof text === "string" ? detectedPose(JSON.parse(text)) : undefined;
  } catch (err) {
    console.warn(`ComfyUI could not estimate the pose in ${image.filename}: ${String((err as Error)?.message ?? err)}`);
    return undefined;
  }
}
