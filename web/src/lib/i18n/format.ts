// Dates and times in the UI's language (Indonesian writes 30/11/2026 21.30, English 11/30/2026 9:30 PM).
import { i18n } from "./i18n.svelte";

/** A moment as date and time, in the UI's language. */
export const formatDateTime = (iso: string | number | Date) => new Date(iso).toLocaleString(i18n.locale);

/** A moment's time of day (hours and minutes), in the UI's language. */
export const formatTime = (iso: string | number | Date) =>
  new Date(iso).toLocaleTimeString(i18n.locale, { hour: "2-digit", minute: "2-digit" });

/** An amount in US dollars in the UI's language, to the cent (to a tenth of a cent under a dollar). */
export function formatUsd(usd: number) {
  const digits = usd < 1 ? 3 : 2;
  return new Intl.NumberFormat(i18n.locale, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(usd);
}
