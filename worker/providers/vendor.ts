// What a vendor folder declares in its descriptor (`<vendor>/index.ts`): who it is, the settings it
// reads, and per capability the adapter, the cost of one image and the setup hint. The registry
// derives every per-capability list, order and message from these.
import type { z } from "zod";
import type { InpaintingProvider } from "./inpainting";
import type { PoseImageProvider } from "./provider";
import type { SegmentationProvider } from "./segmentation";
import type { TextModel, TextToImageProvider } from "./text-to-image";
import type { SetupProblem } from "./setup-problem";

/** Settings every adapter shares, from the typed config. */
export interface CommonProviderSettings {
  /** How long one provider call may take. */
  timeoutMs: number;
}

/** What an adapter builds; its name, label and cost come from the vendor's descriptor. */
export type Adapter<P> = Omit<P, "name" | "label" | "estimatedCost">;

export interface Capability<S, P, Cost> {
  /** The adapter for these settings, or null when the vendor is not configured. */
  adapter: (settings: S, common: CommonProviderSettings) => Adapter<P> | null;
  /** Estimated cost of one image in US dollars (per quality or model where it varies), for metrics. */
  cost: Cost;
  /** How to set it up, in "No AI provider is configured … Set <hints>"; fallback vendors leave it out. */
  setup?: string;
  /**
   * Poses only: the adapter reads PoseImageRequest.initImage/initStrength (img2img with ControlNet,
   * per the vendor's public API), so the pose stage sends it the instant picture to refine.
   */
  acceptsInitImage?: boolean;
}

export interface Capabilities<S> {
  pose?: Capability<S, PoseImageProvider, Record<"sd" | "hd", number>>;
  inpainting?: Capability<S, InpaintingProvider, number>;
  segmentation?: Capability<S, SegmentationProvider, number>;
  textToImage?: Capability<S, TextToImageProvider, Record<TextModel, number>>;
}

export type CapabilityName = keyof Capabilities<unknown>;

export interface Vendor<S = unknown> {
  /** Stable name for settings (*_PROVIDER_ORDER, PROVIDER_CONCURRENCY_<NAME>), limiter slots, rows and metrics. */
  name: string;
  /** Human label for the UI. */
  label: string;
  /**
   * Built into the product (the instant engine): no AI, always configured, costs no credits, and
   * never in an AI capability's chain, its order or its setup message.
   */
  builtIn?: boolean;
  /** Reads the vendor's settings from the Worker's env (composed into the typed config). */
  settings: z.ZodType<S, unknown>;
  capabilities: Capabilities<S>;
  /**
   * The setting that turns the vendor on (its key or URL). Any other of its settings set without
   * it is a misconfiguration GET /api/v1/providers reports, naming this one.
   */
  keySetting?: string;
  /**
   * A live check of a configured vendor's server (reachable, its nodes and model files there), for
   * GET /api/v1/providers?check=true: each problem in plain words with what to set or install.
   */
  probe?: (settings: S, common: CommonProviderSettings) => Promise<SetupProblem[]>;
}

/** A vendor descriptor, its settings type carried from the schema to its adapters. */
export function defineVendor<S>(vendor: Vendor<S>): Vendor<S> {
  return vendor;
}
