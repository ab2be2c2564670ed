// Draws placed drawings (accessories, theme props) onto a stage image.
import type { Placement } from "../../shared/fashion/anchors";
import { drawPlacement } from "../../shared/fashion/composite";
import { keepInside } from "../../shared/fashion/placement-box";
import { isPng } from "../../shared/images/is-png";
import { accessoryImage } from "../fashion/accessory-images";
import { decodeRgba, encodeJpeg, encodePng } from "../images/rgba";
import type { PoseContext } from "./pose-context";

/** The image with every placement drawn on; PNG stays PNG (transparency kept), else JPEG. */
export async function drawPlacements(
  ctx: PoseContext,
  bytes: Uint8Array,
  placements: Placement[],
): Promise<Uint8Array> {
  if (placements.length === 0) return bytes;
  const target = decodeRgba(bytes);
  for (const placement of placements) {
    const asset = await accessoryImage(ctx.env, placement.asset);
    drawPlacement(target, asset, placement.keepInside ? keepInside(placement, asset, target) : placement);
  }
  return isPng(bytes) ? encodePng(target) : encodeJpeg(target);
}
