// The live setup check GET /api/v1/providers?check=true runs: ComfyUI answers, and has every node
// and model file the pose workflows (SD and HD) and the inpainting workflow name — the same check
// a first run makes (check-setup.ts), its problems listed instead of thrown.
import { ProviderError } from "../provider";
import type { CommonProviderSettings } from "../vendor";
import type { SetupProblem } from "../setup-problem";
import { checkSetup, SetupIncomplete } from "./check-setup";
import { ComfyClient } from "./client";
import { inpaintingFile } from "./inpainting";
import { poseFiles } from "./pose";
import { WORKFLOWS } from "./workflow";
import { comfyTarget, type ComfyUiSettings } from ".";

/** Each problem in plain words (what to install or set); empty when ComfyUI has everything. */
export async function probeComfyUi(s: ComfyUiSettings, { timeoutMs }: CommonProviderSettings): Promise<SetupProblem[]> {
  const target = comfyTarget(s);
  if (!target) return [];
  const client = new ComfyClient(target, Date.now() + timeoutMs, AbortSignal.timeout(timeoutMs));
  const checks = [
    checkSetup(client, "poseTxt2img", WORKFLOWS.poseTxt2img, poseFiles(s, "sd")),
    checkSetup(client, "poseTxt2img", WORKFLOWS.poseTxt2img, poseFiles(s, "hd")),
    checkSetup(client, "inpaint", WORKFLOWS.inpaint, [inpaintingFile(s, 512, 768)]),
  ];
  // The SD and HD checks often find the same problems: each is said once.
  const problems = new Map<string, SetupProblem>();
  for (const result of await Promise.allSettled(checks))
    if (result.status === "rejected") {
      const problem = said(result.reason, target.baseUrl);
      problems.set(problem.en, problem);
    }
  return [...problems.values()];
}

/** A failed check in each language: the setup's own problems, or ComfyUI not answering as it should. */
function said(reason: unknown, baseUrl: string): SetupProblem {
  if (reason instanceof SetupIncomplete) return reason.problem;
  const en = reason instanceof ProviderError ? reason.message : String(reason);
  return {
    en,
    id: `ComfyUI di ${baseUrl} tidak menjawab sebagaimana mestinya: periksa COMFYUI_URL, COMFYUI_TOKEN, dan bahwa servernya berjalan.`,
  };
}
