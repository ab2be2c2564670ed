// The studio's form as the user left it, kept in this tab (sessionStorage, like the picked poses)
// so that going to "Pick poses" and back, or reloading, does not reset it.
import type { GenerationState } from "$shared/api/generations";
import { INSTANT_PROVIDER } from "$shared/api/providers";
import { settingsByStage } from "$shared/stages";
import { STAGE_PANELS } from "./stage-panels";

const KEY = "studio-draft";

export interface StudioDraft {
  avatarId: string;
  quality: "sd" | "hd";
  prompt: string;
  engine: "ai" | "instant";
  initStrength: number | null;
  /** Each stage panel's settings, by stage name. */
  settings: Record<string, unknown>;
}

/** Each panel's settings before the user picks anything. */
export const initialSettings = (): Record<string, unknown> =>
  Object.fromEntries(STAGE_PANELS.map((p) => [p.stage.name, structuredClone(p.initial ?? null)]));

const blank = (): StudioDraft => ({
  avatarId: "",
  quality: "sd",
  prompt: "",
  engine: "ai",
  initStrength: null,
  settings: initialSettings(),
});

/** The draft kept in this tab, or the blank form; a stored draft that does not parse is dropped. */
export function loadDraft(): StudioDraft {
  try {
    const stored = JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? "null") as Partial<StudioDraft> | null;
    if (!stored || typeof stored !== "object") return blank();
    const draft = { ...blank(), ...stored };
    return { ...draft, settings: { ...initialSettings(), ...(stored.settings ?? {}) } };
  } catch {
    return blank();
  }
}

/** Keeps the form for the rest of this tab's life. */
export function saveDraft(draft: StudioDraft) {
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify(draft));
}

/**
 * The form as a past run filled it: its avatar (unless deleted), quality, engine, strength and
 * each stage's settings; the prompt stays (a run keeps only the prompt it built from it).
 */
export function draftOf(g: GenerationState, current: StudioDraft): StudioDraft {
  const asked = settingsByStage(g);
  return {
    ...current,
    avatarId: g.avatarId ?? current.avatarId,
    quality: g.quality,
    engine: g.provider === INSTANT_PROVIDER ? "instant" : "ai",
    initStrength: g.initStrength ?? null,
    settings: Object.fromEntries(
      STAGE_PANELS.map((p) => [p.stage.name, asked[p.stage.name] ?? structuredClone(p.initial ?? null)]),
    ),
  };
}
