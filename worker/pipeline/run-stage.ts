// A shared stage (shared/stages/) run by the Worker on one pose: its settings read from the
// generation, its tools bound to the pose.
import type { AnyStage } from "../../shared/stages";
import type { PoseContext } from "./pose-context";
import { stageTools } from "./stage-tools";

/** The generation's settings by stage name. */
const settingsOf = (ctx: PoseContext) => ctx.generation.stageSettings ?? {};

/** Whether `stage` runs for this pose's generation. */
export function stageApplies(stage: AnyStage, ctx: PoseContext): boolean {
  const all = settingsOf(ctx);
  return stage.applies(all[stage.name] ?? null, all);
}

/** Runs `stage` on this pose; it leaves its image as the pose's current one. */
export async function runStage(stage: AnyStage, ctx: PoseContext): Promise<void> {
  const all = settingsOf(ctx);
  // A stage may run without settings of its own (the background behind a theme): null, not a parse error.
  const own = stage.settings && all[stage.name] != null ? stage.settings.parse(all[stage.name]) : null;
  await stage.run(own, stageTools(ctx, stage), all);
}
