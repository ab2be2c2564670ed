// Where a hijab or an outfit goes, from the keypoints: inpainting masks at the image's size.
// Hands and the face are cut out (a hand in front of the hijab stays a hand; faces stay faces).
import type { Pose, PosePerson } from "../pose/model";
import { at, faceOval, headCentre, headSize } from "../pose/body-geometry";
import { capsule, createMask, ellipse, feather, fillPolygon, type Mask, type Point } from "../raster/mask";

export const HIJAB_STYLES = ["modern", "pashmina", "turban", "square", "instant"] as const;
export type HijabStyle = (typeof HIJAB_STYLES)[number];
export const OUTFITS = ["casual", "formal", "traditional"] as const;
export type Outfit = (typeof OUTFITS)[number];

/** How far each style falls below the neck, in head sizes (a turban stays on the head). */
const DRAPE: Record<HijabStyle, number> = { modern: 1.0, pashmina: 1.3, turban: 0, square: 1.5, instant: 1.1 };

const add = (p: Point, dx: number, dy: number): Point => ({ x: p.x + dx, y: p.y + dy });
const toward = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** Each hand as a segment from the wrist outward (away from the elbow) with a radius. */
export function hands(person: PosePerson, head: number): { from: Point; to: Point; radius: number }[] {
  return (
    [
      ["rightWrist", "rightElbow"],
      ["leftWrist", "leftElbow"],
    ] as const
  ).flatMap(([wrist, elbow]) => {
    const w = at(person, wrist);
    if (!w) return [];
    const e = at(person, elbow);
    return [{ from: w, to: e ? toward(e, w, 1.12) : w, radius: head * 0.3 }];
  });
}

function cutHandsAndFace(mask: Mask, person: PosePerson, head: number, face: boolean) {
  for (const hand of hands(person, head)) fillPolygon(mask, capsule(hand.from, hand.to, hand.radius), 0);
  const oval = face && faceOval(person, head);
  if (oval) fillPolygon(mask, ellipse(oval.cx, oval.cy, oval.rx, oval.ry), 0);
}

function hijabPerson(mask: Mask, person: PosePerson, style: HijabStyle) {
  const head = headSize(person);
  const centre = headCentre(person);
  if (!head || !centre) return;
  // The head, wrapped: a little wider than ear to ear, from above the hair to under the chin.
  fillPolygon(mask, ellipse(centre.x, centre.y - head * 0.12, head * 0.68, head * 0.88));
  const neck = at(person, "neck");
  const [earR, earL] = [at(person, "rightEar"), at(person, "leftEar")];
  const [shR, shL] = [at(person, "rightShoulder"), at(person, "leftShoulder")];
  if (neck) {
    // The neck is always covered; the drape falls over the shoulders and chest by style.
    const sideR = earR ?? add(centre, -head * 0.5, 0);
    const sideL = earL ?? add(centre, head * 0.5, 0);
    const drop = DRAPE[style] * head;
    const outR = shR ? toward(neck, shR, 0.75) : add(neck, -head * 0.8, 0);
    const outL = shL ? toward(neck, shL, 0.75) : add(neck, head * 0.8, 0);
    fillPolygon(mask, [
      add(sideR, -head * 0.18, 0),
      add(sideL, head * 0.18, 0),
      add(outL, 0, drop * 0.45),
      add(neck, 0, Math.max(drop, head * 0.25)),
      add(outR, 0, drop * 0.45),
    ]);
  }
  cutHandsAndFace(mask, person, head, true);
}

function outfitPerson(mask: Mask, person: PosePerson, outfit: Outfit) {
  const head = headSize(person);
  if (!head) return;
  const p = (name: Parameters<typeof at>[1]) => at(person, name);
  const [shR, shL, hipR, hipL, neck] = [p("rightShoulder"), p("leftShoulder"), p("rightHip"), p("leftHip"), p("neck")];
  const limb = (a: Point | null, b: Point | null, r: number) => a && b && fillPolygon(mask, capsule(a, b, r));
  if (shR && shL && hipR && hipL) {
    const pad = head * 0.3;
    fillPolygon(mask, [
      add(shR, -pad, -pad * 0.4),
      add(shL, pad, -pad * 0.4),
      add(hipL, pad, pad),
      add(hipR, -pad, pad),
    ]);
  }
  limb(neck, shR, head * 0.3);
  limb(neck, shL, head * 0.3);
  const sleeve = head * 0.3;
  const trouser = head * 0.36;
  for (const side of ["right", "left"] as const) {
    const [sh, el, wr, hip, knee, ankle] = (["Shoulder", "Elbow", "Wrist", "Hip", "Knee", "Ankle"] as const).map((j) =>
      p(`${side}${j}`),
    );
    limb(sh ?? null, el ?? null, sleeve);
    // Casual is short-sleeved; formal and traditional cover the forearms.
    if (outfit !== "casual") limb(el ?? null, wr ?? null, sleeve * 0.9);
    limb(hip ?? null, knee ?? null, trouser);
    limb(knee ?? null, ankle ?? null, trouser * 0.85);
  }
  const [ankleR, ankleL] = [p("rightAnkle"), p("leftAnkle")];
  if (outfit === "traditional" && hipR && hipL && ankleR && ankleL) {
    // A long skirt or gown from the hips to the ankles.
    const pad = head * 0.5;
    fillPolygon(mask, [add(hipR, -pad * 0.6, 0), add(hipL, pad * 0.6, 0), add(ankleL, pad, 0), add(ankleR, -pad, 0)]);
  }
  cutHandsAndFace(mask, person, head, true);
  const oval = faceOval(person, head);
  if (oval) fillPolygon(mask, ellipse(oval.cx, oval.cy - head * 0.2, oval.rx * 1.3, oval.ry * 1.3), 0);
}

/** The feather radius for a pose: a tenth of the largest head. */
const featherOf = (pose: Pose) => Math.max(1, 0.1 * Math.max(0, ...pose.people.map((p) => headSize(p) ?? 0)));

/** The hijab's mask for every person in the pose (already at the output size). */
export function hijabMask(pose: Pose, style: HijabStyle): Mask {
  const mask = createMask(pose.canvasWidth, pose.canvasHeight);
  for (const person of pose.people) hijabPerson(mask, person, style);
  return feather(mask, featherOf(pose));
}

/** The outfit's mask: torso, arms and legs as the outfit covers them. */
export function outfitMask(pose: Pose, outfit: Outfit): Mask {
  const mask = createMask(pose.canvasWidth, pose.canvasHeight);
  for (const person of pose.people) outfitPerson(mask, person, outfit);
  return feather(mask, featherOf(pose));
}
