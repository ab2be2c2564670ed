// The query that asks for a result (or a ZIP of them) in a marketplace's aspect ratio.
import { z } from "zod";
import { EXPORT_ASPECTS, EXPORT_FITS } from "../export/marketplace-frame";

/** `?aspect=1:1|3:4|4:5|9:16&fit=pad|crop`: no aspect, the original image; `fit` defaults to `pad`. */
export const ExportSizeQuery = z.object({
  aspect: z.enum(EXPORT_ASPECTS, { error: `aspect must be one of ${EXPORT_ASPECTS.join(", ")}` }).optional(),
  fit: z.enum(EXPORT_FITS, { error: `fit must be ${EXPORT_FITS.join(" or ")}` }).default("pad"),
});
export type ExportSizeQuery = z.infer<typeof ExportSizeQuery>;
