// The providers of each capability, derived from the vendor list: the configured ones in the
// capability's *_PROVIDER_ORDER (default: the vendor list's order), each one its vendor's adapter
// with the vendor's name, label and cost; and the setup message when none is configured.
import { config, vendorSettings } from "../config";
import type { InpaintingProvider } from "./inpainting";
import type { PoseImageProvider } from "./provider";
import type { SegmentationProvider } from "./segmentation";
import type { TextToImageProvider } from "./text-to-image";
import type { CapabilityName, Vendor } from "./vendor";
import { VENDORS } from "./vendors";

interface ProviderOf {
  pose: PoseImageProvider;
  inpainting: InpaintingProvider;
  segmentation: SegmentationProvider;
  textToImage: TextToImageProvider;
}

/** What each capability makes, for "No AI provider is configured, so … cannot be generated." */
const WHAT: Record<CapabilityName, string> = {
  pose: "poses",
  inpainting: "hijabs and outfits",
  segmentation: "person masks",
  textToImage: "avatars from text",
};

/** The vendors offering a capability, in the vendor list's order. */
export const vendorsFor = (capability: CapabilityName) => VENDORS.filter((v) => v.capabilities[capability]);

/** One vendor's provider for a capability, or null when the vendor is not configured. */
export function providerFor<K extends CapabilityName>(
  vendor: Vendor<any>,
  capability: K,
  env: Env,
): ProviderOf[K] | null {
  const entry = vendor.capabilities[capability];
  if (!entry) return null;
  const adapter = entry.adapter(vendorSettings(env, vendor), { timeoutMs: config(env).providers.timeoutMs });
  if (!adapter) return null;
  const cost = entry.cost as number | Record<string, number>;
  const estimatedCost = (key?: string) => (typeof cost === "number" ? cost : cost[key!]!);
  return { ...adapter, name: vendor.name, label: vendor.label, estimatedCost } as ProviderOf[K];
}

/** The configured providers of a capability, first choice first ("none" in the order: none). */
export function configured<K extends CapabilityName>(env: Env, capability: K): ProviderOf[K][] {
  const offering = vendorsFor(capability);
  const order = config(env).providers.order[capability] ?? offering.map((v) => v.name).join(",");
  return order
    .split(",")
    .map((name) => offering.find((v) => v.name === name.trim()))
    .filter((v) => v !== undefined)
    .map((v) => providerFor(v, capability, env))
    .filter((p) => p !== null);
}

/** The configured pose providers, first choice first (PROVIDER_ORDER). */
export const configuredProviders = (env: Env) => configured(env, "pose");
/** The configured inpainting providers (INPAINTING_PROVIDER_ORDER). */
export const configuredInpaintingProviders = (env: Env) => configured(env, "inpainting");
/** The configured segmentation providers (SEGMENTATION_PROVIDER_ORDER). */
export const configuredSegmentationProviders = (env: Env) => configured(env, "segmentation");
/** The configured text-to-image providers (TEXT_PROVIDER_ORDER). */
export const configuredTextProviders = (env: Env) => configured(env, "textToImage");

/** How to set a capability up, from its vendors' hints: "Set HF_TOKEN (and HF_ENDPOINT_URL) or A1111_URL". */
export function setupHint(capability: CapabilityName): string {
  const hints = vendorsFor(capability).flatMap((v) => v.capabilities[capability]?.setup ?? []);
  return `Set ${hints.join(hints.length > 2 ? ", or " : " or ")}`;
}

/** The message when no provider of a capability is configured. */
export function notConfiguredMessage(capability: CapabilityName): string {
  return `No AI provider is configured, so ${WHAT[capability]} cannot be generated. ${setupHint(capability)}; see the README.`;
}
