// Where each accessory sits on a person, from the keypoints: position, size and rotation.
// Each asset is drawn upright; `angle` turns its x axis (radians, screen coordinates).
import type { Pose, PosePerson } from "../pose/model";
import { at, dist, headSize } from "../pose/body-geometry";
import type { Point } from "../raster/mask";

export const ACCESSORIES = ["jewelry", "bag", "watch", "sunglasses"] as const;
export type Accessory = (typeof ACCESSORIES)[number];

/** The drawings accessories are made of (an accessory may use several: jewelry = necklace + earrings). */
export const ACCESSORY_ASSETS = [
  "sunglasses",
  "watch",
  "bag",
  "necklace",
  "earring",
  // Profession theme props (shared/themes/props.ts places them).
  "stethoscope",
  "pilot-cap",
  "chef-hat",
  "book",
  "pointer",
] as const;
export type AccessoryAsset = (typeof ACCESSORY_ASSETS)[number];

/** Where in its own drawing an asset is held (0–1 of width and height). */
export const ASSET_PIVOT: Record<AccessoryAsset, Point> = {
  sunglasses: { x: 0.5, y: 0.45 },
  watch: { x: 0.5, y: 0.5 },
  bag: { x: 0.5, y: 0.04 },
  necklace: { x: 0.5, y: 0.3 },
  earring: { x: 0.5, y: 0.08 },
  stethoscope: { x: 0.5, y: 0.07 },
  "pilot-cap": { x: 0.5, y: 0.89 },
  "chef-hat": { x: 0.5, y: 0.94 },
  book: { x: 0.18, y: 0.21 },
  pointer: { x: 0.05, y: 0.5 },
};

export interface Placement {
  asset: AccessoryAsset;
  /** Where the asset's pivot lands, in image px. */
  x: number;
  y: number;
  angle: number;
  /** Drawn width in image px. */
  width: number;
  /** Moved (or shrunk) to lie wholly inside the picture: a hat is never cut off by the top edge. */
  keepInside?: boolean;
}

const angleOf = (a: Point, b: Point) => Math.atan2(b.y - a.y, b.x - a.x);

function placePerson(person: PosePerson, accessory: Accessory): Placement[] {
  const head = headSize(person);
  if (!head) return [];
  const p = (name: Parameters<typeof at>[1]) => at(person, name);
  switch (accessory) {
    case "sunglasses": {
      const [r, l] = [p("rightEye"), p("leftEye")];
      if (!r || !l) return [];
      // Lenses over the eyes, along the eye line, a little wider than the face.
      return [
        { asset: "sunglasses", x: (r.x + l.x) / 2, y: (r.y + l.y) / 2, angle: angleOf(r, l), width: head * 0.98 },
      ];
    }
    case "watch": {
      // On the subject's left wrist when it shows (the usual side), across the forearm.
      for (const side of ["left", "right"] as const) {
        const [w, e] = [p(`${side}Wrist`), p(`${side}Elbow`)];
        if (!w || !e) continue;
        const forearm = dist(e, w);
        const t = 0.1;
        return [
          {
            asset: "watch",
            x: w.x + (e.x - w.x) * t,
            y: w.y + (e.y - w.y) * t,
            angle: angleOf(e, w),
            width: Math.max(head * 0.32, forearm * 0.22),
          },
        ];
      }
      return [];
    }
    case "bag": {
      // Hanging from the lower hand.
      const wrists = [p("rightWrist"), p("leftWrist")].filter((w): w is NonNullable<typeof w> => !!w);
      if (wrists.length === 0) return [];
      const hand = wrists.reduce((a, b) => (b.y > a.y ? b : a));
      return [{ asset: "bag", x: hand.x, y: hand.y + head * 0.1, angle: 0, width: head * 1.5 }];
    }
    case "jewelry": {
      const out: Placement[] = [];
      const [neck, shR, shL, nose] = [p("neck"), p("rightShoulder"), p("leftShoulder"), p("nose")];
      if (neck) {
        const angle = shR && shL ? angleOf(shR, shL) : 0;
        // Just above the base of the neck, toward the chin.
        const up = nose ? { x: (nose.x - neck.x) * 0.18, y: (nose.y - neck.y) * 0.18 } : { x: 0, y: -head * 0.12 };
        out.push({ asset: "necklace", x: neck.x + up.x, y: neck.y + up.y, angle, width: head * 0.85 });
      }
      for (const ear of [p("rightEar"), p("leftEar")]) {
        if (ear) out.push({ asset: "earring", x: ear.x, y: ear.y + head * 0.14, angle: 0, width: head * 0.16 });
      }
      return out;
    }
  }
}

/** Every placement for the chosen accessories, for every person in the pose. */
export function placeAccessories(pose: Pose, accessories: readonly Accessory[]): Placement[] {
  return pose.people.flatMap((person) => accessories.flatMap((a) => placePerson(person, a)));
}
