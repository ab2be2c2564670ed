// Where a placed drawing lands: its four corners in the picture, and the placement moved (and if
// need be shrunk) so that all of it lies inside the picture.
import { ASSET_PIVOT, type AccessoryAsset, type Placement } from "./anchors";

interface Size {
  width: number;
  height: number;
}

/** The asset's corners in picture pixels, after scaling to `placement.width` and turning by its angle. */
export function placementCorners(placement: Placement, asset: Size): (readonly [number, number])[] {
  const pivot = ASSET_PIVOT[placement.asset as AccessoryAsset];
  const scale = placement.width / asset.width;
  const [w, h] = [asset.width * scale, asset.height * scale];
  const [cos, sin] = [Math.cos(placement.angle), Math.sin(placement.angle)];
  return [
    [0, 0],
    [w, 0],
    [0, h],
    [w, h],
  ].map(([x, y]) => {
    const dx = x! - pivot.x * w;
    const dy = y! - pivot.y * h;
    return [placement.x + dx * cos - dy * sin, placement.y + dx * sin + dy * cos] as const;
  });
}

/**
 * The placement moved the least so that the whole drawing (and `margin` px round it) lies inside
 * the picture, shrunk first when it is larger than the picture. A hat on a head near the top edge
 * slides down onto the head instead of being cut off.
 */
export function keepInside(placement: Placement, asset: Size, picture: Size, margin = 2): Placement {
  const box = (p: Placement) => {
    const c = placementCorners(p, asset);
    const xs = c.map((k) => k[0]);
    const ys = c.map((k) => k[1]);
    return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
  };
  const b = box(placement);
  const fit = Math.min(
    1,
    (picture.width - 2 * margin) / (b.maxX - b.minX),
    (picture.height - 2 * margin) / (b.maxY - b.minY),
  );
  const sized = fit < 1 ? { ...placement, width: placement.width * fit } : placement;
  const s = box(sized);
  const shift = (min: number, max: number, side: number) =>
    min < margin ? margin - min : max > side - margin ? side - margin - max : 0;
  return {
    ...sized,
    x: sized.x + shift(s.minX, s.maxX, picture.width),
    y: sized.y + shift(s.minY, s.maxY, picture.height),
  };
}
