// The FAKE's AUTOMATIC1111 / Forge + sd-webui-controlnet server (a test and demo tool). Each
// behaviour follows the real server's source, cited beside it:
//   A1111 = AUTOMATIC1111/stable-diffusion-webui @2fec94710bbba31b282fe123b198068aef38df21
//   FORGE = lllyasviel/stable-diffusion-webui-forge @dfdcbab685e57677014f05a3309b48cc87383167
//   CN    = Mikubill/sd-webui-controlnet @56cec5b2958edf3b1807b7e7b2b1b5186dbd2f81
// A server's installed models come from the URL: /a1111/<setup>/… (see SETUPS), and the bare
// root speaks as the "standard" setup, so tests can stand up differently equipped servers.
import { findJoints } from "./find-joints";

/** One checkpoint as `GET /sdapi/v1/sd-models` lists it (A1111 modules/api/models.py SDModelItem; FORGE modules/api/api.py L727). */
interface Checkpoint {
  title: string;
  model_name: string;
  hash: string;
  sha256: string;
  filename: string;
  config: string | null;
}

const checkpoint = (file: string, hash: string): Checkpoint => ({
  title: `${file} [${hash}]`,
  model_name: file.replace(/\.[^.]+$/, ""),
  hash,
  sha256: hash.padEnd(64, "0"),
  filename: `/models/Stable-diffusion/${file}`,
  config: null,
});

const SD15 = checkpoint("v1-5-pruned-emaonly.safetensors", "6ce0161689");
const SDXL = checkpoint("sd_xl_base_1.0.safetensors", "31e35c80fc");
// `cn_models` keys are "name [hash]" (CN scripts/global_state.py L84-89).
const CN_SD15 = "control_v11p_sd15_openpose [cab727d4]";
const CN_SDXL = "thibaud_xl_openpose [c7b9cadd]";
// IP-Adapter models sit in models/ControlNet and are listed with the others.
const IP_SD15 = "ip-adapter_sd15 [6a3f6166]";
const IP_SDXL = "ip-adapter_xl [4209e9f7]";

interface Setup {
  checkpoints: Checkpoint[];
  /** null: sd-webui-controlnet is not installed, so its routes are FastAPI's 404. */
  controlnet: string[] | null;
}

export const SETUPS: Record<string, Setup> = {
  standard: { checkpoints: [SD15, SDXL], controlnet: [CN_SD15, CN_SDXL, IP_SD15, IP_SDXL] },
  "sd15-only": { checkpoints: [SD15], controlnet: [CN_SD15] },
  "no-controlnet": { checkpoints: [SD15, SDXL], controlnet: null },
};

/** A1111's error body (A1111 modules/api/api.py api_middleware.handle_exception; FORGE L167-181). */
export const a1111Error = (error: string, errors: string, detail = "") => ({ error, detail, body: "", errors });

/** FastAPI's answer for a route that does not exist. */
const NOT_FOUND = { detail: "Not Found" };

type Reply = { status: number; body: unknown };

/** Which setup a path speaks for, and the path inside it. */
export function a1111Route(pathname: string): { setup: Setup; name: string; path: string } | null {
  const m = /^\/a1111\/([\w-]+)(\/.*)$/.exec(pathname);
  const name = m ? m[1]! : "standard";
  const setup = SETUPS[name];
  if (!setup) return null;
  const path = m ? m[2]! : pathname;
  return path.startsWith("/sdapi/") || path.startsWith("/controlnet/") ? { setup, name, path } : null;
}

/** The loaded checkpoint per setup: the server keeps the last one a request switched to. */
const loaded = new Map<string, Checkpoint>();

/** `GET` routes: the model lists the adapter checks before its first run. */
export function a1111Get(route: { setup: Setup; path: string }): Reply {
  // GET /sdapi/v1/sd-models → list[SDModelItem] (A1111 modules/api/api.py get_sd_models; FORGE L227, L727).
  if (route.path === "/sdapi/v1/sd-models") return { status: 200, body: route.setup.checkpoints };
  // GET /controlnet/model_list → {"model_list": [...]} (CN scripts/api.py L54-58), 404 when the extension is absent.
  if (route.path === "/controlnet/model_list")
    return route.setup.controlnet
      ? { status: 200, body: { model_list: route.setup.controlnet } }
      : { status: 404, body: NOT_FOUND };
  // GET /controlnet/version → {"version": 3} (CN scripts/api.py L50-52).
  if (route.path === "/controlnet/version" && route.setup.controlnet) return { status: 200, body: { version: 3 } };
  return { status: 404, body: NOT_FOUND };
}

