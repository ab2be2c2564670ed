// Prompts for the scene backdrops a text-to-image provider paints (once per scene and size; cached).
import type { AnyScene } from "../background/backdrops";

const PLACES: Record<AnyScene, string> = {
  studio: "an empty photo studio with a seamless light grey paper backdrop",
  outdoor: "an empty city park path with trees, soft morning light",
  office: "an empty modern office interior with large windows and plants",
  cafe: "an empty cosy café interior with a wooden counter and warm lights",
  hospital: "an empty bright hospital corridor",
  cockpit: "an empty airliner cockpit seen from behind the seats",
  kitchen: "an empty professional restaurant kitchen with steel counters",
  classroom: "an empty classroom with a green chalkboard and wooden desks",
};

export const scenePrompt = (scene: AnyScene) =>
  `${PLACES[scene]}, no people, eye-level view, shallow depth of field, professional photographic backdrop, high quality`;
export const SCENE_NEGATIVE = "people, person, figure, text, watermark, logo, blurry, low quality";
