// The FAKE ComfyUI's nodes — a test tool. Each node declares what ComfyUI's own node declares
// (INPUT_TYPES / RETURN_TYPES / OUTPUT_NODE), so /object_info and the validation in
// comfyui-validate.ts answer what the real server does. Sources:
// Comfy-Org/ComfyUI@a125cd84b054a57729b5eecab930ca9408719832 nodes.py, comfy/samplers.py, server.py.

/** What the combo lists come from: the instance's model folders and uploaded files. */
export interface NodeWorld {
  checkpoints: string[];
  controlnets: string[];
  inputs: string[];
  /** Files in the output folder, which LoadImage reads as "name [output]". */
  outputs: string[];
}

export type InputType = string | ((w: NodeWorld) => string[]);
export type InputSpec = [InputType, Record<string, unknown>?];
export interface FakeNode {
  required: Record<string, InputSpec>;
  optional?: Record<string, InputSpec>;
  output: string[];
  outputNode?: boolean;
  category: string;
  /** Inputs checked by the node's VALIDATE_INPUTS instead of the combo list (execution.py:866). */
  validate?: Record<string, (value: unknown, w: NodeWorld) => string | true>;
}

// comfy/samplers.py:730-734 (KSAMPLER_NAMES) + 1054 (SAMPLER_NAMES) and 1063-1074 (SCHEDULER_NAMES).
// prettier-ignore
const SAMPLERS = ["euler", "euler_cfg_pp", "euler_ancestral", "euler_ancestral_cfg_pp", "heun", "heunpp2", "dpm_2", "dpm_2_ancestral", "lms", "dpm_fast", "dpm_adaptive", "dpmpp_2s_ancestral", "dpmpp_2s_ancestral_cfg_pp", "dpmpp_sde", "dpmpp_sde_gpu", "dpmpp_2m", "dpmpp_2m_cfg_pp", "dpmpp_2m_sde", "dpmpp_2m_sde_gpu", "dpmpp_2m_sde_heun", "dpmpp_2m_sde_heun_gpu", "dpmpp_3m_sde", "dpmpp_3m_sde_gpu", "ddpm", "lcm", "ipndm", "ipndm_v", "deis", "res_multistep", "res_multistep_cfg_pp", "res_multistep_ancestral", "res_multistep_ancestral_cfg_pp", "gradient_estimation", "gradient_estimation_cfg_pp", "er_sde", "seeds_2", "seeds_3", "sa_solver", "sa_solver_pece", "ddim", "uni_pc", "uni_pc_bh2"];
const SCHEDULERS = [
  "simple",
  "sgm_uniform",
  "karras",
  "exponential",
  "ddim_uniform",
  "beta",
  "normal",
  "linear_quadratic",
  "kl_optimal",
];
const MAX_RESOLUTION = 16384; // nodes.py:52
// LoadImage / LoadImageMask VALIDATE_INPUTS (nodes.py:1692-1697, 1748-1753): the file exists,
// "name [output]" / "[input]" naming another folder (folder_paths.py:176-211 annotated_filepath).
function imageExists(v: unknown, w: NodeWorld): string | true {
  const name = String(v);
  const output = /^(.*) \[output\]$/.exec(name);
  const found = output ? w.outputs.includes(output[1]!) : w.inputs.includes(name.replace(/ \[input\]$/, ""));
  return found || `Invalid image file: ${name}`;
}

// comfyui_controlnet_aux's pose estimators (Fannovel16/comfyui_controlnet_aux@e8b689a513c3e6b63edc44066560ca5919c0576e
// node_wrappers/dwpose.py, openpose.py): `image` required, the rest optional (utils.py
// define_preprocessor_inputs; INPUT.COMBO defaults to its first value, INPUT.RESOLUTION is
// INT 512, 64–16384 step 64); RETURN_TYPES ("IMAGE", "POSE_KEYPOINT").
const RESOLUTION: InputSpec = ["INT", { default: 512, min: 64, max: MAX_RESOLUTION, step: 64 }];
const enableDisable: InputSpec = [() => ["enable", "disable"], { default: "enable" }];
const poseEstimator = (extra: Record<string, InputSpec>): FakeNode => ({
  required: { image: ["IMAGE"] },
  optional: {
    detect_hand: enableDisable,
    detect_body: enableDisable,
    detect_face: enableDisable,
    resolution: RESOLUTION,
    ...extra,
    scale_stick_for_xinsr_cn: [() => ["disable", "enable"], { default: "disable" }],
  },
  output: ["IMAGE", "POSE_KEYPOINT"],
  category: "ControlNet Preprocessors/Faces and Poses Estimators",
});

