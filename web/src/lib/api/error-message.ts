import { t } from "$lib/i18n/i18n.svelte";
import { ApiRequestError } from "./client";

/** What to tell the user about a failed call: the server's message, or ours when it gave none. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) {
    if (err.code === "network_error") return t("error.network");
    // Errors the UI can say in the user's language; the rest keep the server's (English) words.
    const details = (err.details ?? {}) as {
      retryAfterSeconds?: number;
      cost?: number;
      balance?: number;
      dailyPoseLimit?: number;
      posesToday?: number;
    };
    if (err.code === "provider_busy") return t("error.providerBusy", { seconds: details.retryAfterSeconds ?? 30 });
    if (err.code === "no_text_provider") return t("error.noTextProvider");
    if (err.code === "avatar_rig_missing") return t("error.avatarRigMissing");
    if (err.code === "insufficient_credits")
      return t("error.insufficientCredits", { cost: details.cost ?? "?", balance: details.balance ?? "?" });
    if (err.code === "daily_limit_reached")
      return t("error.dailyLimit", { limit: details.dailyPoseLimit ?? "?", used: details.posesToday ?? "?" });
    return err.message || t("error.generic");
  }
  return t("error.generic");
}
