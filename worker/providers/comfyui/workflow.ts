// The ComfyUI workflows we queue, kept as API-format JSON files in ./workflows (each names the
// example it follows): a graph (`prompt`), the node that saves the result (`output`), and named
// slots, each a [node id, input name] the adapter fills in.
import inpaint from "./workflows/inpaint.json";
import poseDetect from "./workflows/pose-detect.json";
import poseImg2img from "./workflows/pose-img2img.json";
import poseTxt2img from "./workflows/pose-txt2img.json";

/** One node of an API-format graph (Comfy-Org/ComfyUI script_examples/basic_api_example.py:9-95). */
export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
}

export interface Workflow {
  /** Which example or source the graph follows. */
  follows: string;
  /** The node whose /history output is the result (SaveImage's images, a pose estimator's openpose_json). */
  output: string;
  slots: Record<string, [string, string]>;
  prompt: Record<string, ComfyNode>;
}

// JSON imports type slots as string[]; the files hold [node id, input] pairs.
const load = (json: unknown) => json as Workflow;

export const WORKFLOWS = {
  poseTxt2img: load(poseTxt2img),
  poseImg2img: load(poseImg2img),
  inpaint: load(inpaint),
  poseDetect: load(poseDetect),
};
export type WorkflowName = keyof typeof WORKFLOWS;

/** A copy of the workflow's graph with every given slot filled in; an unknown slot is a bug. */
export function fillWorkflow(workflow: Workflow, values: Record<string, unknown>): Record<string, ComfyNode> {
  const prompt = structuredClone(workflow.prompt);
  for (const [slot, value] of Object.entries(values)) {
    const [node, input] = slotOf(workflow, slot);
    prompt[node]!.inputs[input] = value;
  }
  return prompt;
}

/** The node class and input name behind a slot, e.g. checkpoint → CheckpointLoaderSimple.ckpt_name. */
export function slotInput(workflow: Workflow, slot: string): { nodeClass: string; input: string } {
  const [node, input] = slotOf(workflow, slot);
  return { nodeClass: workflow.prompt[node]!.class_type, input };
}

/** Every node class the workflow needs, each once. */
export const nodeClasses = (workflow: Workflow) => [
  ...new Set(Object.values(workflow.prompt).map((n) => n.class_type)),
];

function slotOf(workflow: Workflow, slot: string): [string, string] {
  const target = workflow.slots[slot];
  if (!target || !workflow.prompt[target[0]]) throw new Error(`workflow has no slot "${slot}"`);
  return target;
}