/** SD version guessed from a name, as sd-webui-controlnet does for ControlNet models (CN scripts/enums.py L47-61). */
function versionOf(name: string): "SD1x" | "SDXL" | null {
  const n = name.toLowerCase();
  if (n.includes("xl")) return "SDXL";
  if (/sd1[456]|v1-5/.test(n)) return "SD1x";
  return null;
}

interface Unit {
  enabled?: boolean;
  model?: string;
  module?: string;
}

/**
 * What `POST /sdapi/v1/txt2img` does before drawing: switch the checkpoint named in
 * `override_settings`, look up each enabled ControlNet unit's model, check it fits the checkpoint.
 * Null when it would draw; otherwise the error reply.
 */
export function a1111Check(
  route: { setup: Setup; name: string },
  payload: { override_settings?: { sd_model_checkpoint?: unknown }; alwayson_scripts?: Record<string, unknown> },
): Reply | null {
  const { setup } = route;
  // An unknown checkpoint name is silently dropped and the loaded model used (A1111 modules/processing.py
  // process_images; FORGE modules/processing.py L825-826); a known title, model_name or file name switches.
  const wanted = payload.override_settings?.sd_model_checkpoint;
  const match = setup.checkpoints.find(
    (c) => wanted === c.title || wanted === c.model_name || wanted === c.filename.split("/").pop(),
  );
  if (match) loaded.set(route.name, match);
  const current = loaded.get(route.name) ?? setup.checkpoints[0]!;
  const scripts = payload.alwayson_scripts ?? {};
  // An always-on script that is not installed → 422 "always on script {name} not found" (A1111 api.py init_script_args).
  if ("controlnet" in scripts && !setup.controlnet)
    return {
      status: 422,
      body: a1111Error(
        "HTTPException",
        "422: always on script controlnet not found",
        "always on script controlnet not found",
      ),
    };
  const units = ((scripts.controlnet as { args?: Unit[] } | undefined)?.args ?? []).filter((u) => u.enabled);
  for (const unit of units) {
    if (!unit.model || unit.model === "None")
      // CN scripts/controlnet.py L445-446.
      return { status: 500, body: a1111Error("RuntimeError", "You have not selected any ControlNet Model.") };
    // Lookup by the full "name [hash]" key or the lower-cased name (CN scripts/controlnet.py L76-89, L453-454).
    const found = setup.controlnet!.find(
      (m) => m === unit.model || m.split(" [")[0]!.toLowerCase() === unit.model!.toLowerCase(),
    );
    if (!found) return { status: 500, body: a1111Error("RuntimeError", "model not found: None") };
    const [cn, sd] = [versionOf(found), versionOf(current.title)];
    if (cn && sd && cn !== sd)
      // CN scripts/controlnet.py L826-827: a plain Exception, so A1111 answers 500.
      return {
        status: 500,
        body: a1111Error(
          "Exception",
          `ControlNet model ${found}(StableDiffusionVersion.${cn}) is not compatible with sd model(StableDiffusionVersion.${sd})`,
        ),
      };
  }
  return null;
}

/** The loaded checkpoint's title, for the request record. */
export const loadedCheckpoint = (name: string) => (loaded.get(name) ?? SETUPS[name]?.checkpoints[0])?.title ?? null;

/** What img2img adds to txt2img: the starting picture and how much it may change. */
export interface A1111Start {
  /** The first init image (base64), null on txt2img. */
  initImage: string | null;
  /** denoising_strength as the server takes it, null on txt2img. */
  strength: number | null;
  /** The server's refusal, when it would not start. */
  error: Reply | null;
}

