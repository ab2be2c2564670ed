// A shown run's built-in pose names follow the UI's language: read again from the API (which names
// them in the language asked) whenever the language changes.
import { untrack } from "svelte";
import { call, client } from "$lib/api/client";
import { i18n } from "$lib/i18n/i18n.svelte";

/**
 * From a component's setup: whenever the language changes, reads the run `shownId()` names again
 * and hands its pose names to `rename` (nothing while no run is shown).
 */
export function namesFollowLanguage(
  shownId: () => string | undefined,
  rename: (id: string, names: Record<string, string>) => void,
) {
  $effect(() => {
    void i18n.locale;
    const id = untrack(shownId);
    if (!id) return;
    call(client.v1.generations[":id"].$get({ param: { id }, query: {} }))
      .then((g) => g.poseNames && rename(id, g.poseNames))
      .catch(() => {});
  });
}
