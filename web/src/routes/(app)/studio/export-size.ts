// The marketplace sizes the studio offers for downloads, and the URLs that ask the API for them.
import { EXPORT_ASPECTS, type ExportAspect, type ExportFit } from "$shared/export/marketplace-frame";
import { withQuery } from "./image-url";

/** "original" (as generated) or one of the shops' aspect ratios. */
export type SizeChoice = "original" | ExportAspect;
export const SIZE_CHOICES: readonly SizeChoice[] = ["original", ...EXPORT_ASPECTS];

/** `url` (an image's or the ZIP's) asking for `size` in `fit`, as an attachment when `download`. */
export function sizedUrl(url: string, size: SizeChoice, fit: ExportFit, download = false): string {
  return withQuery(url, {
    ...(size !== "original" ? { aspect: size, fit } : {}),
    ...(download ? { download: "1" } : {}),
  });
}