/**
 * `POST /sdapi/v1/img2img`'s own checks before the shared ones: no `init_images` → 404 "Init image
 * not found" (A1111 modules/api/api.py img2imgapi); an entry that is not an image → 500 "Invalid
 * encoded image" (api.py decode_base64_to_image); `denoising_strength` unset → 0.75 (models.py
 * StableDiffusionImg2ImgProcessingAPI).
 */
export function a1111Start(path: string, payload: Record<string, unknown>): A1111Start {
  const none = { initImage: null, strength: null };
  if (path !== "/sdapi/v1/img2img") return { ...none, error: null };
  const images = payload.init_images;
  if (!Array.isArray(images))
    return {
      ...none,
      error: { status: 404, body: a1111Error("HTTPException", "404: Init image not found", "Init image not found") },
    };
  const first = String(images[0] ?? "").replace(/^data:image\/[\w+]+;base64,/, "");
  const bytes = Buffer.from(first, "base64");
  // PNG or JPEG magic: what PIL would open here.
  const isImage = (bytes[0] === 0x89 && bytes[1] === 0x50) || (bytes[0] === 0xff && bytes[1] === 0xd8);
  if (!isImage)
    return {
      ...none,
      error: { status: 500, body: a1111Error("HTTPException", "500: Invalid encoded image", "Invalid encoded image") },
    };
  const strength = typeof payload.denoising_strength === "number" ? payload.denoising_strength : 0.75;
  return { initImage: first, strength, error: null };
}

// sd-webui-controlnet's preprocessor labels the fake knows (CN scripts/preprocessor/legacy/preprocessor_compiled.py).
const MODULES = [
  "none",
  "openpose",
  "openpose_face",
  "openpose_faceonly",
  "openpose_full",
  "openpose_hand",
  "dw_openpose_full",
];
const pad64 = (x: number) => Math.ceil(x / 64) * 64;

/**
 * `POST /controlnet/detect` (CN scripts/api.py L99-200): 422 "Module not available" for an unknown
 * module, 422 "No image selected" without images (HTTPExceptions, so A1111's error body with their
 * status); else {info: "Success", images, poses} — poses only for modules named "openpose…". The
 * picture is scaled so its short side is controlnet_processor_res and padded to multiples of 64
 * (scripts/preprocessor/legacy/processor.py L34-51); the dict's canvas is the padded picture, DWPose
 * points in its pixels, the other openpose points in 0–1 of it (annotator/openpose/__init__.py
 * L136-175, L319-450). The fake finds the skeleton it drew (find-joints.ts) and answers the
 * picture it read in place of the pose map it would draw.
 */
export function a1111Detect(setup: Setup, payload: Record<string, unknown>): Reply {
  if (!setup.controlnet) return { status: 404, body: NOT_FOUND };
  const module = String(payload.controlnet_module ?? "none");
  const refuse = (detail: string) => ({ status: 422, body: a1111Error("HTTPException", `422: ${detail}`, detail) });
  if (!MODULES.includes(module)) return refuse("Module not available");
  const images = Array.isArray(payload.controlnet_input_images) ? (payload.controlnet_input_images as string[]) : [];
  if (images.length === 0) return refuse("No image selected");
  const res = Number(payload.controlnet_processor_res) > 0 ? Number(payload.controlnet_processor_res) : 512;
  const poses = images.map((image) => {
    const found = findJoints(Buffer.from(image.replace(/^data:image\/[\w+]+;base64,/, ""), "base64"));
    const k = res / Math.min(found.canvas_width, found.canvas_height);
    const width = pad64(Math.round(found.canvas_width * k));
    const height = pad64(Math.round(found.canvas_height * k));
    const [sx, sy] = module.startsWith("dw_") ? [k, k] : [k / width, k / height];
    const people = found.people.map((p) => ({
      ...p,
      pose_keypoints_2d: p.pose_keypoints_2d.map((v, i) => (i % 3 === 0 ? v * sx : i % 3 === 1 ? v * sy : v)),
    }));
    return { people, animals: [], canvas_height: height, canvas_width: width };
  });
  return { status: 200, body: { info: "Success", ...(module.includes("openpose") ? { poses } : {}), images } };
}
