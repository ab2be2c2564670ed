// What the FAKE ComfyUI's pose estimators report — a test tool. comfyui_controlnet_aux's
// DWPreprocessor / OpenposePreprocessor return {"ui": {"openpose_json": [json.dumps(list of one
// OpenPose dict per frame, indent=4)]}} (Fannovel16/comfyui_controlnet_aux@e8b689a513c3e6b63edc44066560ca5919c0576e
// node_wrappers/dwpose.py, openpose.py), and ComfyUI keeps every node's ui in /history under its
// node id (Comfy-Org/ComfyUI@a125cd84 execution.py:506-517, 708-718). DWPose writes body points
// in pixels of the picture it read, the canvas its size (src/custom_controlnet_aux/dwpose/__init__.py:183-213, 264-288).
import { findJoints } from "./find-joints";

type Graph = Record<string, { class_type?: string; inputs?: Record<string, unknown> }>;

/** A LoadImage name's file: "name [output]" from the output folder, else the input folder (folder_paths.py:176-201). */
export function annotatedFile(
  folders: { inputs: Map<string, Uint8Array>; outputs: Map<string, Uint8Array> },
  name: string,
): Uint8Array | undefined {
  const output = /^(.*) \[output\]$/.exec(name);
  return output ? folders.outputs.get(output[1]!) : folders.inputs.get(name.replace(/ \[input\]$/, ""));
}

/** The file the graph's first LoadImage reads. */
export function loadedImage(prompt: Graph, load: (name: string) => Uint8Array | undefined): Uint8Array | undefined {
  const node = Object.values(prompt).find((n) => n.class_type === "LoadImage");
  return node ? load(String(node.inputs?.image)) : undefined;
}

/** The ui of each pose estimator in the graph, by node id. */
export function poseEstimates(prompt: Graph, load: (name: string) => Uint8Array | undefined): Record<string, unknown> {
  const results: Record<string, unknown> = {};
  for (const [id, node] of Object.entries(prompt)) {
    if (node.class_type !== "DWPreprocessor" && node.class_type !== "OpenposePreprocessor") continue;
    const image = loadedImage(prompt, load);
    if (image) results[id] = { openpose_json: [JSON.stringify([findJoints(image)], null, 4)] };
  }
  return results;
}