export const NODES: Record<string, FakeNode> = {
  // nodes.py:559-575
  CheckpointLoaderSimple: {
    required: { ckpt_name: [(w) => w.checkpoints, { tooltip: "The name of the checkpoint (model) to load." }] },
    output: ["MODEL", "CLIP", "VAE"],
    category: "loaders",
  },
  // nodes.py:54-63
  CLIPTextEncode: {
    required: { text: ["STRING", { multiline: true }], clip: ["CLIP"] },
    output: ["CONDITIONING"],
    category: "conditioning",
  },
  // nodes.py:788-791
  ControlNetLoader: {
    required: { control_net_name: [(w) => w.controlnets] },
    output: ["CONTROL_NET"],
    category: "loaders",
  },
  // nodes.py:853-869
  ControlNetApplyAdvanced: {
    required: {
      positive: ["CONDITIONING"],
      negative: ["CONDITIONING"],
      control_net: ["CONTROL_NET"],
      image: ["IMAGE"],
      strength: ["FLOAT", { default: 1.0, min: 0.0, max: 10.0, step: 0.01 }],
      start_percent: ["FLOAT", { default: 0.0, min: 0.0, max: 1.0, step: 0.001 }],
      end_percent: ["FLOAT", { default: 1.0, min: 0.0, max: 1.0, step: 0.001 }],
    },
    optional: { vae: ["VAE"] },
    output: ["CONDITIONING", "CONDITIONING"],
    category: "conditioning/controlnet",
  },
  // nodes.py:1630-1643
  LoadImage: {
    required: { image: [(w) => [...w.inputs].sort(), { image_upload: true }] },
    output: ["IMAGE", "MASK"],
    category: "image",
    validate: { image: imageExists },
  },
  // nodes.py:1706-1741
  LoadImageMask: {
    required: {
      image: [(w) => [...w.inputs].sort(), { image_upload: true }],
      channel: [() => ["alpha", "red", "green", "blue"]],
    },
    output: ["MASK"],
    category: "mask",
    validate: { image: imageExists },
  },
  // nodes.py:1164-1175
  EmptyLatentImage: {
    required: {
      width: ["INT", { default: 512, min: 16, max: MAX_RESOLUTION, step: 8 }],
      height: ["INT", { default: 512, min: 16, max: MAX_RESOLUTION, step: 8 }],
      batch_size: ["INT", { default: 1, min: 1, max: 4096 }],
    },
    output: ["LATENT"],
    category: "latent",
  },
  // nodes.py:1499-1515
  KSampler: {
    required: {
      model: ["MODEL"],
      seed: ["INT", { default: 0, min: 0, max: 0xffffffffffffffff }],
      steps: ["INT", { default: 20, min: 1, max: 10000 }],
      cfg: ["FLOAT", { default: 8.0, min: 0.0, max: 100.0 }],
      sampler_name: [() => SAMPLERS],
      scheduler: [() => SCHEDULERS],
      positive: ["CONDITIONING"],
      negative: ["CONDITIONING"],
      latent_image: ["LATENT"],
      denoise: ["FLOAT", { default: 1.0, min: 0.0, max: 1.0 }],
    },
    output: ["LATENT"],
    category: "sampling",
  },
  VAEEncode: { required: { pixels: ["IMAGE"], vae: ["VAE"] }, output: ["LATENT"], category: "latent" }, // nodes.py:333-340
  VAEDecode: { required: { samples: ["LATENT"], vae: ["VAE"] }, output: ["IMAGE"], category: "latent" }, // nodes.py:278-288
  // nodes.py:404-418
  InpaintModelConditioning: {
    required: {
      positive: ["CONDITIONING"],
      negative: ["CONDITIONING"],
      vae: ["VAE"],
      pixels: ["IMAGE"],
      mask: ["MASK"],
      noise_mask: ["BOOLEAN", { default: true }],
    },
    output: ["CONDITIONING", "CONDITIONING", "LATENT"],
    category: "conditioning/inpaint",
  },
  DWPreprocessor: poseEstimator({
    bbox_detector: [
      () => [
        "None",
        "yolox_l.torchscript.pt",
        "yolox_l.onnx",
        "yolo_nas_l_fp16.onnx",
        "yolo_nas_m_fp16.onnx",
        "yolo_nas_s_fp16.onnx",
      ],
      { default: "yolox_l.onnx" },
    ],
    pose_estimator: [
      () => ["dw-ll_ucoco_384_bs5.torchscript.pt", "dw-ll_ucoco_384.onnx", "dw-ll_ucoco.onnx"],
      { default: "dw-ll_ucoco_384_bs5.torchscript.pt" },
    ],
  }),
  OpenposePreprocessor: poseEstimator({}),
  // nodes.py:1616-1628: SaveImage into the temp folder.
  PreviewImage: { required: { images: ["IMAGE"] }, output: [], outputNode: true, category: "image" },
  // nodes.py:1561-1583
  SaveImage: {
    required: { images: ["IMAGE"], filename_prefix: ["STRING", { default: "ComfyUI" }] },
    output: [],
    outputNode: true,
    category: "image",
  },
};

/** GET /object_info/{class}'s entry (server.py:598-625). */
export function nodeInfo(name: string, w: NodeWorld) {
  const node = NODES[name]!;
  const spec = (inputs: Record<string, InputSpec>) =>
    Object.fromEntries(
      Object.entries(inputs).map(([k, [t, cfg]]) => [k, [typeof t === "function" ? t(w) : t, ...(cfg ? [cfg] : [])]]),
    );
  const input = { required: spec(node.required), ...(node.optional ? { optional: spec(node.optional) } : {}) };
  return {
    input,
    input_order: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Object.keys(v)])),
    output: node.output,
    output_is_list: node.output.map(() => false),
    output_name: node.output,
    name,
    display_name: name,
    description: "",
    python_module: "nodes",
    category: node.category,
    output_node: node.outputNode === true,
  };
}
