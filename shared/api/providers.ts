// GET /api/v1/providers: what can generate right now. The top-level fields are the AI pose
// vendors (unchanged for older clients); the built-in instant engine is reported on its own.
import { z } from "zod";

/** The built-in instant pose engine's provider name, in requests, pose results and metrics. */
export const INSTANT_PROVIDER = "instant";
/** Its label wherever a result says which engine made it (the studio translates it). */
export const INSTANT_LABEL = "Instant (no AI)";

export const CapabilityStatus = z.object({
  configured: z.boolean(),
  /** True when every configured provider is on this machine (the fake, for tests and demos). */
  localOnly: z.boolean(),
  message: z.string(),
  providers: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      local: z.boolean(),
      /**
       * Poses only: whether it refines the instant picture of a rigged avatar (img2img with
       * ControlNet at the generation's initStrength) rather than drawing from the skeleton alone.
       */
      startsFromInstant: z.boolean().optional(),
    }),
  ),
  /** The settings that would add an AI vendor, one per vendor: "HF_TOKEN". */
  setup: z.array(z.string()),
});
export type CapabilityStatus = z.infer<typeof CapabilityStatus>;

/** The built-in engine: always there, no AI, 0 credits. */
export const InstantStatus = z.object({
  name: z.literal(INSTANT_PROVIDER),
  label: z.string(),
  available: z.boolean(),
  /** Credits one instant pose costs (0). */
  creditsPerPose: z.number().int(),
  /** Whether a generation that names no provider runs instant (no AI vendor is configured for poses). */
  isDefault: z.boolean(),
  /** How much an AI vendor may change the instant picture when a generation does not say (INSTANT_INIT_STRENGTH). */
  initStrength: z.number(),
  message: z.string(),
});
export type InstantStatus = z.infer<typeof InstantStatus>;

/** One AI vendor that is set up (or half set up): what it can do here and what to fix. */
export const VendorReport = z.object({
  name: z.string(),
  label: z.string(),
  /** Whether any capability is configured. */
  configured: z.boolean(),
  local: z.boolean(),
  can: z.object({
    poseSd: z.boolean(),
    poseHd: z.boolean(),
    inpainting: z.boolean(),
    segmentation: z.boolean(),
    textToImage: z.boolean(),
    /** Poses: it refines a starting picture (the instant one) instead of drawing from the skeleton alone. */
    startingImage: z.boolean(),
  }),
  /** Misconfigurations in plain words, each saying what to set or install. */
  problems: z.array(z.string()),
});
export type VendorReport = z.infer<typeof VendorReport>;

/** Poses from AI vendors (top level), the instant engine, avatars from text, inpainting, and each vendor. */
export const ProviderStatus = CapabilityStatus.extend({
  instant: InstantStatus,
  textToImage: CapabilityStatus,
  inpainting: CapabilityStatus,
  vendors: z.array(VendorReport),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;
