// Data the API words in the caller's language (ledger notes, setup problems) is read again when
// the UI's language changes, so a page never mixes the two.
import { untrack } from "svelte";
import { i18n } from "./i18n.svelte";

/** From a component's setup: runs `load` now and again whenever the UI's language changes. */
export function loadInLanguage(load: () => void) {
  $effect(() => {
    void i18n.locale;
    untrack(load);
  });
}
