import type { Stage } from "../stage";
import { backgroundStage } from "./background";
import { fashionStage } from "./fashion";
import { poseStage } from "./pose";
import { themeStage } from "./theme";

/** Every pose runs these in order; a new stage is one file and one entry here. */
export const STAGES: Stage[] = [poseStage, fashionStage, backgroundStage, themeStage];
