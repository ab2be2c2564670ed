// The FAKE ComfyUI's prompt validation — a test tool: what ComfyUI's validate_prompt answers for
// the checks our workflows can reach, error objects word for word. Source:
// Comfy-Org/ComfyUI@a125cd84b054a57729b5eecab930ca9408719832 execution.py.
import { NODES, type NodeWorld } from "./comfyui-nodes";

export interface ComfyError {
  type: string;
  message: string;
  details: string;
  extra_info: Record<string, unknown>;
}
type Graph = Record<string, { class_type?: string; inputs?: Record<string, unknown> }>;

/** validate_prompt (execution.py:966-1073): [ok, error, good outputs, node_errors]. */
export function validatePrompt(prompt: Graph, w: NodeWorld, has: (name: string) => boolean) {
  const outputs: string[] = [];
  for (const [id, node] of Object.entries(prompt)) {
    // execution.py:969-976 and 978-987
    if (!node.class_type)
      return fail({
        type: "invalid_prompt",
        message: "Cannot execute because a node is missing the class_type property.",
        details: `Node ID '#${id}'`,
        extra_info: {},
      });
    if (!has(node.class_type))
      return fail({
        type: "invalid_prompt",
        message: `Cannot execute because node ${node.class_type} does not exist.`,
        details: `Node ID '#${id}'`,
        extra_info: {},
      });
    if (NODES[node.class_type]!.outputNode) outputs.push(id);
  }
  // execution.py:993-1000
  if (outputs.length === 0)
    return fail({ type: "prompt_no_outputs", message: "Prompt has no outputs", details: "", extra_info: {} });
  const validated = new Map<string, ComfyError[]>();
  const nodeErrors: Record<string, { errors: ComfyError[]; dependent_outputs: string[]; class_type: string }> = {};
  const good: string[] = [];
  const failed: ComfyError[] = [];
  for (const o of outputs) {
    if (validateInputs(prompt, o, w, validated)) {
      good.push(o);
      continue;
    }
    // execution.py:1033-1054: only nodes with their own reasons are listed.
    for (const [id, reasons] of validated) {
      if (reasons.length === 0) continue;
      failed.push(...reasons.filter((r) => !failed.includes(r)));
      nodeErrors[id] ??= { errors: reasons, dependent_outputs: [], class_type: prompt[id]!.class_type! };
      nodeErrors[id].dependent_outputs.push(o);
    }
  }
  if (good.length === 0) {
    // execution.py:1057-1071
    const details = failed.map((e) => `${e.message}: ${e.details}`).join("\n");
    const error = {
      type: "prompt_outputs_failed_validation",
      message: "Prompt outputs failed validation",
      details,
      extra_info: {},
    };
    return { ok: false as const, error, outputs: good, nodeErrors };
  }
  return { ok: true as const, error: null, outputs: good, nodeErrors };
}

const fail = (error: ComfyError) => ({ ok: false as const, error, outputs: [] as string[], nodeErrors: {} });
const pyList = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

/** validate_inputs (execution.py:721-958) for the checks our nodes reach; true when valid. */
function validateInputs(prompt: Graph, id: string, w: NodeWorld, validated: Map<string, ComfyError[]>): boolean {
  if (validated.has(id)) return validated.get(id)!.length === 0 && !upstreamBad(prompt, id, validated);
  const node = NODES[prompt[id]!.class_type!]!;
  const inputs = prompt[id]!.inputs ?? {};
  const errors: ComfyError[] = [];
  validated.set(id, errors);
  let valid = true;
  const specs = { ...node.required, ...node.optional };
  for (const [x, [type, cfg = {}]] of Object.entries(specs)) {
    const val = inputs[x];
    const info = [typeof type === "function" ? type(w) : type, cfg];
    if (val === undefined) {
      if (x in node.required)
        errors.push({
          type: "required_input_missing",
          message: "Required input is missing",
          details: x,
          extra_info: { input_name: x },
        });
      continue;
    }
    if (Array.isArray(val)) {
      const [from, slot] = val as [string, number];
      const received = NODES[prompt[from]?.class_type ?? ""]?.output[slot];
      if (val.length !== 2 || received === undefined) {
        errors.push({
          type: "bad_linked_input",
          message: "Bad linked input, must be a length-2 list of [node_id, slot_index]",
          details: x,
          extra_info: { input_name: x, input_config: info, received_value: val },
        });
      } else if (received !== type) {
        errors.push({
          type: "return_type_mismatch",
          message: "Return type mismatch between linked nodes",
          details: `${x}, received_type(${received}) mismatch input_type(${String(type)})`,
          extra_info: { input_name: x, input_config: info, received_type: received, linked_node: val },
        });
      } else if (!validateInputs(prompt, from, w, validated)) valid = false;
      continue;
    }
    const custom = node.validate?.[x];
    if (custom) {
      // execution.py:923-950: VALIDATE_INPUTS answers a string → custom_validation_failed.
      const r = custom(val, w);
      if (r !== true)
        errors.push({
          type: "custom_validation_failed",
          message: "Custom validation failed for node",
          details: `${x} - ${r}`,
          extra_info: { input_name: x },
        });
      continue;
    }
    const n = Number(val);
    if (typeof cfg.min === "number" && n < cfg.min)
      errors.push({
        type: "value_smaller_than_min",
        message: `Value ${n} smaller than min of ${cfg.min}`,
        details: x,
        extra_info: { input_name: x, input_config: info, received_value: val },
      });
    else if (typeof cfg.max === "number" && n > cfg.max)
      errors.push({
        type: "value_bigger_than_max",
        message: `Value ${n} bigger than max of ${cfg.max}`,
        details: x,
        extra_info: { input_name: x, input_config: info, received_value: val },
      });
    else if (typeof type === "function") {
      // execution.py:895-920: a value not among the combo options.
      const options = type(w);
      if (!options.includes(String(val))) {
        const long = options.length > 20;
        errors.push({
          type: "value_not_in_list",
          message: "Value not in list",
          details: `${x}: '${String(val)}' not in ${long ? `(list of length ${options.length})` : pyList(options)}`,
          extra_info: { input_name: x, input_config: long ? null : info, received_value: val },
        });
      }
    }
  }
  return valid && errors.length === 0;
}

function upstreamBad(prompt: Graph, id: string, validated: Map<string, ComfyError[]>): boolean {
  return Object.values(prompt[id]!.inputs ?? {}).some(
    (v) => Array.isArray(v) && validated.has(String(v[0])) && validated.get(String(v[0]))!.length > 0,
  );
}
