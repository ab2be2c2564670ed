// Before a workflow first runs in this isolate: ComfyUI has every node it uses, and each model
// file we name is among its loader's options (GET /object_info/{class}, server.py:639-645;
// the options are the combo list, e.g. CheckpointLoaderSimple.ckpt_name = [[files in
// models/checkpoints], {…}], nodes.py:559-575, 788-791). A miss is a setup error in plain words.
import { ProviderError } from "../provider";
import { joinProblems, type SetupProblem } from "../setup-problem";
import type { ComfyClient, NodeInfo } from "./client";
import { nodeClasses, slotInput, type Workflow } from "./workflow";

/** A model file a workflow slot names, and where it comes from. */
export interface ModelFile {
  slot: string;
  file: string;
  /** "checkpoint", "ControlNet" */
  what: string;
  /** The folder under ComfyUI/models it belongs in. */
  folder: string;
  /** The setting that names it. */
  setting: string;
}

// Per isolate: a setup found good is not asked again; a failed check is asked again next time.
const checked = new Map<string, Promise<void>>();

/** Resolves when ComfyUI has what the workflow needs; else a not_configured ProviderError. */
export function checkSetup(client: ComfyClient, name: string, workflow: Workflow, files: ModelFile[]): Promise<void> {
  const key = JSON.stringify([client.baseUrl, name, files.map((f) => f.file)]);
  let check = checked.get(key);
  if (!check) {
    check = runCheck(client, name, workflow, files);
    checked.set(key, check);
    check.catch(() => checked.delete(key));
  }
  return check;
}

async function runCheck(client: ComfyClient, name: string, workflow: Workflow, files: ModelFile[]) {
  const classes = nodeClasses(workflow);
  const infos = new Map<string, NodeInfo | null>();
  await Promise.all(classes.map(async (c) => infos.set(c, await client.nodeInfo(c))));
  const problems: SetupProblem[] = classes
    .filter((c) => !infos.get(c))
    .map((c) => ({
      en: `ComfyUI has no node '${c}' (the ${name} workflow uses it); update ComfyUI or install the custom node that provides it.`,
      id: `ComfyUI tidak punya node '${c}' (dipakai alur kerja ${name}); perbarui ComfyUI atau pasang custom node yang menyediakannya.`,
    }));
  for (const f of files) {
    const { nodeClass, input } = slotInput(workflow, f.slot);
    const info = infos.get(nodeClass);
    if (!info) continue;
    if (!comboOptions(info, input).includes(f.file))
      problems.push({
        en: `ComfyUI has no ${f.what} '${f.file}' (${nodeClass}.${input}); put it in models/${f.folder} or set ${f.setting}.`,
        id: `ComfyUI tidak punya berkas ${f.what} '${f.file}' (${nodeClass}.${input}); taruh di models/${f.folder} atau isi ${f.setting}.`,
      });
  }
  if (problems.length > 0) throw new SetupIncomplete(joinProblems(problems));
}

/** ComfyUI lacks a node or model file the workflow needs: the problems in each language. */
export class SetupIncomplete extends ProviderError {
  constructor(readonly problem: SetupProblem) {
    super("not_configured", problem.en, "comfyui");
  }
}

/** A combo input's options: the first element of its [options, config] tuple. */
function comboOptions(info: NodeInfo, input: string): unknown[] {
  const spec = info.input.required?.[input] ?? info.input.optional?.[input];
  return Array.isArray(spec?.[0]) ? (spec[0] as unknown[]) : [];
}
