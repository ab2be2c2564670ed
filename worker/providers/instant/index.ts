// The instant pose engine as a pose provider: built in, no AI, no settings, 0 credits. It runs when
// a generation names it or when no AI vendor is configured for poses; it is never an AI fallback.
import { z } from "zod";
import { INSTANT_LABEL, INSTANT_PROVIDER } from "../../../shared/api/providers";
import { defineVendor } from "../vendor";
import { instantPose } from "./pose";

export const instant = defineVendor({
  name: INSTANT_PROVIDER,
  label: INSTANT_LABEL,
  builtIn: true,
  settings: z.object({}),
  capabilities: {
    pose: { adapter: instantPose, cost: { sd: 0, hd: 0 } },
  },
});
