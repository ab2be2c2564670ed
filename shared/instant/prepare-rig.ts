// Everything the engine computes once per avatar: the working-size texture, the silhouette, the
// mesh split into parts, the pins and the two factored ARAP matrices. Deterministic: the same rig
// gives the same PreparedRig, so the same pose gives the same bytes.
import { BODY_POINTS } from "../pose/model";
import type { Rgba } from "../raster/rgba";
import { buildArap, type Arap } from "./arap";
import {
  describeBody,
  HEAD,
  LEFT_ARM,
  LEFT_LEG,
  RIGHT_ARM,
  RIGHT_LEG,
  stiffness,
  TORSO,
  type Body,
  type Part,
} from "./body";
import { RigProblem, type AvatarRig } from "./contract";
import { buildMesh } from "./mesh";
import { cutParts, labelParts, type PartedMesh } from "./parts";
import { pinLoosePieces } from "./loose-pieces";
import { placePins, pointPins } from "./pins";
import { premultiply, type Texture } from "./rasterise";
import { traceSilhouette, type Vec } from "./silhouette";

/** The engine works at most this tall (px); larger cut-outs are scaled down first. */
export const MAX_WORKING_HEIGHT = 1024;

export interface PreparedRig {
  /** Working size ÷ the rig's cut-out size (1 unless the cut-out was taller than 1024 px). */
  scale: number;
  texture: Texture;
  body: Body;
  mesh: PartedMesh;
  /** Triangles of each part (indexed by part), in mesh order. */
  partTriangles: Uint32Array[];
  arap: Arap;
}

/** Box-filter downscale of RGBA by an integer-free factor (area average, premultiplied). */
function downscale(src: Rgba, width: number, height: number): Rgba {
  const out = new Uint8ClampedArray(width * height * 4);
  const fx = src.width / width;
  const fy = src.height / height;
  for (let y = 0; y < height; y++) {
    const sy0 = Math.floor(y * fy);
    const sy1 = Math.max(sy0 + 1, Math.floor((y + 1) * fy));
    for (let x = 0; x < width; x++) {
      const sx0 = Math.floor(x * fx);
      const sx1 = Math.max(sx0 + 1, Math.floor((x + 1) * fx));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let n = 0;
      for (let sy = sy0; sy < sy1; sy++) {
        for (let sx = sx0; sx < sx1; sx++) {
          const i = (sy * src.width + sx) * 4;
          const al = src.data[i + 3]!;
          r += src.data[i]! * al;
          g += src.data[i + 1]! * al;
          b += src.data[i + 2]! * al;
          a += al;
          n++;
        }
      }
      const o = (y * width + x) * 4;
      if (a > 0) [out[o], out[o + 1], out[o + 2]] = [r / a, g / a, b / a];
      out[o + 3] = a / n;
    }
  }
  return { width, height, data: out };
}

/**
 * Prepares an avatar's rig for posing: mesh, parts, pins and factored matrices. Throws a
 * RigProblem when the torso's joints are missing, and an Error naming the cause (a non-positive
 * pivot: a piece of the mesh no pin holds) when the rig cannot be pinned.
 */
export function prepareRig(rig: AvatarRig): PreparedRig {
  const scale = rig.cutout.height > MAX_WORKING_HEIGHT ? MAX_WORKING_HEIGHT / rig.cutout.height : 1;
  const cutout =
    scale < 1
      ? downscale(rig.cutout, Math.max(1, Math.round(rig.cutout.width * scale)), MAX_WORKING_HEIGHT)
      : rig.cutout;
  const joints: (Vec | null)[] = Array.from({ length: BODY_POINTS }, (_, i) => {
    const k = rig.pose.body[i];
    return k && k.c > 0 ? { x: k.x * scale, y: k.y * scale } : null;
  });
  if (!joints[1] || !joints[2] || !joints[5]) {
    throw new RigProblem("rig_torso_missing", "the avatar's pose needs the neck and both shoulders");
  }
  // Spacing ≈ figure height / 60, wider for a broad (half-body) figure: about 600–1,400 vertices
  // whatever the size, so the factors stay near 1 MB and a solve near a millisecond.
  const sil = traceSilhouette(cutout, (figure, area) => Math.max(4, figure / 60, Math.sqrt(area / 1000)));
  const spacing = sil.spacing;
  if (sil.area < 500) throw new RigProblem("rig_too_small", "the person in the cut-out is too small to pose");
  const body = describeBody(joints, sil, spacing);
  const pins = pointPins(body);
  const mesh = buildMesh(
    sil,
    pins.map((p) => p.at),
    spacing,
  );
  const parted = cutParts(body, mesh, labelParts(body, mesh));
  // A piece no pin holds (a ball, a speck the cut-out kept) goes rigidly with its nearest bone.
  const placed = pinLoosePieces(body, parted, placePins(body, parted, pins));
  const triangles = parted.triPart.length;
  const omega = new Float64Array(triangles);
  for (let t = 0; t < triangles; t++) {
    const [a, b, c] = [parted.triangles[3 * t]!, parted.triangles[3 * t + 1]!, parted.triangles[3 * t + 2]!];
    const P = parted.points;
    const centre = {
      x: (P[2 * a]! + P[2 * b]! + P[2 * c]!) / 3,
      y: (P[2 * a + 1]! + P[2 * b + 1]! + P[2 * c + 1]!) / 3,
    };
    omega[t] = stiffness(body, parted.triPart[t] as Part, centre);
  }
  const arap = buildArap(parted.points, parted.triangles, omega, placed);
  const partTriangles = [TORSO, HEAD, RIGHT_ARM, LEFT_ARM, RIGHT_LEG, LEFT_LEG].map((part) => {
    const list: number[] = [];
    for (let t = 0; t < triangles; t++) if (parted.triPart[t] === part) list.push(t);
    return Uint32Array.from(list);
  });
  return {
    scale,
    texture: premultiply(cutout.width, cutout.height, cutout.data),
    body,
    mesh: parted,
    partTriangles,
    arap,
  };
}
