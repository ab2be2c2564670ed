// The skeleton as SVG for browser previews and the editor: the same limbs, colours, 60 % limb
// dimming and joint sizes as the ControlNet image, drawn smooth (previews need no pixel
// exactness; the PNG sent to providers comes from draw-controlnet.ts).
import { BODY_COLORS, BODY_POINTS, DRAWN_LIMBS, HAND_EDGES, LIMBS, type Pose, type Slot } from "../pose/model";

const STICK_WIDTH = 4;
const HAND_HUES = HAND_EDGES.map((_, i) => Math.round((i / HAND_EDGES.length) * 360));

const rgb = (c: readonly number[], k = 1) => `rgb(${c.map((v) => Math.floor(v * k)).join(",")})`;
const num = (v: number) => Number(v.toFixed(2));

export interface SvgOptions {
  width?: number;
  height?: number;
  /** Draw the black background (false for overlays on a photo or camera). */
  background?: boolean;
}

/** SVG elements (no <svg> wrapper) for a pose scaled to width×height. */
export function skeletonSvgElements(
  pose: Pose,
  { width = pose.canvasWidth, height = pose.canvasHeight }: SvgOptions = {},
): string {
  const sx = width / pose.canvasWidth;
  const sy = height / pose.canvasHeight;
  const P = (p: NonNullable<Slot>) => ({ x: p.x * sx, y: p.y * sy });
  const parts: string[] = [];
  for (let i = 0; i < DRAWN_LIMBS; i++) {
    const [ia, ib] = LIMBS[i]!;
    for (const person of pose.people) {
      const a = person.body[ia];
      const b = person.body[ib];
      if (!a || !b) continue;
      const [p, q] = [P(a), P(b)];
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      const angle = (Math.atan2(q.y - p.y, q.x - p.x) * 180) / Math.PI;
      parts.push(
        `<ellipse cx="${num((p.x + q.x) / 2)}" cy="${num((p.y + q.y) / 2)}" rx="${num(length / 2)}" ry="${STICK_WIDTH}" ` +
          `transform="rotate(${num(angle)} ${num((p.x + q.x) / 2)} ${num((p.y + q.y) / 2)})" fill="${rgb(BODY_COLORS[i]!, 0.6)}"/>`,
      );
    }
  }
  for (let i = 0; i < BODY_POINTS; i++) {
    for (const person of pose.people) {
      const p = person.body[i];
      if (p) parts.push(`<circle cx="${num(P(p).x)}" cy="${num(P(p).y)}" r="4" fill="${rgb(BODY_COLORS[i]!)}"/>`);
    }
  }
  for (const person of pose.people) {
    for (const hand of [person.leftHand, person.rightHand]) {
      if (!hand) continue;
      HAND_EDGES.forEach(([a, b], i) => {
        const p = hand[a];
        const q = hand[b];
        if (p && q) {
          parts.push(
            `<line x1="${num(P(p).x)}" y1="${num(P(p).y)}" x2="${num(P(q).x)}" y2="${num(P(q).y)}" stroke="hsl(${HAND_HUES[i]},100%,50%)" stroke-width="2"/>`,
          );
        }
      });
      for (const p of hand)
        if (p) parts.push(`<circle cx="${num(P(p).x)}" cy="${num(P(p).y)}" r="4" fill="rgb(0,0,255)"/>`);
    }
    for (const p of person.face ?? []) {
      if (p) parts.push(`<circle cx="${num(P(p).x)}" cy="${num(P(p).y)}" r="3" fill="#fff"/>`);
    }
  }
  return parts.join("");
}

/** A standalone SVG document of the skeleton. */
export function skeletonSvg(pose: Pose, options: SvgOptions = {}): string {
  const width = options.width ?? pose.canvasWidth;
  const height = options.height ?? pose.canvasHeight;
  const bg = options.background === false ? "" : `<rect width="${width}" height="${height}" fill="#000"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${bg}${skeletonSvgElements(pose, { width, height })}</svg>`;
}
