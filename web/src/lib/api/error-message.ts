import { t } from "$lib/i18n/i18n.svelte";
import { ApiRequestError } from "./client";

/** What to tell the user about a failed call: the server's message, or ours when it gave none. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) {
    if (err.code === "network_error") return t("error.network");
    return err.message || t("error.generic");
  }
  return t("error.generic");
}
