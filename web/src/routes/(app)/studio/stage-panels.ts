// The studio's stage panels, found by convention: stages/<stage name>/Panel.svelte, its module
// exporting `initial` (the settings before the user picks anything). A stage without a panel
// (the pose stage: the poses are picked on their own page) has no settings to show.
import type { Component } from "svelte";
import { STAGES, type AnyStage } from "$shared/stages";

interface PanelModule {
  default: Component<{ value: unknown }>;
  initial: unknown;
}

const modules = import.meta.glob<PanelModule>("./stages/*/Panel.svelte", { eager: true });

export interface StagePanel {
  stage: AnyStage & { field: string };
  Panel: PanelModule["default"];
  initial: unknown;
}

/** The panels in the stages' order. */
export const STAGE_PANELS: StagePanel[] = (STAGES as readonly AnyStage[]).flatMap((stage) => {
  const module = modules[`./stages/${stage.name}/Panel.svelte`];
  if (!module || stage.field === null) return [];
  return [{ stage: stage as StagePanel["stage"], Panel: module.default, initial: module.initial }];
});

/** Each panel's settings as the request's fields: only those set. */
export const requestFields = (settings: Record<string, unknown>) =>
  Object.fromEntries(
    STAGE_PANELS.filter((p) => settings[p.stage.name] != null).map((p) => [p.stage.field, settings[p.stage.name]]),
  );
