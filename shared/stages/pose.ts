// The pose stage, first: the template's skeleton at the output size plus the avatar, through the
// configured pose providers in order (fallback chain, retries, limiter), stored as base.jpg.
import { defineStage } from "./stage";

export const poseStage = defineStage({
  name: "pose",
  image: "base",
  label: "stage.base",
  field: null,
  settings: null,
  applies: () => true,
  async run(_, tools) {
    await tools.store(await tools.generatePose());
  },
});
