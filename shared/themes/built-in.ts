// Profession themes: clothing to repaint, props drawn at keypoints, and a scene behind.
import type { AnyScene } from "../background/backdrops";

export const THEME_PROPS = ["stethoscope", "pilot-cap", "chef-hat", "book", "pointer"] as const;
export type ThemeProp = (typeof THEME_PROPS)[number];
export const THEME_SCENE_CHOICES = [
  "hospital",
  "cockpit",
  "kitchen",
  "classroom",
  "studio",
  "outdoor",
  "office",
  "cafe",
] as const;

export interface Theme {
  name: string;
  /** What the inpainting provider is asked to dress the person in. */
  clothing: string;
  props: ThemeProp[];
  scene: AnyScene;
}

export const BUILT_IN_THEMES = {
  doctor: {
    name: "Doctor",
    clothing: "a crisp white doctor's lab coat over smart clothes",
    props: ["stethoscope"],
    scene: "hospital",
  },
  pilot: {
    name: "Pilot",
    clothing: "a navy airline pilot uniform with gold-striped epaulettes and a tie",
    props: ["pilot-cap"],
    scene: "cockpit",
  },
  chef: {
    name: "Chef",
    clothing: "a white double-breasted chef jacket and a dark apron",
    props: ["chef-hat"],
    scene: "kitchen",
  },
  teacher: {
    name: "Teacher",
    clothing: "smart casual teacher clothes: a cardigan over a collared shirt",
    props: ["book"],
    scene: "classroom",
  },
} as const satisfies Record<string, Theme>;

export const BUILT_IN_THEME_IDS = Object.keys(BUILT_IN_THEMES) as (keyof typeof BUILT_IN_THEMES)[];
