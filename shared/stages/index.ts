// The pipeline's stages in the order every pose runs them, and what is derived from the list:
// the `?stage=` values, the generation's settings fields (request and response) and the
// stored settings. Adding a stage: its file here, one entry in STAGES, its studio panel
// (web/src/routes/studio/stages/<name>/Panel.svelte) and its strings.
import { z } from "zod";
import { backgroundStage } from "./background";
import { fashionStage } from "./fashion";
import { poseStage } from "./pose";
import type { AllSettings, Stage } from "./stage";
import { themeStage } from "./theme";

export const STAGES = [poseStage, fashionStage, backgroundStage, themeStage] as const;

/** Any stage of the list, its settings' type unknown. */
export type AnyStage = Stage<z.ZodType | null, string | null>;
export type StageName = (typeof STAGES)[number]["name"];

/** `?stage=` of a pose's image: `final` (the pose's result, the default) or an earlier stage's image. */
export const StageImage = z.enum(["final", ...STAGES.map((s) => s.image).filter((i) => i !== "final")]);
export type StageImage = z.infer<typeof StageImage>;

type WithSettings = Extract<(typeof STAGES)[number], { field: string; settings: z.ZodType }>;
type RequestFields = { [S in WithSettings as S["field"]]: z.ZodOptional<S["settings"]> };
type ResponseFields = { [S in WithSettings as S["field"]]: z.ZodOptional<z.ZodNullable<S["settings"]>> };

const withSettings = (STAGES as readonly AnyStage[]).filter(
  (s): s is AnyStage & { field: string; settings: z.ZodType } => s.field !== null && s.settings !== null,
);

/** The stages' settings as fields of POST /api/v1/generations, each optional. */
export const stageRequestFields = Object.fromEntries(
  withSettings.map((s) => [s.field, s.settings.optional()]),
) as RequestFields;

/** The stages' settings as a generation's fields in answers: null when not asked. */
export const stageResponseFields = Object.fromEntries(
  withSettings.map((s) => [s.field, s.settings.nullable().optional()]),
) as ResponseFields;

/** A generation's settings by stage name, from its API fields (or a stored row with the same names). */
export function settingsByStage(fields: Readonly<Record<string, unknown>>): AllSettings {
  return Object.fromEntries(withSettings.map((s) => [s.name, fields[s.field] ?? null]));
}

/** The stages a generation with these settings runs, in order. */
export const stagesFor = (all: AllSettings): AnyStage[] =>
  (STAGES as readonly AnyStage[]).filter((s) => s.applies(all[s.name] ?? null, all));

/**
 * A new generation's settings to store, by stage name: each stage's own, or null when not asked
 * or when they would do nothing on their own (fashion with nothing picked).
 */
export function storedSettings(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    withSettings.map((s) => {
      const value = fields[s.field] ?? null;
      return [s.name, value !== null && s.applies(value, {}) ? value : null];
    }),
  );
}

/** Stored settings (by stage name) as a generation's fields in answers. */
export const settingsFields = (stored: AllSettings) =>
  Object.fromEntries(withSettings.map((s) => [s.field, stored[s.name] ?? null])) as z.infer<
    z.ZodObject<ResponseFields>
  >;

/** The generation fields holding stage settings (fashionSettings, backgroundSettings, professionTheme). */
export const SETTINGS_FIELDS = withSettings.map((s) => s.field) as WithSettings["field"][];
