// Where a theme's props sit on a person: a hat on the head, a stethoscope round the neck, a book
// or a pointer in the hand. Placements for the same compositor as accessories.
import { at, dist, headCentre, headSize } from "../pose/body-geometry";
import type { Placement } from "../fashion/anchors";
import type { Pose, PosePerson } from "../pose/model";
import type { ThemeProp } from "./built-in";

function placeProp(person: PosePerson, prop: ThemeProp): Placement[] {
  const head = headSize(person);
  if (!head) return [];
  const p = (name: Parameters<typeof at>[1]) => at(person, name);
  const [shR, shL] = [p("rightShoulder"), p("leftShoulder")];
  const tilt = shR && shL ? Math.atan2(shL.y - shR.y, shL.x - shR.x) : 0;
  switch (prop) {
    case "pilot-cap":
    case "chef-hat": {
      const centre = headCentre(person);
      if (!centre) return [];
      // The band sits across the forehead, above the eyes.
      const width = head * (prop === "chef-hat" ? 1.15 : 1.25);
      // A head near the top edge would cut the crown off: the drawing keeps inside the picture.
      return [{ asset: prop, x: centre.x, y: centre.y - head * 0.42, angle: tilt, width, keepInside: true }];
    }
    case "stethoscope": {
      const neck = p("neck");
      if (!neck) return [];
      const width = shR && shL ? dist(shR, shL) * 0.6 : head * 1.3;
      return [{ asset: "stethoscope", x: neck.x, y: neck.y - head * 0.15, angle: tilt, width }];
    }
    case "book":
    case "pointer": {
      // The hand that is lower holds the book; the one that is higher (or the right) the pointer.
      const hands = (["right", "left"] as const).flatMap((side) => {
        const [w, e] = [p(`${side}Wrist`), p(`${side}Elbow`)];
        return w && e ? [{ w, e }] : [];
      });
      if (hands.length === 0) return [];
      const pick = hands.reduce((a, b) => ((prop === "book" ? b.w.y > a.w.y : b.w.y < a.w.y) ? b : a));
      const along = Math.atan2(pick.w.y - pick.e.y, pick.w.x - pick.e.x);
      return prop === "book"
        ? [{ asset: "book", x: pick.w.x, y: pick.w.y, angle: 0, width: head * 1.1 }]
        : [{ asset: "pointer", x: pick.w.x, y: pick.w.y, angle: along, width: head * 2.6 }];
    }
  }
}

export function placeProps(pose: Pose, props: readonly ThemeProp[]): Placement[] {
  return pose.people.flatMap((person) => props.flatMap((prop) => placeProp(person, prop)));
}
