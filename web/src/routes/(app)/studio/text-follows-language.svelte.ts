// A shown run's built-in pose names and failure reasons follow the UI's language: read again from
// the API (which says them in the language asked) whenever the language changes.
import { untrack } from "svelte";
import type { GenerationState } from "$shared/api/generations";
import { call, client } from "$lib/api/client";
import { i18n } from "$lib/i18n/i18n.svelte";

/** What changes with the language in a shown run. */
export interface RunText {
  poseNames?: Record<string, string>;
  /** Each failed pose's reason, by template id. */
  errors: Record<string, string | null>;
}

/** The run `g` with its names and reasons taken from `text` (poses `text` does not know keep theirs). */
export function withRunText(g: GenerationState, text: RunText): GenerationState {
  return {
    ...g,
    poseNames: text.poseNames ?? g.poseNames,
    poses: g.poses.map((p) => (p.poseTemplateId in text.errors ? { ...p, error: text.errors[p.poseTemplateId]! } : p)),
  };
}

/**
 * From a component's setup: whenever the language changes, reads the run `shownId()` again and
 * hands its names and reasons to `retext` (nothing while no run is shown).
 */
export function textFollowsLanguage(shownId: () => string | undefined, retext: (id: string, text: RunText) => void) {
  $effect(() => {
    void i18n.locale;
    const id = untrack(shownId);
    if (!id) return;
    call(client.v1.generations[":id"].$get({ param: { id }, query: {} }))
      .then((g) =>
        retext(id, {
          poseNames: g.poseNames,
          errors: Object.fromEntries(g.poses.map((p) => [p.poseTemplateId, p.error])),
        }),
      )
      .catch(() => {});
  });
}
