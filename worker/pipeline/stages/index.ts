import type { Stage } from "../stage";
import { fashionStage } from "./fashion";
import { poseStage } from "./pose";

/** Every pose runs these in order; a new stage is one file and one entry here. */
export const STAGES: Stage[] = [poseStage, fashionStage];
