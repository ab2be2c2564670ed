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

/** A hat shrinks to at most this share of its size before it is moved off its anchor. */
const MIN_SCALE = 0.6;

/**
 * The placement brought wholly inside the picture (and `margin` px from its edges): first shrunk
 * round its anchor (down to MIN_SCALE, or further if larger than the picture), then moved the
 * least for what is still outside. A hat on a head near the top edge becomes smaller and stays
 * on the forehead instead of being cut off, or of sliding down over the eyes.
 */
export function keepInside(placement: Placement, asset: Size, picture: Size, margin = 2): Placement {
  const box = (p: Placement) => {
    const c = placementCorners(p, asset);
    const xs = c.map((k) => k[0]);
    const ys = c.map((k) => k[1]);
    return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
  };
  const b = box(placement);
  const { x, y } = placement;
  // The scale round the anchor at which each side would fit (1 where it already does).
  const fitSide = (anchor: number, edge: number, limit: number) =>
    (edge - anchor) * (limit - anchor) > 0 && Math.abs(edge - anchor) > Math.abs(limit - anchor)
      ? Math.max(0, (limit - anchor) / (edge - anchor))
      : 1;
  const wanted = Math.min(
    fitSide(x, b.minX, margin),
    fitSide(x, b.maxX, picture.width - margin),
    fitSide(y, b.minY, margin),
    fitSide(y, b.maxY, picture.height - margin),
  );
  const whole = Math.min(
    1,
    (picture.width - 2 * margin) / (b.maxX - b.minX),
    (picture.height - 2 * margin) / (b.maxY - b.minY),
  );
  const scale = Math.min(whole, Math.max(wanted, MIN_SCALE));
  const sized = scale < 1 ? { ...placement, width: placement.width * scale } : placement;
  const s2 = box(sized);
  const shift = (min: number, max: number, side: number) =>
    min < margin ? margin - min : max > side - margin ? side - margin - max : 0;
  return {
    ...sized,
    x: sized.x + shift(s2.minX, s2.maxX, picture.width),
    y: sized.y + shift(s2.minY, s2.maxY, picture.height),
  };
}
