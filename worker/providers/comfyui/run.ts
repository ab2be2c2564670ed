// One ComfyUI run, the same for poses and inpainting: check the setup (once per isolate), upload
// the pictures, queue the filled-in workflow, wait for it by polling /history, download the
// result, and when asked, estimate the pose in it. Everything within the provider timeout.
import { ProviderError, type ProviderImage } from "../provider";
import { checkSetup, type ModelFile } from "./check-setup";
import { ComfyClient, type ComfyTarget } from "./client";
import { detectComfyPose } from "./detect-pose";
import { waitFor } from "./wait-for-prompt";
import { fillWorkflow, WORKFLOWS, type WorkflowName } from "./workflow";

const NAME = "comfyui";
const PNG = [0x89, 0x50, 0x4e, 0x47];

export interface ComfyRun {
  workflow: WorkflowName;
  files: ModelFile[];
  /** Pictures to upload, by slot: the slot gets the name ComfyUI gave the file. */
  uploads: Record<string, { bytes: Uint8Array; contentType: string }>;
  /** Every other slot's value. */
  values: Record<string, unknown>;
  /** What the result records as its model. */
  model: string;
  timeoutMs: number;
  signal?: AbortSignal;
  traceId?: string;
  /** Estimate the pose in the result with ComfyUI's DWPose node (COMFYUI_DETECT_POSES). */
  detect?: boolean;
}

/** Runs a workflow on ComfyUI and returns its PNG. */
export async function runComfyWorkflow(target: ComfyTarget, run: ComfyRun): Promise<ProviderImage> {
  const client = new ComfyClient(target, Date.now() + run.timeoutMs, run.signal, run.traceId);
  const workflow = WORKFLOWS[run.workflow];
  await checkSetup(client, run.workflow, workflow, run.files);
  const id = crypto.randomUUID();
  const names: Record<string, string> = {};
  for (const [slot, image] of Object.entries(run.uploads)) {
    const ext = image.contentType === "image/png" ? "png" : image.contentType === "image/webp" ? "webp" : "jpg";
    names[slot] = await client.upload(image.bytes, `avatar-pose-${id}-${slot}.${ext}`, image.contentType);
  }
  const files = Object.fromEntries(run.files.map((f) => [f.slot, f.file]));
  const prompt = fillWorkflow(workflow, { ...run.values, ...files, ...names });
  await client.queue(prompt, `avatar-pose-${id}`, id);
  const entry = await waitFor(client, id, run.timeoutMs);
  const image = entry.outputs[workflow.output]?.images?.[0];
  if (!image) throw new ProviderError("bad_response", "ComfyUI finished the workflow without an image.", NAME);
  const bytes = await client.view(image);
  if (!PNG.every((b, i) => bytes[i] === b))
    throw new ProviderError("bad_response", `ComfyUI's ${image.filename} is not a PNG.`, NAME);
  const detection = run.detect ? await detectComfyPose(client, image) : undefined;
  return { bytes, contentType: "image/png", model: run.model, ...(detection ? { detection } : {}) };
}
