// How close a cut-out's edge is to a reference mask's: the boundary F-score (edge pixels of one
// within a few pixels of the other's, both ways) and the IoU inside a band around the reference
// edge, where cut-outs differ (the body and the far background are easy for every model).

/** One 0–255 alpha value per pixel, row by row. */
export interface AlphaMask {
  width: number;
  height: number;
  alpha: Uint8Array;
}

export interface BoundaryQuality {
  /** Boundary F-score at `tolerance` px, 0–1. */
  f: number;
  /** Intersection over union of the person (alpha ≥ 128) within `band` px of the reference edge, 0–1. */
  bandIou: number;
}

/** The pixels on the person's edge: inside (alpha ≥ 128) with a 4-neighbour outside. */
function edges({ width, height, alpha }: AlphaMask): Uint8Array {
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height ? alpha[y * width + x]! >= 128 : false;
  const edge = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      edge[y * width + x] = +(
        inside(x, y) &&
        (!inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1))
      );
  return edge;
}

/** Chessboard distance (in px, capped at `cap`) from each pixel to the nearest set pixel of `edge`. */
function distanceTo(edge: Uint8Array, width: number, height: number, cap: number): Uint8Array {
  let dist = Uint8Array.from(edge, (e) => (e ? 0 : cap));
  // `cap` dilation passes: cheap at these sizes and exact for the chessboard metric.
  for (let step = 1; step < cap; step++) {
    const next = dist.slice();
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        if (dist[y * width + x]! < cap) continue;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && dist[ny * width + nx] === step - 1)
              next[y * width + x] = step;
          }
      }
    dist = next;
  }
  return dist;
}

/** Boundary F-score and edge-band IoU of `mask` against `reference` (same size). */
export function boundaryQuality(mask: AlphaMask, reference: AlphaMask, tolerance = 2, band = 6): BoundaryQuality {
  const { width, height } = reference;
  if (mask.width !== width || mask.height !== height) throw new Error("masks differ in size");
  const cap = Math.max(tolerance, band) + 1;
  const ours = edges(mask);
  const theirs = edges(reference);
  const toOurs = distanceTo(ours, width, height, cap);
  const toTheirs = distanceTo(theirs, width, height, cap);
  let [ourEdge, ourHit, refEdge, refHit, both, either] = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < width * height; i++) {
    if (ours[i]) (ourEdge++, (ourHit += +(toTheirs[i]! <= tolerance)));
    if (theirs[i]) (refEdge++, (refHit += +(toOurs[i]! <= tolerance)));
    if (toTheirs[i]! <= band) {
      const a = mask.alpha[i]! >= 128;
      const b = reference.alpha[i]! >= 128;
      both += +(a && b);
      either += +(a || b);
    }
  }
  const precision = ourEdge ? ourHit / ourEdge : 0;
  const recall = refEdge ? refHit / refEdge : 0;
  return {
    f: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    bandIou: either ? both / either : 1,
  };
}

/** Intersection over union of the person (alpha ≥ 128) over the whole picture, 0–1. */
export function maskIou(mask: AlphaMask, reference: AlphaMask): number {
  if (mask.width !== reference.width || mask.height !== reference.height) throw new Error("masks differ in size");
  let [both, either] = [0, 0];
  for (let i = 0; i < mask.alpha.length; i++) {
    const a = mask.alpha[i]! >= 128;
    const b = reference.alpha[i]! >= 128;
    both += +(a && b);
    either += +(a || b);
  }
  return either ? both / either : 1;
}
