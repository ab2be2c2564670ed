// Ready-made sets of built-in poses for common shop shoots, shown at the top of the library; "Use
// set" hands the whole set, in this order, to the studio. Names are the web app's strings
// (`set.<id>` in the library's strings.ts, English and Bahasa Indonesia).
import { builtInTemplateId } from "./built-in-rows";

export interface PoseSet {
  id: "hijab-catalogue" | "skincare" | "fashion-lookbook" | "profile-photos";
  /** Built-in template slugs (built-in.ts), in the order the set is shot. */
  slugs: readonly string[];
}

export const POSE_SETS: readonly PoseSet[] = [
  {
    id: "hijab-catalogue",
    slugs: [
      "hijab-front-soft",
      "hijab-three-quarter",
      "hijab-adjust",
      "khimar-display",
      "abaya-walk",
      "hijab-seated",
      "front-neutral",
      "three-quarter-turn",
      "walk-front",
      "hold-chest",
    ],
  },
  {
    id: "skincare",
    slugs: ["cheek-touch", "both-hands-face", "apply-serum", "chin-rest", "moisturiser-neck", "product-by-face"],
  },
  {
    id: "fashion-lookbook",
    slugs: [
      "front-neutral",
      "hand-on-hip",
      "three-quarter-turn",
      "contrapposto",
      "walk-front",
      "walk-three-quarter",
      "seated-legs-crossed",
      "lean-wall",
    ],
  },
  {
    id: "profile-photos",
    slugs: ["arms-crossed", "business-hands-front", "pocket-lean", "chin-rest", "three-quarter-turn"],
  },
];

/** A set's template ids, in its order. */
export const poseSetTemplateIds = (set: PoseSet): string[] => set.slugs.map(builtInTemplateId);
